/**
 * Foundation benchmarks, all in one run on temp directories:
 * 1. appends: raw better-sqlite3 inserts (same pragmas, comparable table) against our
 *    SqliteEventStore.appendToStream, one event per transaction and 100 per transaction;
 * 2. projection catch-up: a fresh ProjectionRunner.catchUp() over every projection, on a log
 *    of realistic network events;
 * 3. GraphQL: autocannon against our real server (a read query over the read models) and a
 *    bare graphql-yoga hello world, both on 127.0.0.1, both in this process.
 */
import { useGraphQlJit } from '@envelop/graphql-jit';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { buildSchema } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ulid } from 'ulid';
import { allProjections } from '../projections/index.js';
import { listNetworks, listPartnersOfNetworks } from '../projections/network/queries.js';
import type { ReadModelStore } from '../projections/types.js';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { EventData, EventMetadata, ExpectedRevision } from '../src/eventStore/port.js';
import { openEventsDatabase, SqliteEventStore } from '../src/eventStore/sqlite.js';
import { createLogger } from '../src/logger.js';
import { ProjectionRunner } from '../src/projections/runner.js';
import { ReadModelDatabase } from '../src/readModels/database.js';
import { buildSchema as buildLedgerSchema } from '../schema/index.js';
import { startServer } from '../src/server/http.js';
import { joinNetwork, registerNetwork } from './networks.js';
import type { Report } from './report.js';

export const name = 'foundation';
export const description = 'event store appends, projection catch-up, GraphQL reads';

/** Sizes; BENCH_QUICK=1 shrinks them for a smoke run (the numbers are then only indicative). */
const quick = process.env.BENCH_QUICK === '1';
const SINGLE_APPENDS = quick ? 200 : 800;
const BATCHES = quick ? 10 : 40;
const BATCH_SIZE = 100;
/** Raw and ours alternate in short rounds, so a burst of other disk traffic hits both alike. */
const ROUNDS = quick ? 3 : 7;
const STREAMS = 1000;
const CATCH_UP_EVENTS = quick ? 20_000 : 200_000;
const LOAD_SECONDS = quick ? 3 : 10;
/** The load time of each server is cut into segments, alternating bare yoga and ours. */
const LOAD_SEGMENTS = quick ? 1 : 2;
const WARMUP_SECONDS = quick ? 1 : 3;
const CONNECTIONS = 50;

export async function run(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  try {
    report.note(`temp dir ${dir}${quick ? ' (BENCH_QUICK=1: reduced sizes)' : ''}`);
    await appends(report, dir);
    await projectionCatchUp(report, dir);
    await graphql(report, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Realistic events

const KINDS = ['actionPlanning', 'transfer', 'innovationTransfer'] as const;
const COUNTRIES = ['IT', 'FR', 'ES', 'PT', 'DE', 'PL', 'RO', 'GR', 'NL', 'BE', 'SE', 'FI', 'HR', 'SI', 'LT'];

function metadata(occurredAt: string): EventMetadata {
  const commandId = randomUUID();
  return {
    actor: 'secretariat:bench',
    role: 'secretariat',
    recordedAt: occurredAt,
    occurredAt,
    commandId,
    correlationId: commandId,
    causationId: commandId,
  };
}

function partnerJoined(n: number, i: number): { type: string; data: unknown } {
  const country = COUNTRIES[(n + i) % COUNTRIES.length]!;
  return {
    type: 'PartnerJoined',
    data: {
      cityId: `city${n}x${i}-${country.toLowerCase()}`,
      name: `City ${n}/${i}`,
      country,
      partnerKind: i % 5 === 4 ? 'agency' : 'city',
      role: i === 0 ? 'leadPartner' : 'partner',
      newcomer: (n + i) % 3 === 0,
    },
  };
}

/** One network's life: registered, lead expert, 10 partners joining, some leaving, some closed (~12.4 events). */
function networkHistory(n: number): EventData[] {
  const day = (offset: number) => new Date(Date.UTC(2023, 0, 1) + (n % 700) * 86_400_000 + offset * 3_600_000).toISOString();
  const events: { type: string; data: unknown }[] = [
    {
      type: 'NetworkRegistered',
      data: {
        name: `Network ${n}`,
        kind: KINDS[n % 3],
        theme: `Theme ${n % 40}: sustainable urban development`,
        topics: ['social impact', `topic ${n % 25}`],
        startDate: '2023-06-01',
        endDate: '2025-12-31',
      },
    },
    { type: 'LeadExpertAssigned', data: { subject: `expert:e${n % 300}`, name: `Expert ${n % 300}`, replaces: null } },
  ];
  for (let i = 0; i < 10; i++) events.push(partnerJoined(n, i));
  if (n % 3 === 0) events.push({ type: 'PartnerLeft', data: { cityId: `city${n}x9-${COUNTRIES[(n + 9) % COUNTRIES.length]!.toLowerCase()}`, reason: 'left' } });
  if (n % 10 === 0) events.push({ type: 'NetworkClosed', data: { reason: 'programme ended' } });
  return events.map((e, i) => ({ id: randomUUID(), type: e.type, data: e.data, metadata: metadata(day(i)) }));
}

// ---------------------------------------------------------------------------------------------
// 1. Appends

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function appends(report: Report, dir: string): Promise<void> {
  report.progress(`appends: ${ROUNDS} alternating rounds of ${SINGLE_APPENDS} single-event and ${BATCHES}x${BATCH_SIZE} batched transactions`);
  const raw = openEventsDatabase(join(dir, 'raw.sqlite'));
  const store = new SqliteEventStore(join(dir, 'append-events.sqlite'));
  const sample = partnerJoined(1, 1);
  const sampleMetadata = metadata('2024-05-01T10:00:00.000Z');
  const dataJson = JSON.stringify(sample.data);
  const metadataJson = JSON.stringify(sampleMetadata);
  const insert = raw.prepare(
    'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const rawStreams = Array.from({ length: STREAMS }, () => `network-${ulid()}`);
  const rawRevisions = new Array<number>(STREAMS).fill(-1);
  const streams = Array.from({ length: STREAMS }, () => `network-${ulid()}`);
  const revisions = new Array<bigint>(STREAMS).fill(-1n);
  const expected = (s: number): ExpectedRevision => (revisions[s] === -1n ? 'no_stream' : revisions[s]!);
  const event = (): EventData => ({ id: randomUUID(), type: sample.type, data: sample.data, metadata: sampleMetadata });
  let rawCursor = 0;
  let cursor = 0;

  const rawInsert = (): void => {
    const s = rawCursor++ % STREAMS;
    insert.run(rawStreams[s], ++rawRevisions[s]!, randomUUID(), sample.type, dataJson, metadataJson, Date.now());
  };
  const rawBatch = raw.transaction(() => {
    for (let i = 0; i < BATCH_SIZE; i++) rawInsert();
  });

  const single = { raw: [] as number[], ours: [] as number[] };
  const batched = { raw: [] as number[], ours: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    // One INSERT in autocommit mode is one transaction: the floor the store is measured against.
    let started = performance.now();
    for (let i = 0; i < SINGLE_APPENDS; i++) rawInsert();
    single.raw.push(SINGLE_APPENDS / ((performance.now() - started) / 1000));

    started = performance.now();
    for (let i = 0; i < SINGLE_APPENDS; i++) {
      const s = cursor++ % STREAMS;
      const result = await store.appendToStream(streams[s]!, [event()], { expectedRevision: expected(s) });
      revisions[s] = result.nextExpectedRevision;
    }
    single.ours.push(SINGLE_APPENDS / ((performance.now() - started) / 1000));

    started = performance.now();
    for (let i = 0; i < BATCHES; i++) rawBatch();
    batched.raw.push((BATCHES * BATCH_SIZE) / ((performance.now() - started) / 1000));

    started = performance.now();
    for (let i = 0; i < BATCHES; i++) {
      const s = cursor++ % STREAMS;
      const events = Array.from({ length: BATCH_SIZE }, event);
      const result = await store.appendToStream(streams[s]!, events, { expectedRevision: expected(s) });
      revisions[s] = result.nextExpectedRevision;
    }
    batched.ours.push((BATCHES * BATCH_SIZE) / ((performance.now() - started) / 1000));
  }
  raw.close();
  await store.close();

  const settings = 'WAL, synchronous=FULL; median of ' + ROUNDS + ' alternating rounds';
  report.metric('raw insert, 1 row/tx', median(single.raw), 'tx/s', {
    note: `better-sqlite3 autocommit INSERT of a prepared row, ${settings}`,
  });
  report.metric('appendToStream, 1 event', median(single.ours), 'appends/s', {
    note: `${STREAMS} streams round-robin, exact expected revision, JSON serialisation included`,
  });
  report.metric('single append / raw', median(single.ours) / median(single.raw), '%', { target: { atLeast: 0.7 } });
  report.metric(`raw insert, ${BATCH_SIZE} rows/tx`, median(batched.raw), 'rows/s');
  report.metric(`appendToStream, ${BATCH_SIZE} events`, median(batched.ours), 'events/s');
  report.metric('batched append / raw', median(batched.ours) / median(batched.raw), '%', { target: { atLeast: 0.7 } });
}

// ---------------------------------------------------------------------------------------------
// 2. Projection catch-up

/**
 * Fills the log for the catch-up run. What is measured is the catch-up, not the fill: the rows
 * are bulk-loaded into the store's own table in large transactions (one fsync per 10,000 events
 * instead of one per append), exactly as appendToStream writes them, through a second connection
 * while the store is closed. Reading them back goes through SqliteEventStore as usual.
 */
function bulkLoad(file: string, target: number): { events: number; networks: number } {
  const db = new Database(file);
  const insert = db.prepare(
    'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  let events = 0;
  let networks = 0;
  const chunk = db.transaction((until: number) => {
    while (events < until) {
      const streamId = `network-${ulid()}`;
      const created = Date.now();
      for (const [revision, event] of networkHistory(networks++).entries()) {
        insert.run(streamId, revision, event.id, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), created);
        events++;
      }
    }
  });
  while (events < target) chunk(Math.min(target, events + 10_000));
  db.close();
  return { events, networks };
}

async function projectionCatchUp(report: Report, dir: string): Promise<void> {
  const file = join(dir, 'catchup-events.sqlite');
  report.progress(`catch-up: filling the log with ${CATCH_UP_EVENTS.toLocaleString('en-US')} network events`);
  await new SqliteEventStore(file).close(); // creates the table
  const fillStarted = performance.now();
  const { events: count, networks } = bulkLoad(file, CATCH_UP_EVENTS);
  const fillSeconds = (performance.now() - fillStarted) / 1000;
  report.note(
    `catch-up log: ${count.toLocaleString('en-US')} events (registered, lead expert, 10 joins, some leaves and closes) ` +
      `in ${networks.toLocaleString('en-US')} network streams, bulk-loaded in ${fillSeconds.toFixed(1)} s`,
  );
  const store = new SqliteEventStore(file);

  const readModels = new ReadModelDatabase(join(dir, 'catchup-readmodels.sqlite'));
  const runner = new ProjectionRunner(store, readModels, allProjections);
  report.progress(`catch-up: ${allProjections.map((p) => p.name).join(', ')}`);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await runner.catchUp();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rows = readModels.get<{ n: number }>('SELECT COUNT(*) AS n FROM networks')?.n;
  if (rows !== networks) throw new Error(`catch-up produced ${rows} networks, expected ${networks}`);
  readModels.close();
  await store.close();
  report.metric('projection catch-up', count / seconds, 'events/s', {
    target: { atLeast: 50_000 },
    note: `fresh ProjectionRunner.catchUp() over ${allProjections.length} projections, ${count.toLocaleString('en-US')} events in ${seconds.toFixed(2)} s`,
  });
  // On a shared machine wall time includes waiting for a core; CPU time does not.
  report.metric('projection catch-up per CPU second', count / cpuSeconds, 'events/s', {
    note: `diagnostic: the same run over its CPU time (${cpuSeconds.toFixed(2)} s), less sensitive to other load`,
  });
}

// ---------------------------------------------------------------------------------------------
// 3. GraphQL under load

const QUERY = '{ networks(first: 20) { nodes { name partners { name } } } }';

async function load(url: string, query: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    connections: CONNECTIONS,
    duration: seconds,
    // The load generator runs in a worker thread, so it does not share the servers' event loop.
    workers: 1,
  });
}

async function checked(label: string, url: string, query: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (response.status !== 200 || body.errors) throw new Error(`${label} answered ${response.status}: ${JSON.stringify(body)}`);
}

function verdict(result: Pick<autocannon.Result, 'errors' | 'timeouts' | 'non2xx'>): string {
  const bad = result.errors + result.timeouts + result.non2xx;
  return bad > 0 ? `, ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx` : '';
}

/** Equal-length segments: mean req/s and mean p99 (percentiles cannot be merged exactly). */
function combine(segments: readonly autocannon.Result[]) {
  const mean = (f: (r: autocannon.Result) => number) => segments.reduce((sum, r) => sum + f(r), 0) / segments.length;
  const total = (f: (r: autocannon.Result) => number) => segments.reduce((sum, r) => sum + f(r), 0);
  return {
    requests: { average: mean((r) => r.requests.average) },
    latency: { p99: mean((r) => r.latency.p99) },
    errors: total((r) => r.errors),
    timeouts: total((r) => r.timeouts),
    non2xx: total((r) => r.non2xx),
  };
}

/** Milliseconds the networks query's own SQL takes (the two statements its resolvers run), in a loop. */
function networksQuerySql(db: ReadModelStore): number {
  const once = () => {
    const page = listNetworks(db, {}, 21, 0, ['name']);
    listPartnersOfNetworks(db, page.slice(0, 20).map((network) => network.id), false, ['name']);
  };
  for (let i = 0; i < 500; i++) once();
  const rounds = 5_000;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) once();
  return (performance.now() - started) / rounds;
}

/**
 * A bare yoga server with the schema shape of the networks query, answering from arrays in memory;
 * with `jit`, its operations are compiled by graphql-jit (@envelop/graphql-jit) instead of run by
 * graphql-js's interpreter: the fastest a yoga server of this shape answers.
 */
function sameShapeYoga(networks: number, jit = false) {
  const schema = buildSchema(`
    type Partner { name: String! }
    type Network { name: String! partners: [Partner!]! }
    type NetworkConnection { nodes: [Network!]! }
    type Query { networks(first: Int): NetworkConnection! }
  `);
  const data = Array.from({ length: networks }, (_, n) => ({
    name: `Network ${n}`,
    partners: Array.from({ length: 8 }, (_, i) => ({ name: (partnerJoined(n, i).data as { name: string }).name })),
  }));
  schema.getQueryType()!.getFields().networks!.resolve = (_root, args: { first?: number }) => ({ nodes: data.slice(0, args.first ?? 20) });
  return createYoga({ schema, logging: false, landingPage: false, graphiql: false, plugins: jit ? [useGraphQlJit()] : [] });
}

async function graphql(report: Report, dir: string): Promise<void> {
  const logLevel = process.env.LOG_LEVEL ?? 'warn';
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: join(dir, 'graphql'),
    LOG_LEVEL: logLevel,
    HOST: '127.0.0.1',
    PORT: '0',
    GRAPHIQL: 'false',
  });
  const app = await createApp(config, { logger: createLogger(config.logLevel) });
  const seeded = 60;
  for (let n = 0; n < seeded; n++) {
    const network = await registerNetwork(app, {
      name: `Network ${n}`,
      kind: KINDS[n % 3],
      theme: 'Sustainable urban development',
      topics: ['social impact'],
      startDate: '2023-06-01',
      endDate: '2025-12-31',
    });
    for (let i = 0; i < 8; i++) await joinNetwork(app, network.streamId, partnerJoined(n, i).data);
  }
  await app.projections.catchUp();
  const server = await startServer(app, { host: '127.0.0.1', port: 0, schema: buildLedgerSchema() });
  // The same app without the response cache: what every query costs when the read models keep moving.
  const uncachedServer = await startServer({ ...app, config: { ...app.config, responseCache: false } }, { host: '127.0.0.1', port: 0, schema: buildLedgerSchema() });

  const hello = buildSchema('type Query { hello: String! }');
  hello.getQueryType()!.getFields().hello!.resolve = () => 'world';
  const yoga = createYoga({ schema: hello, logging: false, landingPage: false, graphiql: false });
  const bare = createServer(yoga);
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/graphql`;
  const sameShape = createServer(sameShapeYoga(seeded));
  await new Promise<void>((resolve) => sameShape.listen(0, '127.0.0.1', resolve));
  const sameShapeUrl = `http://127.0.0.1:${(sameShape.address() as AddressInfo).port}/graphql`;
  const sameShapeJit = createServer(sameShapeYoga(seeded, true));
  await new Promise<void>((resolve) => sameShapeJit.listen(0, '127.0.0.1', resolve));
  const sameShapeJitUrl = `http://127.0.0.1:${(sameShapeJit.address() as AddressInfo).port}/graphql`;
  const ourUrl = `${server.url}/graphql`;
  const uncachedUrl = `${uncachedServer.url}/graphql`;

  try {
    await checked('our server', ourUrl, QUERY);
    await checked('our server', ourUrl, '{ __typename }');
    await checked('our server without cache', uncachedUrl, QUERY);
    await checked('bare yoga', bareUrl, '{ hello }');
    await checked('same-shape yoga', sameShapeUrl, QUERY);
    await checked('same-shape yoga with graphql-jit', sameShapeJitUrl, QUERY);
    report.progress(
      `graphql: ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up, then ${LOAD_SECONDS} s each in ${LOAD_SEGMENTS} alternating segments`,
    );
    await load(bareUrl, '{ hello }', WARMUP_SECONDS);
    await load(ourUrl, QUERY, WARMUP_SECONDS);
    const bareSegments: autocannon.Result[] = [];
    const ourSegments: autocannon.Result[] = [];
    for (let i = 0; i < LOAD_SEGMENTS; i++) {
      bareSegments.push(await load(bareUrl, '{ hello }', LOAD_SECONDS / LOAD_SEGMENTS));
      ourSegments.push(await load(ourUrl, QUERY, LOAD_SECONDS / LOAD_SEGMENTS));
    }
    const baseline = combine(bareSegments);
    const ours = combine(ourSegments);
    // Diagnostic: the same trivial operation on our server shows what our stack (auth, scopes,
    // armor limits, request ids, logging) costs, apart from the work the query itself does.
    const trivial = await load(ourUrl, '{ __typename }', Math.ceil(LOAD_SECONDS / 2));
    const uncached = await load(uncachedUrl, QUERY, Math.ceil(LOAD_SECONDS / 2));
    const yardstick = await load(sameShapeUrl, QUERY, Math.ceil(LOAD_SECONDS / 2));
    const jitYardstick = await load(sameShapeJitUrl, QUERY, Math.ceil(LOAD_SECONDS / 2));

    report.note(
      `graphql: our server with LOG_LEVEL=${logLevel} (at info it logs one line per request), ${seeded} networks x 8 partners, ` +
        `query ${QUERY}; load generator: autocannon in a worker thread, ${CONNECTIONS} connections, ${LOAD_SECONDS} s per server ` +
        `in ${LOAD_SEGMENTS} alternating segments after ${WARMUP_SECONDS} s warm-up (p99: mean over segments)`,
    );
    report.metric('bare yoga hello world', baseline.requests.average, 'req/s', { note: `{ hello }${verdict(baseline)}` });
    report.metric('bare yoga p99 latency', baseline.latency.p99, 'ms');
    report.metric('our server, networks query', ours.requests.average, 'req/s', {
      note: `20 networks with their partners, ~200 fields; response cache on (the default)${verdict(ours)}`,
    });
    report.metric('our server p99 latency', ours.latency.p99, 'ms');
    report.metric('our req/s / bare yoga', ours.requests.average / baseline.requests.average, '%', { target: { atLeast: 0.6 } });
    report.metric('our server, { __typename }', trivial.requests.average, 'req/s', {
      note: `diagnostic, ${Math.ceil(LOAD_SECONDS / 2)} s: our server stack without query work; p99 ${trivial.latency.p99} ms${verdict(trivial)}`,
    });
    report.metric('our { __typename } / bare yoga', trivial.requests.average / baseline.requests.average, '%');
    report.metric('our server, networks query, no cache', uncached.requests.average, 'req/s', {
      note: `diagnostic, ${Math.ceil(LOAD_SECONDS / 2)} s: RESPONSE_CACHE=false, every request executed (2 SQL queries: networks, then partners batched); p99 ${uncached.latency.p99} ms${verdict(uncached)}`,
    });
    report.metric('no-cache req/s / bare yoga', uncached.requests.average / baseline.requests.average, '%');
    // The fair yardstick (issue 17): the same query on a bare yoga server answering from arrays in memory.
    report.metric('same-shape yoga, networks query', yardstick.requests.average, 'req/s', {
      note: `diagnostic, ${Math.ceil(LOAD_SECONDS / 2)} s: createYoga over a schema of the same shape (networks, nodes, name, partners), ${seeded} networks x 8 partners in arrays; p99 ${yardstick.latency.p99} ms${verdict(yardstick)}`,
    });
    report.metric('no-cache req/s / same-shape yoga', uncached.requests.average / yardstick.requests.average, '%', { target: { atLeast: 0.7 } });
    report.metric('no-cache p99', uncached.latency.p99, 'ms', { target: { atMost: 50 } });
    report.metric('cached req/s / same-shape yoga', ours.requests.average / yardstick.requests.average, '%');
    report.metric('same-shape yoga + graphql-jit, networks query', jitYardstick.requests.average, 'req/s', {
      note: `diagnostic, ${Math.ceil(LOAD_SECONDS / 2)} s: the same server with @envelop/graphql-jit; p99 ${jitYardstick.latency.p99} ms${verdict(jitYardstick)}`,
    });
    report.metric('no-cache req/s / same-shape yoga + jit', uncached.requests.average / jitYardstick.requests.average, '%');
    report.metric('cached req/s / same-shape yoga + jit', ours.requests.average / jitYardstick.requests.average, '%');
    // What the target leaves for the work the yardstick does not do: at 70 % of its rate, a request
    // may cost 1/0.7 of the yardstick's; the SQL this query runs takes part of that margin alone.
    const marginMs = (1000 / yardstick.requests.average) * (1 / 0.7 - 1);
    const sqlMs = networksQuerySql(app.readModels);
    report.metric('SQL of the networks query alone', sqlMs * 1000, 'us', {
      note: `diagnostic: its two statements (a page of 20 networks' names, then their partners' names) in a loop in this process; at 70 % of the same-shape yoga a request may cost ${(marginMs * 1000).toFixed(0)} us more than the yardstick's, ${((sqlMs / marginMs) * 100).toFixed(0)} % of which this SQL takes`,
    });
  } finally {
    await new Promise<void>((resolve) => bare.close(() => resolve()));
    bare.closeAllConnections();
    await new Promise<void>((resolve) => sameShape.close(() => resolve()));
    sameShape.closeAllConnections();
    await new Promise<void>((resolve) => sameShapeJit.close(() => resolve()));
    sameShapeJit.closeAllConnections();
    await server.close();
    server.server.closeAllConnections();
    await uncachedServer.close();
    uncachedServer.server.closeAllConnections();
    await app.close();
  }
}
