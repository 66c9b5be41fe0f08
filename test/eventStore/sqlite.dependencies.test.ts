import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WrongExpectedRevisionError, type EventData } from '../../src/eventStore/port.js';
import { SqliteEventStore } from '../../src/eventStore/sqlite.js';

const event = (type: string): EventData => {
  const now = new Date().toISOString();
  const id = randomUUID();
  return { id, type, data: {}, metadata: { actor: 't', recordedAt: now, occurredAt: now, commandId: id, correlationId: id, causationId: id } };
};

/**
 * A command's dependency on a stream it read is an empty append with that stream's expected
 * revision, in the same `appendToStreams` as its events: both or neither, also inside a group commit.
 */
describe('SQLite: an empty append checks a stream in the same transaction', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-deps-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    await store.appendToStream('session-1', [event('Opened')]);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends the events when the checked stream is at the expected revision, and writes nothing to it', async () => {
    await store.appendToStreams!([
      { streamId: 'posts-1', events: [event('Posted')], expectedRevision: 'no_stream' },
      { streamId: 'session-1', events: [], expectedRevision: 0n },
    ]);
    expect((await store.readStream('posts-1')).map((e) => e.type)).toEqual(['Posted']);
    expect(await store.streamRevision('session-1')).toBe(0n);
  });

  it('refuses the events when the checked stream moved, in the same group commit as the move', async () => {
    // Both in one turn of the event loop: one transaction; the close comes first.
    const close = store.appendToStream('session-1', [event('Closed')], { expectedRevision: 0n });
    const post = store.appendToStreams!([
      { streamId: 'posts-1', events: [event('Posted')], expectedRevision: 'no_stream' },
      { streamId: 'session-1', events: [], expectedRevision: 0n },
    ]);
    await expect(close).resolves.toMatchObject({ nextExpectedRevision: 1n });
    await expect(post).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await expect(post).rejects.toMatchObject({ streamId: 'session-1' });
    expect(await store.readStream('posts-1')).toEqual([]);
    expect(store.commitStats.commits).toBe(2);
  });

  it('lands the events before the move when they come first in the same group commit', async () => {
    const post = store.appendToStreams!([
      { streamId: 'posts-1', events: [event('Posted')], expectedRevision: 'no_stream' },
      { streamId: 'session-1', events: [], expectedRevision: 0n },
    ]);
    const close = store.appendToStream('session-1', [event('Closed')], { expectedRevision: 0n });
    await Promise.all([post, close]);
    const [posted] = await store.readStream('posts-1');
    const [, closed] = await store.readStream('session-1');
    expect(posted!.position.commit < closed!.position.commit).toBe(true);
  });
});
