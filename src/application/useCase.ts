import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import { newUlid } from '../ulid.js';
import { z } from 'zod';
import { IsoDateTime } from '../../domain/shared/values.js';
import type { Actor } from '../auth/actor.js';
import { BackdatingNotAllowedError } from '../commands/errors.js';
import type { CommandOptions, CommandResult } from '../commands/handleCommand.js';
import type { Ledger } from './ledger.js';

/**
 * One thing a user can do: its input (declared once, as a zod object: transports derive their
 * input types from it) and how it runs against the ledger. GraphQL mutations, the seed loader and
 * any future transport call use cases; none of them loads aggregates or builds commands itself.
 */
export interface UseCase<Input extends z.ZodType = z.ZodType, State = unknown> {
  /** The verb, e.g. `raiseLearningNeed`: the mutation's name and the idempotency fingerprint's. */
  readonly name: string;
  readonly input: Input;
  readonly run: (ledger: Ledger, input: z.output<Input>, options: CommandOptions) => Promise<CommandResult<State>>;
  /**
   * The stream category of the aggregate it runs on (its decider's): the categories of all use
   * cases are the streams the application owns (`aggregateCategories` in ./index.ts).
   */
  readonly category: string;
}

type Run<Input extends z.ZodType, State> = UseCase<Input, State>['run'];

/** A use case of the aggregate `decider` decides on (the aggregate helpers' `define` passes it). */
export function defineUseCase<Input extends z.ZodType, State>(
  decider: { readonly category: string },
  name: string,
  input: Input,
  run: Run<Input, State>,
): UseCase<Input, State> {
  return { name, input, run, category: decider.category };
}

/** The types of the commands in the union `C` of an aggregate's commands. */
export type CommandType<C> = C extends { readonly type: infer T extends string } ? T : never;
/** The data of the command of type `T` in the union `C`. */
export type CommandData<C, T> = C extends { readonly type: T; readonly data: infer D } ? D : never;

/**
 * A use case whose input is the data of one command plus the id of the aggregate it runs on, in the
 * field `target`; `run` gets the id and the data without it (a command names its aggregate by its stream, not in its data).
 */
export function targetedUseCase<Input extends z.ZodType<Record<K, string>>, K extends string, State>(
  decider: { readonly category: string },
  name: string,
  input: Input,
  target: K,
  run: (ledger: Ledger, id: string, data: Omit<z.output<Input>, K>, options: CommandOptions) => Promise<CommandResult<State>>,
): UseCase<Input, State> {
  return defineUseCase(decider, name, input, (ledger, parsed, options) => {
    const { [target]: id, ...data } = parsed;
    return run(ledger, id, data, options);
  });
}

/**
 * Use cases of an aggregate's commands, one a command: each runs the command of type `type` on the
 * aggregate whose id is in the input field `Target`, with the rest of the input as the command's
 * data, plus the fields `Added` that the aggregate's helper supplies itself (a network's snapshot).
 */
export interface CommandUseCases<C, S, Target extends string, Added extends string = never> {
  useCase<T extends CommandType<C>, Input extends z.ZodType<Record<Target, string> & Omit<CommandData<C, T>, Added>>>(
    name: string,
    input: Input,
    type: T,
  ): UseCase<Input, S>;
  /** The same for a command that adds an entity to the aggregate: its new id (a ULID) goes in the data's field `newId`. */
  useCase<
    T extends CommandType<C>,
    NewId extends keyof CommandData<C, T> & string,
    Input extends z.ZodType<Record<Target, string> & Omit<CommandData<C, T>, Added | NewId>>,
  >(name: string, input: Input, type: T, newId: NewId): UseCase<Input, S>;
  /** Any other use case on this aggregate: `run` loads what it needs and runs the aggregate's commands. */
  define<Input extends z.ZodType, State = S>(name: string, input: Input, run: Run<Input, State>): UseCase<Input, State>;
}

/** What every command accepts beside its own input. */
export const CommandRequestFields = {
  idempotencyKey: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .nullish()
    .describe('Send the same key when retrying: the first result is returned and nothing is written twice.'),
  expectedRevision: z
    .number()
    .int()
    .min(-1)
    .nullish()
    .describe('The revision you last saw; if it changed since, you get a ConcurrencyConflictError.'),
  occurredAt: IsoDateTime.refine((value) => Date.parse(value) <= Date.now() + 60_000, 'must not be in the future')
    .nullish()
    .describe(
      'When this happened, if earlier than now (recording past facts: the secretariat only). "As of" queries use it; the time it was recorded is kept too ("known at" queries use that).',
    ),
};
export const CommandRequest = z.object(CommandRequestFields);
export type CommandRequest = z.output<typeof CommandRequest>;

/** Who asks, and in which request (for the events' metadata). */
export interface Caller {
  readonly actor: Actor;
  readonly correlationId?: string;
}

/** An occurredAt this much before now is clock skew or a slow request, not a backdated fact. */
const BACKDATING_TOLERANCE_MS = 10 * 60_000;

/** Who may record a fact as having happened earlier: the secretariat, and imports run as the system. */
export function mayBackdate(actor: Actor): boolean {
  return actor.role === 'secretariat';
}

/** The handler's options for one request: idempotency is keyed by the use case and its parsed input. */
export function commandOptions(useCase: UseCase, input: unknown, request: CommandRequest, caller: Caller): CommandOptions {
  const { idempotencyKey, expectedRevision, occurredAt } = request;
  if (occurredAt && Date.parse(occurredAt) < Date.now() - BACKDATING_TOLERANCE_MS && !mayBackdate(caller.actor)) {
    throw new BackdatingNotAllowedError();
  }
  return {
    actor: caller.actor,
    ...(caller.correlationId ? { correlationId: caller.correlationId } : {}),
    ...(occurredAt ? { occurredAt: new Date(occurredAt).toISOString() } : {}),
    ...(expectedRevision != null ? { expectedRevision: BigInt(expectedRevision) } : {}),
    ...(idempotencyKey
      ? {
          idempotency: {
            key: idempotencyKey,
            fingerprint: createHash('sha256')
              .update(stringify({ mutation: useCase.name, input }) ?? '')
              .digest('hex'),
          },
        }
      : {}),
  };
}

/** Runs a use case on an input already parsed with its schema (transports validate at the edge). */
export function runUseCase<Input extends z.ZodType, State>(
  ledger: Ledger,
  useCase: UseCase<Input, State>,
  input: z.output<Input>,
  request: CommandRequest,
  caller: Caller,
): Promise<CommandResult<State>> {
  return useCase.run(ledger, input, commandOptions(useCase as UseCase, input, request, caller));
}

/** A command's data with the new entity's id, when the command adds one (see `CommandUseCases`). */
export function withNewId<D extends object>(data: D, newId: string | undefined): D {
  return newId === undefined ? data : { ...data, [newId]: newUlid() };
}
