import { expect } from 'vitest';
import type { Decider, DomainEvent } from '../../domain/shared/decider.js';
import { DomainError } from '../../domain/shared/errors.js';

/** What deciders and workflows share: a state folded from events, and a decision on an input. */
interface Decides<Input, Event, State, Output> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (input: Input, state: State) => Output;
}

/**
 * Given events, when an input, then what `then` checks of the decision (`run` makes it): the frame
 * of deciderSpec and of workflowSpec.
 */
export function givenWhenThen<Input, Event, State, Output, Then>(
  machine: Decides<Input, Event, State, Output>,
  then: (run: () => Output) => Then,
) {
  return {
    given(events: readonly Event[]) {
      const state = events.reduce(machine.evolve, machine.initialState());
      return { when: (input: Input) => then(() => machine.decide(input, state)) };
    },
  };
}

/** Expects the decision to be refused with the DomainError of this code. */
export function expectDomainError(run: () => unknown, code: string): void {
  let error: unknown;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(error, `expected ${code}`).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
}

/**
 * Given events, when a command, then events (or a domain error): the specification style every
 * decider is tested in.
 */
export function deciderSpec<C, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return givenWhenThen(decider, (run) => ({
    then(expected: readonly E[]) {
      expect(run()).toEqual(expected);
    },
    thenNothing() {
      expect(run()).toEqual([]);
    },
    thenFails: (code: string) => expectDomainError(run, code),
  }));
}
