import { expect } from 'vitest';
import type { Decider, DomainEvent } from '../../domain/shared/decider.js';
import { DomainError } from '../../domain/shared/errors.js';

/**
 * Given events, when a command, then events (or a domain error): the specification style every
 * decider is tested in.
 */
export function deciderSpec<C, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return {
    given(events: readonly E[]) {
      const state = events.reduce(decider.evolve, decider.initialState());
      return {
        when(command: C) {
          const run = () => decider.decide(command, state);
          return {
            then(expected: readonly E[]) {
              expect(run()).toEqual(expected);
            },
            thenNothing() {
              expect(run()).toEqual([]);
            },
            thenFails(code: string) {
              let error: unknown;
              try {
                run();
              } catch (e) {
                error = e;
              }
              expect(error, `expected ${code}`).toBeInstanceOf(DomainError);
              expect((error as DomainError).code).toBe(code);
            },
          };
        },
      };
    },
  };
}
