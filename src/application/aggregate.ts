import type { z } from 'zod';
import type { Decider, DomainEvent } from '../../domain/shared/decider.js';
import { streamIdOf } from '../../domain/shared/decider.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import type { ReadModelStore } from '../../projections/types.js';
import type { CommandOptions, CommandResult } from '../commands/handleCommand.js';
import type { entityId } from './ids.js';
import type { Ledger } from './ledger.js';
import { defineUseCase, targetedUseCase, withNewId, type CommandUseCases } from './useCase.js';

/**
 * Commands on an aggregate that decides on its own state (a session, a practice, a plan…); its use
 * cases name it by its id in the input field `Target` (`transferId`).
 */
export interface Aggregate<C, S, Target extends string> extends CommandUseCases<C, S, Target> {
  /** The input field naming the aggregate (`{ transferId }`), for its use cases' inputs to extend. */
  readonly target: TargetField<Target>;
  /** Creates the aggregate: its stream gets a new id. */
  create(ledger: Ledger, command: C, options: CommandOptions): Promise<CommandResult<S>>;
  /** Runs the command on the aggregate with this id; its decider refuses one that does not exist. */
  change(ledger: Ledger, id: string, command: C, options: CommandOptions): Promise<CommandResult<S>>;
  /**
   * Runs the command on the aggregate holding an entity that has an id of its own in the
   * aggregate's stream (a plan's action), found with `holderOf` in the read models (such ids never
   * move, so a read model is a safe index); a NotFoundError naming the entity when none holds it.
   */
  changeHolder(
    ledger: Ledger,
    entity: { readonly name: string; readonly id: string; readonly holderOf: (db: ReadModelStore, id: string) => string | undefined },
    command: C,
    options: CommandOptions,
  ): Promise<CommandResult<S>>;
}

/** One input field, its id's schema: `{ transferId: entityId('Transfer') }`. */
export type TargetField<Target extends string> = { readonly [K in Target]: ReturnType<typeof entityId> };

/**
 * The one way an aggregate outside a network is created and changed (see `inNetwork` for the
 * others): `targetField` is the input field of its use cases that holds its id.
 */
export function aggregate<C, E extends DomainEvent, S, Target extends string>(decider: Decider<C, E, S>, targetField: TargetField<Target>): Aggregate<C, S, Target> {
  const target = Object.keys(targetField)[0] as Target;
  const change: Aggregate<C, S, Target>['change'] = (ledger, id, command, options) =>
    ledger.execute(decider, streamIdOf(decider.category, id), command, options);
  return {
    target: targetField,
    create: (ledger, command, options) => ledger.execute(decider, { create: decider.category }, command, options),
    change,
    async changeHolder(ledger, entity, command, options) {
      const holderId = entity.holderOf(ledger.readModels, entity.id);
      if (holderId === undefined) throw new NotFoundError(entity.name, entity.id);
      return change(ledger, holderId, command, options);
    },
    define: (name, input, run) => defineUseCase(decider, name, input, run),
    useCase: (name: string, input: z.ZodType<Record<Target, string>>, type: string, newId?: string) =>
      targetedUseCase(decider, name, input, target, (ledger, id, data, options) =>
        change(ledger, id, { type, data: withNewId(data, newId) } as C, options),
      ),
  };
}
