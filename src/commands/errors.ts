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
  readonly code = 'FORBIDDEN';
  constructor(message = 'You are not allowed to do this') {
    super(message);
  }
}
