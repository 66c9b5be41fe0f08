/**
 * How the EventStoreDB adapter uses its client, checked against the gRPC double (a stand-in for a
 * node, see esdbDouble.ts): no call left open, `close()` always resolving, deadlines on reads,
 * leader reads for the command path, paging through system and foreign events, the server-side
 * filter, dropped subscriptions and a user who may not read `$all`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EventStoreDbEventStore } from '../../src/eventStore/eventStoreDb.js';
import {
  EventStoreAccessDeniedError,
  EventStoreUnavailableError,
  SubscriptionDroppedError,
  comparePositions,
  type RecordedEvent,
  type SubscriptionMessage,
} from '../../src/eventStore/port.js';
import { event, within } from './contract.js';
import { EventStoreDbDouble } from './esdbDouble.js';

async function until(condition: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
}

describe('EventStoreDB adapter against the gRPC double', () => {
  let double: EventStoreDbDouble;
  let store: EventStoreDbEventStore | undefined;
  afterEach(async () => {
    if (store) await within(5000, 'close()', store.close()).catch(() => undefined);
    store = undefined;
    await double?.stop();
  });

  it('leaves no gRPC call open after 1,000 headPosition() calls, and close() resolves', async () => {
    double = await EventStoreDbDouble.start();
    // Events of 2 KB: a page of them does not fit the HTTP/2 window, so an abandoned read stays open.
    for (let i = 0; i < 150; i++) double.write(`network-${i}`, 'NetworkRegistered', { padding: 'x'.repeat(2048) });
    const last = double.events.at(-1)!.position;
    store = new EventStoreDbEventStore(double.connectionString);
    for (let i = 0; i < 1000; i++) {
      expect((await store.headPosition()).commit).toBe(last);
    }
    await until(() => double.openCalls() === 0);
    expect(double.openCalls()).toBe(0);
    expect(double.calls.filter((c) => c.method === 'readAll').length).toBeGreaterThanOrEqual(1000);
    await within(5000, 'close()', store.close());
    store = undefined;
  }, 60_000);

  it('close() resolves when earlier reads were abandoned after the server had sent everything', async () => {
    double = await EventStoreDbDouble.start();
    // Fewer events than the client buffers: the whole answer, status included, arrives at once.
    for (let i = 0; i < 5; i++) double.write(`network-${i}`, 'NetworkRegistered', { i });
    store = new EventStoreDbEventStore(double.connectionString);
    for (let i = 0; i < 50; i++) await store.headPosition();
    await store.readAll({ maxCount: 10 });
    await within(5000, 'close()', store.close());
    store = undefined;
  });

  it('pages through more than 1,000 events with system and foreign events mixed in, and ignores trailing system events', async () => {
    double = await EventStoreDbDouble.start();
    const mine: bigint[] = [];
    for (let i = 0; i < 2500; i++) {
      mine.push(double.write(`network-${i % 40}`, 'NetworkRegistered', { i }).position);
      if (i % 7 === 0) double.write(`$$network-${i % 40}`, '$metadata', { $maxCount: 10 });
      if (i % 11 === 0) double.write(`billing-${i}`, 'InvoiceSent', { i });
      if (i % 13 === 0) double.write('$ce-network', '$>', `${i}@network-${i % 40}`);
    }
    for (let i = 0; i < 150; i++) double.write('$stats-127.0.0.1:2113', '$statsCollected', { i });
    store = new EventStoreDbEventStore(double.connectionString, { streamPrefixes: ['network-'] });
    const positions = (events: RecordedEvent[]) => events.map((e) => e.position.commit);

    const all = await store.readAll({ maxCount: 10_000 });
    expect(positions(all)).toEqual(mine);
    expect(all.map((e) => (e.data as { i: number }).i)).toEqual(mine.map((_, i) => i));

    const middle = await store.readAll({ fromPosition: all[999]!.position, maxCount: 1200 });
    expect(positions(middle)).toEqual(mine.slice(1000, 2200));
    const backwards = await store.readAll({ direction: 'backwards', maxCount: 1500 });
    expect(positions(backwards)).toEqual(mine.slice(-1500).reverse());

    expect((await store.headPosition()).commit).toBe(mine.at(-1));
    await until(() => double.openCalls() === 0);
    expect(double.openCalls()).toBe(0);
  }, 60_000);

  it('asks the server to filter the subscription by the application\'s stream prefixes', async () => {
    double = await EventStoreDbDouble.start();
    double.write('network-1', 'NetworkRegistered');
    double.write('billing-1', 'InvoiceSent');
    double.write('$$network-1', '$metadata');
    double.write('network-2', 'NetworkRegistered');
    store = new EventStoreDbEventStore(double.connectionString, { streamPrefixes: ['network-', 'practice-'] });
    const subscription = store.subscribeToAll();
    const seen: string[] = [];
    for await (const message of subscription) {
      if (message.kind === 'caughtUp') break;
      seen.push(message.event.streamId);
    }
    await subscription.unsubscribe();
    expect(seen).toEqual(['network-1', 'network-2']);
    const subscribed = double.calls.find((c) => c.method === 'subscribeToAll')!;
    expect(subscribed.filter).toEqual({ on: 'streamName', prefixes: ['network-', 'practice-'] });
  });

  it('gives up on a read the server does not answer within the deadline, and cancels it', async () => {
    double = await EventStoreDbDouble.start();
    double.write('network-1', 'NetworkRegistered');
    store = new EventStoreDbEventStore(double.connectionString, { readDeadlineMs: 300 });
    await store.readStream('network-1'); // connected
    double.hangReads = true;
    const started = Date.now();
    await within(5000, 'readStream', expect(store.readStream('network-1')).rejects.toBeInstanceOf(EventStoreUnavailableError));
    await within(5000, 'readAll', expect(store.readAll({ maxCount: 5 })).rejects.toBeInstanceOf(EventStoreUnavailableError));
    await within(5000, 'headPosition', expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailableError));
    expect(Date.now() - started).toBeLessThan(4000);
    await until(() => double.openCalls() === 0);
    expect(double.openCalls()).toBe(0);
  });

  it('reads streams (what commands decide on) from the leader; $all reads may come from any node', async () => {
    double = await EventStoreDbDouble.start();
    store = new EventStoreDbEventStore(double.connectionString);
    await store.appendToStream('network-1', [event('NetworkRegistered')]);
    await store.readStream('network-1');
    await store.streamRevision('network-1');
    await store.readAll({ maxCount: 5 });
    const streamReads = double.calls.filter((c) => c.method === 'readStream');
    expect(streamReads.length).toBeGreaterThanOrEqual(2);
    expect(streamReads.every((c) => c.requiresLeader)).toBe(true);
    expect(double.calls.filter((c) => c.method === 'readAll').every((c) => !c.requiresLeader)).toBe(true);
  });

  it('ends a dropped subscription with SubscriptionDroppedError after every event it had delivered', async () => {
    double = await EventStoreDbDouble.start();
    store = new EventStoreDbEventStore(double.connectionString);
    await store.appendToStream('network-1', [event('A'), event('B')]);
    const subscription = store.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();
    const seen: SubscriptionMessage[] = [];
    while (seen.at(-1)?.kind !== 'caughtUp') seen.push((await iterator.next()).value as SubscriptionMessage);
    await store.appendToStream('network-1', [event('C')]);
    const live = (await iterator.next()).value as SubscriptionMessage;
    expect(live).toMatchObject({ kind: 'event', event: { type: 'C' } });
    expect(double.dropSubscriptions()).toBe(1);
    await expect(iterator.next()).rejects.toBeInstanceOf(SubscriptionDroppedError);
    expect(seen.flatMap((m) => (m.kind === 'event' ? [m.event.type] : []))).toEqual(['A', 'B']);
    await subscription.unsubscribe();
  });

  it('tells a user who may not read $all what is missing, for reads and for subscriptions', async () => {
    double = await EventStoreDbDouble.start();
    store = new EventStoreDbEventStore(double.connectionString);
    await store.appendToStream('network-1', [event('A')]);
    double.denyAllReads = true;
    const denied = store.headPosition();
    await expect(denied).rejects.toBeInstanceOf(EventStoreAccessDeniedError);
    await expect(denied).rejects.toThrow(/\$all/);
    const subscription = store.subscribeToAll();
    await expect(subscription[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(EventStoreAccessDeniedError);
    await subscription.unsubscribe();
    // Stream reads stay allowed: only $all is an admin's by default.
    expect(await store.readStream('network-1')).toHaveLength(1);
  });

  it('positions an idempotent retry like the first append (read back when the server gives none)', async () => {
    double = await EventStoreDbDouble.start();
    store = new EventStoreDbEventStore(double.connectionString);
    const batch = [event('A'), event('B')];
    const first = await store.appendToStream('network-1', batch, { expectedRevision: 'no_stream' });
    const retry = await store.appendToStream('network-1', batch, { expectedRevision: 'no_stream' });
    expect(comparePositions(retry.position, first.position)).toBe(0);
    expect(double.events).toHaveLength(2);
  });
});
