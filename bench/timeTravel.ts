/**
 * Time travel at several log sizes: the programme log of bench/outcomes.ts cut to 1, 10 and 100
 * networks (about 10k, 100k and 1M events), every projection caught up with and without the
 * read models' history (what the history costs in write throughput and disk), then, through
 * GraphQL in process, the first `journey(asOf:)` and `outcomes(asOf:)` answers (each sample a
 * moment never asked before) beside the same queries without asOf, and `outcomes` as known at a
 * moment (`knownAt`); 20 distinct moments in one anonymous request and the delay of a plain query
 * sent meanwhile; the process's RSS. The old design (replaying the log into an in-memory database
 * per moment) is timed as the same run's baseline at the sizes where it takes seconds, not minutes.
 * BENCH_TT_NETWORKS=1,10 chooses the sizes (networks; about 10k events each; 1000 makes 10M events,
 * generated in the memory of one network, see streamingLoad). The catch-up without history (the
 * baseline of the catch-up with it) runs up to BENCH_TT_PLAIN_UP_TO networks (100 unless set; 0
 * skips it): at 10M it alone would add about twenty minutes to the two hours the catch-up with history takes.
 * BENCH_TT_LOG_FILE reads a log generated earlier for the (single) size asked instead of generating it.
 * BENCH_TT_DIR keeps the log (unless BENCH_TT_LOG_FILE) and the read models in that directory after
 * the run, and a run on a directory kept before reads that log and resumes the read models' catch-up
 * from their checkpoints: at 10M the catch-up with history takes about two hours of one core.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { allProjections } from '../projections/index.js';
import type { Projection } from '../projections/types.js';
import { createApp } from '../src/app.js';
import { mintToken } from '../src/auth/tokens.js';
import { loadConfig } from '../src/config.js';
import { START, type EventStore, type Position } from '../src/eventStore/port.js';
import { openEventsDatabase, SqliteEventStore } from '../src/eventStore/sqlite.js';
import { createLogger } from '../src/logger.js';
import { ProjectionRunner } from '../src/projections/runner.js';
import { ReadModelDatabase } from '../src/readModels/database.js';
import { setUpHistoryContext } from '../src/readModels/history.js';
import { buildSchema } from '../schema/index.js';
import { createGraphqlHandler } from '../src/server/http.js';
import { percentile, streamingLoad } from './outcomes.js';
import type { Report } from './report.js';

export const name = 'timeTravel';
export const description = 'as-of answers at 10k, 100k and 1M events (10M with BENCH_TT_NETWORKS=1000), beside the same queries now and the old replay';

const SIZES = (process.env.BENCH_TT_NETWORKS ?? '1,10,100').split(',').map(Number);
/** Sizes (networks) up to which the catch-up without history is timed too. */
const PLAIN_UP_TO = Number(process.env.BENCH_TT_PLAIN_UP_TO ?? 100);
/** Sizes (networks) at which the old replay is timed too. */
const REPLAY_UP_TO = 10;
const SAMPLES = 60;
const TARGET_MS = 100;

const JOURNEY = `query($id: ID!, $asOf: DateTime) { journey(networkId: $id, asOf: $asOf) {
  meetingCount network { name }
  timeline(first: 20) { nodes { title kind startDate status attendeeCount } }
  needCoverage { raised open addressed closed coverage }
  partners { partner { cityId } meetingsAttended peopleSent needCoverage { raised open addressed closed coverage } }
} }`;

const OUTCOMES = `query($asOf: DateTime) { outcomes(asOf: $asOf) {
  plans { drafted endorsed }
  actions { total implemented implementationRate byPhaseAndStatus { phase status count } }
  funding { total { euros } bySource { source amount { euros } } }
  transfers { started completed abandoned }
  learningNeeds { raised addressed addressedShare }
  meetings { held participants }
  newcomers { cities }
  localGroups { stakeholders byHelix { helix stakeholders share } }
} }`;

const PLAIN = `query($id: ID!) { network(id: $id) { name partners { cityId } } }`;

/** A moment of the programme's years never asked before in this run (a new day and second each time). */
let momentSeed = 0;
function newMoment(): string {
  momentSeed += 1;
  const day = (momentSeed * 37) % 3650;
  return new Date(Date.UTC(2015, 0, 1) + day * 86_400_000 + momentSeed * 1000).toISOString();
}

async function sample(fn: () => Promise<unknown>, samples = SAMPLES) {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** A full garbage collection, so the RSS measured while querying is the server's, not the log generator's garbage. */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Two series sampled in turns (a, b, a, b...), each with its own p50 and p95. */
async function sampleAlternately(a: () => Promise<unknown>, b: () => Promise<unknown>, samples = SAMPLES) {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < samples; i++) {
    for (const [index, fn] of [a, b].entries()) {
      const started = performance.now();
      await fn();
      times[index]!.push(performance.now() - started);
    }
  }
  return times.map((series) => {
    series.sort((x, y) => x - y);
    return { p50: percentile(series, 50), p95: percentile(series, 95) };
  }) as [{ p50: number; p95: number }, { p50: number; p95: number }];
}

/** The design this replaces, kept here only as the baseline: every projection replayed from event 0 into memory. */
async function replayAt(store: EventStore, projections: readonly Projection[], asOf: Date): Promise<ReadModelDatabase> {
  const db = new ReadModelDatabase(':memory:');
  setUpHistoryContext(db); // the running totals read the event's times from it
  for (const projection of projections) projection.setup(db);
  const byType = new Map<string, Projection[]>();
  for (const projection of projections) for (const type of projection.handles) byType.set(type, [...(byType.get(type) ?? []), projection]);
  let from: Position = START;
  for (;;) {
    const events = await store.readAll({ fromPosition: from, maxCount: 1000 });
    if (events.length === 0) break;
    db.transaction(() => {
      for (const event of events) {
        if (Date.parse(event.metadata.occurredAt) > asOf.getTime()) continue;
        for (const projection of byType.get(event.type) ?? []) projection.apply(db, event);
      }
    });
    from = events.at(-1)!.position;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return db;
}

function fileSize(file: string): number {
  let size = 0;
  for (const suffix of ['', '-wal']) {
    try {
      size += statSync(file + suffix).size;
    } catch {
      // no WAL
    }
  }
  return size;
}

function countEvents(file: string): number {
  const db = openEventsDatabase(file);
  try {
    return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** A catch-up's wall time, and the process's CPU time meanwhile (less moved by other processes on a shared machine). */
async function catchUp(store: EventStore, file: string, keepHistory: boolean) {
  const db = new ReadModelDatabase(file);
  const runner = new ProjectionRunner(store, db, allProjections, { keepHistory });
  // Where read models kept from an earlier run (BENCH_TT_DIR) stand: the catch-up resumes there.
  await runner.prepare();
  const resumedAt = runner.position.commit;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  await runner.catchUp();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  await runner.stop();
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  const applied = Number(runner.position.commit - resumedAt);
  return { seconds, cpuSeconds, bytes: fileSize(file), applied, resumed: resumedAt > 0n };
}

async function runSize(report: Report, networks: number): Promise<void> {
  const keptDir = process.env.BENCH_TT_DIR;
  if (keptDir) mkdirSync(keptDir, { recursive: true });
  const dir = keptDir ?? mkdtempSync(join(tmpdir(), 'ledger-bench-timetravel-'));
  try {
    report.progress(`${networks} networks: building and loading the log`);
    // BENCH_TT_LOG_FILE: a log streamingLoad wrote earlier for this size, read instead of generated
    // again (10M events take 12 to 20 minutes to generate here). Only read.
    const eventsFile = process.env.BENCH_TT_LOG_FILE ?? join(dir, 'events.sqlite');
    // A log kept in BENCH_TT_DIR by an earlier run is read again too, not appended to.
    const generated = !process.env.BENCH_TT_LOG_FILE && !existsSync(eventsFile);
    const events = generated ? (await streamingLoad(eventsFile, networks)).events : countEvents(eventsFile);
    const label = events >= 1e6 ? `${(events / 1e6).toFixed(1)}M` : `${Math.round(events / 1000)}k`;
    const store = new SqliteEventStore(eventsFile);

    const withBaseline = networks <= PLAIN_UP_TO;
    report.progress(`${label} events: catching up every projection${withBaseline ? ' without, then' : ''} with history`);
    const plain = withBaseline ? await catchUp(store, join(dir, 'plain.sqlite'), false) : undefined;
    const historyFile = join(dir, 'readmodels.sqlite');
    const kept = await catchUp(store, historyFile, true);
    rmSync(join(dir, 'plain.sqlite'), { force: true });
    report.metric(`${label}: catch-up with history`, kept.applied / kept.seconds, 'events/s', {
      note: plain
        ? `without history ${Math.round(plain.applied / plain.seconds).toLocaleString('en-US')} events/s in this run (${(kept.seconds / plain.seconds).toFixed(2)}x the time)`
        : `${kept.applied.toLocaleString('en-US')} events in ${kept.seconds.toFixed(0)} s (${kept.cpuSeconds.toFixed(0)} s of CPU)${kept.resumed ? ', resuming read models kept by an earlier run' : ''}`,
    });
    if (plain) {
      report.metric(`${label}: catch-up time with / without history`, kept.seconds / plain.seconds, 'x', {
        target: { atMost: 2 },
        note: `CPU time ${kept.cpuSeconds.toFixed(1)} s / ${plain.cpuSeconds.toFixed(1)} s (${(kept.cpuSeconds / plain.cpuSeconds).toFixed(2)}x); wall ${kept.seconds.toFixed(1)} s / ${plain.seconds.toFixed(1)} s`,
      });
    }
    report.metric(`${label}: read-model file with history`, kept.bytes / 2 ** 20, 'MB', {
      note: plain ? `without history ${(plain.bytes / 2 ** 20).toFixed(1)} MB (${(kept.bytes / plain.bytes).toFixed(2)}x)` : undefined,
    });

    collectGarbage();
    const rssBeforeServing = process.memoryUsage().rss;
    // No response cache: the query without asOf, asked again and again with the same variables,
    // would be answered from it, while each as-of sample is a moment never asked before. Both are
    // computed, so the ratio compares what each costs.
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'silent', RESPONSE_CACHE: 'false' });
    const app = await createApp(config, { logger: createLogger('silent'), store, readModelFile: historyFile });
    try {
      await app.projections.catchUp();
      const yoga = createGraphqlHandler(app, buildSchema());
      const token = await mintToken({ subject: 'secretariat:bench', role: 'secretariat', cityIds: [] }, config.jwtSecret, '1h');
      const gql = async (query: string, variables: Record<string, unknown>, bearer?: string) => {
        const response = await yoga.fetch('http://bench/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { errors?: unknown };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        return body;
      };
      // The network that started first (February 2015), so the moments asked (2015 to 2024) fall
      // within its life: a journey asked before a network existed answers nothing and costs nothing.
      const networkId = app.readModels.get<{ id: string }>('SELECT id FROM networks_history ORDER BY _valid_from LIMIT 1')!.id;
      let rss = process.memoryUsage().rss;
      const watch = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 20);

      report.progress(`${label} events: timing journey and outcomes, now and as of moments never asked before`);
      const pairs: [string, string, Record<string, unknown>][] = [
        ['journey', JOURNEY, { id: networkId }],
        ['outcomes', OUTCOMES, {}],
      ];
      for (const [field, query, variables] of pairs) {
        for (let i = 0; i < 5; i++) await gql(query, variables, token);
        // Alternated, so a burst of load from another process falls on both series alike.
        const [now, past] = await sampleAlternately(
          () => gql(query, variables, token),
          () => gql(query, { ...variables, asOf: newMoment() }, token),
        );
        report.metric(`${label}: first ${field}(asOf:) answer p95`, past.p95, 'ms', {
          target: { atMost: TARGET_MS },
          note: `p50 ${past.p50.toFixed(1)} ms; without asOf p95 ${now.p95.toFixed(1)} ms (${(past.p95 / now.p95).toFixed(2)}x), p50 ${now.p50.toFixed(1)} ms (${(past.p50 / now.p50).toFixed(2)}x)`,
        });
        report.metric(`${label}: ${field}(asOf:) p95 / without asOf`, past.p95 / now.p95, 'x', { target: { atMost: 2 } });
      }
      // As the ledger knew the figures at a moment (knownAt: the report the secretariat published
      // then), each sample a moment never asked before on both axes. The issue sets no target for it.
      const [nowAgain, known] = await sampleAlternately(
        () => gql(OUTCOMES, {}, token),
        () => {
          const moment = newMoment();
          return gql(OUTCOMES, { asOf: moment, knownAt: moment }, token);
        },
      );
      report.metric(`${label}: first outcomes(asOf:, knownAt:) answer p95`, known.p95, 'ms', {
        note: `diagnostic: p50 ${known.p50.toFixed(1)} ms; without asOf p95 ${nowAgain.p95.toFixed(1)} ms (${(known.p95 / nowAgain.p95).toFixed(2)}x)`,
      });

      report.progress(`${label} events: 20 distinct moments in one anonymous request, a plain query meanwhile`);
      const alone = await sample(() => gql(PLAIN, { id: networkId }), 20);
      const twenty = `query($id: ID!) { ${Array.from({ length: 20 }, (_, i) => `m${i}: network(id: $id, asOf: "${newMoment()}") { name partners { cityId } }`).join('\n')} }`;
      const delays: number[] = [];
      const heavyTimes: number[] = [];
      for (let round = 0; round < 10; round++) {
        const query = twenty.replace(/asOf: "[^"]+"/g, () => `asOf: "${newMoment()}"`);
        const heavyStarted = performance.now();
        const heavy = gql(query, { id: networkId }).then(() => heavyTimes.push(performance.now() - heavyStarted));
        await new Promise((resolve) => setImmediate(resolve));
        const started = performance.now();
        await gql(PLAIN, { id: networkId });
        delays.push(performance.now() - started - alone.p50);
        await heavy;
      }
      delays.sort((a, b) => a - b);
      heavyTimes.sort((a, b) => a - b);
      report.metric(`${label}: plain query delayed by 20 moments (max of 10)`, Math.max(0, delays.at(-1)!), 'ms', {
        target: { atMost: TARGET_MS },
        note: `the 20-moment request took p50 ${percentile(heavyTimes, 50).toFixed(1)} ms; the plain query alone p50 ${alone.p50.toFixed(1)} ms`,
      });

      clearInterval(watch);
      report.metric(`${label}: process RSS (peak while querying)`, rss / 2 ** 20, 'MB', {
        target: { atMost: 500 },
        note: `${(rssBeforeServing / 2 ** 20).toFixed(0)} MB after loading the log and the catch-ups, before the server opened (the bench and its event store in the same process)`,
      });
      if (networks <= REPLAY_UP_TO) {
        report.progress(`${label} events: the old replay, as baseline`);
        const started = performance.now();
        const replayed = await replayAt(app.store, allProjections, new Date(newMoment()));
        const replaySeconds = (performance.now() - started) / 1000;
        replayed.close();
        report.metric(`${label}: old design, one moment replayed (baseline)`, replaySeconds * 1000, 'ms', { note: 'every projection from event 0, per distinct moment' });
      }
    } finally {
      await app.close();
    }
  } finally {
    if (!keptDir) rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(report: Report): Promise<void> {
  for (const networks of SIZES) await runSize(report, networks);
}
