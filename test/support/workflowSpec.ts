import { expect } from 'vitest';
import { DomainError } from '../../domain/shared/errors.js';
import type { Workflow } from '../../domain/shared/workflow.js';

/**
 * Given what happened so far, when the workflow decides on its facts, then the next command (or
 * completion, or a domain error): the specification style of workflows, like deciderSpec's.
 */
export function workflowSpec<Facts, Command, Event, State>(workflow: Workflow<Facts, Command, Event, State>) {
  return {
    given(events: readonly Event[]) {
      const state = events.reduce(workflow.evolve, workflow.initialState());
      return {
        when(facts: Facts) {
          const run = () => workflow.decide(facts, state);
          return {
            thenSends(command: Command) {
              expect(run()).toEqual(command);
            },
            thenCompletes() {
              expect(run()).toBeNull();
            },
            thenFails(code: string) {
              expect(run).toThrow(DomainError);
              expect(run).toThrow(expect.objectContaining({ code }));
            },
          };
        },
      };
    },
  };
}
