import type { EventStore, ReadStreamOptions } from '../../src/eventStore/port.js';

/** The store, counting the events commands read from streams. */
export function countingReads(store: EventStore): { store: EventStore; eventsRead: () => number } {
  let read = 0;
  const counted = Object.assign(Object.create(Object.getPrototypeOf(store)) as EventStore, store, {
    readStream: async (streamId: string, options?: ReadStreamOptions) => {
      const events = await store.readStream(streamId, options);
      read += events.length;
      return events;
    },
    appendToStream: store.appendToStream.bind(store),
    streamRevision: store.streamRevision.bind(store),
  });
  return { store: counted, eventsRead: () => read };
}
