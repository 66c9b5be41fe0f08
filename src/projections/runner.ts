import { existsSync, rmSync } from 'node:fs';
import type { Logger } from 'pino';
import type { Projection } from '../../projections/types.js';
import { logIdentityOf, type LogIdentity } from '../eventStore/logIdentity.js';
import {
  EventStoreAccessDeniedError,
  START,
  comparePositions,
  positionFromString,
  positionToString,
  type EventStore,
  type Position,
  type RecordedEvent,
  type Subscription,
} from '../eventStore/port.js';
import { isCorruption, ReadModelDatabase } from '../readModels/database.js';
import { dropHistory, hasHistory, historicalTables, isoOr, recordLedgerTime, setAppliedEvent, setUpHistory, setUpHistoryContext, worldTimeOf, type AppliedEvent } from '../readModels/history.js';

const BATCH_SIZE = 1000;
/** Batches at least this long (a catch-up's) are applied projection by projection, shorter ones event by event. */
const PROJECTION_BY_PROJECTION_FROM = 200;

/**
 * Where the runner stands:
 * - `stopped`: not running (tools call `catchUp()` instead);
 * - `catchingUp`: subscribed, reading the log up to its end;
 * - `live`: caught up with the log, applying events as they are appended;
 * - `resubscribing`: the subscription ended (store restarted, network, a failed batch); retrying from the checkpoint;
 * - `failed`: retrying, but an operator is needed (the store denies access, a projection keeps failing);
 * - `refused`: the read models do not match the log and ON_LOG_MISMATCH=refuse: stopped until an operator acts.
 */
export type RunnerState = 'stopped' | 'catchingUp' | 'live' | 'resubscribing' | 'failed' | 'refused';

export interface ProjectionStatus {
  readonly state: RunnerState;
  readonly running: boolean;
  /** Live: the read models have caught up with the log and follow it. */
  readonly caughtUp: boolean;
  readonly position: string;
  /** When the runner entered its state (ISO 8601). */
  readonly since: string;
  /** Why it is not live, in words fit for anyone (never an internal error's text). */
  readonly reason?: string;
  /** The last error's message, for operators (logs, CLI); not shown to the public. */
  readonly lastError?: string;
  /**
   * Projections whose version changed, rebuilding beside (blue/green): their previous tables keep
   * answering, as they were at the version change, until the new version has caught up.
   */
  readonly rebuilding?: readonly string[];
}

export interface ProjectionRunnerOptions {
  readonly logger?: Logger;
  /** Read models built from another log, or ahead of this one: rebuild them (default), or refuse to serve. */
  readonly onLogMismatch?: 'rebuild' | 'refuse';
  /**
   * Keep the read models' bitemporal history (time travel reads it; default true). Off only to
   * measure what it costs (bench/timeTravel.ts).
   */
  readonly keepHistory?: boolean;
  /**
   * Delays between resubscriptions: doubled from `initialDelayMs` (100 ms) up to `maxDelayMs`
   * (30 s); `deniedDelayMs` (60 s) when the store denies access, which only an operator can cure.
   */
  readonly retry?: { readonly initialDelayMs?: number; readonly maxDelayMs?: number; readonly deniedDelayMs?: number };
  /**
   * A projection whose version changed is rebuilt beside its previous tables, in a side file, while
   * those keep answering (default); `false` drops and rebuilds it in place (nothing to serve meanwhile).
   */
  readonly rebuildBeside?: boolean;
}

/** The read models were built from another log, or from a later state of this one. */
export class ReadModelsDoNotMatchLogError extends Error {
  override readonly name = 'ReadModelsDoNotMatchLogError';
}

/** A projection failed on an event: which projection, which event. */
export class ProjectionFailedError extends Error {
  override readonly name = 'ProjectionFailedError';
  constructor(
    readonly projection: string,
    readonly event: Pick<RecordedEvent, 'type' | 'streamId' | 'revision' | 'position'>,
    cause: unknown,
  ) {
    super(
      `projection ${projection} failed on ${event.type} (${event.streamId}@${event.revision}, position ` +
        `${positionToString(event.position)}): ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}

interface Checkpoint {
  readonly position: Position;
  readonly version: number;
  /** The event at `position`, to recognise it in the log again. */
  readonly anchor?: { readonly streamId: string; readonly revision: bigint; readonly eventId: string };
}

interface CheckpointRow {
  name: string;
  version: number;
  position: string;
  stream_id: string | null;
  revision: number | null;
  event_id: string | null;
}

interface Waiter {
  position: Position;
  resolve: (reached: boolean) => void;
  timer: NodeJS.Timeout;
}

/**
 * Feeds every projection from one catch-up subscription over the whole log. Events are applied
 * in batches; each batch is one transaction that also moves each projection's checkpoint, so a
 * crash never applies an event twice or skips one.
 *
 * The read models know their log: they record its identity, and each checkpoint the event it
 * stands at. Before every (re)subscription the runner checks them against the log; read models of
 * another log, ahead of the log's head, or standing at an event the log does not have are rebuilt
 * from the start (or refused, with `onLogMismatch: 'refuse'`), never served as they are. The runner
 * resubscribes itself when the subscription ends, and reports it is not live meanwhile.
 */
export class ProjectionRunner {
  private readonly checkpoints = new Map<string, Checkpoint>();
  private readonly handledTypes: ReadonlyMap<string, ReadonlySet<string>>;
  private readonly waiters = new Set<Waiter>();
  private readonly logger: Logger | undefined;
  private readonly history: boolean;
  private subscription: Subscription | undefined;
  private loop: Promise<void> | undefined;
  private stopped = true;
  private buffer: RecordedEvent[] = [];
  private flushScheduled = false;
  private flushError: unknown;
  private reached: Position = START;
  private state: RunnerState = 'stopped';
  private since = new Date();
  private reason: string | undefined;
  private lastError: string | undefined;
  private wakeRetry: (() => void) | undefined;
  private identity: LogIdentity | undefined;
  private readonly appliedListeners = new Set<(events: readonly RecordedEvent[]) => void>();
  /** Projections whose new version is being built beside their serving tables (blue/green). */
  private readonly rebuilding = new Map<string, Projection>();
  private besideTask: Promise<void> | undefined;
  /** Moves on at every stop: a rebuild beside started before it gives up. */
  private besideGeneration = 0;

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModelDatabase,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    const names = new Set<string>();
    for (const p of projections) {
      if (names.has(p.name)) throw new Error(`Two projections are named ${p.name}`);
      names.add(p.name);
    }
    this.handledTypes = new Map(projections.map((p) => [p.name, new Set(p.handles)]));
    this.logger = options.logger;
    this.history = options.keepHistory ?? true;
  }

  /** Position every projection has reached. */
  get position(): Position {
    return this.reached;
  }

  /** The log the read models were checked against last (known once prepared). */
  get log(): LogIdentity | undefined {
    return this.identity;
  }

  status(): ProjectionStatus {
    return {
      state: this.state,
      running: !this.stopped,
      caughtUp: this.state === 'live',
      position: positionToString(this.reached),
      since: this.since.toISOString(),
      ...(this.reason ? { reason: this.reason } : {}),
      ...(this.lastError ? { lastError: this.lastError } : {}),
      ...(this.rebuilding.size > 0 ? { rebuilding: [...this.rebuilding.keys()] } : {}),
    };
  }

  /**
   * Opens the read models against the log: creates the tables, rebuilds projections whose version
   * changed, and checks that the read models belong to this log (rebuilding them or throwing
   * ReadModelsDoNotMatchLogError when they do not). `start()` and `catchUp()` do it too; calling it
   * first lets a server refuse to start rather than start unready.
   */
  async prepare(): Promise<void> {
    this.prepareTables();
    await this.checkAgainstLog();
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.prepareTables();
    this.enter('catchingUp', 'checking the read models against the log');
    this.loop = this.run();
  }

  /**
   * Runs the projections up to the current end of the log, then returns (for tools and tests); a
   * projection whose version changed is built beside and switched to first. Other work runs between
   * batches. `cancelled` is asked between batches: true stops where it stands (checkpoints saved).
   */
  async catchUp(options: { readonly cancelled?: () => boolean } = {}): Promise<void> {
    if (this.stopped) {
      await this.prepare();
      if (this.rebuilding.size > 0) await this.rebuildBeside(this.besideGeneration);
      let from = this.minimumCheckpoint();
      for (;;) {
        if (options.cancelled?.()) return;
        const events = await this.store.readAll({ fromPosition: from, maxCount: BATCH_SIZE });
        if (events.length === 0) break;
        this.applyBatch(events);
        from = events.at(-1)!.position;
        await new Promise((resolve) => setImmediate(resolve));
      }
      return;
    }
    const head = await this.store.headPosition();
    await this.waitFor(head, 60_000);
  }

  /**
   * Calls `listener` with each batch of events once the read models show them: live views
   * (GraphQL subscriptions) push from here, so a client that is told of a change can read it.
   * Returns a function that removes the listener.
   */
  onApplied(listener: (events: readonly RecordedEvent[]) => void): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  /** Resolves true once every projection has applied the log up to `position`, false on timeout. */
  waitFor(position: Position, timeoutMs = 10_000): Promise<boolean> {
    if (comparePositions(this.reached, position) >= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          this.logger?.warn(
            { position: positionToString(position), reached: positionToString(this.reached), state: this.state },
            'projections did not reach position in time',
          );
          resolve(false);
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Drops the named projections' tables (all by default) and replays them from the start of the log. */
  async rebuild(names?: readonly string[]): Promise<void> {
    const targets = this.projections.filter((p) => !names || names.includes(p.name));
    const wasRunning = !this.stopped;
    if (wasRunning) await this.stop();
    this.readModels.transaction(() => {
      for (const projection of targets) {
        this.dropTables(projection);
        this.readModels.run('DELETE FROM projection_checkpoints WHERE name = ?', [projection.name]);
      }
    });
    this.checkpoints.clear();
    this.reached = START;
    if (wasRunning) this.start();
    else await this.catchUp();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.besideGeneration += 1;
    this.wakeRetry?.();
    await this.subscription?.unsubscribe();
    await this.loop;
    this.loop = undefined;
    await this.besideTask;
    try {
      this.flush();
    } catch (error) {
      this.logger?.error({ err: error }, 'projection flush failed while stopping; the events are applied at the next start');
    }
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.resolve(false);
    }
    this.waiters.clear();
    this.enter('stopped');
  }

  // -------------------------------------------------------------------------------------------
  // Tables, checkpoints and the log they belong to.
  // -------------------------------------------------------------------------------------------

  private prepareTables(): void {
    this.readModels.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name TEXT PRIMARY KEY, version INTEGER NOT NULL, position TEXT NOT NULL,
      stream_id TEXT, revision INTEGER, event_id TEXT)`);
    // Read models from before checkpoints named their event: the columns are added empty, and
    // such checkpoints count as of an unknown log (see checkAgainstLog).
    const columns = new Set(this.readModels.all<{ name: string }>('PRAGMA table_info(projection_checkpoints)').map((c) => c.name));
    for (const [column, type] of [['stream_id', 'TEXT'], ['revision', 'INTEGER'], ['event_id', 'TEXT']] as const) {
      if (!columns.has(column)) this.readModels.exec(`ALTER TABLE projection_checkpoints ADD COLUMN ${column} ${type}`);
    }
    this.readModels.exec(`CREATE TABLE IF NOT EXISTS read_model_origin (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1), log_id TEXT NOT NULL, store TEXT NOT NULL, location TEXT NOT NULL)`);
    const stored = new Map(this.readModels.all<CheckpointRow>('SELECT * FROM projection_checkpoints').map((row) => [row.name, row]));
    const beside = this.besideFile();
    const wasRebuilding = new Set(this.rebuilding.keys());
    this.rebuilding.clear();
    this.readModels.transaction(() => {
      setUpHistoryContext(this.readModels);
      for (const projection of this.projections) {
        const row = stored.get(projection.name);
        if (row && row.version !== projection.version && beside && this.hasTablesOf(projection)) {
          // Blue/green: the previous version's tables keep answering, frozen at its checkpoint, while
          // the new version is built in a side file; they are switched when it has caught up.
          if (!wasRebuilding.has(projection.name)) {
            this.logger?.info({ projection: projection.name, from: row.version, to: projection.version }, 'projection version changed: rebuilding beside the serving tables');
          }
          this.rebuilding.set(projection.name, projection);
          this.checkpoints.set(projection.name, fromRow(row));
          continue;
        }
        // Read models from before their history was kept are rebuilt like a new version.
        const current = row !== undefined && row.version === projection.version && (!this.keepsHistory(projection) || hasHistory(this.readModels, projection.tables));
        if (row && !current) {
          this.logger?.info({ projection: projection.name, from: row.version, to: projection.version }, 'projection version changed (or it has no history yet): rebuilding');
          this.dropTables(projection);
        }
        projection.setup(this.readModels);
        if (this.keepsHistory(projection)) setUpHistory(this.readModels, projection.tables);
        const checkpoint = row && current ? fromRow(row) : { position: START, version: projection.version };
        this.checkpoints.set(projection.name, checkpoint);
        this.saveCheckpoint(projection.name, checkpoint);
      }
    });
    // A side file no projection is rebuilding in: left by a switch or an abandoned rebuild.
    if (beside && this.rebuilding.size === 0 && !this.besideTask) removeDatabaseFile(beside);
    this.reached = this.minimumCheckpoint();
  }

  /** Where projections whose version changed are rebuilt (none for an in-memory database). */
  private besideFile(): string | undefined {
    const file = this.readModels.filename;
    if (this.options.rebuildBeside === false || file === '' || file === ':memory:') return undefined;
    return `${file}.next`;
  }

  private hasTablesOf(projection: Projection): boolean {
    return projection.tables.some((table) => this.readModels.get(`SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?`, [table]));
  }

  /** Starts building the new versions beside, unless it runs already or nothing is to be rebuilt. */
  private ensureRebuildBeside(): void {
    if (this.besideTask || this.rebuilding.size === 0 || this.stopped) return;
    const generation = this.besideGeneration;
    this.besideTask = this.rebuildBeside(generation)
      .catch(async (error: unknown) => {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.logger?.error({ err: error, projections: [...this.rebuilding.keys()] }, 'rebuilding beside failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, this.options.retry?.initialDelayMs ?? 1000));
      })
      .finally(() => {
        this.besideTask = undefined;
        if (generation === this.besideGeneration) this.ensureRebuildBeside();
      });
  }

  /**
   * Builds the rebuilding projections from the log in the side file (resuming from its checkpoints
   * after a crash or a stop), then switches to them in one transaction: the old tables are replaced
   * by the new ones, with the events the serving projections applied meanwhile, and the new
   * version's checkpoint. Until that commit, queries read the old tables; after it, the new ones.
   */
  private async rebuildBeside(generation: number): Promise<void> {
    const file = this.besideFile()!;
    const projections = [...this.rebuilding.values()];
    const current = () => generation === this.besideGeneration && projections.every((p) => this.rebuilding.get(p.name) === p);
    const started = performance.now();
    this.logger?.info({ projections: projections.map((p) => p.name) }, 'building new projection versions beside the serving ones');
    const besideDb = new ReadModelDatabase(file);
    try {
      const beside = new ProjectionRunner(this.store, besideDb, projections, {
        onLogMismatch: 'rebuild',
        rebuildBeside: false,
        keepHistory: this.history,
        ...(this.logger ? { logger: this.logger.child({ beside: true }) } : {}),
      });
      await beside.catchUp({ cancelled: () => !current() });
    } finally {
      besideDb.close();
    }
    if (generation !== this.besideGeneration) return;
    if (!current()) {
      removeDatabaseFile(file);
      return;
    }
    await this.switchTo(file, projections);
    removeDatabaseFile(file);
    this.logger?.info({ projections: projections.map((p) => p.name), ms: Math.round(performance.now() - started) }, 'switched to the new projection versions');
  }

  /** The side file's projections replace the serving ones, with the tail the serving ones applied since. */
  private async switchTo(file: string, projections: readonly Projection[]): Promise<void> {
    const besideAt = await this.besideCheckpoints(file);
    let from: Position | undefined;
    for (const checkpoint of besideAt.values()) if (!from || comparePositions(checkpoint.position, from) < 0) from = checkpoint.position;
    from ??= START;
    const tail: RecordedEvent[] = [];
    for (;;) {
      // Read up to the log's end; switch only once no serving projection is past what was read.
      for (;;) {
        const events = await this.store.readAll({ fromPosition: from, maxCount: BATCH_SIZE });
        if (events.length === 0) break;
        tail.push(...events);
        from = events.at(-1)!.position;
      }
      if (comparePositions(this.appliedUpTo(), from) <= 0) break;
    }
    const switched = new Map<string, Checkpoint>();
    this.readModels.run('ATTACH DATABASE ? AS beside', [file]);
    try {
      this.readModels.transaction(() => {
        for (const projection of projections) {
          this.dropTables(projection);
          projection.setup(this.readModels);
          for (const table of projection.tables) this.readModels.run(`INSERT INTO main."${table}" SELECT * FROM beside."${table}"`);
          if (this.keepsHistory(projection)) {
            // The history built beside comes with its tables; the triggers are created after the
            // copy so that it does not count as changes.
            setUpHistory(this.readModels, projection.tables);
            for (const table of historicalTables(this.readModels, projection.tables)) {
              this.readModels.run(`INSERT INTO main."${table}_history" SELECT * FROM beside."${table}_history"`);
            }
            this.readModels.run('INSERT OR IGNORE INTO main.history_stamps SELECT * FROM beside.history_stamps');
          }
          let checkpoint = besideAt.get(projection.name) ?? { position: START, version: projection.version };
          const handles = new Set(projection.handles);
          for (const event of tail) {
            if (comparePositions(event.position, checkpoint.position) <= 0) continue;
            if (handles.has(event.type)) {
              try {
                if (this.history) {
                  const times = { stamp: Number(event.position.commit), recordedAt: isoOr(event.metadata.recordedAt), worldTime: worldTimeOf(event) };
                  recordLedgerTime(this.readModels, times);
                  setAppliedEvent(this.readModels, times);
                }
                projection.apply(this.readModels, event);
              } catch (error) {
                throw new ProjectionFailedError(projection.name, event, error);
              }
            }
            checkpoint = { position: event.position, version: projection.version, anchor: { streamId: event.streamId, revision: event.revision, eventId: event.id } };
          }
          this.saveCheckpoint(projection.name, checkpoint);
          switched.set(projection.name, checkpoint);
        }
      });
    } finally {
      this.readModels.run('DETACH DATABASE beside');
    }
    for (const [name, checkpoint] of switched) {
      this.rebuilding.delete(name);
      this.checkpoints.set(name, checkpoint);
    }
    this.reached = this.minimumCheckpoint();
  }

  private async besideCheckpoints(file: string): Promise<Map<string, Checkpoint>> {
    const db = new ReadModelDatabase(file);
    try {
      return new Map(db.all<CheckpointRow>('SELECT * FROM projection_checkpoints').map((row) => [row.name, fromRow(row)]));
    } finally {
      db.close();
    }
  }

  /** The furthest position a serving projection has applied: where the subscription stands. */
  private appliedUpTo(): Position {
    let max = START;
    for (const [name, { position }] of this.checkpoints) {
      if (!this.rebuilding.has(name) && comparePositions(position, max) > 0) max = position;
    }
    return max;
  }

  /** Why the read models cannot continue on this log, or undefined when they can. */
  private async mismatchWith(identity: LogIdentity): Promise<string | undefined> {
    const origin = this.readModels.get<{ log_id: string; store: string; location: string }>('SELECT * FROM read_model_origin');
    const advanced = [...this.checkpoints.values()].filter((c) => comparePositions(c.position, START) > 0);
    if (!origin) {
      return advanced.length === 0 ? undefined : 'the read models do not record which log they were built from';
    }
    if (origin.log_id !== identity.logId || origin.store !== identity.store) {
      return `the read models were built from another log (${origin.store} ${origin.location}, log ${origin.log_id}), not this one (${identity.store} ${identity.location}, log ${identity.logId})`;
    }
    if (advanced.length === 0) return undefined;
    const head = await this.store.headPosition();
    const checked = new Set<string>();
    for (const checkpoint of advanced) {
      const at = positionToString(checkpoint.position);
      if (checked.has(at)) continue;
      checked.add(at);
      if (comparePositions(checkpoint.position, head) > 0) {
        return `the read models are ahead of the log (at ${at}, the log ends at ${positionToString(head)}): was an older copy of the log restored?`;
      }
      const anchor = checkpoint.anchor;
      if (!anchor) return 'the read models do not record which event they stopped at';
      const [event] = await this.store.readStream(anchor.streamId, { fromRevision: anchor.revision, maxCount: 1 });
      if (!event || event.id !== anchor.eventId || event.revision !== anchor.revision || comparePositions(event.position, checkpoint.position) !== 0) {
        return `the event the read models stopped at (${anchor.streamId}@${anchor.revision}, position ${at}) is not in the log: was the log replaced or restored?`;
      }
    }
    return undefined;
  }

  /** Checks the read models against the log; rebuilds them or throws when they do not belong to it. */
  private async checkAgainstLog(): Promise<void> {
    const identity = await logIdentityOf(this.store);
    this.identity = identity;
    const mismatch = await this.mismatchWith(identity);
    if (mismatch) {
      if (this.options.onLogMismatch === 'refuse') {
        throw new ReadModelsDoNotMatchLogError(
          `Refusing to serve these read models: ${mismatch}. Rebuild them (npm run rebuild) or start with ON_LOG_MISMATCH=rebuild.`,
        );
      }
      this.logger?.warn({ reason: mismatch, log: identity }, 'read models do not match the log: rebuilding them from the start');
      this.resetAll(identity);
      return;
    }
    this.readModels.run(
      `INSERT INTO read_model_origin (singleton, log_id, store, location) VALUES (1, ?, ?, ?)
       ON CONFLICT(singleton) DO UPDATE SET log_id = excluded.log_id, store = excluded.store, location = excluded.location`,
      [identity.logId, identity.store, identity.location],
    );
  }

  /** Every projection back to an empty read model at the start of the log, recorded as this log's. */
  private resetAll(identity: LogIdentity): void {
    this.rebuilding.clear();
    this.readModels.transaction(() => {
      for (const projection of this.projections) this.dropTables(projection);
      this.readModels.run('DELETE FROM projection_checkpoints');
      for (const projection of this.projections) {
        projection.setup(this.readModels);
        if (this.keepsHistory(projection)) setUpHistory(this.readModels, projection.tables);
        const checkpoint = { position: START, version: projection.version };
        this.checkpoints.set(projection.name, checkpoint);
        this.saveCheckpoint(projection.name, checkpoint);
      }
      this.readModels.run(
        `INSERT INTO read_model_origin (singleton, log_id, store, location) VALUES (1, ?, ?, ?)
         ON CONFLICT(singleton) DO UPDATE SET log_id = excluded.log_id, store = excluded.store, location = excluded.location`,
        [identity.logId, identity.store, identity.location],
      );
    });
    this.reached = START;
  }

  private keepsHistory(projection: Projection): boolean {
    return this.history && projection.keepsHistory !== false;
  }

  private dropTables(projection: Projection): void {
    for (const table of projection.tables) this.readModels.exec(`DROP TABLE IF EXISTS main."${table}"`);
    dropHistory(this.readModels, projection.tables);
  }

  private saveCheckpoint(name: string, checkpoint: Checkpoint): void {
    this.saveCheckpoints([[name, checkpoint]]);
  }

  /** Several projections' checkpoints in one statement (a batch moves them all). */
  private saveCheckpoints(checkpoints: readonly (readonly [name: string, checkpoint: Checkpoint])[]): void {
    if (checkpoints.length === 0) return;
    this.readModels.run(
      `INSERT INTO projection_checkpoints (name, version, position, stream_id, revision, event_id)
       VALUES ${checkpoints.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
       ON CONFLICT(name) DO UPDATE SET version = excluded.version, position = excluded.position,
         stream_id = excluded.stream_id, revision = excluded.revision, event_id = excluded.event_id`,
      checkpoints.flatMap(([name, checkpoint]) => {
        const anchor = checkpoint.anchor;
        return [
          name,
          checkpoint.version,
          positionToString(checkpoint.position),
          anchor?.streamId ?? null,
          anchor === undefined ? null : Number(anchor.revision),
          anchor?.eventId ?? null,
        ];
      }),
    );
  }

  /** Where every serving projection stands (those rebuilding beside are not followed meanwhile). */
  private minimumCheckpoint(): Position {
    let min: Position | undefined;
    for (const [name, { position }] of this.checkpoints) {
      if (this.rebuilding.has(name)) continue;
      if (!min || comparePositions(position, min) < 0) min = position;
    }
    return min ?? START;
  }

  private reloadCheckpoints(): void {
    for (const row of this.readModels.all<CheckpointRow>('SELECT * FROM projection_checkpoints')) {
      this.checkpoints.set(row.name, fromRow(row));
    }
    this.reached = this.minimumCheckpoint();
  }

  // -------------------------------------------------------------------------------------------
  // The subscription loop.
  // -------------------------------------------------------------------------------------------

  private enter(state: RunnerState, reason?: string): void {
    if (state !== this.state) this.since = new Date();
    this.state = state;
    this.reason = reason;
  }

  private async run(): Promise<void> {
    const initialDelayMs = this.options.retry?.initialDelayMs ?? 100;
    const maxDelayMs = this.options.retry?.maxDelayMs ?? 30_000;
    const deniedDelayMs = this.options.retry?.deniedDelayMs ?? 60_000;
    let failures = 0;
    while (!this.stopped) {
      try {
        // On every (re)subscription: the log may have been swapped or restored meanwhile.
        await this.checkAgainstLog();
        if (this.stopped) break;
        this.ensureRebuildBeside();
        const from = this.minimumCheckpoint();
        this.enter('catchingUp', 'reading the log up to its end');
        this.subscription = this.store.subscribeToAll(comparePositions(from, START) === 0 ? {} : { fromPosition: from });
        for await (const message of this.subscription) {
          if (message.kind === 'caughtUp') {
            this.flush();
            this.enter('live');
            this.lastError = undefined;
            failures = 0;
            continue;
          }
          this.buffer.push(message.event);
          if (this.buffer.length >= BATCH_SIZE) this.flush();
          else if (this.state === 'live') this.scheduleFlush();
        }
        if (this.flushError !== undefined) throw this.flushError;
        this.flush();
        if (!this.stopped) throw new Error('the subscription ended');
      } catch (error) {
        this.buffer = [];
        this.flushError = undefined;
        if (this.stopped) break;
        if (error instanceof ReadModelsDoNotMatchLogError) {
          this.lastError = error.message;
          this.enter('refused', 'the read models do not match the log; an operator must rebuild them');
          this.logger?.error({ err: error }, 'projection runner stopped: the read models do not match the log');
          break;
        }
        failures += 1;
        const needsOperator = error instanceof EventStoreAccessDeniedError || failures >= 10;
        const delayMs =
          error instanceof EventStoreAccessDeniedError ? deniedDelayMs : Math.min(initialDelayMs * 2 ** (failures - 1), maxDelayMs);
        this.lastError = error instanceof Error ? error.message : String(error);
        this.enter(needsOperator ? 'failed' : 'resubscribing', reasonFor(error));
        const details = {
          err: error,
          attempt: failures,
          retryInMs: delayMs,
          fromPosition: positionToString(this.minimumCheckpoint()),
          ...(error instanceof ProjectionFailedError ? { projection: error.projection, event: describe(error.event) } : {}),
        };
        if (needsOperator || error instanceof ProjectionFailedError) this.logger?.error(details, 'projection runner failed; retrying from the checkpoint');
        else this.logger?.warn(details, 'projection subscription ended; resubscribing from the checkpoint');
        this.recoverReadModels(error);
        this.reloadCheckpoints();
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, delayMs);
          const runner = this;
          function done() {
            clearTimeout(timer);
            runner.wakeRetry = undefined;
            resolve();
          }
          this.wakeRetry = done;
        });
      } finally {
        this.subscription = undefined;
      }
    }
  }

  /** A read-model file found damaged while running is replaced by an empty one and rebuilt. */
  private recoverReadModels(error: unknown): void {
    if (!isCorruption(error) && !isCorruption((error as { cause?: unknown })?.cause)) return;
    const aside = this.readModels.replaceWithEmpty();
    this.logger?.error({ movedTo: aside }, 'read-model file damaged: moved aside, rebuilding the read models from the log');
    this.checkpoints.clear();
    this.prepareTables();
  }

  /** Live events arrive one by one: apply them together once the current burst is read. */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      try {
        this.flush();
      } catch (error) {
        // The subscription loop sees it and retries from the checkpoint.
        this.flushError = error;
        this.buffer = [];
        void this.subscription?.unsubscribe();
      }
    });
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.applyBatch(batch);
  }

  private applyBatch(batch: readonly RecordedEvent[]): void {
    const lastEvent = batch.at(-1)!;
    const last = lastEvent.position;
    const anchor = { streamId: lastEvent.streamId, revision: lastEvent.revision, eventId: lastEvent.id };
    this.readModels.transaction(() => {
      // Each event's ledger and world time, for the history triggers (see readModels/history.ts).
      const moments = this.history ? batch.map(appliedEventOf) : [];
      for (const moment of moments) recordLedgerTime(this.readModels, moment);
      const serving = this.projections.filter((projection) => !this.rebuilding.has(projection.name));
      const from = serving.map((projection) => this.checkpoints.get(projection.name)!);
      const handles = serving.map((projection) => this.handledTypes.get(projection.name)!);
      const apply = (i: number, e: number) => {
        const event = batch[e]!;
        try {
          serving[i]!.apply(this.readModels, event);
        } catch (error) {
          throw new ProjectionFailedError(serving[i]!.name, event, error);
        }
      };
      const handled = (i: number, e: number) => handles[i]!.has(batch[e]!.type) && comparePositions(batch[e]!.position, from[i]!.position) > 0;
      // Projections read only their own tables, so the order across them is free.
      if (batch.length >= PROJECTION_BY_PROJECTION_FROM) {
        // A catch-up's batch: projection by projection, each taking the whole batch while its
        // pages are hot; each event's moment is set for each projection that handles it.
        for (let i = 0; i < serving.length; i++) {
          for (let e = 0; e < batch.length; e++) {
            if (!handled(i, e)) continue;
            if (this.history) setAppliedEvent(this.readModels, moments[e]!);
            apply(i, e);
          }
        }
      } else {
        // Live events: event by event, each to every projection that handles it, the event's moment
        // set once for all of them.
        for (let e = 0; e < batch.length; e++) {
          let momentSet = false;
          for (let i = 0; i < serving.length; i++) {
            if (!handled(i, e)) continue;
            if (this.history && !momentSet) setAppliedEvent(this.readModels, moments[e]!);
            momentSet = true;
            apply(i, e);
          }
        }
      }
      this.saveCheckpoints(
        serving.flatMap((projection, i) =>
          comparePositions(last, from[i]!.position) > 0 ? [[projection.name, { position: last, version: from[i]!.version, anchor }] as const] : [],
        ),
      );
    });
    // Only after the commit do the in-memory checkpoints move.
    for (const [name, checkpoint] of this.checkpoints) {
      if (this.rebuilding.has(name)) continue;
      if (comparePositions(last, checkpoint.position) > 0) this.checkpoints.set(name, { ...checkpoint, position: last, anchor });
    }
    this.reached = this.minimumCheckpoint();
    for (const waiter of this.waiters) {
      if (comparePositions(this.reached, waiter.position) >= 0) {
        clearTimeout(waiter.timer);
        this.waiters.delete(waiter);
        waiter.resolve(true);
      }
    }
    for (const listener of this.appliedListeners) {
      try {
        listener(batch);
      } catch (error) {
        this.logger?.error({ err: error }, 'applied-events listener failed');
      }
    }
  }
}

/** The moment an event is applied at, for the history triggers. */
function appliedEventOf(event: RecordedEvent): AppliedEvent {
  return { stamp: Number(event.position.commit), recordedAt: isoOr(event.metadata.recordedAt), worldTime: worldTimeOf(event) };
}

function fromRow(row: CheckpointRow): Checkpoint {
  return {
    position: positionFromString(row.position),
    version: row.version,
    ...(row.stream_id !== null && row.revision !== null && row.event_id !== null
      ? { anchor: { streamId: row.stream_id, revision: BigInt(row.revision), eventId: row.event_id } }
      : {}),
  };
}

function describe(event: Pick<RecordedEvent, 'type' | 'streamId' | 'revision' | 'position'>) {
  return { type: event.type, streamId: event.streamId, revision: String(event.revision), position: positionToString(event.position) };
}

/** A reason anyone may read: what kind of trouble, not the error's own words. */
function reasonFor(error: unknown): string {
  if (error instanceof EventStoreAccessDeniedError) return 'the event store denies the ledger access to the log';
  if (error instanceof ProjectionFailedError) return 'a read model could not apply an event';
  if (isCorruption(error) || isCorruption((error as { cause?: unknown })?.cause)) return 'the read-model file was damaged; rebuilding';
  return 'the subscription to the log ended; resubscribing';
}

/** Deletes a SQLite file and its WAL companions, if there. */
function removeDatabaseFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) rmSync(file + suffix, { force: true });
}
