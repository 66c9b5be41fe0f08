/**
 * Writes through the API (issue 17): `raiseLearningNeed` spread over 50 networks, at 1 and 50
 * connections, with and without idempotency keys, against the real server, with group commit off
 * (one transaction and one fsync per append: the code before issue 17 committed that way) and on
 * (the default). Beside them, in the same run, the disk's ceiling: single-row synchronous=FULL
 * transactions per second on the same file system; and two yardsticks at 50 connections: a bare
 * yoga server with the mutation's shape keeping each input in memory, and the same appending each
 * input to the log (the event store's group commit): what the HTTP and GraphQL layers alone, and
 * with the durable append, cost a write here. Reported per configuration: mutations/s, p99, the
 * event store's commits (each one fsync of its WAL) per command, and the server thread's busy time
 * per mutation.
 */
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { buildSchema as buildSdlSchema, getNamedType, isInputObjectType, isSpecifiedScalarType, printType } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createApp, type App } from '../src/app.js';
import { mintToken } from '../src/auth/tokens.js';
import { loadConfig } from '../src/config.js';
import { SqliteEventStore } from '../src/eventStore/sqlite.js';
import { createLogger } from '../src/logger.js';
import { PersonalDataEventStore } from '../src/personalData/personalDataStore.js';
import { buildSchema } from '../schema/index.js';
import { startServer } from '../src/server/http.js';
import { joinNetwork, registerNetwork } from './networks.js';
import type { Report } from './report.js';

export const name = 'writes';
export const description = 'mutations through the API: group commit against one commit per append, beside the disk ceiling';

const quick = process.env.BENCH_QUICK === '1';
const NETWORKS = 50;
const LOAD_SECONDS = quick ? 2 : 5;
const WARMUP_SECONDS = 1;
const CEILING_SECONDS = quick ? 1 : 2;
const CONNECTIONS = [1, 50] as const;
const SETUP_REQUEST = fileURLToPath(new URL('./writeRequest.cjs', import.meta.url));

export async function run(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-writes-'));
  try {
    const ceilings = [diskCeiling(join(dir, 'ceiling-1.sqlite'))];
    report.progress(`disk ceiling: ${ceilings[0]!.toFixed(0)} single-row synchronous=FULL transactions/s`);
    await configuration(report, dir, false);
    const ours = await configuration(report, dir, true);
    // After the app's figures, so that graphql-js and yoga, which both run, are warm for both.
    const yardstick = await yardsticks(report, dir);
    for (const keyed of [false, true]) {
      const rate = ours.get(`50${keyed ? 'k' : ''}`)!;
      report.metric(`group commit, 50 conns, ${keyed ? 'keyed' : 'no key'}: mutations/s / same-shape yoga`, rate / yardstick.inMemory, '%', {
        note: `${((rate / yardstick.durable) * 100).toFixed(1)} % of the same-shape yoga appending to the log`,
      });
    }
    ceilings.push(diskCeiling(join(dir, 'ceiling-2.sqlite')));
    const ceiling = (ceilings[0]! + ceilings[1]!) / 2;
    report.metric('disk ceiling, 1 row/tx', ceiling, 'tx/s', {
      note: `better-sqlite3 autocommit INSERT, WAL, synchronous=FULL, same file system: ${ceilings.map((c) => c.toFixed(0)).join(' before, ')} after the API runs`,
    });
    report.note(
      `writes: raiseLearningNeed over ${NETWORKS} networks (secretariat token), autocannon in a worker thread, ${WARMUP_SECONDS} s warm-up then ${LOAD_SECONDS} s per figure; ` +
        'commits per command = event-store transactions (each one fsync of the WAL) / learning needs written',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the disk allows: one synchronous=FULL transaction per row, for a fixed time. */
function diskCeiling(file: string): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, value TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO rows (value) VALUES (?)');
  const started = performance.now();
  let rows = 0;
  while (performance.now() - started < CEILING_SECONDS * 1000) {
    insert.run(randomUUID());
    rows++;
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return rows / seconds;
}

/** Runs one configuration's figures; returns each figure's mutations/s by connections (`50`, `50k` keyed). */
async function configuration(report: Report, dir: string, groupCommit: boolean): Promise<Map<string, number>> {
  const label = groupCommit ? 'group commit' : 'commit per append';
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: join(dir, groupCommit ? 'grouped' : 'single'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    GRAPHIQL: 'false',
    SQLITE_GROUP_COMMIT: String(groupCommit),
  });
  const app = await createApp(config, { logger: createLogger(config.logLevel) });
  const server = await (async () => {
    try {
      const targets = await seed(app);
      process.env.BENCH_WRITE_TARGETS = JSON.stringify(targets);
      await app.projections.catchUp();
      return await startServer(app, { host: '127.0.0.1', port: 0, schema: buildSchema() });
    } catch (error) {
      await app.close();
      throw error;
    }
  })();
  const token = await mintToken({ subject: 'secretariat:bench', role: 'secretariat', cityIds: [] }, config.jwtSecret);
  const log = app.store instanceof PersonalDataEventStore ? app.store.sealedLog : app.store;
  const commits = () => (log instanceof SqliteEventStore ? log.commitStats.commits : Number.NaN);
  const counter = new Database(join(config.dataDir, 'events.sqlite'), { readonly: true });
  const needs = counter.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM events WHERE type = 'LearningNeedRaised'");
  const load = (connections: number, seconds: number) =>
    autocannon({
      url: `${server.url}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      connections,
      duration: seconds,
      workers: 1,
      requests: [{ setupRequest: SETUP_REQUEST }],
    });
  const rates = new Map<string, number>();
  try {
    for (const keyed of [false, true]) {
      process.env.BENCH_WRITE_KEYED = keyed ? '1' : '0';
      for (const connections of CONNECTIONS) {
        await load(connections, WARMUP_SECONDS);
        const commitsBefore = commits();
        const needsBefore = needs.get()!.n;
        const busyBefore = performance.eventLoopUtilization();
        const result = await load(connections, LOAD_SECONDS);
        const busy = performance.eventLoopUtilization(busyBefore);
        const written = needs.get()!.n - needsBefore;
        const perCommand = (commits() - commitsBefore) / written;
        const what = `${label}, ${connections} conn${connections > 1 ? 's' : ''}, ${keyed ? 'keyed' : 'no key'}`;
        const bad = result.errors + result.timeouts + result.non2xx;
        const target = groupCommit && connections === 50;
        rates.set(`${connections}${keyed ? 'k' : ''}`, written / LOAD_SECONDS);
        report.metric(`${what}: mutations/s`, written / LOAD_SECONDS, 'req/s', {
          ...(target ? { target: { atLeast: 2000 } } : {}),
          note: `${written} learning needs written, ${result['2xx']} answers 2xx${bad ? `, ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx` : ''}`,
        });
        report.metric(`${what}: p99`, result.latency.p99, 'ms', target ? { target: { atMost: 50 } } : {});
        report.metric(`${what}: commits per command`, perCommand, 'fsyncs', target ? { target: { atMost: 0.3 } } : {});
        // Steadier than mutations/s on a shared machine: what one mutation costs the server's thread.
        report.metric(`${what}: server thread busy per mutation`, busy.active / written, 'ms', {
          note: `event-loop utilisation ${(busy.utilization * 100).toFixed(0)} %: at most ${(1000 / (busy.active / written)).toFixed(0)} mutations/s on a core of its own`,
        });
      }
    }
  } finally {
    counter.close();
    await server.close();
    server.server.closeAllConnections();
    await app.close();
  }
  return rates;
}

/**
 * The writes' yardsticks: a bare yoga server with the mutation's shape (the project's input type,
 * a payload read by `__typename`) answering each request of the same load, at 50
 * connections, in segments alternating between its two versions: one keeping each input in an
 * array, one appending it as one event to a log opened as the app opens it (SqliteEventStore,
 * group commit, an fsync per commit) in one of 50 streams. Returns their mutations/s.
 */
async function yardsticks(report: Report, dir: string): Promise<{ inMemory: number; durable: number }> {
  const log = new SqliteEventStore(join(dir, 'yardstick-events.sqlite'));
  const kept: unknown[] = [];
  const servers = {
    inMemory: createServer(sameShapeMutationYoga(async (input) => void kept.push(input))),
    durable: createServer(
      sameShapeMutationYoga(async (input) => {
        const now = new Date().toISOString();
        const id = randomUUID();
        const metadata = { actor: 'secretariat:bench', recordedAt: now, occurredAt: now, commandId: id, correlationId: id, causationId: id };
        await log.appendToStream(`bench-${input.networkId}`, [{ id, type: 'LearningNeedRaised', data: input, metadata }]);
      }),
    ),
  };
  const written = { inMemory: () => kept.length, durable: () => log.commitStats.appends };
  try {
    for (const server of Object.values(servers)) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // The same requests as the app's no-key figures, over 50 streams (no networks to seed).
    process.env.BENCH_WRITE_TARGETS = JSON.stringify(Array.from({ length: NETWORKS }, (_, n) => ({ networkId: `network-${n}`, cityId: `city${n}-it` })));
    process.env.BENCH_WRITE_KEYED = '0';
    const load = (kind: keyof typeof servers, seconds: number) =>
      autocannon({
        url: `http://127.0.0.1:${(servers[kind].address() as AddressInfo).port}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        connections: 50,
        duration: seconds,
        workers: 1,
        requests: [{ setupRequest: SETUP_REQUEST }],
      });
    const totals = { inMemory: { written: 0, active: 0, p99: 0, bad: 0 }, durable: { written: 0, active: 0, p99: 0, bad: 0 } };
    for (const kind of ['inMemory', 'durable'] as const) await load(kind, WARMUP_SECONDS);
    // Four alternating segments of half the figure's time each (a burst of other work falls on both).
    const segments = 4;
    for (let segment = 0; segment < segments; segment++) {
      for (const kind of segment % 2 ? (['durable', 'inMemory'] as const) : (['inMemory', 'durable'] as const)) {
        const before = written[kind]();
        const busyBefore = performance.eventLoopUtilization();
        const result = await load(kind, LOAD_SECONDS / 2);
        totals[kind].active += performance.eventLoopUtilization(busyBefore).active;
        totals[kind].written += written[kind]() - before;
        totals[kind].p99 += result.latency.p99 / segments;
        totals[kind].bad += result.errors + result.timeouts + result.non2xx;
      }
    }
    const seconds = (segments * LOAD_SECONDS) / 2;
    for (const kind of ['inMemory', 'durable'] as const) {
      const { written: count, active, p99, bad } = totals[kind];
      const what = `same-shape yoga mutation${kind === 'durable' ? ' appending to the log' : ', in memory'}, 50 conns`;
      report.metric(`${what}: mutations/s`, count / seconds, 'req/s', {
        note: `diagnostic: createYoga over the input type of raiseLearningNeed, the same requests, ${segments} segments alternating with the other yardstick${bad ? `; ${bad} errors/timeouts/non-2xx` : ''}`,
      });
      report.metric(`${what}: p99`, p99, 'ms', { note: "mean of the segments' p99" });
      report.metric(`${what}: server thread busy per mutation`, active / count, 'ms');
    }
    return { inMemory: totals.inMemory.written / seconds, durable: totals.durable.written / seconds };
  } finally {
    for (const server of Object.values(servers)) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    }
    await log.close();
  }
}

/** What the yardsticks read of an input: the stream it goes to. */
type RaiseLearningNeedShape = { readonly networkId: string } & Readonly<Record<string, unknown>>;

/**
 * A bare yoga server whose mutation takes the project's own `RaiseLearningNeedInput` (printed from
 * its schema with the enums and scalars it uses, so the yardstick validates the same input) and
 * answers a payload with only `aggregateId`.
 */
function sameShapeMutationYoga(keep: (input: RaiseLearningNeedShape) => Promise<void>) {
  const input = buildSchema().getType('RaiseLearningNeedInput');
  if (!isInputObjectType(input)) throw new Error('The schema has no input RaiseLearningNeedInput');
  const used = new Set(Object.values(input.getFields()).map((field) => getNamedType(field.type)).filter((type) => !isSpecifiedScalarType(type)));
  const schema = buildSdlSchema(`
    ${[...used, input].map((type) => printType(type)).join('\n')}
    type RaiseLearningNeedPayload { aggregateId: ID! }
    type Query { ok: Boolean }
    type Mutation { raiseLearningNeed(input: RaiseLearningNeedInput!): RaiseLearningNeedPayload! }
  `);
  schema.getMutationType()!.getFields().raiseLearningNeed!.resolve = async (_root, args: { input: RaiseLearningNeedShape }) => {
    await keep(args.input);
    return { aggregateId: args.input.networkId };
  };
  return createYoga({ schema, logging: false, landingPage: false, graphiql: false });
}

/** The networks the needs are raised in, each with a partner city. */
async function seed(app: App): Promise<{ networkId: string; cityId: string }[]> {
  const targets: { networkId: string; cityId: string }[] = [];
  for (let n = 0; n < NETWORKS; n++) {
    const network = await registerNetwork(app, {
      name: `Write bench network ${n}`,
      kind: 'actionPlanning',
      theme: 'Impact finance',
      topics: ['impact finance'],
      startDate: '2024-01-01',
      endDate: '2026-12-31',
    });
    const cityId = `city${n}-it`;
    await joinNetwork(app, network.streamId, { cityId, name: `City ${n}`, country: 'IT', partnerKind: 'city', role: 'leadPartner', newcomer: false });
    targets.push({ networkId: network.id, cityId });
  }
  return targets;
}
