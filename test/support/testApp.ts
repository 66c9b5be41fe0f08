import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import type { Actor, Role } from '../../src/auth/actor.js';
import { mintToken } from '../../src/auth/tokens.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { buildSchema } from '../../schema/index.js';
import { startServer, type RunningServer } from '../../src/server/http.js';

export interface GraphqlResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface TestApp {
  readonly app: App;
  readonly server: RunningServer;
  readonly url: string;
  readonly dataDir: string;
  /** The secretariat's token (`secretariat:test`, who may do everything), signed at start. */
  readonly secretariat: string;
  /** A signed token for a role (and cities for coordinators). */
  token(role: Role, options?: { subject?: string; cityIds?: string[] }): Promise<string>;
  /** POSTs a GraphQL operation to the running server. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphqlResponse<T>>;
  close(): Promise<void>;
}

/** A real server on a free port with a fresh embedded store, as a client sees it. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-test-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', PORT: '0', HOST: '127.0.0.1', ...env });
  const app = await createApp(config, { logger: createLogger(config.logLevel) });
  const server = await startServer(app, { host: config.host, port: config.port, schema: buildSchema() });
  const token: TestApp['token'] = async (role, options = {}) => {
    const actor: Actor = {
      subject: options.subject ?? `${role}:test`,
      role,
      cityIds: options.cityIds ?? [],
    };
    return mintToken(actor, config.jwtSecret, '1h');
  };
  return {
    app,
    server,
    url: server.url,
    dataDir,
    secretariat: await token('secretariat'),
    token,
    async gql(query, variables, token) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphqlResponse;
      return { ...body, status: response.status } as GraphqlResponse<any>;
    },
    async close() {
      await server.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The test app of the enclosing `describe` block (or file): started before its specs and hooks
 * declared after this call, closed after them. The returned app forwards to the running one.
 */
export function useTestApp(env: Record<string, string> = {}): TestApp {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startTestApp(env);
  });
  afterAll(async () => started?.close());
  const running = (): TestApp => {
    if (!started) throw new Error('The test app starts before the specs: use it in hooks and specs only');
    return started;
  };
  return {
    get app() {
      return running().app;
    },
    get server() {
      return running().server;
    },
    get url() {
      return running().url;
    },
    get dataDir() {
      return running().dataDir;
    },
    get secretariat() {
      return running().secretariat;
    },
    token: (role, options) => running().token(role, options),
    gql: (query, variables, token) => running().gql(query, variables, token),
    close: () => running().close(),
  };
}

/**
 * What `setUp` makes before the specs of the enclosing `describe` block (after the hooks declared
 * before this call), as an object its hooks and specs read once it is made.
 */
export function setUpBeforeAll<T extends object>(setUp: () => Promise<T>): T {
  const made = {} as T;
  beforeAll(async () => {
    Object.assign(made, await setUp());
  });
  return made;
}
