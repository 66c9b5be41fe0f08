import { InputValidationError, type StandardSchemaV1 } from '@pothos/plugin-validation';
import { NotFoundError, RuleViolationError } from '../domain/shared/errors.js';
import { ConcurrencyConflictError, ForbiddenError, IdempotencyKeyReusedError, ValidationError } from '../src/commands/errors.js';
import { builder, type Types } from './builder.js';

/** Every expected failure a mutation can return instead of its payload. */
export const ErrorInterface = builder.interfaceRef<Error & { code?: string }>('Error').implement({
  description: 'An expected failure: nothing was written (except RecordedNotYetReadable, which says the write is recorded but not yet readable here).',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.string({ resolve: (error) => error.code ?? 'ERROR' }),
  }),
});

const InputValidationIssue = builder.objectRef<StandardSchemaV1.Issue>('InputValidationIssue').implement({
  fields: (t) => ({
    message: t.exposeString('message'),
    path: t.stringList({
      resolve: (issue) => issue.path?.map((part) => String(typeof part === 'object' ? part.key : part)) ?? [],
    }),
  }),
});

/** An error class's GraphQL type: named after the class, an Error, recognised by `instanceof`. */
function errorType<E extends Error>(
  errorClass: new (...args: never[]) => E,
  options: { description?: string; fields?: (t: PothosSchemaTypes.ObjectFieldBuilder<Types, E>) => Record<string, unknown> } = {},
): void {
  // Pothos cannot check a type built for a generic error class; `fields` is typed above.
  const errorParam = errorClass as unknown as new () => Error & { code?: string };
  builder.objectType(errorParam, {
    name: errorClass.name,
    description: options.description,
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof errorClass,
    fields: (t) => (options.fields?.(t as never) ?? {}) as never,
  });
}

errorType(InputValidationError, {
  description: 'The input is malformed; each issue names the field.',
  fields: (t) => ({
    code: t.string({ resolve: () => 'INVALID_INPUT' }),
    issues: t.field({ type: [InputValidationIssue], resolve: (error) => [...error.issues] }),
  }),
});

errorType(RuleViolationError, { description: 'A business rule forbids this in the current state.' });

errorType(NotFoundError, {
  fields: (t) => ({
    entity: t.exposeString('entity'),
    entityId: t.exposeString('id'),
  }),
});

errorType(ConcurrencyConflictError, {
  description: 'Someone changed this since the expected revision: reload and retry.',
  fields: (t) => ({
    actualRevision: t.int({
      nullable: true,
      resolve: (error) => (error.actualRevision === 'no_stream' ? null : Number(error.actualRevision)),
    }),
  }),
});

errorType(IdempotencyKeyReusedError);

errorType(ForbiddenError);

/**
 * The GraphQL error of an application error, where the two differ: malformed input a use case
 * refuses (ValidationError) answers as the InputValidationError the API's own validation gives.
 */
export function asApiError(error: unknown): unknown {
  return error instanceof ValidationError ? new InputValidationError({ issues: error.issues }) : error;
}

/** The error types every command mutation returns as data. */
export const commandErrors = [
  InputValidationError,
  ForbiddenError,
  RuleViolationError,
  NotFoundError,
  ConcurrencyConflictError,
  IdempotencyKeyReusedError,
];
