import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { aggregateCategories } from '../../src/application/index.js';
import { loadConfig } from '../../src/config.js';
import { openEventStore } from '../../src/eventStore/index.js';
import type { EventStore, Position, RecordedEvent, SubscribeToAllOptions } from '../../src/eventStore/port.js';
import { createLogger } from '../../src/logger.js';
import { mutate, setUpNetwork } from '../support/api.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

/** The store, remembering where each subscription of the read models started. */
function watched(store: EventStore): { store: EventStore; startedFrom: (Position | undefined)[]; delivered: RecordedEvent[] } {
  const startedFrom: (Position | undefined)[] = [];
  const delivered: RecordedEvent[] = [];
  const wrapped = Object.assign(Object.create(Object.getPrototypeOf(store)) as EventStore, store, {
    subscribeToAll(options?: SubscribeToAllOptions) {
      startedFrom.push(options?.fromPosition);
      return store.subscribeToAll(options);
    },
    readAll: async (...args: Parameters<EventStore['readAll']>) => {
      const events = await store.readAll(...args);
      delivered.push(...events);
      return events;
    },
  });
  for (const name of ['appendToStream', 'readStream', 'streamRevision', 'headPosition', 'close'] as const) {
    (wrapped as unknown as Record<string, unknown>)[name] = (store[name] as (...a: unknown[]) => unknown).bind(store);
  }
  return { store: wrapped, startedFrom, delivered };
}

describe('a new replica starts from a snapshot of the read models', () => {
  let first: TestApp;
  let replica: App | undefined;
  let snapshot: string;

  beforeAll(async () => {
    first = await startTestApp();
    snapshot = join(first.dataDir, 'readmodels.snapshot.sqlite');
  });
  afterAll(async () => {
    await replica?.close();
    await first?.close();
  });

  it('serves what the snapshot holds and catches up only the events after it', async () => {
    const n = await setUpNetwork(first);
    first.app.snapshotReadModels(snapshot);
    expect(existsSync(snapshot)).toBe(true);
    const afterSnapshot = await first.app.store.headPosition();
    await mutate(first, 'joinNetwork', { networkId: n.networkId, cityId: 'lyon-fr', name: 'Lyon', country: 'FR' }, n.secretariat);

    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: first.dataDir,
      READ_MODEL_FILE: join(first.dataDir, 'replica', 'readmodels.sqlite'),
      READ_MODEL_SNAPSHOT: snapshot,
      LOG_LEVEL: 'silent',
    });
    const store = watched(await openEventStore(config, { aggregateCategories, logger: createLogger('silent') }));
    replica = await createApp(config, { logger: createLogger('silent'), store: store.store });
    expect(await replica.projections.waitFor(await replica.store.headPosition(), 5_000)).toBe(true);

    const partners = replica.readModels.all<{ city_id: string }>('SELECT city_id FROM partners WHERE network_id = ? ORDER BY city_id', [n.networkId]);
    expect(partners.map((p) => p.city_id)).toEqual(['barcelona-es', 'gdansk-pl', 'lyon-fr', 'torino-it']);
    // Nothing before the snapshot was read again.
    const before = store.delivered.filter((e) => e.position.commit <= afterSnapshot.commit && e.type !== 'LedgerLogCreated');
    expect(before).toEqual([]);
    for (const from of store.startedFrom) expect(from!.commit).toBeGreaterThanOrEqual(afterSnapshot.commit);
    expect(store.delivered.length + store.startedFrom.length).toBeGreaterThan(0);
  });
});
