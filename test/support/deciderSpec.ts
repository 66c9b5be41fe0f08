import { expect, it } from 'vitest';
import type { NetworkSnapshot } from '../../domain/network/snapshot.js';
import type { Decider, DomainEvent } from '../../domain/shared/decider.js';
import { DomainError } from '../../domain/shared/errors.js';
import { closedNetwork, otherNetwork } from './networkSnapshot.js';

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

/**
 * The two scenarios of every creation, one `it` each: the command records the event (`first` names
 * it), and a second time it is refused with the rule code `twice`.
 */
export function createdOnceScenarios<C, E extends DomainEvent, S>(
  spec: ReturnType<typeof deciderSpec<C, E, S>>,
  s: { readonly first: string; readonly command: C; readonly created: E; readonly twice: string; readonly second?: string },
): void {
  it(s.first, () => {
    spec.given([]).when(s.command).then([s.created]);
  });
  it(s.second ?? 'once', () => {
    spec.given([s.created]).when(s.command).thenFails(s.twice);
  });
}

/**
 * The scenarios every command on an aggregate of a network shares, one `it` each: given `history`,
 * the command `withNetwork` makes with a snapshot is refused on a closed network, and on the
 * snapshot of another network (the shared snapshots of test/support/networkSnapshot.ts).
 */
export function networkGuardScenarios<C, E extends DomainEvent, S>(
  spec: ReturnType<typeof deciderSpec<C, E, S>>,
  what: string,
  history: readonly E[],
  withNetwork: (network: NetworkSnapshot) => C,
): void {
  it(`refuses ${what} of a closed network`, () => {
    spec.given(history).when(withNetwork(closedNetwork)).thenFails('NETWORK_CLOSED');
  });
  it('refuses the snapshot of another network', () => {
    spec.given(history).when(withNetwork(otherNetwork)).thenFails('NETWORK_MISMATCH');
  });
}

/** What the scenarios of an aggregate started in a network need (see `startedInNetworkScenarios`). */
export interface StartedInNetwork<C, E> {
  /** The aggregate, in the specs' words ("a plan"). */
  readonly what: string;
  /** The starting command, with the network's snapshot, and the event it records. */
  readonly start: C;
  readonly started: E;
  /** The starting command with another snapshot of its network (null: the network is unknown). */
  readonly withNetwork: (network: NetworkSnapshot | null) => C;
  readonly network: NetworkSnapshot;
  /** The rule code of a second start. */
  readonly startedTwice: string;
}

/**
 * The scenarios every aggregate started in a network shares (a plan, a transfer), one `it` each:
 * it starts with the network's facts in its event, once, and never in an unknown or closed network.
 */
export function startedInNetworkScenarios<C, E extends DomainEvent, S>(spec: ReturnType<typeof deciderSpec<C, E, S>>, s: StartedInNetwork<C, E>): void {
  createdOnceScenarios(spec, {
    first: `starts ${s.what} with the network facts in the event`,
    second: `starts ${s.what} once`,
    command: s.start,
    created: s.started,
    twice: s.startedTwice,
  });
  it(`refuses ${s.what} in a network that does not exist`, () => {
    spec.given([]).when(s.withNetwork(null)).thenFails('NOT_FOUND');
  });
  it(`refuses ${s.what} in a closed network`, () => {
    spec.given([]).when(s.withNetwork({ ...s.network, closed: true })).thenFails('NETWORK_CLOSED');
  });
}
