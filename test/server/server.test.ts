import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { useTestApp } from '../support/testApp.js';

describe('HTTP server', () => {
  const t = useTestApp();

  it('answers /health and, once projections caught up, /ready', async () => {
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
    await t.app.projections.catchUp();
    const deadline = Date.now() + 5000;
    let ready = await fetch(`${t.url}/ready`);
    while (ready.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      ready = await fetch(`${t.url}/ready`);
    }
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true });
  });

  it('echoes a request id, or makes one', async () => {
    const given = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ ledger { store } }')}`, {
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ ledger { store } }')}`);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('masks internal errors and gives the request id to find them in the log', async () => {
    const original = t.app.store.headPosition;
    t.app.store.headPosition = () => Promise.reject(new Error('disk on fire: /secret/path'));
    try {
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'req-masked' },
        body: JSON.stringify({ query: '{ ledger { headPosition } }' }),
      });
      const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(body.errors[0]!.message).toBe('Unexpected error.');
      expect(JSON.stringify(body)).not.toContain('secret');
      expect(body.errors[0]!.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-masked' });
    } finally {
      t.app.store.headPosition = original;
    }
  });
});

describe('configuration', () => {
  it('has defaults that start on the embedded store', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ eventStore: { kind: 'sqlite' }, port: 4000, dataDir: './data', graphiql: true });
  });

  it('reports every problem at once', () => {
    expect(() => loadConfig({ EVENT_STORE: 'eventstoredb', PORT: 'x', NODE_ENV: 'production' })).toThrow(ConfigError);
    try {
      loadConfig({ EVENT_STORE: 'eventstoredb', PORT: 'x', NODE_ENV: 'production' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('EVENTSTORE_CONNECTION_STRING');
      expect(message).toContain('PORT');
      expect(message).toContain('AUTH_JWT_SECRET');
    }
  });

  it('turns GraphiQL and introspection off in production unless asked', () => {
    const secret = 'x'.repeat(40);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: secret })).toMatchObject({ graphiql: false, introspection: false });
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: secret, GRAPHIQL: 'true' }).graphiql).toBe(true);
  });
});

describe('process lifecycle', () => {
  it('starts with npm start defaults and shuts down gracefully on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-main-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no listening line in: ${output}`)), 20_000);
        child.stdout.on('data', () => {
          const match = /listening on (http:\/\/[^/\s"]+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ ledger { store } }' }),
      });
      expect(await res.json()).toEqual({ data: { ledger: { store: 'sqlite' } } });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('stopped');
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('response cache', () => {
  const t = useTestApp();

  it('reuses an answer only until the read models move: clients still read their own writes', async () => {
    const token = await t.token('secretariat');
    const LIST = `{ networks(first: 50) { nodes { name } } }`;
    const names = async () => (await t.gql(LIST, {}, token)).data!.networks.nodes.map((n: { name: string }) => n.name);
    const etag = async () =>
      (
        await fetch(`${t.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: LIST }),
        })
      ).headers.get('etag');
    expect(await names()).toEqual([]);
    const cachedTag = await etag();
    expect(cachedTag).toMatch(/^[0-9a-f]{64}$/);
    expect(await etag()).toBe(cachedTag);
    for (const name of ['First', 'Second']) {
      await t.gql(
        `mutation($input: RegisterNetworkInput!) { registerNetwork(input: $input) { __typename } }`,
        { input: { name, kind: 'transfer', theme: 't', startDate: '2020-01-01', endDate: '2021-01-01' } },
        token,
      );
      expect(await names()).toContain(name);
      expect(await etag()).not.toBe(cachedTag);
    }
  });

  it('never answers a mutation from the cache: the same mutation twice does it twice', async () => {
    const token = await t.token('secretariat');
    const REGISTER = `mutation { registerNetwork(input: { name: "Twice", kind: transfer, theme: "t", startDate: "2020-01-01", endDate: "2021-01-01" }) { ... on RegisterNetworkPayload { aggregateId replayed } } }`;
    const [first, second] = await Promise.all([t.gql(REGISTER, {}, token), t.gql(REGISTER, {}, token)]);
    expect(first.data!.registerNetwork.aggregateId).not.toBe(second.data!.registerNetwork.aggregateId);
    const third = await t.gql(REGISTER, {}, token);
    expect(new Set([first, second, third].map((r) => r.data!.registerNetwork.aggregateId)).size).toBe(3);
  });

  it('never serves one caller an answer computed for another', async () => {
    const secretariat = await t.token('secretariat');
    const created = await t.gql(
      `mutation { registerNetwork(input: { name: "Private", kind: transfer, theme: "t", startDate: "2020-01-01", endDate: "2021-01-01" }) { ... on RegisterNetworkPayload { aggregateId } } }`,
      {},
      secretariat,
    );
    const QUERY = `query($id: ID!) { learningNeeds(networkId: $id, first: 1) { nodes { description } } }`;
    const variables = { id: created.data!.registerNetwork.aggregateId };
    const first = await t.gql(QUERY, variables, secretariat);
    expect(first.errors).toBeUndefined();
    const anonymous = await t.gql(QUERY, variables);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
