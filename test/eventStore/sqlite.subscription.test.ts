import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteEventStore } from '../../src/eventStore/sqlite.js';

const event = (type: string) => {
  const now = new Date().toISOString();
  const id = randomUUID();
  return { id, type, data: {}, metadata: { actor: 't', recordedAt: now, occurredAt: now, commandId: id, correlationId: id, causationId: id } };
};

describe('SQLite live subscription', () => {
  let dir: string;
  let store: SqliteEventStore;
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('wakes for an append made while its consumer was busy, without waiting for the cross-process poll', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-sub-'));
    // A poll so slow that only the in-process wake-up can deliver in time.
    store = new SqliteEventStore(join(dir, 'events.sqlite'), { crossProcessPollMs: 60_000 });
    const subscription = store.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ kind: 'caughtUp' });
    // The consumer is "busy" with caughtUp: the append lands before the subscription waits.
    await store.appendToStream('s-1', [event('WhileBusy')]);
    const next = await iterator.next();
    expect(next.value).toMatchObject({ kind: 'event', event: { type: 'WhileBusy' } });
    await subscription.unsubscribe();
  }, 5_000);
});
