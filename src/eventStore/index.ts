import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { IDEMPOTENCY_CATEGORY, ownedStreamPrefixes } from './ownedStreams.js';
import type { EventStore } from './port.js';
import { SqliteEventStore } from './sqlite.js';

export async function openEventStore(
  config: Pick<Config, 'eventStore' | 'dataDir' | 'eventStoreReadDeadlineMs' | 'sqlitePollMs' | 'sqliteGroupCommit' | 'idempotencyRetentionDays'>,
  options: {
    /** The stream categories of the application's aggregates (the others it owns are added here). */
    readonly aggregateCategories: readonly string[];
    readonly logger?: { warn(details: object, message: string): void };
  },
): Promise<EventStore> {
  if (config.eventStore.kind === 'eventstoredb') {
    // Loaded only when used: the embedded default never pulls in the gRPC client.
    const { EventStoreDbEventStore } = await import('./eventStoreDb.js');
    return new EventStoreDbEventStore(config.eventStore.connectionString, {
      streamPrefixes: ownedStreamPrefixes(options.aggregateCategories),
      readDeadlineMs: config.eventStoreReadDeadlineMs,
      retention: [{ streamPrefix: `${IDEMPOTENCY_CATEGORY}-`, maxAgeSeconds: (config.idempotencyRetentionDays ?? 30) * 86_400 }],
      ...(options.logger ? { logger: options.logger } : {}),
    });
  }
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteEventStore(join(config.dataDir, 'events.sqlite'), {
    crossProcessPollMs: config.sqlitePollMs,
    groupCommit: config.sqliteGroupCommit,
  });
}
