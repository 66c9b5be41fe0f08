import { InputValidationError, type StandardSchemaV1 } from '@pothos/plugin-validation';
import { NotFoundError, RuleViolationError } from '../domain/shared/errors.js';
import { ConcurrencyConflictError, ForbiddenError, IdempotencyKeyReusedError } from '../src/commands/errors.js';
import { builder } from './builder.js';

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

builder.objectType(InputValidationError, {
  name: 'InputValidationError',
  description: 'The input is malformed; each issue names the field.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof InputValidationError,
  fields: (t) => ({
    code: t.string({ resolve: () => 'INVALID_INPUT' }),
    issues: t.field({ type: [InputValidationIssue], resolve: (error) => [...error.issues] }),
  }),
});

builder.objectType(RuleViolationError, {
  name: 'RuleViolationError',
  description: 'A business rule forbids this in the current state.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof RuleViolationError,
  fields: () => ({}),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
  fields: (t) => ({
    entity: t.exposeString('entity'),
    entityId: t.exposeString('id'),
  }),
});

builder.objectType(ConcurrencyConflictError, {
  name: 'ConcurrencyConflictError',
  description: 'Someone changed this since the expected revision: reload and retry.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ConcurrencyConflictError,
  fields: (t) => ({
    actualRevision: t.int({
      nullable: true,
      resolve: (error) => (error.actualRevision === 'no_stream' ? null : Number(error.actualRevision)),
    }),
  }),
});

builder.objectType(IdempotencyKeyReusedError, {
  name: 'IdempotencyKeyReusedError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof IdempotencyKeyReusedError,
  fields: () => ({}),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ForbiddenError,
  fields: () => ({}),
});

/** The error types every command mutation returns as data. */
export const commandErrors = [
  InputValidationError,
  ForbiddenError,
  RuleViolationError,
  NotFoundError,
  ConcurrencyConflictError,
  IdempotencyKeyReusedError,
];
