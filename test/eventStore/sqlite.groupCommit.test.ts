import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WrongExpectedRevisionError, type EventData } from '../../src/eventStore/port.js';
import { SqliteEventStore } from '../../src/eventStore/sqlite.js';

const event = (type: string, data: unknown = {}): EventData => {
  const now = new Date().toISOString();
  const id = randomUUID();
  return { id, type, data, metadata: { actor: 't', recordedAt: now, occurredAt: now, commandId: id, correlationId: id, causationId: id } };
};

/** What another process reading the file sees: only committed rows. */
function committedTypes(file: string, streamId: string): string[] {
  const reader = new Database(file, { readonly: true });
  try {
    return reader
      .prepare<[string], { type: string }>('SELECT type FROM events WHERE stream_id = ? ORDER BY revision')
      .all(streamId)
      .map((row) => row.type);
  } finally {
    reader.close();
  }
}

describe('SQLite group commit', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-group-'));
    file = join(dir, 'events.sqlite');
    store = new SqliteEventStore(file, { busyTimeoutMs: 20 });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits concurrent appends to different streams in one transaction', async () => {
    const before = store.commitStats.commits;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.appendToStream(`s-${i}`, [event('Created')], { expectedRevision: 'no_stream' })),
    );
    expect(store.commitStats.commits - before).toBe(1);
    expect(results.map((r) => r.nextExpectedRevision)).toEqual(Array.from({ length: 20 }, () => 0n));
    const positions = results.map((r) => r.position.commit);
    expect(new Set(positions).size).toBe(20);
    for (let i = 0; i < 20; i++) expect(committedTypes(file, `s-${i}`)).toEqual(['Created']);
  });

  it('acknowledges an append only once its transaction is committed', async () => {
    const seen = await store.appendToStream('acked', [event('Durable')]).then(() => committedTypes(file, 'acked'));
    expect(seen).toEqual(['Durable']);
  });

  it('refuses a conflicting append alone: the others of its group commit', async () => {
    await store.appendToStream('contended', [event('Created')], { expectedRevision: 'no_stream' });
    const outcomes = await Promise.allSettled([
      store.appendToStream('other-1', [event('A')], { expectedRevision: 'no_stream' }),
      store.appendToStream('contended', [event('Stale')], { expectedRevision: 5n }),
      store.appendToStream('other-2', [event('B')], { expectedRevision: 'no_stream' }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const refusal = (outcomes[1] as PromiseRejectedResult).reason;
    expect(refusal).toBeInstanceOf(WrongExpectedRevisionError);
    expect(refusal).toMatchObject({ streamId: 'contended', expected: 5n, actual: 0n });
    expect(committedTypes(file, 'contended')).toEqual(['Created']);
    expect(committedTypes(file, 'other-1')).toEqual(['A']);
    expect(committedTypes(file, 'other-2')).toEqual(['B']);
  });

  it('checks each append of a group against the ones before it: of two writers expecting the same revision, one wins', async () => {
    await store.appendToStream('race', [event('Created')], { expectedRevision: 'no_stream' });
    const outcomes = await Promise.allSettled([
      store.appendToStream('race', [event('First')], { expectedRevision: 0n }),
      store.appendToStream('race', [event('Second')], { expectedRevision: 0n }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ actual: 1n });
    expect(committedTypes(file, 'race')).toEqual(['Created', 'First']);
  });

  it('refuses an append that throws halfway through its events, keeping none of them, and commits the rest of the group', async () => {
    const outcomes = await Promise.allSettled([
      store.appendToStream('before', [event('A')]),
      // The second event cannot be serialised: the first one, already inserted, must go too.
      store.appendToStream('broken', [event('Fine'), event('Unserialisable', { amount: 1n })]),
      store.appendToStream('after', [event('B')]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(TypeError);
    expect(committedTypes(file, 'broken')).toEqual([]);
    expect(committedTypes(file, 'before')).toEqual(['A']);
    expect(committedTypes(file, 'after')).toEqual(['B']);
  });

  it('refuses every append of a group whose transaction cannot be committed, and writes none of them', async () => {
    // Another process holds the write lock past the busy timeout.
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const outcomes = await Promise.allSettled([
      store.appendToStream('locked-1', [event('A')]),
      store.appendToStream('locked-2', [event('B')]),
    ]);
    other.exec('ROLLBACK');
    other.close();
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect((outcomes[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_BUSY' });
    expect(committedTypes(file, 'locked-1')).toEqual([]);
    expect(committedTypes(file, 'locked-2')).toEqual([]);
    // The store goes on: the next group commits.
    await store.appendToStream('locked-1', [event('Again')]);
    expect(committedTypes(file, 'locked-1')).toEqual(['Again']);
  });

  it('appends to several streams all or none: a conflict on one writes nothing on the others', async () => {
    await store.appendToStream('key', [event('Reserved')], { expectedRevision: 'no_stream' });
    await expect(
      store.appendToStreams([
        { streamId: 'target', events: [event('Done')], expectedRevision: 'no_stream' },
        { streamId: 'key', events: [event('Reserved')], expectedRevision: 'no_stream' },
      ]),
    ).rejects.toMatchObject({ streamId: 'key' });
    expect(committedTypes(file, 'target')).toEqual([]);
    const [target, key] = await store.appendToStreams([
      { streamId: 'target', events: [event('Done')], expectedRevision: 'no_stream' },
      { streamId: 'other-key', events: [event('Reserved')], expectedRevision: 'no_stream' },
    ]);
    expect([target!.nextExpectedRevision, key!.nextExpectedRevision]).toEqual([0n, 0n]);
  });

  it('commits appends already accepted when the store is closed', async () => {
    const pending = store.appendToStream('closing', [event('Last')]);
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0n });
    expect(committedTypes(file, 'closing')).toEqual(['Last']);
  });

  it('refuses appends once the store is closed, as a rejected promise', async () => {
    await store.close();
    await expect(store.appendToStreams([{ streamId: 'late', events: [event('Late')] }])).rejects.toThrow('closed');
    await expect(store.appendToStream('late', [event('Late')])).rejects.toThrow('closed');
  });

  it('commits each append alone when group commit is off', async () => {
    const single = new SqliteEventStore(join(dir, 'single.sqlite'), { groupCommit: false });
    try {
      await Promise.all(Array.from({ length: 5 }, (_, i) => single.appendToStream(`s-${i}`, [event('Created')])));
      expect(single.commitStats.commits).toBe(5);
    } finally {
      await single.close();
    }
  });
});
