/**
 * A workflow is a process across aggregates as pure functions (a process manager): given the
 * facts loaded when it starts and the state of what happened since, `decide` names the next
 * command (null once the process is complete, or throws a DomainError); `evolve` folds in what
 * came of each command. A runner in the application layer loads the facts and sends the commands.
 */
export interface Workflow<Facts, Command, Event, State> {
  readonly initialState: () => State;
  readonly decide: (facts: Facts, state: State) => Command | null;
  readonly evolve: (state: State, event: Event) => State;
}
