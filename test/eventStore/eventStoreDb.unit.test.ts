/**
 * The parts of the EventStoreDB adapter that need no server: how port values map to the client's,
 * and how a 'caughtUp' signal keeps its place among buffered events.
 */
import { PassThrough, Readable, Transform, type TransformCallback } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  OrderedCatchUpReader,
  fromClientPosition,
  isSystemEvent,
  toClientExpectedRevision,
  toClientPosition,
  toRecordedEvent,
  toServerFilter,
  type SourceItem,
} from '../../src/eventStore/eventStoreDb.js';
import { START } from '../../src/eventStore/port.js';

describe('EventStoreDB adapter mappings', () => {
  it('maps expected revisions to the client', () => {
    expect(toClientExpectedRevision('any')).toBe('any');
    expect(toClientExpectedRevision('no_stream')).toBe('no_stream');
    expect(toClientExpectedRevision('stream_exists')).toBe('stream_exists');
    expect(toClientExpectedRevision(0n)).toBe(0n);
    expect(toClientExpectedRevision(41n)).toBe(41n);
    expect(() => toClientExpectedRevision(-1n)).toThrow(RangeError);
  });

  it('maps positions both ways, START and the server "no position" included', () => {
    expect(toClientPosition(undefined)).toBe('start');
    expect(toClientPosition(START)).toBe('start');
    expect(toClientPosition({ commit: 1200n, prepare: 1100n })).toEqual({ commit: 1200n, prepare: 1100n });
    expect(fromClientPosition({ commit: 1200n, prepare: 1100n })).toEqual({ commit: 1200n, prepare: 1100n });
    expect(fromClientPosition(undefined)).toBeUndefined();
    expect(fromClientPosition({ commit: -1n, prepare: -1n })).toBeUndefined();
    expect(fromClientPosition({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n })).toBeUndefined();
  });

  it('recognises system events by type and by stream', () => {
    expect(isSystemEvent({ streamId: 'network-01J', type: 'NetworkCreated' })).toBe(false);
    expect(isSystemEvent({ streamId: '$$network-01J', type: '$metadata' })).toBe(true);
    expect(isSystemEvent({ streamId: '$ce-network', type: '$>' })).toBe(true);
    expect(isSystemEvent({ streamId: '$scavenges', type: 'ScavengeStarted' })).toBe(true);
  });

  it('builds one server-side filter: stream prefixes, else exact event types, else no system events', () => {
    expect(toServerFilter({ streamPrefixes: ['network-', 'city-'], eventTypes: ['A'] })).toMatchObject({
      filterOn: 'streamName',
      prefixes: ['network-', 'city-'],
    });
    const byType = toServerFilter({ eventTypes: ['NetworkCreated', 'Weird.Type+1'] });
    expect(byType).toMatchObject({ filterOn: 'eventType' });
    const regex = new RegExp((byType as { regex: string }).regex);
    expect(regex.test('NetworkCreated')).toBe(true);
    expect(regex.test('Weird.Type+1')).toBe(true);
    expect(regex.test('NetworkCreatedLater')).toBe(false);
    expect(regex.test('WeirdXType+1')).toBe(false);
    const none = toServerFilter(undefined);
    expect(none).toMatchObject({ filterOn: 'eventType' });
    expect(new RegExp((none as { regex: string }).regex).test('$metadata')).toBe(false);
    expect(new RegExp((none as { regex: string }).regex).test('NetworkCreated')).toBe(true);
    // An empty prefix matches every stream: the server cannot say that, so it filters by type instead.
    expect(toServerFilter({ streamPrefixes: [''] })).toMatchObject({ filterOn: 'eventType' });
  });

  it('turns a client event into a port event, decoding binary metadata and keeping the position', () => {
    const metadata = { actor: 'a', recordedAt: 'r', occurredAt: 'o', commandId: 'c', correlationId: 'k', causationId: 'z' };
    const created = new Date();
    const event = toRecordedEvent({
      streamId: 'network-1',
      id: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
      revision: 3n,
      type: 'NetworkCreated',
      created,
      data: { name: 'Torino' },
      metadata: new TextEncoder().encode(JSON.stringify(metadata)),
      isJson: true,
      position: { commit: 900n, prepare: 900n },
    });
    expect(event).toEqual({
      streamId: 'network-1',
      revision: 3n,
      position: { commit: 900n, prepare: 900n },
      id: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
      type: 'NetworkCreated',
      data: { name: 'Torino' },
      metadata,
      created,
    });
    const unpositioned = toRecordedEvent({ ...event, metadata, isJson: true, position: undefined }, 77n);
    expect(unpositioned.position).toEqual({ commit: 77n, prepare: 77n });
  });
});

/** Mimics the client's subscription: a transform that announces 'caughtUp' as it passes by. */
class FakeSubscription extends Transform {
  constructor() {
    super({ objectMode: true, highWaterMark: 4 });
  }
  override _transform(message: number | 'caughtUp', _encoding: string, next: TransformCallback): void {
    if (message === 'caughtUp') {
      this.emit('caughtUp');
      next();
    } else next(null, message);
  }
}

async function drain(reader: OrderedCatchUpReader<number>, delayMs: number): Promise<string[]> {
  const out: string[] = [];
  for (;;) {
    const item: SourceItem<number> = await reader.next();
    if (item.kind === 'ended') return [...out, item.error ? `ended: ${item.error.message}` : 'ended'];
    out.push(item.kind === 'event' ? String(item.value) : item.kind);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}

describe('OrderedCatchUpReader', () => {
  it('hands out caughtUp after the events that preceded it, even when they were still buffered', async () => {
    const script: Array<number | 'caughtUp'> = [...Array.from({ length: 40 }, (_, i) => i), 'caughtUp', 40, 41, 'caughtUp'];
    for (const delayMs of [0, 1]) {
      const subscription = new FakeSubscription();
      const reader = new OrderedCatchUpReader<number>(subscription);
      Readable.from(script).pipe(subscription);
      expect(await drain(reader, delayMs)).toEqual([...script.map(String), 'ended']);
    }
  });

  it('reports a failure once the buffered events are read', async () => {
    const input = new PassThrough({ objectMode: true });
    const subscription = new FakeSubscription();
    input.pipe(subscription);
    const reader = new OrderedCatchUpReader<number>(subscription);
    input.write(1);
    input.write(2);
    const result = drain(reader, 0);
    await new Promise((resolve) => setTimeout(resolve, 10));
    subscription.emit('error', new Error('dropped by server'));
    expect(await result).toEqual(['1', '2', 'ended: dropped by server']);
    reader.detach();
    // Detached: a late error no longer reaches the reader and does not crash the process.
    expect(() => subscription.emit('error', new Error('late'))).not.toThrow();
  });

  it('resolves a pending read as interrupted', async () => {
    const reader = new OrderedCatchUpReader<number>(new FakeSubscription());
    const pending = reader.next();
    reader.interrupt();
    expect(await pending).toEqual({ kind: 'interrupted' });
  });
});
