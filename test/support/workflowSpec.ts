import { expect } from 'vitest';
import type { Workflow } from '../../domain/shared/workflow.js';
import { expectDomainError, givenWhenThen } from './deciderSpec.js';

/**
 * Given what happened so far, when the workflow decides on its facts, then the next command (or
 * completion, or a domain error): the specification style of workflows, like deciderSpec's.
 */
export function workflowSpec<Facts, Command, Event, State>(workflow: Workflow<Facts, Command, Event, State>) {
  return givenWhenThen(workflow, (run) => ({
    thenSends(command: Command) {
      expect(run()).toEqual(command);
    },
    thenCompletes() {
      expect(run()).toBeNull();
    },
    thenFails: (code: string) => expectDomainError(run, code),
  }));
}
