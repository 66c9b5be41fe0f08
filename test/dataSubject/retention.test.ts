import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteEventStore } from '../../src/eventStore/sqlite.js';
import { START, type EventData } from '../../src/eventStore/port.js';
import { createLogger } from '../../src/logger.js';
import { startRetention } from '../../src/personalData/retention.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function event(type: string): EventData {
  const at = new Date().toISOString();
  return {
    id: randomUUID(),
    type,
    data: {},
    metadata: { actor: 'test:retention', recordedAt: at, occurredAt: at, commandId: randomUUID(), correlationId: randomUUID(), causationId: randomUUID() },
  };
}

async function storeWith(streams: string[]): Promise<SqliteEventStore> {
  const dir = mkdtempSync(join(tmpdir(), 'retention-'));
  dirs.push(dir);
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  for (const stream of streams) await store.appendToStream(stream, [event(stream.startsWith('idempotency-') ? 'IdempotencyKeyReserved' : 'Something')]);
  return store;
}

const streamsOf = async (store: SqliteEventStore) => (await store.readAll({ fromPosition: START, maxCount: 100 })).map((e) => e.streamId);
const logger = createLogger('silent');
const DAY = 86_400_000;

describe('retention of idempotency reservations (SQLite)', () => {
  it('keeps them for the retention period', async () => {
    const store = await storeWith(['idempotency-a', 'network-1', 'idempotency-b', 'network-2']);
    const stop = startRetention(store, 30, logger, () => new Date(Date.now() + 29 * DAY));
    stop();
    expect(await streamsOf(store)).toEqual(['idempotency-a', 'network-1', 'idempotency-b', 'network-2']);
    await store.close();
  });

  it('deletes them after it, and nothing else', async () => {
    const store = await storeWith(['idempotency-a', 'network-1', 'idempotency-b', 'network-2']);
    const stop = startRetention(store, 30, logger, () => new Date(Date.now() + 31 * DAY));
    stop();
    expect(await streamsOf(store)).toEqual(['network-1', 'network-2']);
    await store.close();
  });

  it("never deletes the log's last event", async () => {
    const store = await storeWith(['network-1', 'idempotency-a']);
    const stop = startRetention(store, 30, logger, () => new Date(Date.now() + 31 * DAY));
    stop();
    expect(await streamsOf(store)).toEqual(['network-1', 'idempotency-a']);
    await store.close();
  });
});
