import type { Projection } from '../../projections/types.js';
import { positionToString, type EventStore, type Position, START } from '../eventStore/port.js';
import { ReadModelDatabase } from '../readModels/database.js';

const BATCH_SIZE = 5000;
const CACHED_MOMENTS = 8;

/**
 * Answers "as of" questions from the log: the same projections are replayed into a private
 * in-memory database, keeping only events that had occurred by the given moment. Results are
 * cached per moment until the log grows.
 */
export class TimeTravel {
  private readonly cache = new Map<string, Promise<ReadModelDatabase>>();

  constructor(
    private readonly store: EventStore,
    private readonly projections: readonly Projection[],
  ) {}

  async at(asOf: Date): Promise<ReadModelDatabase> {
    const head = await this.store.headPosition();
    const key = `${asOf.toISOString()}@${positionToString(head)}`;
    let cached = this.cache.get(key);
    if (!cached) {
      cached = this.materialize(asOf, head);
      this.cache.set(key, cached);
      cached.catch(() => this.cache.delete(key));
      while (this.cache.size > CACHED_MOMENTS) {
        // Not closed here: a request may still be reading it; an in-memory database is freed
        // when nothing references it any more.
        this.cache.delete(this.cache.keys().next().value!);
      }
    }
    return cached;
  }

  private async materialize(asOf: Date, head: Position): Promise<ReadModelDatabase> {
    const db = new ReadModelDatabase(':memory:');
    for (const projection of this.projections) projection.setup(db);
    const byType = new Map<string, Projection[]>();
    for (const projection of this.projections) {
      for (const type of projection.handles) byType.set(type, [...(byType.get(type) ?? []), projection]);
    }
    const limit = asOf.getTime();
    let from: Position = START;
    for (;;) {
      const events = await this.store.readAll({ fromPosition: from, maxCount: BATCH_SIZE });
      if (events.length === 0) break;
      db.transaction(() => {
        for (const event of events) {
          if (Date.parse(event.metadata.occurredAt) > limit) continue;
          for (const projection of byType.get(event.type) ?? []) projection.apply(db, event);
        }
      });
      from = events.at(-1)!.position;
      if (from.commit >= head.commit) break;
    }
    return db;
  }

  clear(): void {
    for (const cached of this.cache.values()) void cached.then((db) => db.close()).catch(() => undefined);
    this.cache.clear();
  }
}
