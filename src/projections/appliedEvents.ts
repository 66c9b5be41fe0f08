import { comparePositions, positionToString, type RecordedEvent } from '../eventStore/port.js';
import type { ProjectionRunner } from './runner.js';

/** An event the read models have applied, as subscriptions see it. */
export type AppliedEvent = RecordedEvent;

/** Where an applied event stands in the log, as clients see positions ("commit/prepare"). */
export const positionOf = (event: AppliedEvent): string => positionToString(event.position);

/**
 * Bounds on live subscriptions: how many one caller may hold, how many the server holds, and how
 * many events a subscriber may leave unread before it is closed (it can subscribe again).
 */
export const subscriptionLimits = { perCaller: 10, total: 200, queuedEvents: 1000 } as const;

/** A subscription refused because the caller, or the server, holds as many as allowed. */
export class TooManySubscriptionsError extends Error {
  override readonly name = 'TooManySubscriptionsError';
  readonly code = 'TOO_MANY_SUBSCRIPTIONS';
}

/** The subscriptions open on each runner, by caller. */
const openSubscriptions = new WeakMap<ProjectionRunner, Map<string, number>>();

type AppliedSource = Pick<ProjectionRunner, 'onApplied' | 'position'>;

/**
 * The events the read models have applied, from now on, as an async iterable (for GraphQL
 * subscriptions), counted against the caller's and the server's subscription limits. A subscriber
 * that leaves more than `queuedEvents` unread is closed rather than buffered without bound; the
 * iterator ends when the consumer stops.
 * Each event is delivered once: when the read models are replayed (a rebuild, an erasure), events
 * already delivered are not sent again.
 */
export function appliedEvents(
  runner: AppliedSource,
  accept: (event: RecordedEvent) => boolean = () => true,
  caller = 'anyone',
  limits: { readonly perCaller: number; readonly total: number; readonly queuedEvents: number } = subscriptionLimits,
): AsyncIterableIterator<RecordedEvent> {
  let open = openSubscriptions.get(runner as ProjectionRunner);
  if (!open) openSubscriptions.set(runner as ProjectionRunner, (open = new Map()));
  const total = [...open.values()].reduce((sum, count) => sum + count, 0);
  if ((open.get(caller) ?? 0) >= limits.perCaller) {
    throw new TooManySubscriptionsError(`You already hold ${limits.perCaller} live subscriptions, as many as one user may; close one first.`);
  }
  if (total >= limits.total) throw new TooManySubscriptionsError('The server holds as many live subscriptions as it serves; try again later.');
  open.set(caller, (open.get(caller) ?? 0) + 1);
  const counts = open;

  const queue: RecordedEvent[] = [];
  let wake: (() => void) | undefined;
  let done = false;
  let delivered = runner.position;
  const remove = runner.onApplied((events) => {
    for (const event of events) {
      if (comparePositions(event.position, delivered) <= 0) continue;
      delivered = event.position;
      if (accept(event)) queue.push(event);
    }
    // Too slow to keep up: close it instead of holding the log in memory for it.
    if (queue.length > limits.queuedEvents) {
      queue.length = 0;
      finish();
    }
    wake?.();
  });
  function finish() {
    if (done) return;
    done = true;
    remove();
    const left = (counts.get(caller) ?? 1) - 1;
    if (left > 0) counts.set(caller, left);
    else counts.delete(caller);
    wake?.();
  }
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      while (queue.length === 0 && !done) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      if (queue.length === 0) return { value: undefined, done: true };
      return { value: queue.shift()!, done: false };
    },
    async return() {
      queue.length = 0;
      finish();
      return { value: undefined, done: true };
    },
  };
}
