import type { Projection } from '../../projections/types.js';
import { positionToString, type EventStore, type Position, START } from '../eventStore/port.js';
import { ReadModelDatabase } from '../readModels/database.js';

/** Events applied between two turns of the event loop: other requests run in between. */
const BATCH_SIZE = 1000;
const CACHED_MOMENTS = 8;
/** Replays under way at once, for all callers; others wait their turn, up to MAX_WAITING. */
export const MAX_REPLAYS_AT_ONCE = 2;
/** Replays waiting for a turn; beyond it a question about a new moment is refused at once. */
export const MAX_WAITING = 16;
/** A "known at" moment closer to now than this may still gain events being recorded. */
const SETTLED_AFTER_MS = 60_000;

/** What an "as of" question asks: the world at `asOf` (occurredAt), as the ledger knew it at `knownAt` (recordedAt). */
export interface Moment {
  readonly asOf?: Date;
  readonly knownAt?: Date;
}

/** Too many replays at once: retry later (or ask fewer distinct moments). */
export class TimeTravelBusyError extends Error {
  override readonly name = 'TimeTravelBusyError';
  readonly code = 'TIME_TRAVEL_BUSY';
  constructor() {
    super(`The server already has ${MAX_REPLAYS_AT_ONCE + MAX_WAITING} questions about other moments to answer: retry in a few seconds`);
  }
}

/**
 * Answers "as of" questions from the log: the same projections are replayed into a private
 * in-memory database, keeping only events that had occurred by `asOf` and had been recorded by
 * `knownAt`. An answer "as known at" a settled moment never changes (later events are recorded
 * later), so it stays cached when the log grows; one with `asOf` only is cached until it grows.
 * A replay yields to the event loop between batches, and at most MAX_REPLAYS_AT_ONCE run at once.
 */
export class TimeTravel {
  private readonly cache = new Map<string, Promise<ReadModelDatabase>>();
  private replaying = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly projections: readonly Projection[],
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The read models as of a moment (a Date: as the ledger knows it now). */
  async at(moment: Date | Moment): Promise<ReadModelDatabase> {
    const { asOf, knownAt } = moment instanceof Date ? { asOf: moment, knownAt: undefined } : moment;
    const settled = knownAt !== undefined && knownAt.getTime() < this.clock().getTime() - SETTLED_AFTER_MS;
    const head = settled ? undefined : await this.store.headPosition();
    const key = `${asOf?.toISOString() ?? '-'}|${knownAt?.toISOString() ?? '-'}@${head ? positionToString(head) : 'settled'}`;
    let cached = this.cache.get(key);
    if (!cached) {
      if (this.replaying >= MAX_REPLAYS_AT_ONCE && this.waiting.length >= MAX_WAITING) throw new TimeTravelBusyError();
      cached = this.turn().then(() => this.materialize(asOf, knownAt, head)).finally(() => this.release());
      this.cache.set(key, cached);
      cached.catch(() => this.cache.delete(key));
      while (this.cache.size > CACHED_MOMENTS) {
        // Not closed here: a request may still be reading it; an in-memory database is freed
        // when nothing references it any more.
        this.cache.delete(this.cache.keys().next().value!);
      }
    } else {
      // Most recently used last.
      this.cache.delete(key);
      this.cache.set(key, cached);
    }
    return cached;
  }

  private async turn(): Promise<void> {
    if (this.replaying < MAX_REPLAYS_AT_ONCE) {
      this.replaying++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Hands the turn to the next waiting replay, or frees it. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.replaying--;
  }

  private async materialize(asOf: Date | undefined, knownAt: Date | undefined, head: Position | undefined): Promise<ReadModelDatabase> {
    const db = new ReadModelDatabase(':memory:');
    for (const projection of this.projections) projection.setup(db);
    const byType = new Map<string, Projection[]>();
    for (const projection of this.projections) {
      for (const type of projection.handles) byType.set(type, [...(byType.get(type) ?? []), projection]);
    }
    const occurredBy = asOf?.getTime() ?? Infinity;
    const recordedBy = knownAt?.getTime() ?? Infinity;
    let from: Position = START;
    for (;;) {
      const events = await this.store.readAll({ fromPosition: from, maxCount: BATCH_SIZE });
      if (events.length === 0) break;
      db.transaction(() => {
        for (const event of events) {
          if (Date.parse(event.metadata.occurredAt) > occurredBy || Date.parse(event.metadata.recordedAt) > recordedBy) continue;
          for (const projection of byType.get(event.type) ?? []) projection.apply(db, event);
        }
      });
      from = events.at(-1)!.position;
      if (head && from.commit >= head.commit) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return db;
  }

  clear(): void {
    for (const cached of this.cache.values()) void cached.then((db) => db.close()).catch(() => undefined);
    this.cache.clear();
  }
}
