/**
 * The projection runner on the EventStoreDB adapter, against the gRPC double (a stand-in, see
 * test/eventStore/esdbDouble.ts): subscriptions dropped and resubscribed without a gap or a
 * duplicate, the state it reports meanwhile, and a user who may not read `$all`.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projection } from '../../projections/types.js';
import { EventStoreDbEventStore } from '../../src/eventStore/eventStoreDb.js';
import type { EventData, Position } from '../../src/eventStore/port.js';
import { ProjectionRunner, type RunnerState } from '../../src/projections/runner.js';
import { ReadModelDatabase } from '../../src/readModels/database.js';
import { EventStoreDbDouble } from '../eventStore/esdbDouble.js';
import { snapshot } from '../support/projectionSpec.js';
import { capturingLogger, tempDir } from './support.js';

const counter = projection({
  name: 'counter',
  version: 1,
  schema: 'CREATE TABLE IF NOT EXISTS counts (stream TEXT PRIMARY KEY, n INTEGER NOT NULL, seen TEXT NOT NULL)',
  handles: ['Counted'],
  apply(db, event) {
    const n = (event.data as { n: number }).n;
    db.run(
      `INSERT INTO counts (stream, n, seen) VALUES (?, 1, ?)
       ON CONFLICT(stream) DO UPDATE SET n = n + 1, seen = seen || ',' || excluded.seen`,
      [event.streamId, String(n)],
    );
  },
});

function counted(n: number): EventData {
  const now = new Date().toISOString();
  const id = randomUUID();
  return { id, type: 'Counted', data: { n }, metadata: { actor: 't', recordedAt: now, occurredAt: now, commandId: id, correlationId: id, causationId: id } };
}

describe('projection runner on EventStoreDB (gRPC double)', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setUp(logger?: ReturnType<typeof capturingLogger>['logger']) {
    const double = await EventStoreDbDouble.start();
    const dir = tempDir();
    const store = new EventStoreDbEventStore(double.connectionString, { streamPrefixes: ['count-', 'ledger-'] });
    const db = new ReadModelDatabase(join(dir.dir, 'readmodels.sqlite'), { exclusive: true });
    const runner = new ProjectionRunner(store, db, [counter], {
      ...(logger ? { logger } : {}),
      retry: { initialDelayMs: 20, maxDelayMs: 200 },
    });
    cleanups.push(async () => {
      await runner.stop();
      db.close();
      await store.close();
      await double.stop();
      dir.cleanup();
    });
    return { double, store, db, runner };
  }

  it('resubscribes after drops from its checkpoint: every event applied once, as a rebuild would, and says so meanwhile', async () => {
    const { double, store, db, runner } = await setUp();
    const states = new Set<RunnerState>();
    const watch = setInterval(() => states.add(runner.status().state), 2);
    cleanups.push(() => clearInterval(watch));
    runner.start();
    let last: Position | undefined;
    let n = 0;
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 50; i++) {
        last = (await store.appendToStream(`count-${n % 7}`, [counted(n)])).position;
        n += 1;
      }
      // The node goes away for a moment: the live subscription ends, the next two attempts fail.
      double.refuseSubscriptions = 2;
      double.dropSubscriptions();
      await new Promise((r) => setTimeout(r, 15));
    }
    expect(await runner.waitFor(last!, 15_000)).toBe(true);
    await expect.poll(() => runner.status().state, { timeout: 5000 }).toBe('live');

    const rows = db.all<{ stream: string; n: number; seen: string }>('SELECT * FROM counts ORDER BY stream');
    expect(rows.reduce((sum, row) => sum + row.n, 0)).toBe(300);
    for (const row of rows) {
      const seen = row.seen.split(',').map(Number);
      // In order, each once: no gap, no duplicate.
      expect(seen).toEqual(Array.from({ length: 300 }, (_, i) => i).filter((i) => `count-${i % 7}` === row.stream));
    }
    expect(states).toContain('resubscribing');
    expect(double.calls.filter((c) => c.method === 'subscribeToAll').length).toBeGreaterThanOrEqual(7);
    const incremental = snapshot(db, [counter]);
    await runner.rebuild();
    await runner.catchUp();
    expect(snapshot(db, [counter])).toEqual(incremental);
  }, 60_000);

  it('does not restart every second for a user who may not read $all: it reports failed, logs what to grant, and waits', async () => {
    const { logger, lines } = capturingLogger();
    const { double, store, runner } = await setUp(logger);
    await store.appendToStream('count-1', [counted(1)]);
    double.denyAllReads = true;
    runner.start();
    await new Promise((r) => setTimeout(r, 3500));
    const attempts = double.calls.filter((c) => c.method === 'readAll' || c.method === 'subscribeToAll').length;
    expect(attempts).toBeGreaterThanOrEqual(1);
    expect(attempts).toBeLessThanOrEqual(2);
    expect(runner.status()).toMatchObject({ state: 'failed', reason: expect.stringMatching(/denies/) });
    const errors = lines.filter((line) => (line.level as number) >= 50);
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors[0])).toMatch(/\$all/);
  });
});
