import type { z } from 'zod';

/**
 * A decider is an aggregate's behaviour as pure functions: `decide` turns a command and the
 * current state into new events (or throws a DomainError), `evolve` folds an event into state.
 */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * The union of the messages (events or commands) whose schemas are given by type, each with the
 * data its zod schema parses to: `MessagesOf<typeof NetworkEventSchemas>` is every network event.
 */
export type MessagesOf<Schemas extends Record<string, z.ZodType>> = { [K in keyof Schemas]: { type: K; data: z.output<Schemas[K]> } }[keyof Schemas];

export interface Decider<Command, Event extends DomainEvent, State> {
  /** Stream category: streams are named `<category>-<id>`. */
  readonly category: string;
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State) => readonly Event[];
  /**
   * A long stream's folded state may be kept on disk between starts: `version` (bump it when the
   * state's shape changes) and the fields holding persistent maps; the rest must be plain JSON.
   */
  readonly snapshots?: { readonly version: number; readonly maps: readonly string[] };
}

export function fold<Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}

export function streamIdOf(category: string, id: string): string {
  return `${category}-${id}`;
}

/** The id part of `<category>-<id>`; categories never contain a dash. */
export function idOfStream(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(dash + 1);
}

export function categoryOfStream(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}
