/**
 * Expected business failures, raised by deciders. The API returns them as typed errors;
 * they never write anything.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

/** A business rule forbids the command in the aggregate's current state. */
export class RuleViolationError extends DomainError {
  override readonly name = 'RuleViolationError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The command targets something that does not exist (or no longer exists). */
export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
  readonly code = 'NOT_FOUND';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} was not found`);
  }
}
