import { LOG_IDENTITY_CATEGORY } from './logIdentity.js';

/** Idempotency reservations: technical streams that expire (docs/personal-data.md#retention). */
export const IDEMPOTENCY_CATEGORY = 'idempotency';

/**
 * Stream name prefixes (`network-`, ...) of the categories this application writes: its
 * aggregates' (the entry point passes those its use cases run on: `aggregateCategories` in
 * src/application/index.ts), the idempotency keys' and the log identity's. On a shared
 * EventStoreDB the subscription asks the server for these alone; test/eventStore/ownedStreams.test.ts
 * fails when a decider's category or a stream the application writes is missing.
 */
export function ownedStreamPrefixes(aggregateCategories: Iterable<string>): string[] {
  return [...aggregateCategories, IDEMPOTENCY_CATEGORY, LOG_IDENTITY_CATEGORY].map((category) => `${category}-`);
}
