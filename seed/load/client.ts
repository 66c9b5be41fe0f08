/**
 * The seed loader's only way in: the application's use cases (`src/application`), the same ones
 * the GraphQL mutations call, run as the secretariat with an idempotency key per record. Inputs are
 * parsed with each use case's schema. No direct event appends, no read-model writes.
 */
import type { DomainEvent } from '../../domain/shared/decider.js';
import { DomainError } from '../../domain/shared/errors.js';
import { useCases } from '../../src/application/index.js';
import { ledgerStatus } from '../../src/application/ledgerStatus.js';
import { runUseCase } from '../../src/application/useCase.js';
import type { App } from '../../src/app.js';
import type { Actor } from '../../src/auth/actor.js';

/** The subject the seed acts as. Idempotency keys are scoped per subject, so it never changes. */
export const SEED_SUBJECT = 'secretariat:demo-seed';

const seedActor: Actor = Object.freeze({ subject: SEED_SUBJECT, role: 'secretariat', name: 'Demo data loader', cityIds: [] });

export interface MutationResult {
  readonly aggregateId: string;
  readonly replayed: boolean;
  /** The events the command recorded (the first run's, on a replay). */
  readonly events: readonly DomainEvent[];
}

export class SeedError extends Error {
  override readonly name = 'SeedError';
}

/** Counts of mutations per step, split into new writes and replays of an earlier run. */
export class Tally {
  created = 0;
  replayed = 0;
  get total(): number {
    return this.created + this.replayed;
  }
}

/** Matches a date-time the API accepts for `occurredAt`. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** "code: message" of a refused command, whatever refused it. */
function describeFailure(error: unknown): string {
  if (error instanceof DomainError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return `${(error as { code?: string }).code ?? error.name}: ${error.message}`;
  return String(error);
}

export class SeedClient {
  private tally = new Tally();

  private constructor(
    private readonly app: App,
    /** Every mutation since the client was opened, across its forks. */
    readonly totals = new Tally(),
  ) {}

  /** A client for work done alongside this one: its own step counts, the same totals. */
  fork(): SeedClient {
    return new SeedClient(this.app, this.totals);
  }

  static open(app: App): SeedClient {
    return new SeedClient(app);
  }

  /** Starts counting a new step; returns the tally of the previous one. */
  step(): Tally {
    const previous = this.tally;
    this.tally = new Tally();
    return previous;
  }

  /** Position of the last event in the log. */
  async headPosition(): Promise<string> {
    return (await ledgerStatus(this.app)).headPosition;
  }

  /**
   * Runs one use case (named as its mutation) with an idempotency key and the time the fact
   * occurred. A refusal is thrown with its code, message and the key, so a broken record is easy
   * to find; a replay of an earlier run is counted as such.
   */
  async mutate(name: string, key: string, occurredAt: string, input: Record<string, unknown>): Promise<MutationResult> {
    if (!DATE_TIME.test(occurredAt)) throw new SeedError(`${key}: occurredAt ${occurredAt} is not a UTC date-time`);
    const useCase = useCases.get(name);
    if (!useCase) throw new SeedError(`${key}: no use case ${name}`);
    const parsed = useCase.input.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new SeedError(`${key}: ${name} failed with INVALID_INPUT (${issues})`);
    }
    let result;
    try {
      result = await runUseCase(this.app, useCase, parsed.data, { idempotencyKey: key, occurredAt }, { actor: seedActor });
    } catch (error) {
      throw new SeedError(`${key}: ${name} failed with ${describeFailure(error)}`);
    }
    for (const tally of [this.tally, this.totals]) {
      if (result.replayed) tally.replayed++;
      else tally.created++;
    }
    return { aggregateId: result.id, replayed: result.replayed, events: result.events };
  }
}

/** The data of the first event of a type a command recorded (e.g. the id of an added action). */
export function recorded<T>(result: MutationResult, type: string): T {
  const event = result.events.find((e) => e.type === type);
  if (!event) throw new SeedError(`expected a ${type} event`);
  return event.data as T;
}
