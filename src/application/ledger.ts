import type { Decider, DomainEvent } from '../../domain/shared/decider.js';
import type { CommandOptions, CommandResult, LoadedAggregate, StreamTarget } from '../commands/handleCommand.js';

/**
 * What use cases need from the infrastructure: the current state of an aggregate, and a command
 * handled with its effects readable in the read models when it returns (read your writes).
 */
export interface Ledger {
  load<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, streamId: string): Promise<LoadedAggregate<S>>;
  /**
   * The id of the aggregate whose stream holds an entity with an id of its own (a plan's action
   * or indicator), as the read models know it; undefined when none does. Commands may name such
   * an entity alone.
   */
  holderOf(entity: string, id: string): Promise<string | undefined>;
  execute<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    target: StreamTarget,
    command: C,
    options: CommandOptions,
  ): Promise<CommandResult<S>>;
}
