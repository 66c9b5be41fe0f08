import type Database from 'better-sqlite3';
import { openWalDatabase } from '../sqliteFile.js';
import { Map as PersistentMap } from 'immutable';
import type { Decider, DomainEvent } from '../../domain/shared/decider.js';
import { comparePositions, positionFromString, positionToString, type EventStore, type Position } from '../eventStore/port.js';

/**
 * Folded state of long streams, kept on disk so that the first command after a start does not fold
 * the whole stream: it reads the snapshot, then only the events after it. Derived data, like the
 * read models: the file can be deleted at any time (the next load folds from the log, and writes a
 * new one). A snapshot counts only if the event it stands at is still in the log at the same place
 * (the same check the read models' checkpoints get), so one left by another log is ignored.
 *
 * Only deciders that declare `snapshots` are kept: their state is plain JSON but for the persistent
 * maps named there, which are written and read in chunks with a turn of the event loop between, so
 * that neither blocks other requests for long (a session of 100,000 posts is a 15 MB snapshot).
 */
type SnapshotPolicy = NonNullable<Decider<unknown, DomainEvent, unknown>['snapshots']>;

export interface FoldedSnapshot<S> {
  readonly state: S;
  readonly revision: bigint;
  readonly position: Position;
  /** Last revision of each idempotency key in the stream up to `revision`. */
  readonly keys: Map<string, bigint>;
}

/** Events folded since the last snapshot before another is written: at least this many... */
const MIN_EVENTS_BETWEEN = 1_000;
/** ...and at least this share of the state's entries, so writing them costs O(1) per event on average. */
const SHARE_OF_ENTRIES = 0.1;
/** Entries per chunk: one chunk is written or read between two turns of the event loop (about a millisecond). */
const CHUNK = 500;

const tick = () => new Promise((resolve) => setImmediate(resolve));

export class FoldedSnapshots {
  private readonly db: Database.Database;
  /** Revision of the last snapshot written or read, per stream, and whether one is being written. */
  private readonly lastAt = new Map<string, bigint>();
  private readonly writing = new Set<string>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    file: string,
    private readonly store: EventStore,
  ) {
    this.db = openWalDatabase(file);
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS folded_snapshots (
        stream_id TEXT PRIMARY KEY, decider TEXT NOT NULL, generation INTEGER NOT NULL,
        revision INTEGER NOT NULL, position TEXT NOT NULL, event_id TEXT NOT NULL, head TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS folded_snapshot_chunks (
        stream_id TEXT NOT NULL, generation INTEGER NOT NULL, field TEXT NOT NULL, seq INTEGER NOT NULL, entries TEXT NOT NULL,
        PRIMARY KEY (stream_id, generation, field, seq));`);
  }

  /** The stream's snapshot, if there is one for this decider and it belongs to this log. */
  async load<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, streamId: string): Promise<FoldedSnapshot<S> | undefined> {
    const policy = decider.snapshots;
    if (!policy) return undefined;
    const row = this.db
      .prepare('SELECT * FROM folded_snapshots WHERE stream_id = ? AND decider = ?')
      .get(streamId, deciderKey(decider, policy)) as
      | { generation: number; revision: number; position: string; event_id: string; head: string }
      | undefined;
    if (!row) return undefined;
    const revision = BigInt(row.revision);
    const position = positionFromString(row.position);
    const [event] = await this.store.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    if (!event || event.id !== row.event_id || comparePositions(event.position, position) !== 0) return undefined;
    const { state: head, keys, sizes } = JSON.parse(row.head) as { state: Record<string, unknown>; keys: [string, string][]; sizes: Record<string, number> };
    const chunks = this.db.prepare('SELECT entries FROM folded_snapshot_chunks WHERE stream_id = ? AND generation = ? AND field = ? ORDER BY seq');
    const state: Record<string, unknown> = { ...head };
    for (const field of policy.maps) {
      let map = PersistentMap<string, unknown>();
      // All rows first (no statement left open across the turns of the event loop), then parsed one by one.
      for (const chunk of chunks.all(streamId, row.generation, field) as { entries: string }[]) {
        const entries = JSON.parse(chunk.entries) as [string, unknown][];
        map = map.withMutations((m) => {
          for (const [key, value] of entries) m.set(key, value);
        });
        await tick();
      }
      // Chunks of another writer's generation were deleted under this one: not a whole state.
      if (map.size !== sizes[field]) return undefined;
      state[field] = map;
    }
    this.lastAt.set(streamId, revision);
    return { state: state as S, revision, position, keys: new Map((keys ?? []).map(([key, at]) => [key, BigInt(at)])) };
  }

  /**
   * Called with each state a command handler keeps: writes a snapshot in the background when enough
   * events came since the last one (never inside the command: it has answered by then).
   */
  offer<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    folded: { state: S; revision: bigint | undefined; position: Position; keys: ReadonlyMap<string, bigint> },
  ): void {
    const policy = decider.snapshots;
    if (!policy || folded.revision === undefined || this.writing.has(streamId)) return;
    const since = folded.revision - (this.lastAt.get(streamId) ?? -1n);
    if (since < MIN_EVENTS_BETWEEN) return;
    let entries = 0;
    for (const field of policy.maps) entries += ((folded.state as Record<string, unknown>)[field] as PersistentMap<string, unknown>).size;
    if (Number(since) < entries * SHARE_OF_ENTRIES) return;
    this.writing.add(streamId);
    const keys = [...folded.keys].filter(([, at]) => at <= folded.revision!).map(([key, at]) => [key, String(at)]);
    const write = this.write(decider, policy, streamId, { ...folded, revision: folded.revision }, keys)
      .catch(() => {
        // A snapshot is an optimisation: the next load folds from the log.
      })
      .finally(() => {
        this.writing.delete(streamId);
        this.pending.delete(write);
      });
    this.pending.add(write);
  }

  private async write<S>(
    decider: { category: string },
    policy: SnapshotPolicy,
    streamId: string,
    folded: { state: S; revision: bigint; position: Position },
    keys: string[][],
  ): Promise<void> {
    await tick();
    // The event the snapshot stands at, to recognise it in the log again.
    const [event] = await this.store.readStream(streamId, { fromRevision: folded.revision, maxCount: 1 });
    if (!event || comparePositions(event.position, folded.position) !== 0) return;
    const head: Record<string, unknown> = { ...(folded.state as Record<string, unknown>) };
    for (const field of policy.maps) delete head[field];
    // Random, so that two processes writing the same stream's snapshot never share a generation.
    const generation = Math.floor(Math.random() * 2 ** 48);
    const sizes: Record<string, number> = {};
    const insert = this.db.prepare('INSERT OR REPLACE INTO folded_snapshot_chunks (stream_id, generation, field, seq, entries) VALUES (?, ?, ?, ?, ?)');
    // Chunks of the new generation first, a few at a time; the snapshot row then points at them.
    for (const field of policy.maps) {
      const map = (folded.state as Record<string, unknown>)[field] as PersistentMap<string, unknown>;
      sizes[field] = map.size;
      let seq = 0;
      let chunk: [string, unknown][] = [];
      for (const entry of map.entries()) {
        chunk.push(entry);
        if (chunk.length === CHUNK) {
          insert.run(streamId, generation, field, seq++, JSON.stringify(chunk));
          chunk = [];
          await tick();
        }
      }
      if (chunk.length > 0) insert.run(streamId, generation, field, seq++, JSON.stringify(chunk));
    }
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT OR REPLACE INTO folded_snapshots (stream_id, decider, generation, revision, position, event_id, head) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(streamId, deciderKey(decider, policy), generation, Number(folded.revision), positionToString(folded.position), event.id, JSON.stringify({ state: head, keys, sizes }));
      this.db.prepare('DELETE FROM folded_snapshot_chunks WHERE stream_id = ? AND generation <> ?').run(streamId, generation);
    })();
    this.lastAt.set(streamId, folded.revision);
  }

  /** Waits for snapshots being written (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  async close(): Promise<void> {
    await this.settled();
    this.db.close();
  }
}

function deciderKey(decider: { category: string }, policy: { version: number }): string {
  return `${decider.category}@${policy.version}`;
}
