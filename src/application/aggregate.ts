import type { Decider, DomainEvent } from '../../domain/shared/decider.js';
import { streamIdOf } from '../../domain/shared/decider.js';
import type { CommandOptions, CommandResult } from '../commands/handleCommand.js';
import type { Ledger } from './ledger.js';

/** Commands on an aggregate that decides on its own state (a session, a practice, a review…). */
export interface OnItsOwn<C, S> {
  /** Creates the aggregate: its stream gets a new id. */
  create(ledger: Ledger, command: C, options: CommandOptions): Promise<CommandResult<S>>;
  /** Runs the command on the aggregate's stream; its decider refuses one that does not exist. */
  change(ledger: Ledger, id: string, command: C, options: CommandOptions): Promise<CommandResult<S>>;
}

/** The one way an aggregate outside a network is created and changed (see inNetwork for the others). */
export function onItsOwn<C, E extends DomainEvent, S>(decider: Decider<C, E, S>): OnItsOwn<C, S> {
  return {
    create: (ledger, command, options) => ledger.execute(decider, { create: decider.category }, command, options),
    change: (ledger, id, command, options) => ledger.execute(decider, streamIdOf(decider.category, id), command, options),
  };
}
