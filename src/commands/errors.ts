/** Failures of command handling that are not business rules. */

/** The caller's expected revision is stale, or concurrent writers kept winning. */
export class ConcurrencyConflictError extends Error {
  override readonly name = 'ConcurrencyConflictError';
  readonly code = 'CONCURRENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expectedRevision: bigint | 'no_stream' | undefined,
    readonly actualRevision: bigint | 'no_stream',
  ) {
    super(
      `The ${streamId.split('-')[0]} changed since revision ${String(expectedRevision ?? 'none')}; it is now at ${String(actualRevision)}. Reload and try again.`,
    );
  }
}

/** An idempotency key was sent again with a different request. */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor(readonly key: string) {
    super(`Idempotency key "${key}" was already used for a different request`);
  }
}

/** The actor may not do this. */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
  readonly code: string = 'FORBIDDEN';
  constructor(message = 'You are not allowed to do this') {
    super(message);
  }
}

/**
 * Recording a fact as having happened in the past rewrites what "as of" answers show: only the
 * secretariat (and the system's own imports and seeds) may; others record facts as of now.
 */
export class BackdatingNotAllowedError extends ForbiddenError {
  override readonly code = 'BACKDATING_NOT_ALLOWED';
  constructor() {
    super('Only the secretariat may record a fact as having happened earlier (occurredAt); leave occurredAt out to record it as of now');
  }
}

/** One thing wrong with an input: the field's path (`['input', 'title']`) and what is wrong. */
export interface InputIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

const pathText = (issue: InputIssue) => issue.path?.map((part) => String(typeof part === 'object' ? part.key : part)).join('.') ?? 'unknown';

/**
 * The input is malformed (a zod schema refused it): every transport answers it with the issues,
 * each naming its field; GraphQL as the typed InputValidationError.
 */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  readonly code = 'INVALID_INPUT';
  constructor(readonly issues: readonly InputIssue[]) {
    super(`Validation error: ${issues.map((issue) => `${pathText(issue)}: ${issue.message}`).join(', ')}`);
  }
}
