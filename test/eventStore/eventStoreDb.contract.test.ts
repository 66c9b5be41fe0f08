/**
 * The event store contract against a real EventStoreDB 24.10, started with testcontainers.
 *
 * Where no container engine answers, the whole suite is skipped and says why. To run it against
 * a server you started yourself (it needs a max append size of a few MB, see below), set
 * EVENTSTORE_TEST_CONNECTION_STRING, e.g. `esdb://localhost:2113?tls=false`.
 */
import { randomUUID } from 'node:crypto';
import { GenericContainer, Wait, getContainerRuntimeClient, type StartedTestContainer } from 'testcontainers';
import { EventStoreDBClient } from '@eventstore/db-client';
import { afterAll, describe, expect, it } from 'vitest';
import { EventStoreDbEventStore } from '../../src/eventStore/eventStoreDb.js';
import { describeEventStoreContract, event, within } from './contract.js';

const IMAGE = 'eventstore/eventstore:24.10';
const ENGINE_CHECK_TIMEOUT_MS = 5_000;
const external = process.env.EVENTSTORE_TEST_CONNECTION_STRING;

/** Why no container engine can be used, or undefined when one answers. Decided at collection time. */
async function containerEngineUnavailable(): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getContainerRuntimeClient(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ENGINE_CHECK_TIMEOUT_MS} ms`)), ENGINE_CHECK_TIMEOUT_MS);
        timer.unref();
      }),
    ]);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}

const skipReason = external ? undefined : await containerEngineUnavailable();
if (skipReason) console.warn(`EventStoreDB contract tests skipped: no container engine reachable (${skipReason})`);

async function startEventStoreDb(): Promise<{ connectionString: string; container?: StartedTestContainer }> {
  if (external) return { connectionString: external };
  const container = await new GenericContainer(IMAGE)
    .withEnvironment({
      EVENTSTORE_INSECURE: 'true',
      EVENTSTORE_CLUSTER_SIZE: '1',
      EVENTSTORE_RUN_PROJECTIONS: 'None',
      EVENTSTORE_MEM_DB: 'true',
      EVENTSTORE_ENABLE_ATOM_PUB_OVER_HTTP: 'true',
      // The default (1 MiB) refuses the contract's 5000-event append in one request.
      EVENTSTORE_MAX_APPEND_SIZE: '8388608',
    })
    .withExposedPorts(2113)
    .withWaitStrategy(Wait.forHttp('/health/live', 2113))
    .withStartupTimeout(120_000)
    .start();
  return {
    connectionString: `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`,
    container,
  };
}

/** The node answers HTTP before it has become leader: wait until it accepts a write. */
async function untilWritable(store: EventStoreDbEventStore): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await store.appendToStream(`contractwarmup-${randomUUID()}`, [event('Warmup')]);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** One server for the whole file, started on first use. */
let server: Promise<{ connectionString: string; container?: StartedTestContainer }> | undefined;
const sharedServer = () => (server ??= startEventStoreDb());

describe.skipIf(skipReason !== undefined)('EventStoreDB adapter', () => {
  afterAll(async () => {
    await (await server)?.container?.stop();
  });

  describeEventStoreContract('EventStoreDB', async () => {
    const { connectionString } = await sharedServer();
    const store = new EventStoreDbEventStore(connectionString);
    try {
      await untilWritable(store);
    } catch (error) {
      await store.close();
      throw error;
    }
    return {
      store,
      async cleanup() {
        await store.close();
      },
    };
  });

  // What the gRPC double checks too (eventStoreDb.double.test.ts), here against the real server.
  describe('client usage', () => {
    it('close() resolves after 1,000 headPosition() calls', async () => {
      const { connectionString } = await sharedServer();
      const store = new EventStoreDbEventStore(connectionString);
      await untilWritable(store);
      for (let i = 0; i < 1000; i++) await store.headPosition();
      await within(5000, 'close()', store.close());
    }, 120_000);

    it('pages through more than 1,000 events with system events mixed in', async () => {
      const { connectionString } = await sharedServer();
      const prefix = `paging${randomUUID().replaceAll('-', '').slice(0, 8)}-`;
      const store = new EventStoreDbEventStore(connectionString, { streamPrefixes: [prefix] });
      const client = EventStoreDBClient.connectionString(connectionString);
      try {
        await untilWritable(store);
        const before = await store.headPosition();
        const written: string[] = [];
        for (let i = 0; i < 1200; i++) {
          const stream = `${prefix}${i % 30}`;
          const data = event('Paged', { i });
          written.push(data.id);
          await store.appendToStream(stream, [data]);
          // Stream metadata is a system event ($metadata in $$<stream>) between the application's.
          if (i % 50 === 0) await client.setStreamMetadata(stream, { maxAge: 86_400 + i });
        }
        const read = await store.readAll({ fromPosition: before, maxCount: 5000 });
        expect(read.map((e) => e.id)).toEqual(written);
      } finally {
        await client.dispose();
        await store.close();
      }
    }, 180_000);
  });
});
