import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { buildSchema } from '../../schema/index.js';
import { startServer, type RunningServer } from '../../src/server/http.js';
import { openSse, pause } from '../support/api.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

const METRICS_TOKEN = 'm'.repeat(40);

/** The value of one series in Prometheus text, e.g. `http_requests_total{method="POST",route="/graphql",status="200"}`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.startsWith(name)) continue;
    const match = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const pairs = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => pairs[k] === v)) return Number(match[3]);
  }
  return undefined;
}

describe('/metrics on its own port', () => {
  let t: TestApp;
  const scrape = async () => (await fetch(t.server.metricsUrl!)).text();
  beforeAll(async () => {
    t = await startTestApp({ METRICS_PORT: '0', METRICS_HOST: '127.0.0.1' });
  });
  afterAll(async () => t?.close());

  it('counts requests by route and status, with their latency', async () => {
    await t.gql('{ ledger { store } }');
    await fetch(`${t.url}/health`);
    const text = await scrape();
    expect(sample(text, 'http_requests_total', { method: 'POST', route: '/graphql', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'http_requests_total', { method: 'GET', route: '/health', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'POST', route: '/graphql' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'http_request_duration_seconds_bucket', { method: 'POST', route: '/graphql', le: '+Inf' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'graphql_operations_total', { type: 'query' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('counts errors by code, with unknown codes folded into OTHER', async () => {
    const before = sample(await scrape(), 'graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' }) ?? 0;
    await t.gql('{ noSuchField }');
    await t.gql('{ alsoNoSuchField }');
    const text = await scrape();
    expect(sample(text, 'graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(before + 2);
    const anonymous = await t.gql(`query($id: ID!) { learningNeeds(networkId: $id, first: 1) { nodes { description } } }`, { id: '01J0000000000000000000000A' });
    expect(anonymous.errors).toBeDefined();
    expect(sample(await scrape(), 'graphql_errors_total', { code: 'FORBIDDEN' })).toBeGreaterThanOrEqual(1);
  });

  it('reports the log head, the projected position, their lag and whether the read models caught up', async () => {
    const secretariat = await t.token('secretariat');
    await t.gql(
      `mutation { registerNetwork(input: { name: "Metrics", kind: transfer, theme: "t", startDate: "2020-01-01", endDate: "2021-01-01" }) { __typename } }`,
      {},
      secretariat,
    );
    const head = Number((await t.app.store.headPosition()).commit);
    const text = await scrape();
    expect(head).toBeGreaterThan(0);
    expect(sample(text, 'ledger_log_head_position')).toBe(head);
    expect(sample(text, 'ledger_projected_position')).toBe(head);
    expect(sample(text, 'ledger_projection_lag_positions')).toBe(0);
    expect(sample(text, 'ledger_projections_caught_up')).toBe(1);
  });

  it('shows the projection lag while the read models are behind', async () => {
    await t.app.projections.stop();
    try {
      const before = Number((await t.app.store.headPosition()).commit);
      await t.app.store.appendToStream(`network-01J00000000000000000000LAG`, [
        {
          id: crypto.randomUUID(),
          type: 'NetworkRegistered',
          data: { name: 'Lagging', kind: 'transfer', theme: 't', topics: [], startDate: '2020-01-01', endDate: '2021-01-01' },
          metadata: { actor: 'test', role: 'secretariat', recordedAt: new Date().toISOString(), occurredAt: new Date().toISOString(), commandId: 'c', correlationId: 'c', causationId: 'c' },
        },
      ]);
      const text = await scrape();
      expect(sample(text, 'ledger_log_head_position')).toBe(before + 1);
      expect(sample(text, 'ledger_projection_lag_positions')).toBe(1);
    } finally {
      t.app.projections.start();
      await t.app.projections.catchUp();
    }
    await pause(50);
    expect(sample(await scrape(), 'ledger_projection_lag_positions')).toBe(0);
  });

  it('counts subscriptions while they are open', async () => {
    const secretariat = await t.token('secretariat');
    expect(sample(await scrape(), 'graphql_subscriptions_open')).toBe(0);
    const stream = await openSse(t, 'subscription { ledger { headPosition } }', {}, secretariat);
    const deadline = Date.now() + 5000;
    while (sample(await scrape(), 'graphql_subscriptions_open') !== 1 && Date.now() < deadline) await pause(20);
    expect(sample(await scrape(), 'graphql_subscriptions_open')).toBe(1);
    expect(sample(await scrape(), 'graphql_operations_total', { type: 'subscription' })).toBeGreaterThanOrEqual(1);
    await stream.close();
    while (sample(await scrape(), 'graphql_subscriptions_open') !== 0 && Date.now() < deadline) await pause(20);
    expect(sample(await scrape(), 'graphql_subscriptions_open')).toBe(0);
  });

  it('serves only /metrics there, and nothing of it on the public port', async () => {
    const other = await fetch(t.server.metricsUrl!.replace('/metrics', '/graphql'));
    expect(other.status).toBe(404);
    const publicPort = await fetch(`${t.url}/metrics`);
    expect(publicPort.status).toBe(404);
    expect(await publicPort.text()).not.toContain('http_requests_total');
  });
});

describe('/metrics on the public port', () => {
  it('answers only with the metrics token', async () => {
    const t = await startTestApp({ METRICS_TOKEN });
    try {
      expect(t.server.metricsUrl).toBeUndefined();
      expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
      const wrong = await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${'x'.repeat(40)}` } });
      expect(wrong.status).toBe(401);
      const secretariat = await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${await t.token('secretariat')}` } });
      expect(secretariat.status).toBe(401);
      const right = await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(right.status).toBe(200);
      expect(right.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await right.text()).toContain('ledger_projections_caught_up');
    } finally {
      await t.close();
    }
  });

  it('refuses a short metrics token at start-up', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});

describe('request log', () => {
  let app: App;
  let server: RunningServer;
  let dataDir: string;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-slow-'));
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SLOW_REQUEST_MS: '1' });
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    app = await createApp(config, { logger: pino({ level: 'info' }, sink) });
    server = await startServer(app, { host: config.host, port: config.port, schema: buildSchema() });
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes one structured "slow request" line per request over SLOW_REQUEST_MS, naming the operation', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'slow-1' },
      body: JSON.stringify({ query: 'query NetworksPage { networks(first: 50) { nodes { name } } }' }),
    });
    expect(response.status).toBe(200);
    await pause(20);
    const slow = lines.filter((line) => line.msg === 'slow request' && line.requestId === 'slow-1');
    expect(slow).toHaveLength(1);
    expect(slow[0]).toMatchObject({
      level: 40,
      method: 'POST',
      url: '/graphql',
      route: '/graphql',
      status: 200,
      operationType: 'query',
      operationName: 'NetworksPage',
      thresholdMs: 1,
    });
    expect(slow[0]!.ms).toBeGreaterThanOrEqual(1);
  });

  it('never writes the token of a private calendar feed', async () => {
    await fetch(`${server.url}/calendar/private/SECRET-feed-token.ics`, { headers: { 'x-request-id': 'feed-1' } });
    await pause(20);
    const logged = lines.filter((line) => line.requestId === 'feed-1');
    expect(logged.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(logged)).not.toContain('SECRET');
    expect(logged[0]!.url).toBe('/calendar/private/[redacted]');
  });
});
