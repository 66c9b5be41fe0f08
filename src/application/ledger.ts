import type { Decider, DomainEvent } from '../../domain/shared/decider.js';
import type { ReadModelStore } from '../../projections/types.js';
import type { CommandOptions, CommandResult, LoadedAggregate, StreamTarget } from '../commands/handleCommand.js';

/**
 * What use cases need from the infrastructure: the current state of an aggregate, and a command
 * handled with its effects readable in the read models when it returns (read your writes).
 */
export interface Ledger {
  load<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, streamId: string): Promise<LoadedAggregate<S>>;
  /**
   * The live read models, for look-ups a command does not decide on but needs to be named:
   * which plan holds an action, a city's name, the matcher's suggestion. Decisions use `load`.
   */
  readonly readModels: ReadModelStore;
  execute<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    target: StreamTarget,
    command: C,
    options: CommandOptions,
  ): Promise<CommandResult<S>>;
}
