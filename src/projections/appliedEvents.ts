import { comparePositions, positionToString, type RecordedEvent } from '../eventStore/port.js';
import type { ProjectionRunner } from './runner.js';

/** An event the read models have applied, as subscriptions see it. */
export type AppliedEvent = RecordedEvent;

/** Where an applied event stands in the log, as clients see positions ("commit/prepare"). */
export const positionOf = (event: AppliedEvent): string => positionToString(event.position);

/**
 * The events the read models have applied, from now on, as an async iterable (for GraphQL
 * subscriptions). Buffers while the consumer is slow; ends when the consumer stops. Each event is
 * delivered once: when the read models are replayed (a rebuild, an erasure), events already
 * delivered are not sent again.
 */
export function appliedEvents(
  runner: ProjectionRunner,
  accept: (event: RecordedEvent) => boolean = () => true,
): AsyncIterableIterator<RecordedEvent> {
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
    wake?.();
  });
  const finish = () => {
    done = true;
    remove();
    wake?.();
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      while (queue.length === 0 && !done) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      if (done) return { value: undefined, done: true };
      return { value: queue.shift()!, done: false };
    },
    async return() {
      finish();
      return { value: undefined, done: true };
    },
  };
}
