import type Database from 'better-sqlite3';
import { openWalDatabase } from '../sqliteFile.js';
import {
  START,
  WrongExpectedRevisionError,
  matchesFilter,
  type AppendResult,
  type EventData,
  type EventStore,
  type ExpectedRevision,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
  type SubscribeToAllOptions,
  type Subscription,
  type SubscriptionMessage,
} from './port.js';

/** The log's file: its events table and pragmas (the benchmarks write raw logs through it too). */
export function openEventsDatabase(filename: string, busyTimeoutMs = 10000): Database.Database {
  const db = openWalDatabase(filename, busyTimeoutMs);
  db.pragma('synchronous = FULL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position INTEGER PRIMARY KEY AUTOINCREMENT,
      stream_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      event_id TEXT NOT NULL UNIQUE,
      type TEXT NOT NULL,
      data TEXT NOT NULL,
      metadata TEXT NOT NULL,
      created INTEGER NOT NULL,
      UNIQUE (stream_id, revision)
    );
  `);
  return db;
}

interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  created: number;
}

/**
 * Event reads select these columns in this order and take rows as arrays (better-sqlite3's raw
 * mode): building row objects, with every column name looked up again for every row, was a third
 * of the time of reading the log in a projection catch-up.
 */
const EVENT_COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, created';
type EventValues = [
  position: number,
  streamId: string,
  revision: number,
  eventId: string,
  type: string,
  data: string,
  metadata: string,
  created: number,
];

const SUBSCRIPTION_BATCH = 1000;
/** How often a live subscription looks for events appended by another process on the same file. */
const CROSS_PROCESS_POLL_MS = 200;

function toPosition(position: number): Position {
  const p = BigInt(position);
  return { commit: p, prepare: p };
}

function toRecorded(row: EventValues): RecordedEvent {
  return {
    streamId: row[1],
    revision: BigInt(row[2]),
    position: toPosition(row[0]),
    id: row[3],
    type: row[4],
    data: JSON.parse(row[5]),
    metadata: JSON.parse(row[6]),
    created: new Date(row[7]),
  };
}

/** Appends waiting for the next group commit, with whoever waits for their acknowledgement. */
interface PendingAppend {
  readonly appends: readonly StreamAppend[];
  readonly resolve: (results: AppendResult[]) => void;
  readonly reject: (error: unknown) => void;
}

export interface SqliteEventStoreOptions {
  readonly crossProcessPollMs?: number;
  /**
   * Group commit (the default): appends made while the event loop is busy are committed together at
   * its next turn, in one transaction and one fsync; each keeps its own expected-revision check and
   * its own outcome. Off: one transaction (one fsync) per append, as before issue 17.
   */
  readonly groupCommit?: boolean;
  /** How long to wait for another process's write lock before failing (SQLite's busy_timeout). */
  readonly busyTimeoutMs?: number;
}

/**
 * The embedded event store: one SQLite file in WAL mode with synchronous=FULL, so an append is
 * on disk before it is acknowledged. The global position is the row id.
 */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite' as const;
  get location(): string {
    return this.filename;
  }
  private readonly db: Database.Database;
  private readonly appendWaiters = new Set<() => void>();
  /** Counts in-process appends, so a subscription never sleeps through one made while it was busy. */
  private appends = 0;
  private readonly statements;
  private closed = false;
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private readonly groupCommit: boolean;
  /** Transactions committed by appends (each one fsync of the WAL), and appends acknowledged. */
  readonly commitStats = { commits: 0, appends: 0 };

  constructor(
    readonly filename: string,
    private readonly options: SqliteEventStoreOptions = {},
  ) {
    this.groupCommit = options.groupCommit ?? true;
    this.db = openEventsDatabase(filename, options.busyTimeoutMs);
    this.statements = {
      streamRevision: this.db
        .prepare<[string], { revision: number }>(
          'SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
        ),
      byEventId: this.db.prepare<[string], EventRow>('SELECT * FROM events WHERE event_id = ?'),
      insert: this.db.prepare(
        `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created)
         VALUES (@stream_id, @revision, @event_id, @type, @data, @metadata, @created)`,
      ),
      streamForwards: this.db
        .prepare<[string, number, number], EventValues>(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
        )
        .raw(true),
      streamBackwards: this.db
        .prepare<[string, number, number], EventValues>(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
        )
        .raw(true),
      allForwards: this.db
        .prepare<[number, number], EventValues>(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position ASC LIMIT ?`,
        )
        .raw(true),
      allBackwards: this.db
        .prepare<[number, number], EventValues>(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE position < ? ORDER BY position DESC LIMIT ?`,
        )
        .raw(true),
      head: this.db.prepare<[], { position: number }>('SELECT MAX(position) AS position FROM events'),
      begin: this.db.prepare('BEGIN IMMEDIATE'),
      commit: this.db.prepare('COMMIT'),
      rollback: this.db.prepare('ROLLBACK'),
      savepoint: this.db.prepare('SAVEPOINT append'),
      release: this.db.prepare('RELEASE append'),
      rollbackToSavepoint: this.db.prepare('ROLLBACK TO append'),
    };
  }

  /** One stream's append, inside the current transaction: checks, then inserts. */
  private appendOne({ streamId, events, expectedRevision = 'any' }: StreamAppend): AppendResult {
    const current = this.statements.streamRevision.get(streamId)?.revision;
    if (events.length > 0) {
      const duplicate = this.retriedAppend(streamId, events);
      if (duplicate) return duplicate;
    }
    checkExpectedRevision(streamId, expectedRevision, current);
    let revision = current ?? -1;
    let position = 0;
    const created = Date.now();
    for (const event of events) {
      revision += 1;
      const info = this.statements.insert.run({
        stream_id: streamId,
        revision,
        event_id: event.id,
        type: event.type,
        data: JSON.stringify(event.data),
        metadata: JSON.stringify(event.metadata),
        created,
      });
      position = Number(info.lastInsertRowid);
    }
    if (events.length === 0) position = this.statements.head.get()?.position ?? -1;
    return { nextExpectedRevision: BigInt(revision), position: toPosition(position) };
  }

  /**
   * EventStoreDB's idempotence: when the events were already appended (a retry after a lost
   * acknowledgement), answer with the original result instead of appending them again.
   */
  private retriedAppend(streamId: string, events: readonly EventData[]): AppendResult | undefined {
    const firstId = events[0]!.id;
    const existing = this.statements.byEventId.get(firstId);
    if (!existing) return undefined;
    const stored = this.statements.streamForwards.all(streamId, existing.revision, events.length);
    const sameEvents =
      existing.stream_id === streamId &&
      stored.length === events.length &&
      stored.every((row, i) => row[3] === events[i]!.id);
    if (!sameEvents) {
      throw new WrongExpectedRevisionError(streamId, 'no_stream', BigInt(existing.revision));
    }
    const last = stored[stored.length - 1]!;
    return { nextExpectedRevision: BigInt(last[2]), position: toPosition(last[0]) };
  }

  async appendToStream(
    streamId: string,
    events: readonly EventData[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    const [result] = await this.appendToStreams([{ streamId, events, expectedRevision: options?.expectedRevision ?? 'any' }]);
    return result!;
  }

  /**
   * Appends to several streams atomically. The promise settles only once the transaction holding
   * the appends is committed (on disk: synchronous=FULL), or refused: a refused append writes
   * nothing and does not stop the others of its group commit.
   */
  readonly appendToStreams = (appends: readonly StreamAppend[]): Promise<AppendResult[]> => {
    return new Promise<AppendResult[]>((resolve, reject) => {
      this.assertOpen(); // thrown here, it rejects the promise
      this.pending.push({ appends, resolve, reject });
      if (!this.groupCommit) this.flush();
      else if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  };

  /**
   * Commits every pending append in one transaction (one fsync). Each append runs in a savepoint:
   * when its expected revision does not hold, or it fails otherwise, only its own writes are rolled
   * back. Acknowledgements (and refusals) are given only after the commit; when the transaction
   * itself fails, every append of the group is refused and nothing of it is written.
   */
  private flush(): void {
    this.flushScheduled = false;
    const group = this.pending;
    if (group.length === 0) return;
    this.pending = [];
    const outcomes: ({ ok: true; results: AppendResult[] } | { ok: false; error: unknown })[] = [];
    try {
      this.statements.begin.run();
      for (const item of group) {
        const own = group.length > 1;
        if (own) this.statements.savepoint.run();
        try {
          outcomes.push({ ok: true, results: item.appends.map((append) => this.appendOne(append)) });
          if (own) this.statements.release.run();
        } catch (error) {
          // SQLite rolls the whole transaction back on some errors (I/O, full disk): then nothing of the group is kept.
          if (!this.db.inTransaction) throw error;
          if (!own) {
            // Alone in its group: nothing else to commit.
            this.statements.rollback.run();
            item.reject(error);
            return;
          }
          this.statements.rollbackToSavepoint.run();
          this.statements.release.run();
          outcomes.push({ ok: false, error });
        }
      }
      this.statements.commit.run();
      this.commitStats.commits += 1;
    } catch (error) {
      if (this.db.inTransaction) this.statements.rollback.run();
      for (const item of group) item.reject(error);
      return;
    }
    let appended = false;
    for (const [i, item] of group.entries()) {
      const outcome = outcomes[i]!;
      if (outcome.ok) {
        this.commitStats.appends += 1;
        appended ||= item.appends.some((append) => append.events.length > 0);
        item.resolve(outcome.results);
      } else item.reject(outcome.error);
    }
    if (appended) this.notifyAppended();
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const rows =
      options.direction === 'backwards'
        ? this.statements.streamBackwards.all(
            streamId,
            options.fromRevision === undefined ? Number.MAX_SAFE_INTEGER : Number(options.fromRevision),
            maxCount,
          )
        : this.statements.streamForwards.all(streamId, Number(options.fromRevision ?? 0n), maxCount);
    return rows.map(toRecorded);
  }

  async streamRevision(streamId: string): Promise<bigint | undefined> {
    this.assertOpen();
    const row = this.statements.streamRevision.get(streamId);
    return row ? BigInt(row.revision) : undefined;
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.readAllSync(options).map(toRecorded);
  }

  private readAllSync(options: ReadAllOptions): EventValues[] {
    if (options.direction === 'backwards') {
      const before = options.fromPosition ? Number(options.fromPosition.commit) : Number.MAX_SAFE_INTEGER;
      return this.statements.allBackwards.all(before, options.maxCount);
    }
    const after = Number((options.fromPosition ?? START).commit);
    return this.statements.allForwards.all(after, options.maxCount);
  }

  async headPosition(): Promise<Position> {
    this.assertOpen();
    const head = this.statements.head.get()?.position;
    return head === null || head === undefined ? START : toPosition(head);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    this.assertOpen();
    let stopped = false;
    let wake: (() => void) | undefined;
    const store = this;
    async function* messages(): AsyncGenerator<SubscriptionMessage> {
      let after = Number((options.fromPosition ?? START).commit);
      while (!stopped && !store.closed) {
        const appendsBeforeRead = store.appends;
        const rows = store.statements.allForwards.all(after, SUBSCRIPTION_BATCH);
        for (const row of rows) {
          after = row[0];
          if (matchesFilter({ streamId: row[1], type: row[4] }, options.filter)) {
            yield { kind: 'event', event: toRecorded(row) };
            if (stopped) return;
          }
        }
        if (rows.length < SUBSCRIPTION_BATCH) {
          yield { kind: 'caughtUp' };
          if (stopped) return;
          // An append while we were reading or while the consumer handled our messages: read again now.
          if (store.appends !== appendsBeforeRead) continue;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(done, store.options.crossProcessPollMs ?? CROSS_PROCESS_POLL_MS);
            function done() {
              clearTimeout(timer);
              store.appendWaiters.delete(done);
              wake = undefined;
              resolve();
            }
            wake = done;
            store.appendWaiters.add(done);
          });
        }
      }
    }
    const iterator = messages();
    return {
      [Symbol.asyncIterator]: () => iterator,
      async unsubscribe() {
        stopped = true;
        wake?.();
      },
    };
  }

  private notifyAppended(): void {
    this.appends++;
    for (const waiter of [...this.appendWaiters]) waiter();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('Event store is closed');
  }

  /**
   * Retention: deletes the events of streams under `streamPrefix` recorded before `before`, but
   * never the log's last event (read models anchor their checkpoint on it). Returns how many.
   */
  sweep(streamPrefix: string, before: Date): number {
    if (this.closed) return 0;
    return this.db
      .prepare(
        `DELETE FROM events WHERE substr(stream_id, 1, ?) = ? AND created < ?
           AND position < (SELECT MAX(position) FROM events)`,
      )
      .run(streamPrefix.length, streamPrefix, before.getTime()).changes;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Appends already accepted are committed (or refused) before the file is closed.
    this.flush();
    this.closed = true;
    this.notifyAppended();
    this.db.close();
  }
}

function checkExpectedRevision(streamId: string, expected: ExpectedRevision, current: number | undefined): void {
  const actual = current === undefined ? 'no_stream' : BigInt(current);
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current === undefined) ||
    (expected === 'stream_exists' && current !== undefined) ||
    (typeof expected === 'bigint' && current !== undefined && BigInt(current) === expected);
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
}
