import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { EventStore } from './port.js';
import { SqliteEventStore } from './sqlite.js';

export async function openEventStore(config: Pick<Config, 'eventStore' | 'dataDir'>): Promise<EventStore> {
  if (config.eventStore.kind === 'eventstoredb') {
    // Loaded only when used: the embedded default never pulls in the gRPC client.
    const { EventStoreDbEventStore } = await import('./eventStoreDb.js');
    return new EventStoreDbEventStore(config.eventStore.connectionString);
  }
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteEventStore(join(config.dataDir, 'events.sqlite'));
}
