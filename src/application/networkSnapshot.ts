import type { z } from 'zod';
import { networkDecider } from '../../domain/network/decider.js';
import { networkSnapshotOf, type NetworkSnapshot } from '../../domain/network/snapshot.js';
import type { Decider, DomainEvent } from '../../domain/shared/decider.js';
import { streamIdOf } from '../../domain/shared/decider.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import type { CommandOptions, CommandResult } from '../commands/handleCommand.js';
import { aggregate, type Aggregate, type TargetField } from './aggregate.js';
import type { Ledger } from './ledger.js';
import { defineUseCase, targetedUseCase, withNewId, type CommandUseCases, type UseCase } from './useCase.js';

/**
 * The network facts other aggregates decide on, loaded from the network's stream (not from a read
 * model, so a command decides on the latest state). Null when the network was never registered.
 */
export async function findNetworkSnapshot(ledger: Ledger, networkId: string): Promise<NetworkSnapshot | null> {
  const { state } = await ledger.load(networkDecider, streamIdOf(networkDecider.category, networkId));
  return networkSnapshotOf(networkId, state) ?? null;
}

/** As findNetworkSnapshot, but a network that does not exist is a NotFoundError. */
export async function loadNetworkSnapshot(ledger: Ledger, networkId: string): Promise<NetworkSnapshot> {
  const snapshot = await findNetworkSnapshot(ledger, networkId);
  if (!snapshot) throw new NotFoundError('Network', networkId);
  return snapshot;
}

/**
 * Commands on an aggregate that belongs to one network and decides with that network's facts; its
 * use cases name it by its id in the input field `Target` (`meetingId`).
 */
export interface InNetwork<C, S, Target extends string> extends CommandUseCases<C, S, Target, 'network'> {
  /**
   * Creates the aggregate with a command built from the network's snapshot, under a new id, or
   * under `id` when the id derives from what the aggregate is (one plan per city and network).
   */
  create(
    ledger: Ledger,
    networkId: string,
    build: (network: NetworkSnapshot) => C,
    options: CommandOptions,
    id?: string,
  ): Promise<CommandResult<S>>;
  /**
   * The use case that creates the aggregate in the network its input names (`networkId`) with the
   * command `build` makes of the input and the network's snapshot, under the id `idOf` derives from
   * the input when there is one per what it is (per city and network), else under a new id.
   */
  createUseCase<Input extends z.ZodType<{ networkId: string }>>(
    name: string,
    input: Input,
    build: (input: z.output<Input>, network: NetworkSnapshot) => C,
    idOf?: (input: z.output<Input>) => string,
  ): UseCase<Input, S>;
  /**
   * Loads the aggregate, refuses a missing one (NotFoundError), loads its network's snapshot and
   * runs the command `build` makes with it.
   */
  change(
    ledger: Ledger,
    id: string,
    build: (network: NetworkSnapshot, state: S) => C,
    options: CommandOptions,
  ): Promise<CommandResult<S>>;
}

/**
 * The one way every aggregate of a network (need, meeting, local group…) is created and changed.
 * `entity` names a missing aggregate in errors, `target` the input field of its use cases that holds
 * its id; `networkOf` is undefined while it does not exist.
 */
export function inNetwork<C, E extends DomainEvent, S, Target extends string>(
  decider: Decider<C, E, S>,
  entity: string,
  target: Target,
  networkOf: (state: S) => string | undefined,
): InNetwork<C, S, Target> {
  const change: InNetwork<C, S, Target>['change'] = async (ledger, id, build, options) => {
    const streamId = streamIdOf(decider.category, id);
    const { state } = await ledger.load(decider, streamId);
    const networkId = networkOf(state);
    if (networkId === undefined) throw new NotFoundError(entity, id);
    const network = await loadNetworkSnapshot(ledger, networkId);
    return ledger.execute(decider, streamId, build(network, state), options);
  };
  const create: InNetwork<C, S, Target>['create'] = async (ledger, networkId, build, options, id) => {
    const network = await loadNetworkSnapshot(ledger, networkId);
    const stream = id === undefined ? { create: decider.category } : streamIdOf(decider.category, id);
    return ledger.execute(decider, stream, build(network), options);
  };
  return {
    create,
    createUseCase: (name, input, build, idOf) =>
      defineUseCase(decider, name, input, (ledger, parsed, options) =>
        create(ledger, parsed.networkId, (network) => build(parsed, network), options, idOf?.(parsed)),
      ),
    change,
    define: (name, input, run) => defineUseCase(decider, name, input, run),
    useCase: (name: string, input: z.ZodType<Record<Target, string>>, type: string, newId?: string) =>
      targetedUseCase(decider, name, input, target, (ledger, id, data, options) =>
        change(ledger, id, (network) => ({ type, data: { ...withNewId(data, newId), network } }) as C, options),
      ),
  };
}

/**
 * An aggregate started in a network that decides every later change alone (a plan, a transfer):
 * created with the network's snapshot (`createUseCase`), then changed as any `aggregate`.
 */
export function startedInNetwork<C, E extends DomainEvent, S, Target extends string>(
  decider: Decider<C, E, S>,
  targetField: TargetField<Target>,
): Aggregate<C, S, Target> & Pick<InNetwork<C, S, Target>, 'createUseCase'> {
  const changed = aggregate(decider, targetField);
  const { createUseCase } = inNetwork(decider, decider.category, Object.keys(targetField)[0] as Target, () => undefined);
  return { ...changed, createUseCase };
}
