/**
 * The event store contract against a real EventStoreDB 24.10, started with testcontainers.
 *
 * Where no container engine answers, the whole suite is skipped and says why. To run it against
 * a server you started yourself (it needs a max append size of a few MB, see below), set
 * EVENTSTORE_TEST_CONNECTION_STRING, e.g. `esdb://localhost:2113?tls=false`.
 */
import { randomUUID } from 'node:crypto';
import { GenericContainer, Wait, getContainerRuntimeClient, type StartedTestContainer } from 'testcontainers';
import { describe } from 'vitest';
import { EventStoreDbEventStore } from '../../src/eventStore/eventStoreDb.js';
import { describeEventStoreContract } from './contract.js';

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
      const now = new Date().toISOString();
      await store.appendToStream(`contractwarmup-${randomUUID()}`, [
        {
          id: randomUUID(),
          type: 'Warmup',
          data: {},
          metadata: {
            actor: 'contract-test',
            recordedAt: now,
            occurredAt: now,
            commandId: randomUUID(),
            correlationId: randomUUID(),
            causationId: randomUUID(),
          },
        },
      ]);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

describe.skipIf(skipReason !== undefined)('EventStoreDB adapter', () => {
  describeEventStoreContract('EventStoreDB', async () => {
    const { connectionString, container } = await startEventStoreDb();
    const store = new EventStoreDbEventStore(connectionString);
    try {
      await untilWritable(store);
    } catch (error) {
      await store.close();
      await container?.stop();
      throw error;
    }
    return {
      store,
      async cleanup() {
        await store.close();
        await container?.stop();
      },
    };
  });
});
