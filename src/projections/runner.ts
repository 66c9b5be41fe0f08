import type { Logger } from 'pino';
import type { Projection } from '../../projections/types.js';
import {
  START,
  comparePositions,
  positionFromString,
  positionToString,
  type EventStore,
  type Position,
  type RecordedEvent,
  type Subscription,
} from '../eventStore/port.js';
import type { ReadModelDatabase } from '../readModels/database.js';

const BATCH_SIZE = 1000;
const RESTART_DELAY_MS = 1000;

interface Checkpoint {
  position: Position;
  version: number;
}

interface Waiter {
  position: Position;
  resolve: (reached: boolean) => void;
  timer: NodeJS.Timeout;
}

export interface ProjectionStatus {
  readonly running: boolean;
  readonly caughtUp: boolean;
  readonly position: string;
  readonly lastError?: string;
}

/**
 * Feeds every projection from one catch-up subscription over the whole log. Events are applied
 * in batches; each batch is one transaction that also moves each projection's checkpoint, so a
 * crash never applies an event twice or skips one.
 */
export class ProjectionRunner {
  private readonly checkpoints = new Map<string, Checkpoint>();
  private readonly handledTypes: ReadonlyMap<string, ReadonlySet<string>>;
  private readonly waiters = new Set<Waiter>();
  private subscription: Subscription | undefined;
  private loop: Promise<void> | undefined;
  private stopped = true;
  private buffer: RecordedEvent[] = [];
  private flushScheduled = false;
  private reached: Position = START;
  private caughtUp = false;
  private lastError: string | undefined;
  private readonly appliedListeners = new Set<(events: readonly RecordedEvent[]) => void>();

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModelDatabase,
    private readonly projections: readonly Projection[],
    private readonly logger?: Logger,
  ) {
    const names = new Set<string>();
    for (const p of projections) {
      if (names.has(p.name)) throw new Error(`Two projections are named ${p.name}`);
      names.add(p.name);
    }
    this.handledTypes = new Map(projections.map((p) => [p.name, new Set(p.handles)]));
  }

  /** Position every projection has reached. */
  get position(): Position {
    return this.reached;
  }

  status(): ProjectionStatus {
    return {
      running: !this.stopped,
      caughtUp: this.caughtUp,
      position: positionToString(this.reached),
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.prepareTables();
    this.loop = this.run();
  }

  /** Runs the projections up to the current end of the log, then returns (for tools and tests). */
  async catchUp(): Promise<void> {
    const head = await this.store.headPosition();
    if (this.stopped) {
      this.prepareTables();
      let from = this.minimumCheckpoint();
      for (;;) {
        const events = await this.store.readAll({ fromPosition: from, maxCount: BATCH_SIZE });
        if (events.length === 0) break;
        this.applyBatch(events);
        from = events.at(-1)!.position;
      }
      return;
    }
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
          this.logger?.warn({ position: positionToString(position) }, 'projections did not reach position in time');
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
    await this.subscription?.unsubscribe();
    await this.loop;
    this.loop = undefined;
    this.flush();
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.resolve(false);
    }
    this.waiters.clear();
  }

  private prepareTables(): void {
    this.readModels.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name TEXT PRIMARY KEY, version INTEGER NOT NULL, position TEXT NOT NULL)`);
    const stored = new Map(
      this.readModels
        .all<{ name: string; version: number; position: string }>('SELECT * FROM projection_checkpoints')
        .map((row) => [row.name, row]),
    );
    this.readModels.transaction(() => {
      for (const projection of this.projections) {
        const row = stored.get(projection.name);
        if (row && row.version !== projection.version) {
          this.logger?.info({ projection: projection.name, from: row.version, to: projection.version }, 'projection version changed: rebuilding');
          this.dropTables(projection);
        }
        projection.setup(this.readModels);
        const checkpoint =
          row && row.version === projection.version
            ? { position: positionFromString(row.position), version: row.version }
            : { position: START, version: projection.version };
        this.checkpoints.set(projection.name, checkpoint);
        this.saveCheckpoint(projection.name, checkpoint);
      }
    });
    this.reached = this.minimumCheckpoint();
  }

  private dropTables(projection: Projection): void {
    for (const table of projection.tables) this.readModels.exec(`DROP TABLE IF EXISTS "${table}"`);
  }

  private saveCheckpoint(name: string, checkpoint: Checkpoint): void {
    this.readModels.run(
      `INSERT INTO projection_checkpoints (name, version, position) VALUES (?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET version = excluded.version, position = excluded.position`,
      [name, checkpoint.version, positionToString(checkpoint.position)],
    );
  }

  private minimumCheckpoint(): Position {
    let min: Position | undefined;
    for (const { position } of this.checkpoints.values()) {
      if (!min || comparePositions(position, min) < 0) min = position;
    }
    return min ?? START;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const from = this.minimumCheckpoint();
        this.subscription = this.store.subscribeToAll(comparePositions(from, START) === 0 ? {} : { fromPosition: from });
        for await (const message of this.subscription) {
          if (message.kind === 'caughtUp') {
            this.flush();
            this.caughtUp = true;
            continue;
          }
          this.buffer.push(message.event);
          if (this.buffer.length >= BATCH_SIZE) this.flush();
          else if (this.caughtUp) this.scheduleFlush();
        }
        this.flush();
      } catch (error) {
        this.buffer = [];
        this.caughtUp = false;
        this.lastError = error instanceof Error ? error.message : String(error);
        this.logger?.error({ err: error }, 'projection runner failed; restarting from checkpoint');
        this.reloadCheckpoints();
        await new Promise((resolve) => setTimeout(resolve, RESTART_DELAY_MS));
      }
    }
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
        this.lastError = error instanceof Error ? error.message : String(error);
        this.logger?.error({ err: error }, 'projection flush failed; restarting from checkpoint');
        this.buffer = [];
        this.reloadCheckpoints();
        void this.subscription?.unsubscribe();
      }
    });
  }

  private reloadCheckpoints(): void {
    for (const row of this.readModels.all<{ name: string; version: number; position: string }>(
      'SELECT * FROM projection_checkpoints',
    )) {
      this.checkpoints.set(row.name, { position: positionFromString(row.position), version: row.version });
    }
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.applyBatch(batch);
  }

  private applyBatch(batch: readonly RecordedEvent[]): void {
    const last = batch.at(-1)!.position;
    this.readModels.transaction(() => {
      for (const projection of this.projections) {
        const checkpoint = this.checkpoints.get(projection.name)!;
        const handles = this.handledTypes.get(projection.name)!;
        for (const event of batch) {
          if (handles.has(event.type) && comparePositions(event.position, checkpoint.position) > 0) {
            projection.apply(this.readModels, event);
          }
        }
        if (comparePositions(last, checkpoint.position) > 0) {
          const moved = { position: last, version: checkpoint.version };
          this.saveCheckpoint(projection.name, moved);
        }
      }
    });
    // Only after the commit do the in-memory checkpoints move.
    for (const [name, checkpoint] of this.checkpoints) {
      if (comparePositions(last, checkpoint.position) > 0) this.checkpoints.set(name, { ...checkpoint, position: last });
    }
    this.lastError = undefined;
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
