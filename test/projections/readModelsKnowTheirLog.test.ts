/**
 * Read models that know their log: a swapped log, a restored older log, a log that grew past a
 * restore, read models of an unknown log, a second process on the same read-model file, and a
 * damaged read-model file are each detected at start; the read models are rebuilt from the log
 * (the default) or refused with a clear message, never served as they are. The log is never
 * written by any of it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, copyFileSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReadModelsDoNotMatchLogError } from '../../src/projections/runner.js';
import { ReadModelsInUseError } from '../../src/readModels/database.js';
import { SqliteEventStore } from '../../src/eventStore/sqlite.js';
import { findNetwork } from '../../projections/network/queries.js';
import type { App } from '../../src/app.js';
import { EventStoreDbDouble } from '../eventStore/esdbDouble.js';
import { appOn, networkNames, registerNetworks, tempDir } from './support.js';

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} ${String(i + 1).padStart(3, '0')}`);
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('read models that know their log', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  const opened: App[] = [];
  const open = async (...args: Parameters<typeof appOn>) => {
    const app = await appOn(...args);
    opened.push(app);
    return app;
  };
  const close = async (app: App) => {
    opened.splice(opened.indexOf(app), 1);
    await app.close();
  };
  afterEach(async () => {
    for (const app of opened.splice(0)) await app.close().catch(() => undefined);
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const dir = () => {
    const d = tempDir();
    cleanups.push(d.cleanup);
    return d.dir;
  };

  /**
   * Registers `kept` networks, backs the log up, registers `lost` ones, and puts the backup back in
   * place of the log; the read models stay as they were, ahead of it. Returns the log's file.
   */
  const restoreOlderLog = async (data: string, kept: readonly string[], lost: readonly string[]) => {
    const log = join(data, 'events.sqlite');
    const backup = join(data, 'backup.sqlite');
    let app = await open(data);
    await registerNetworks(app, kept);
    await close(app);
    copyFileSync(log, backup);
    app = await open(data);
    await registerNetworks(app, lost);
    await close(app);
    for (const suffix of ['-wal', '-shm']) rmSync(log + suffix, { force: true });
    copyFileSync(backup, log);
    return log;
  };

  it('rebuilds read models built from another log: SQLite first, then EventStoreDB on the same DATA_DIR shows 8 networks, not 16', async () => {
    const double = await EventStoreDbDouble.start();
    cleanups.push(() => double.stop());
    const esdb = { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: double.connectionString };
    // The EventStoreDB log already holds 8 networks of its own.
    const elsewhere = await open(dir(), esdb);
    await registerNetworks(elsewhere, names('EventStoreDB network', 8));
    await close(elsewhere);

    const data = dir();
    const onSqlite = await open(data);
    await registerNetworks(onSqlite, names('SQLite network', 8));
    await close(onSqlite);

    const onEventStoreDb = await open(data, esdb);
    await onEventStoreDb.projections.catchUp();
    expect(networkNames(onEventStoreDb)).toEqual(names('EventStoreDB network', 8));
  });

  it('rebuilds read models ahead of a restored older log, and projects the mutations that follow', async () => {
    const data = dir();
    await restoreOlderLog(data, names('Before the backup', 3), names('After the backup', 5));

    const app = await open(data);
    await app.projections.catchUp();
    expect(networkNames(app)).toEqual(names('Before the backup', 3));
    const [added] = await registerNetworks(app, ['After the restore']);
    expect(findNetwork(app.readModels, added!)?.name).toBe('After the restore');
    expect(networkNames(app)).toHaveLength(4);
  });

  it('rebuilds read models whose checkpoint stands at an event the log does not have (a restore that grew past it)', async () => {
    const data = dir();
    const log = await restoreOlderLog(data, names('Kept', 2), names('Lost', 4));
    // Another writer (the same log, restored) appends more than was lost: the head is past the checkpoint again.
    const store = new SqliteEventStore(log);
    for (let i = 0; i < 6; i++) {
      const now = new Date().toISOString();
      const id = randomUUID();
      await store.appendToStream(`network-${randomUUID()}`, [
        {
          id,
          type: 'NetworkRegistered',
          data: { name: `Written after the restore ${i + 1}`, kind: 'transfer', theme: 't', topics: [], startDate: '2024-01-01', endDate: '2025-12-31' },
          metadata: { actor: 'system', recordedAt: now, occurredAt: now, commandId: id, correlationId: id, causationId: id },
        },
      ]);
    }
    await store.close();

    const app = await open(data);
    await app.projections.catchUp();
    const shown = networkNames(app);
    expect(shown.filter((n) => n.startsWith('Lost'))).toEqual([]);
    expect(shown.filter((n) => n.startsWith('Kept'))).toHaveLength(2);
    expect(shown.filter((n) => n.startsWith('Written after the restore'))).toHaveLength(6);
  });

  it('with ON_LOG_MISMATCH=refuse, refuses to start on read models ahead of the log, saying why, and leaves them as they are', async () => {
    const data = dir();
    await restoreOlderLog(data, [], names('Network', 2));

    const refused = open(data, { ON_LOG_MISMATCH: 'refuse' });
    await expect(refused).rejects.toBeInstanceOf(ReadModelsDoNotMatchLogError);
    await expect(refused).rejects.toThrow(/ahead of the log/);
    // Nothing was dropped: an operator can still look, and the next start (rebuild) proceeds.
    const app = await open(data, { ON_LOG_MISMATCH: 'rebuild' });
    await app.projections.catchUp();
    expect(networkNames(app)).toEqual([]);
  });

  it('rebuilds read models that do not say which log they were built from', async () => {
    const data = dir();
    let app = await open(data);
    const [id] = await registerNetworks(app, ['Original name']);
    // Read models from before they recorded their log, changed by hand since.
    app.readModels.run('DELETE FROM read_model_origin');
    app.readModels.run('UPDATE networks SET name = ?', ['Changed by hand']);
    await close(app);
    app = await open(data);
    await app.projections.catchUp();
    expect(findNetwork(app.readModels, id!)?.name).toBe('Original name');
  });

  it('refuses a second writer on the same read-model file, saying what to do, and lets it in once the first has gone', async () => {
    const data = dir();
    const first = await open(data);
    const second = open(data);
    await expect(second).rejects.toBeInstanceOf(ReadModelsInUseError);
    await expect(second).rejects.toThrow(/READ_MODEL_FILE/);
    // Its own read-model file on the same log is fine: that is how replicas run.
    const replica = await open(data, { READ_MODEL_FILE: join(data, 'replica.sqlite') });
    await close(replica);
    await close(first);
    await close(await open(data));
  });

  it('moves a read-model file with a damaged header aside and rebuilds it from the log, which it never writes', async () => {
    const data = dir();
    let app = await open(data);
    await registerNetworks(app, names('Network', 3));
    await close(app);
    const logHash = sha256(join(data, 'events.sqlite'));
    const file = join(data, 'readmodels.sqlite');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(100, 0x42), 0, 100, 0);
    closeSync(fd);

    app = await open(data);
    await app.projections.catchUp();
    expect(networkNames(app)).toEqual(names('Network', 3));
    await close(app);
    expect(sha256(join(data, 'events.sqlite'))).toBe(logHash);
    expect(readdirSync(data).some((name) => name.startsWith('readmodels.sqlite.damaged-'))).toBe(true);
  });

  it('moves a read-model file with damaged pages aside and rebuilds it from the log', async () => {
    const data = dir();
    let app = await open(data);
    const all = names('Network with a long enough name to fill pages', 300);
    await registerNetworks(app, all);
    // The pages that hold the networks table (SQLite's dbstat table lists them).
    const pages = app.readModels.all<{ pageno: number }>(`SELECT pageno FROM dbstat WHERE name = 'networks' ORDER BY pageno`);
    const pageSize = app.readModels.get<{ page_size: number }>('PRAGMA page_size')!.page_size;
    expect(pages.length).toBeGreaterThan(3);
    await close(app);
    const logHash = sha256(join(data, 'events.sqlite'));
    const fd = openSync(join(data, 'readmodels.sqlite'), 'r+');
    for (const { pageno } of pages.slice(1)) writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (pageno - 1) * pageSize);
    closeSync(fd);

    app = await open(data);
    await app.projections.catchUp();
    expect(networkNames(app)).toEqual(all);
    await close(app);
    expect(sha256(join(data, 'events.sqlite'))).toBe(logHash);
  }, 60_000);
});
