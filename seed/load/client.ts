/**
 * The seed loader's only way in: GraphQL operations executed in-process against the same
 * yoga instance the HTTP server uses (`createGraphqlHandler(app, buildSchema()).fetch`), with a secretariat
 * token signed with the configured secret. No direct event appends, no read-model writes.
 */
import type { App } from '../../src/app.js';
import { mintToken } from '../../src/auth/tokens.js';
import { buildSchema } from '../../schema/index.js';
import { createGraphqlHandler } from '../../src/server/http.js';

/** The subject the seed acts as. Idempotency keys are scoped per subject, so it never changes. */
export const SEED_SUBJECT = 'secretariat:demo-seed';

export interface MutationResult {
  readonly aggregateId: string;
  readonly replayed: boolean;
  /** Extra payload fields asked for with `select`. */
  readonly payload: Record<string, unknown>;
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

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** Matches a date-time the API accepts for `occurredAt`. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export class SeedClient {
  private tally = new Tally();

  private constructor(
    private readonly handler: ReturnType<typeof createGraphqlHandler>,
    private readonly token: string,
    /** Every mutation since the client was opened, across its forks. */
    readonly totals = new Tally(),
  ) {}

  /** A client for work done alongside this one: its own step counts, the same totals. */
  fork(): SeedClient {
    return new SeedClient(this.handler, this.token, this.totals);
  }

  static async open(app: App): Promise<SeedClient> {
    const token = await mintToken(
      { subject: SEED_SUBJECT, role: 'secretariat', name: 'Demo data loader', cityIds: [] },
      app.config.jwtSecret,
      '1h',
    );
    return new SeedClient(createGraphqlHandler(app, buildSchema()), token);
  }

  /** Starts counting a new step; returns the tally of the previous one. */
  step(): Tally {
    const previous = this.tally;
    this.tally = new Tally();
    return previous;
  }

  /** Runs any operation; GraphQL errors (not typed payload errors) are thrown. */
  async execute<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await this.handler.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string; path?: unknown }[] };
    if (body.errors?.length) {
      throw new SeedError(`GraphQL error: ${body.errors.map((e) => e.message).join('; ')}`);
    }
    if (!body.data) throw new SeedError(`No data (HTTP ${response.status})`);
    return body.data;
  }

  /**
   * Runs one command mutation with an idempotency key and the time the fact occurred.
   * A typed error in the payload is thrown with its code, message and the key, so a broken
   * record is easy to find; a replay of an earlier run is counted as such.
   */
  async mutate(
    field: string,
    key: string,
    occurredAt: string,
    input: Record<string, unknown>,
    select = '',
  ): Promise<MutationResult> {
    if (!DATE_TIME.test(occurredAt)) throw new SeedError(`${key}: occurredAt ${occurredAt} is not a UTC date-time`);
    const type = pascal(field);
    const query = `mutation Seed($input: ${type}Input!) {
  result: ${field}(input: $input) {
    __typename
    ... on ${type}Payload { aggregateId replayed ${select} }
    ... on InputValidationError { issues { path message } }
    ... on Error { code message }
  }
}`;
    const data = await this.execute<{ result: Record<string, unknown> }>(query, {
      input: { ...input, idempotencyKey: key, occurredAt },
    });
    const result = data.result;
    if (result.__typename !== `${type}Payload`) {
      const issues = (result.issues as { path: string[]; message: string }[] | undefined)
        ?.map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ');
      throw new SeedError(`${key}: ${field} failed with ${String(result.code)}: ${String(result.message)}${issues ? ` (${issues})` : ''}`);
    }
    const replayed = result.replayed === true;
    for (const tally of [this.tally, this.totals]) {
      if (replayed) tally.replayed++;
      else tally.created++;
    }
    return { aggregateId: String(result.aggregateId), replayed, payload: result };
  }
}
