/**
 * The event store contract through the EventStoreDB adapter and the real client, against the gRPC
 * double of test/eventStore/esdbDouble.ts (a stand-in: see its header). The same suite runs against
 * a real EventStoreDB in eventStoreDb.contract.test.ts where a container engine exists.
 */
import { EventStoreDbEventStore } from '../../src/eventStore/eventStoreDb.js';
import { describeEventStoreContract } from './contract.js';
import { EventStoreDbDouble } from './esdbDouble.js';

describeEventStoreContract('EventStoreDB adapter against the gRPC double', async () => {
  const double = await EventStoreDbDouble.start();
  const store = new EventStoreDbEventStore(double.connectionString);
  return {
    store,
    async cleanup() {
      await store.close();
      await double.stop();
    },
  };
});
