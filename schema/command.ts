import type { ObjectFieldBuilder, ObjectRef } from '@pothos/core';
import { RecordedNotYetReadableError } from '../src/projections/consistency.js';
import type { ReadModelStore } from '../projections/types.js';
import type { AuthScopeMap } from '@pothos/plugin-scope-auth';
import { z } from 'zod';
import type { DomainEvent } from '../domain/shared/decider.js';
import { CommandRequest, CommandRequestFields, runUseCase, type UseCase } from '../src/application/useCase.js';
import { builder, type AuthScopes, type Context } from './builder.js';
import { ErrorInterface, asApiError, commandErrors } from './errors.js';
import { inputFields } from './inputs.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** What every command mutation returns when it succeeds. */
export interface CommandPayload {
  /** Id of the aggregate the command changed or created. */
  readonly aggregateId: string;
  readonly revision: bigint;
  readonly replayed: boolean;
  /** The events the command recorded (the first time's, on a replay): what it created, for payload fields. */
  readonly events: readonly DomainEvent[];
  /** Where in the log the command's events are: the consistency token ("commit/prepare"). */
  readonly position?: { readonly commit: bigint; readonly prepare: bigint };
}

// The write went to the log but this replica's read models did not show it in time: a typed
// result, never a success with a null entity. Its position is what to wait for (x-min-position).
builder.objectType(RecordedNotYetReadableError, {
  name: 'RecordedNotYetReadable',
  description:
    'The command was recorded in the log (do not send it again; a retry with the same idempotency key appends nothing), ' +
    'but the read models of this server did not show it in time. Read it later with the header x-min-position: <position>.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof RecordedNotYetReadableError,
  fields: (t) => ({
    aggregateId: t.exposeID('aggregateId'),
    revision: t.int({ resolve: (error) => Number(error.revision) }),
    // Nullable like the payloads' position, so that one selection can ask for both.
    position: t.string({ nullable: true, resolve: (error) => `${error.position.commit}/${error.position.prepare}` }),
  }),
});

/** What every command mutation returns instead of its payload: the expected failures and the recorded-not-readable result. */
const mutationErrors = [...commandErrors, RecordedNotYetReadableError];

/** The consistency token of a payload: send it as `x-min-position` to read this write on any replica. */
const positionField = (t: PayloadFieldBuilder) =>
  t.string({
    nullable: true,
    description:
      'Where the command\'s events are in the log: send it in the header x-min-position to read this write on any server of the same log. Null when nothing was ever written.',
    resolve: (payload) =>
      payload.position && payload.position.commit >= 0n ? `${payload.position.commit}/${payload.position.prepare}` : null,
  });

/** The builder `payload` fields are declared with. */
export type PayloadFieldBuilder = ObjectFieldBuilder<Types, CommandPayload>;

export interface CommandMutationConfig<Input extends z.ZodType, State> {
  /** What the mutation does: its input schema is the mutation's input, its name the field's. */
  readonly useCase: UseCase<Input, State>;
  readonly description: string;
  /** Who may run it, given the validated input. */
  readonly authScopes: (
    input: z.output<Input>,
    context: Context,
  ) => AuthScopeMap<Types> | Promise<AuthScopeMap<Types>>;
  /** Extra payload fields, usually the changed entity read from the read models. */
  readonly payload?: (t: PayloadFieldBuilder) => Record<string, unknown>;
}

/**
 * The usual payload: the aggregate the command changed, read from the read models (which have
 * caught up with the write by the time the payload resolves).
 */
export function entityPayload<Row extends object>(
  field: string,
  type: ObjectRef<Types, Row>,
  find: (db: ReadModelStore, id: string) => Row | undefined,
) {
  return {
    payload: (t: PayloadFieldBuilder) => ({
      [field]: t.field({
        type,
        nullable: true,
        // Pothos cannot resolve its result type for a generic Row; find() is typed above.
        resolve: (payload, _args, context) => (find(context.readModels, payload.aggregateId) ?? null) as never,
      }),
    }),
  };
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The request fields every command input carries beside its own. */
const requestKeys = Object.keys(CommandRequestFields) as (keyof CommandRequest)[];

/**
 * Declares a command mutation the one way all of them work: its `input` type is derived from the
 * use case's zod schema and validated with it once (typed InputValidationError); the parsed value
 * goes to the scopes (typed ForbiddenError) and to the use case; business failures are typed
 * errors; the payload is read after the projections caught up with the write.
 */
export function commandMutation<Input extends z.ZodType, State>(config: CommandMutationConfig<Input, State>): void {
  const { useCase } = config;
  const typeName = pascal(useCase.name);
  // safeExtend keeps the refinements of the use case's schema (extend refuses them) and parses in
  // about half an intersection's time; an input that is not an object is intersected.
  const input = useCase.input as z.ZodType;
  const validated = z.object({ input: input instanceof z.ZodObject ? input.safeExtend(CommandRequestFields) : input.and(CommandRequest) });
  type Parsed = { input: z.output<Input> & CommandRequest };
  const split = (args: unknown) => {
    const parsed = (args as Parsed).input;
    const input = { ...parsed } as Record<string, unknown>;
    for (const key of requestKeys) delete input[key];
    return { input: input as z.output<Input>, request: parsed as CommandRequest };
  };

  const Input = builder.inputType(`${typeName}Input`, {
    fields: (t) => ({ ...inputFields(t, useCase.input, `${typeName}Input`), ...inputFields(t, CommandRequest, `${typeName}Input`) }),
  });

  const Payload = builder.objectRef<CommandPayload>(`${typeName}Payload`).implement({
    fields: (t) => ({
      aggregateId: t.exposeID('aggregateId'),
      revision: t.int({
        description: 'Revision of the aggregate after the command: send it as expectedRevision next time.',
        resolve: (payload) => Number(payload.revision),
      }),
      replayed: t.exposeBoolean('replayed', {
        description: 'True when this answers a retry with an idempotency key already used.',
      }),
      position: positionField(t),
      ...((config.payload?.(t) ?? {}) as object),
    }),
  });

  builder.mutationField(useCase.name, (t) =>
    t.field({
      type: Payload,
      description: config.description,
      args: { input: t.arg({ type: Input, required: true }) },
      validate: validated,
      errors: { types: mutationErrors },
      authScopes: (_parent, args, context) => config.authScopes(split(args).input, context),
      resolve: async (_parent, args, context) => {
        const { input, request } = split(args);
        const result = await runUseCase(context.app, useCase, input, request, {
          actor: context.actor,
          correlationId: context.requestId,
        }).catch((error: unknown) => {
          throw asApiError(error);
        });
        return { aggregateId: result.id, revision: result.revision, replayed: result.replayed, events: result.events, position: result.position };
      },
    }),
  );
}

export type { AuthScopes };
