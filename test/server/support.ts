import { allProjections } from '../../projections/index.js';
import type { Projection } from '../../projections/types.js';
import type { App } from '../../src/app.js';
import type { Role } from '../../src/auth/actor.js';
import { mintToken } from '../../src/auth/tokens.js';
import { buildSchema } from '../../schema/index.js';
import { startServer, type RunningServer } from '../../src/server/http.js';

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: { data?: Record<string, any>; errors?: { message: string; extensions?: Record<string, unknown> }[] } & Record<string, any>;
  readonly ms: number;
}

export interface Served {
  readonly url: string;
  readonly server: RunningServer;
  token(role: Role): Promise<string>;
  /** POSTs a GraphQL operation with extra headers. */
  gql(query: string, options?: { variables?: Record<string, unknown>; token?: string; headers?: Record<string, string> }): Promise<Answer>;
  /** GETs a path (/ready, /health). */
  get(path: string): Promise<Answer>;
  close(): Promise<void>;
}

/** Serves an app over HTTP on a free port, as `npm start` does. */
export async function serve(app: App): Promise<Served> {
  const server = await startServer(app, { host: '127.0.0.1', port: 0, schema: buildSchema() });
  const answer = async (response: Response, started: number): Promise<Answer> => {
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {}, ms: Date.now() - started };
  };
  return {
    url: server.url,
    server,
    token: (role) => mintToken({ subject: `${role}:test`, role, cityIds: [] }, app.config.jwtSecret, '1h'),
    async gql(query, options = {}) {
      const started = Date.now();
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
        body: JSON.stringify({ query, variables: options.variables }),
      });
      return answer(response, started);
    },
    async get(path) {
      const started = Date.now();
      return answer(await fetch(`${server.url}${path}`), started);
    },
    close: () => server.close(),
  };
}

export const REGISTER = `mutation($input: RegisterNetworkInput!) {
  registerNetwork(input: $input) {
    __typename
    ... on RegisterNetworkPayload { aggregateId revision position network { name } }
    ... on RecordedNotYetReadable { code message aggregateId position }
    ... on Error { code message }
  }
}`;

export const NETWORK_NAMES = `{ networks(first: 100) { nodes { name } } }`;

export const registration = (name: string) => ({
  input: { name, kind: 'transfer', theme: 'Consistency', startDate: '2024-01-01', endDate: '2025-12-31' },
});

export const namesIn = (answer: Answer): string[] =>
  (answer.body.data?.networks?.nodes ?? []).map((n: { name: string }) => n.name);

/** The projections, with the networks read model throwing `error` on a network named `name`. */
export function projectionsFailingOn(name: string, error: Error): Projection[] {
  return allProjections.map((projection) =>
    projection.name !== 'networks'
      ? projection
      : {
          ...projection,
          apply(db: Parameters<typeof projection.apply>[0], event: Parameters<typeof projection.apply>[1]) {
            if ((event.data as { name?: string }).name === name) throw error;
            projection.apply(db, event);
          },
        },
  );
}
