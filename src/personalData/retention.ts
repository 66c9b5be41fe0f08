import type { Logger } from '../logger.js';
import { IDEMPOTENCY_CATEGORY } from '../eventStore/ownedStreams.js';
import type { EventStore } from '../eventStore/port.js';
import { SqliteEventStore } from '../eventStore/sqlite.js';

const SWEEP_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Retention of technical streams (docs/personal-data.md#retention): idempotency reservations name
 * the actor and outlive their use (a client retries within minutes), so they expire after the
 * configured days. On SQLite this process sweeps them now and every six hours; EventStoreDB
 * streams carry `$maxAge` from their creation (set by its adapter) and scavenging removes them.
 * Returns a function that stops the sweeps.
 */
export function startRetention(log: EventStore, retentionDays: number, logger: Logger, clock: () => Date = () => new Date()): () => void {
  if (!(log instanceof SqliteEventStore)) return () => {};
  const sweep = () => {
    try {
      const before = new Date(clock().getTime() - retentionDays * 86_400_000);
      const deleted = log.sweep(`${IDEMPOTENCY_CATEGORY}-`, before);
      if (deleted > 0) logger.info({ deleted, before: before.toISOString() }, 'expired idempotency reservations deleted');
    } catch (error) {
      logger.warn({ err: error }, 'sweeping expired idempotency reservations failed; retried at the next sweep');
    }
  };
  sweep();
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
