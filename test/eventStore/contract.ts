/**
 * One contract for every event store adapter: the EventStoreDB semantics the rest of the code
 * relies on. Each adapter's test file calls `describeEventStoreContract` with a factory.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIdentityOf } from '../../src/eventStore/logIdentity.js';
import {
  WrongExpectedRevisionError,
  comparePositions,
  type EventData,
  type EventStore,
  type RecordedEvent,
  type SubscriptionMessage,
} from '../../src/eventStore/port.js';

export interface StoreFixture {
  store: EventStore;
  cleanup(): Promise<void>;
}

/** An event to append, with the metadata every event carries. */
export function event(type: string, data: unknown = {}): EventData {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      actor: 'contract-test',
      recordedAt: now,
      occurredAt: now,
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
    },
  };
}

/** Resolves with the promise's outcome, or rejects saying what did not finish in time. */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
    }),
  ]);
}

/** Collects messages from a subscription until `until` says stop, with a deadline. */
async function collect(
  messages: AsyncIterable<SubscriptionMessage>,
  until: (seen: SubscriptionMessage[]) => boolean,
  timeoutMs = 10_000,
): Promise<SubscriptionMessage[]> {
  const seen: SubscriptionMessage[] = [];
  const deadline = Date.now() + timeoutMs;
  for await (const message of messages) {
    seen.push(message);
    if (until(seen)) return seen;
    if (Date.now() > deadline) throw new Error(`subscription did not deliver in ${timeoutMs} ms`);
  }
  return seen;
}

export function describeEventStoreContract(name: string, makeFixture: () => Promise<StoreFixture>): void {
  describe(`event store contract: ${name}`, () => {
    let fixture: StoreFixture;
    let store: EventStore;
    // Every test uses its own streams, so the suite also runs against a shared server.
    const run = randomUUID().replaceAll('-', '').slice(0, 12);
    const stream = (label: string) => `contract${run}-${label}-${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      fixture = await makeFixture();
      store = fixture.store;
    }, 180_000);
    afterAll(async () => {
      await fixture?.cleanup();
    });

    describe('expected revision', () => {
      it('creates a stream with no_stream and numbers revisions from 0', async () => {
        const id = stream('new');
        const result = await store.appendToStream(id, [event('A'), event('B')], { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(1n);
        const events = await store.readStream(id);
        expect(events.map((e) => [e.type, e.revision])).toEqual([
          ['A', 0n],
          ['B', 1n],
        ]);
      });

      it('rejects no_stream when the stream exists', async () => {
        const id = stream('exists');
        await store.appendToStream(id, [event('A')], { expectedRevision: 'no_stream' });
        await expect(
          store.appendToStream(id, [event('B')], { expectedRevision: 'no_stream' }),
        ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream(id)).toHaveLength(1);
      });

      it('rejects stream_exists on a missing stream and accepts it on an existing one', async () => {
        const id = stream('must-exist');
        await expect(
          store.appendToStream(id, [event('A')], { expectedRevision: 'stream_exists' }),
        ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.streamRevision(id)).toBeUndefined();
        await store.appendToStream(id, [event('A')], { expectedRevision: 'no_stream' });
        const result = await store.appendToStream(id, [event('B')], { expectedRevision: 'stream_exists' });
        expect(result.nextExpectedRevision).toBe(1n);
      });

      it('accepts the exact revision and rejects a stale one, writing nothing', async () => {
        const id = stream('exact');
        await store.appendToStream(id, [event('A'), event('B')], { expectedRevision: 'no_stream' });
        const ok = await store.appendToStream(id, [event('C')], { expectedRevision: 1n });
        expect(ok.nextExpectedRevision).toBe(2n);
        const stale = store.appendToStream(id, [event('D')], { expectedRevision: 1n });
        await expect(stale).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(stale).rejects.toMatchObject({ actual: 2n });
        expect((await store.readStream(id)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
      });

      it('appends anywhere with any', async () => {
        const id = stream('any');
        await store.appendToStream(id, [event('A')], { expectedRevision: 'any' });
        const result = await store.appendToStream(id, [event('B')]);
        expect(result.nextExpectedRevision).toBe(1n);
      });

      it('lets exactly one of many concurrent writers with the same expectation win', async () => {
        const id = stream('race');
        await store.appendToStream(id, [event('Created')], { expectedRevision: 'no_stream' });
        const attempts = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            store.appendToStream(id, [event('Changed', { i })], { expectedRevision: 0n }),
          ),
        );
        const won = attempts.filter((a) => a.status === 'fulfilled');
        const lost = attempts.filter((a) => a.status === 'rejected');
        expect(won).toHaveLength(1);
        for (const a of lost) expect((a as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream(id)).toHaveLength(2);
      });
    });

    describe('idempotent retries', () => {
      it('answers a retried append with the first result and stores the events once', async () => {
        const id = stream('retry');
        const batch = [event('A'), event('B')];
        const first = await store.appendToStream(id, batch, { expectedRevision: 'no_stream' });
        const retry = await store.appendToStream(id, batch, { expectedRevision: 'no_stream' });
        expect(retry.nextExpectedRevision).toBe(first.nextExpectedRevision);
        expect(comparePositions(retry.position, first.position)).toBe(0);
        expect(await store.readStream(id)).toHaveLength(2);
      });

      it('keeps a retried single event once when written with any', async () => {
        const id = stream('retry-any');
        const single = event('A');
        await store.appendToStream(id, [single]);
        await store.appendToStream(id, [single]);
        expect(await store.readStream(id)).toHaveLength(1);
      });
    });

    describe('reading', () => {
      it('reads a stream forwards and backwards from a revision with a max count', async () => {
        const id = stream('read');
        await store.appendToStream(
          id,
          Array.from({ length: 10 }, (_, i) => event('N', { i })),
          { expectedRevision: 'no_stream' },
        );
        const forwards = await store.readStream(id, { fromRevision: 3n, maxCount: 4 });
        expect(forwards.map((e) => (e.data as { i: number }).i)).toEqual([3, 4, 5, 6]);
        const backwards = await store.readStream(id, { direction: 'backwards', maxCount: 3 });
        expect(backwards.map((e) => e.revision)).toEqual([9n, 8n, 7n]);
        const backFrom = await store.readStream(id, { direction: 'backwards', fromRevision: 2n });
        expect(backFrom.map((e) => e.revision)).toEqual([2n, 1n, 0n]);
      });

      it('returns nothing for a stream that does not exist', async () => {
        expect(await store.readStream(stream('missing'))).toEqual([]);
      });

      it('keeps data, metadata and ids as written', async () => {
        const id = stream('roundtrip');
        const written = event('Typed', { text: 'Torino – città', nested: { list: [1, 2] }, flag: true });
        await store.appendToStream(id, [written]);
        const [read] = await store.readStream(id);
        expect(read).toMatchObject({ id: written.id, type: 'Typed', data: written.data, streamId: id });
        expect(read!.metadata).toMatchObject(written.metadata);
        expect(read!.created).toBeInstanceOf(Date);
      });

      it('reads all events in global order, exclusive of the start position, forwards and backwards', async () => {
        const head = await store.headPosition();
        const a = stream('all-a');
        const b = stream('all-b');
        const ra = await store.appendToStream(a, [event('A1')]);
        await store.appendToStream(b, [event('B1'), event('B2')]);
        const rc = await store.appendToStream(a, [event('A2')]);
        const mine = (events: RecordedEvent[]) => events.filter((e) => e.streamId === a || e.streamId === b);

        const forwards = mine(await store.readAll({ fromPosition: head, maxCount: 1000 }));
        expect(forwards.map((e) => e.type)).toEqual(['A1', 'B1', 'B2', 'A2']);
        for (let i = 1; i < forwards.length; i++) {
          expect(comparePositions(forwards[i - 1]!.position, forwards[i]!.position)).toBe(-1);
        }
        expect(comparePositions(forwards[0]!.position, ra.position)).toBe(0);
        expect(comparePositions(forwards[3]!.position, rc.position)).toBe(0);

        const afterFirst = mine(await store.readAll({ fromPosition: forwards[0]!.position, maxCount: 1000 }));
        expect(afterFirst.map((e) => e.type)).toEqual(['B1', 'B2', 'A2']);

        const backwards = mine(await store.readAll({ direction: 'backwards', maxCount: 50 }));
        expect(backwards.slice(0, 4).map((e) => e.type)).toEqual(['A2', 'B2', 'B1', 'A1']);
        expect(comparePositions(await store.headPosition(), rc.position)).toBe(0);
      });

      it('pages through more than 1,000 events forwards and backwards, in order, without gaps or repeats', async () => {
        const head = await store.headPosition();
        const prefix = stream('paged');
        const written: string[] = [];
        for (let batch = 0; batch < 5; batch++) {
          const events = Array.from({ length: 500 }, (_, i) => event('Paged', { n: batch * 500 + i }));
          written.push(...events.map((e) => e.id));
          await store.appendToStream(`${prefix}${batch % 2}`, events);
        }
        const mine = (events: RecordedEvent[]) => events.filter((e) => e.streamId.startsWith(prefix));
        const forwards = mine(await store.readAll({ fromPosition: head, maxCount: 3000 }));
        expect(forwards.map((e) => e.id)).toEqual(written);
        const fromMiddle = mine(await store.readAll({ fromPosition: forwards[1099]!.position, maxCount: 1200 }));
        expect(fromMiddle.map((e) => e.id)).toEqual(written.slice(1100, 2300));
        const backwards = mine(await store.readAll({ direction: 'backwards', fromPosition: forwards[2199]!.position, maxCount: 1500 }));
        expect(backwards.map((e) => e.id)).toEqual(written.slice(699, 2199).reverse());
      }, 60_000);

      it('stores and reads back a large append in order', async () => {
        const id = stream('large');
        const events = Array.from({ length: 5000 }, (_, i) => event('Bulk', { i, text: 'x'.repeat(200) }));
        const result = await store.appendToStream(id, events, { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(4999n);
        const read = await store.readStream(id);
        expect(read).toHaveLength(5000);
        expect(read.every((e, i) => (e.data as { i: number }).i === i && e.revision === BigInt(i))).toBe(true);
      });
    });

    describe('log identity', () => {
      it('is written once: every reader, even concurrent ones, gets the same id', async () => {
        const ids = await Promise.all(Array.from({ length: 5 }, () => logIdentityOf(store)));
        expect(new Set(ids.map((i) => i.logId)).size).toBe(1);
        expect(ids[0]).toMatchObject({ store: store.kind, logId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
        expect((await logIdentityOf(store)).logId).toBe(ids[0]!.logId);
      });
    });

    describe('catch-up subscription', () => {
      it('delivers past events, reports caught up, then delivers live appends', async () => {
        const head = await store.headPosition();
        const id = stream('sub');
        await store.appendToStream(id, [event('Past1'), event('Past2')]);
        const subscription = store.subscribeToAll({ fromPosition: head, filter: { streamPrefixes: [id] } });
        const iterator = subscription[Symbol.asyncIterator]();
        const seen: string[] = [];
        let caughtUp = false;
        while (!caughtUp) {
          const { value, done } = await iterator.next();
          if (done) throw new Error('subscription ended early');
          if (value.kind === 'caughtUp') caughtUp = seen.length >= 2;
          else seen.push(value.event.type);
        }
        expect(seen).toEqual(['Past1', 'Past2']);

        await store.appendToStream(id, [event('Live1')]);
        await store.appendToStream(stream('other'), [event('Unrelated')]);
        await store.appendToStream(id, [event('Live2')]);
        const live = await collect(
          { [Symbol.asyncIterator]: () => iterator },
          (messages) => messages.filter((m) => m.kind === 'event').length >= 2,
        );
        expect(live.flatMap((m) => (m.kind === 'event' ? [m.event.type] : []))).toEqual(['Live1', 'Live2']);
        await subscription.unsubscribe();
      });

      it('filters by event type and starts after the given position', async () => {
        const id = stream('subtype');
        await store.appendToStream(id, [event('Skip'), event('Keep', { n: 1 })]);
        const [first] = await store.readStream(id);
        await store.appendToStream(id, [event('Keep', { n: 2 })]);
        const subscription = store.subscribeToAll({
          fromPosition: first!.position,
          filter: { streamPrefixes: [id], eventTypes: ['Keep'] },
        });
        const messages = await collect(subscription, (m) => m.filter((x) => x.kind === 'event').length >= 2);
        await subscription.unsubscribe();
        const events = messages.flatMap((m) => (m.kind === 'event' ? [m.event] : []));
        expect(events.map((e) => (e.data as { n: number }).n)).toEqual([1, 2]);
      });

      it('ends the iteration when unsubscribed', async () => {
        const subscription = store.subscribeToAll({ filter: { streamPrefixes: [stream('none')] } });
        const iterator = subscription[Symbol.asyncIterator]();
        const pending = (async () => {
          for (;;) {
            const { done, value } = await iterator.next();
            if (done) return 'ended';
            if (value.kind === 'event') return 'unexpected event';
          }
        })();
        await new Promise((r) => setTimeout(r, 50));
        await subscription.unsubscribe();
        expect(await pending).toBe('ended');
      });
    });
  });
}
