import type { Decider, DomainEvent } from '../../domain/shared/decider.js';
import { streamIdOf } from '../../domain/shared/decider.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import type { CommandOptions, CommandResult } from '../commands/handleCommand.js';
import type { Ledger } from './ledger.js';

/** Commands on an aggregate that exists and decides on its own state alone. */
export interface Aggregate<C, S> {
  /** Runs the command on the aggregate with this id; its decider refuses one that does not exist. */
  change(ledger: Ledger, id: string, command: C, options: CommandOptions): Promise<CommandResult<S>>;
  /**
   * Runs the command on the aggregate holding the entity (one with an id of its own in the
   * aggregate's stream, such as a plan's action); a NotFoundError when none holds it.
   */
  changeHolder(ledger: Ledger, entity: string, id: string, command: C, options: CommandOptions): Promise<CommandResult<S>>;
}

/** The one way commands reach an aggregate by its id (see `inNetwork` for those deciding with their network's facts). */
export function aggregate<C, E extends DomainEvent, S>(decider: Decider<C, E, S>): Aggregate<C, S> {
  const change: Aggregate<C, S>['change'] = (ledger, id, command, options) =>
    ledger.execute(decider, streamIdOf(decider.category, id), command, options);
  return {
    change,
    async changeHolder(ledger, entity, id, command, options) {
      const holderId = await ledger.holderOf(entity, id);
      if (holderId === undefined) throw new NotFoundError(entity, id);
      return change(ledger, holderId, command, options);
    },
  };
}
