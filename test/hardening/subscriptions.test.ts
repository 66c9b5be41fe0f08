import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../src/eventStore/port.js';
import { appliedEvents, subscriptionLimits, TooManySubscriptionsError } from '../../src/projections/appliedEvents.js';
import { useTestApp } from '../support/testApp.js';
import { openSse } from '../support/api.js';

// Issue 13, item 5: subscriptions are bounded per caller, in total, and in what they buffer.

/** A stand-in for the projection runner: pushes batches of applied events to its listeners. */
function fakeRunner() {
  const listeners = new Set<(events: readonly RecordedEvent[]) => void>();
  let commit = 0n;
  return {
    position: { commit: 0n, prepare: 0n },
    onApplied(listener: (events: readonly RecordedEvent[]) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    push(count: number) {
      const events = Array.from({ length: count }, (_, i) => {
        commit += 1n;
        return { type: 'E', streamId: 's-1', data: { i }, position: { commit, prepare: commit } } as unknown as RecordedEvent;
      });
      for (const listener of listeners) listener(events);
    },
    get listeners() {
      return listeners.size;
    },
  };
}

const limits = { perCaller: 2, total: 3, queuedEvents: 5 };

describe('applied-event subscriptions', () => {
  it('refuses a caller more than its share, and everyone beyond the total', async () => {
    const runner = fakeRunner();
    const a1 = appliedEvents(runner, undefined, 'a', limits);
    appliedEvents(runner, undefined, 'a', limits);
    expect(() => appliedEvents(runner, undefined, 'a', limits)).toThrow(TooManySubscriptionsError);
    appliedEvents(runner, undefined, 'b', limits);
    expect(() => appliedEvents(runner, undefined, 'c', limits)).toThrow(TooManySubscriptionsError);
    await a1.return!();
    expect(() => appliedEvents(runner, undefined, 'a', limits)).not.toThrow();
  });

  it('closes a subscriber that leaves more events unread than its queue holds, and forgets it', async () => {
    const runner = fakeRunner();
    const slow = appliedEvents(runner, undefined, 'slow', limits);
    const reader = appliedEvents(runner, undefined, 'reader', limits);
    runner.push(3);
    expect((await reader.next()).value.data).toEqual({ i: 0 });
    runner.push(3);
    expect(runner.listeners).toBe(1);
    expect(await slow.next()).toEqual({ value: undefined, done: true });
    // The slow one's place is free again.
    expect(() => appliedEvents(runner, undefined, 'slow', { ...limits, perCaller: 1 })).not.toThrow();
  });
});

describe('subscriptions through the API', () => {
  const t = useTestApp();

  it(`lets one token hold ${subscriptionLimits.perCaller} live subscriptions, and refuses the next with a stable code`, async () => {
    const secretariat = await t.token('secretariat');
    const open = await Promise.all(
      Array.from({ length: subscriptionLimits.perCaller }, () => openSse(t, 'subscription { ledger { state } }', {}, secretariat)),
    );
    try {
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { accept: 'text/event-stream', 'content-type': 'application/json', authorization: `Bearer ${secretariat}` },
        body: JSON.stringify({ query: 'subscription { ledger { state } }' }),
      });
      const text = await response.text();
      expect(text).toContain('TOO_MANY_SUBSCRIPTIONS');
      const other = await openSse(t, 'subscription { ledger { state } }', {}, await t.token('secretariat', { subject: 'secretariat:other' }));
      expect(other.status).toBe(200);
      await other.close();
    } finally {
      await Promise.all(open.map((s) => s.close()));
    }
  });
});
