/**
 * Outcome queries on a programme-sized log: 100 networks, 1,000 partners, about 1,000,000 events
 * (plans with actions, status changes, funding, indicators and their values; transfers; learning
 * needs; meetings and attendance; local groups; labelled practices). The events are appended
 * straight into the SQLite event store in big batches (one append per stream), the outcome
 * projections catch up with ProjectionRunner.catchUp, then the outcome read-model queries and the
 * GraphQL `outcomes` query (in process, through graphql-yoga, no network) are timed.
 * Target: p95 < 50 ms per query. BENCH_QUICK=1 builds a tenth of the log.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monotonicFactory } from 'ulid';
import { outcomeProjections } from '../projections/index.js';
import { actionRecords, scopeOf, type OutcomeFilter } from '../projections/outcomes/queries.js';
import { outcomeReport } from '../projections/outcomes/report.js';
import { createApp } from '../src/app.js';
import { mintToken } from '../src/auth/tokens.js';
import { loadConfig } from '../src/config.js';
import type { EventData } from '../src/eventStore/port.js';
import { SqliteEventStore } from '../src/eventStore/sqlite.js';
import { createLogger } from '../src/logger.js';
import { ProjectionRunner } from '../src/projections/runner.js';
import { ReadModelDatabase } from '../src/readModels/database.js';
import { buildSchema } from '../schema/index.js';
import { createGraphqlHandler } from '../src/server/http.js';
import type { Report } from './report.js';

export const name = 'outcomes';
export const description = 'secretariat outcome queries on 100 networks, 1,000 partners, ~1M events';

const quick = process.env.BENCH_QUICK === '1';
const NETWORKS = 100;
const PARTNERS_PER_NETWORK = 10;
const ACTIONS_PER_PLAN = 40;
const INDICATORS_PER_PLAN = 10;
const VALUES_PER_INDICATOR = quick ? 2 : 77;
const NEEDS_PER_PARTNER = 8;
const STAKEHOLDERS_PER_GROUP = 25;
const NETWORK_MEETINGS = 30;
const WORKSHOPS_PER_PARTNER = 5;
const ITERATIONS = 100;
const TARGET_MS = 50;
/** Sizes of the log a new replica starts on (shares of the whole log), and the tail it catches up. */
const REPLICA_SIZES = [0.1, 0.3, 1];
const REPLICA_TAIL = 2_000;

const COUNTRIES = ['IT', 'FR', 'ES', 'PT', 'DE', 'PL', 'RO', 'GR', 'NL', 'BE', 'SE', 'FI', 'HR', 'SI', 'LT', 'HU', 'CZ', 'AT', 'IE', 'BG'];
const THEMES = ['social innovation', 'urban commons', 'circular economy', 'mobility', 'housing', 'digital transition', 'culture', 'food'];
const KINDS = ['actionPlanning', 'actionPlanning', 'actionPlanning', 'transfer', 'innovationTransfer'] as const;
const PHASES = ['ideation', 'design', 'realisation'] as const;
const SOURCES = ['ESF', 'ERDF', 'UIA', 'national', 'private', 'other'] as const;
const HELIX = ['public', 'private', 'knowledge', 'civilSociety'] as const;

/** A small deterministic generator, so every run builds the same log. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

const day = (base: string, plusDays: number) => new Date(Date.parse(`${base}T00:00:00Z`) + plusDays * 86_400_000).toISOString().slice(0, 10);

export class LogBuilder {
  private readonly newId = monotonicFactory();
  readonly streams: { streamId: string; events: EventData[] }[] = [];
  count = 0;

  id(): string {
    return this.newId();
  }

  stream(category: string, id = this.id()) {
    const entry = { streamId: `${category}-${id}`, events: [] as EventData[] };
    this.streams.push(entry);
    return {
      id,
      add: (type: string, data: unknown, date: string) => {
        const occurredAt = `${date}T09:00:00.000Z`;
        const commandId = randomUUID();
        entry.events.push({
          id: randomUUID(),
          type,
          data,
          metadata: { actor: 'bench', role: 'secretariat', recordedAt: occurredAt, occurredAt, commandId, correlationId: commandId, causationId: commandId },
        });
        this.count++;
      },
    };
  }
}

/**
 * The programme's log; fewer networks (and indicator values) make smaller logs of the same shape.
 * The streams built are handed to `afterEachNetwork` after each network and then dropped, so a log
 * of any size is generated in the memory of one network (see streamingLoad).
 */
function buildLog(networks: number, valuesPerIndicator: number, afterEachNetwork: (log: LogBuilder) => void): LogBuilder {
  const r = random(20_150_901);
  const log = new LogBuilder();
  const cityPool = Array.from({ length: 600 }, (_, i) => {
    const country = COUNTRIES[i % COUNTRIES.length]!;
    return { cityId: `city${i}-${country.toLowerCase()}`, name: `City ${i}`, country };
  });
  for (let n = 0; n < networks; n++) {
    const kind = KINDS[n % KINDS.length]!;
    const start = day('2015-01-01', r.int(3000));
    const network = log.stream('network');
    const theme = r.pick(THEMES);
    network.add('NetworkRegistered', { name: `Network ${n}`, kind, theme: `Network on ${theme}`, topics: [theme], startDate: start, endDate: day(start, 900) }, start);
    const partners = new Map<string, (typeof cityPool)[number]>();
    while (partners.size < PARTNERS_PER_NETWORK) {
      const city = r.pick(cityPool);
      partners.set(city.cityId, city);
    }
    const members = [...partners.values()];
    members.forEach((city, i) =>
      network.add(
        'PartnerJoined',
        { cityId: city.cityId, name: city.name, country: city.country, partnerKind: 'city', role: i === 0 ? 'leadPartner' : 'partner', newcomer: r.next() < 0.15 },
        day(start, 1),
      ),
    );

    for (const city of members) {
      // The city's plan.
      const plan = log.stream('actionPlan');
      const clusters = ['c1', 'c2', 'c3', 'c4', 'c5'].map((key) => ({ key, title: `Cluster ${key}`, description: '' }));
      plan.add(
        'ActionPlanDrafted',
        { networkId: network.id, networkKind: kind, cityId: city.cityId, cityName: city.name, country: city.country, title: `IAP of ${city.name}`, vision: '', clusters },
        day(start, 200),
      );
      const endorsedOn = r.next() < 0.7 ? day(start, 700 + r.int(100)) : null;
      const actions: string[] = [];
      for (let a = 0; a < ACTIONS_PER_PLAN; a++) {
        const actionId = log.id();
        actions.push(actionId);
        plan.add(
          'PlanActionAdded',
          {
            actionId,
            title: `Action ${a}`,
            clusterKey: clusters[a % 5]!.key,
            phase: r.pick(PHASES),
            summary: '',
            budgetCents: 100_000 * (1 + r.int(10_000)),
            responsibleBody: 'City',
            funding: [{ source: r.pick(SOURCES), amountCents: 100_000 * (1 + r.int(1000)), programme: '' }],
            addedAfterEndorsement: false,
          },
          day(start, 300 + r.int(300)),
        );
      }
      if (endorsedOn) plan.add('ActionPlanEndorsed', { date: endorsedOn, body: 'City Council', note: '' }, endorsedOn);
      for (const actionId of actions) {
        let date = day(start, 800 + r.int(200));
        const first = r.next() < 0.15 ? 'abandoned' : 'inProgress';
        plan.add('ActionStatusChanged', { actionId, from: 'planned', to: first, date, note: '' }, date);
        if (first === 'inProgress') {
          date = day(date, 100 + r.int(900));
          plan.add('ActionStatusChanged', { actionId, from: 'inProgress', to: r.next() < 0.8 ? 'implemented' : 'abandoned', date, note: '' }, date);
        }
        const fundings = r.int(3);
        for (let f = 0; f < fundings; f++) {
          const secured = day(start, 800 + r.int(1500));
          plan.add(
            'FundingSecured',
            { fundingId: log.id(), actionId, source: r.pick(SOURCES), amountCents: 100 * (1 + r.int(5_000_000)), programme: '', date: secured, note: '' },
            secured,
          );
        }
      }
      for (let i = 0; i < INDICATORS_PER_PLAN; i++) {
        const indicatorId = log.id();
        plan.add('IndicatorDefined', { indicatorId, name: `Indicator ${i}`, unit: 'people', baseline: 0, target: 100, actionId: null }, day(start, 400));
        for (let v = 0; v < valuesPerIndicator; v++) {
          const measured = day(start, 500 + v * 30);
          plan.add('IndicatorValueRecorded', { indicatorId, date: measured, value: r.int(120), note: '' }, measured);
        }
      }
      // Learning needs.
      for (let k = 0; k < NEEDS_PER_PARTNER; k++) {
        const need = log.stream('learningNeed');
        need.add('LearningNeedRaised', { networkId: network.id, cityId: city.cityId, kind: r.next() < 0.6 ? 'learning' : 'capacityBuilding', topics: [], description: `Need ${k}`, priority: 'medium' }, day(start, 30 + r.int(100)));
        if (r.next() < 0.6) need.add('LearningNeedAddressed', { meetingId: null, peerCityId: members[0]!.cityId, note: '' }, day(start, 200 + r.int(500)));
        if (r.next() < 0.3) need.add('LearningNeedClosed', { note: '' }, day(start, 800));
      }
      // The local group and its workshops.
      const group = log.stream('localGroup');
      group.add('LocalGroupFormed', { networkId: network.id, cityId: city.cityId, name: `ULG ${city.name}`, coordinator: null }, day(start, 20));
      for (let s = 1; s <= STAKEHOLDERS_PER_GROUP; s++) {
        group.add('StakeholderAdded', { stakeholderId: s, name: `Stakeholder ${s}`, helix: r.pick(HELIX), role: '', planned: r.next() < 0.2 }, day(start, 20 + r.int(300)));
      }
      for (let w = 0; w < WORKSHOPS_PER_PARTNER; w++) {
        const meeting = log.stream('meeting');
        const date = day(start, 50 + r.int(800));
        meeting.add(
          'MeetingScheduled',
          { networkId: network.id, kind: 'localGroupWorkshop', title: `ULG workshop ${w}`, hostCityId: city.cityId, startDate: date, endDate: date, themes: [], guidingQuestions: [], partnerCityIds: [city.cityId], origin: null },
          day(date, -20),
        );
        meeting.add('MeetingHeld', {}, date);
        meeting.add('AttendanceRecorded', { attendees: Array.from({ length: 5 + r.int(15) }, (_, i) => ({ name: `P${i}`, cityId: city.cityId })) }, date);
      }
      // A labelled practice now and then.
      if (r.next() < 0.3) {
        const practice = log.stream('practice');
        const proposed = day(start, 100);
        practice.add('PracticeProposed', { cityId: city.cityId, cityName: city.name, country: city.country, networkId: network.id, title: `Practice of ${city.name}`, summary: '', topics: [], results: '', contact: { name: 'Contact', email: null, role: '' }, status: 'lookingForPartners' }, proposed);
        if (r.next() < 0.5) practice.add('GoodPracticeLabelAwarded', { year: Number(proposed.slice(0, 4)) + 1 }, day(proposed, 365));
      }
    }
    // Transnational meetings.
    for (let m = 0; m < NETWORK_MEETINGS; m++) {
      const meeting = log.stream('meeting');
      const host = r.pick(members);
      const date = day(start, r.int(900));
      meeting.add(
        'MeetingScheduled',
        { networkId: network.id, kind: 'transnationalMeeting', title: `Meeting ${m}`, hostCityId: host.cityId, startDate: date, endDate: date, themes: [], guidingQuestions: [], partnerCityIds: [], origin: null },
        day(date, -60),
      );
      if (r.next() < 0.9) {
        meeting.add('MeetingHeld', {}, date);
        meeting.add('AttendanceRecorded', { attendees: members.flatMap((c) => Array.from({ length: 1 + r.int(3) }, (_, i) => ({ name: `P${i}`, cityId: c.cityId }))) }, date);
      } else {
        meeting.add('MeetingCancelled', { reason: 'postponed' }, day(date, -5));
      }
    }
    // Transfers in transfer networks: the lead partner's practice to each other partner.
    if (kind !== 'actionPlanning') {
      const source = members[0]!;
      for (const receiving of members.slice(1)) {
        const transfer = log.stream('transfer');
        const started = day(start, 60);
        transfer.add(
          'TransferStarted',
          { networkId: network.id, networkKind: kind, practiceId: null, practiceTitle: `Practice of ${source.name}`, sourceCityId: source.cityId, sourceCityName: source.name, sourceCountry: source.country, receivingCityId: receiving.cityId, receivingCityName: receiving.name, receivingCountry: receiving.country, date: started },
          started,
        );
        transfer.add('TransferStageAdvanced', { from: 'understand', to: 'adapt', date: day(started, 200), note: '' }, day(started, 200));
        transfer.add('TransferPlanSubmitted', { version: 1, title: 'Transfer plan', summary: '', date: day(started, 300) }, day(started, 300));
        const roll = r.next();
        if (roll < 0.1) {
          transfer.add('TransferAbandoned', { date: day(started, 400), stage: 'adapt', reason: 'no political support' }, day(started, 400));
        } else if (roll < 0.8) {
          transfer.add('TransferStageAdvanced', { from: 'adapt', to: 'reuse', date: day(started, 500), note: '' }, day(started, 500));
          transfer.add('InvestmentPlanSubmitted', { version: 1, title: 'Investment plan', summary: '', date: day(started, 550), totalCents: 100_000_000, sources: [{ source: 'ERDF', amountCents: 100_000_000 }] }, day(started, 550));
          transfer.add('TransferCompleted', { date: day(started, 800), note: '' }, day(started, 800));
        }
      }
    }
    afterEachNetwork(log);
    log.streams.length = 0;
  }
  return log;
}

/**
 * Generates the log of `networks` networks and writes it into the event store's table: the same
 * rows appendToStream writes (stream revisions from 0, global positions in order), interleaved by
 * occurredAt as a real log would be, without one fsync per stream (a million events would take many
 * minutes). One network's events are held in memory at a time: each network's go to a staging
 * file, and SQLite orders them all on disk (10M events held as objects would take tens of GB).
 */
export async function streamingLoad(file: string, networks = NETWORKS, valuesPerIndicator = VALUES_PER_INDICATOR): Promise<{ events: number; streams: number }> {
  await new SqliteEventStore(file).close(); // creates the schema
  const staging = `${file}.staging`;
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.exec(`ATTACH DATABASE '${staging.replaceAll("'", "''")}' AS staging`);
  db.exec('PRAGMA staging.journal_mode = OFF; PRAGMA staging.synchronous = OFF');
  // seq keeps the generation order for events with the same occurredAt.
  db.exec('CREATE TABLE staging.generated (seq INTEGER PRIMARY KEY, occurred TEXT NOT NULL, stream_id TEXT NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL)');
  const stage = db.prepare('INSERT INTO staging.generated (occurred, stream_id, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
  let streams = 0;
  const stageNetwork = db.transaction((log: LogBuilder) => {
    streams += log.streams.length;
    for (const { streamId, events } of log.streams) {
      for (const event of events) stage.run(event.metadata.occurredAt, streamId, event.id, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata));
    }
  });
  const { count } = buildLog(networks, valuesPerIndicator, stageNetwork);
  // Within a stream, revisions follow positions: numbered after ordering.
  db.exec(`
    INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created)
    SELECT stream_id, ROW_NUMBER() OVER (PARTITION BY stream_id ORDER BY occurred, seq) - 1, event_id, type, data, metadata,
           CAST(strftime('%s', occurred) AS INTEGER) * 1000
    FROM staging.generated ORDER BY occurred, seq`);
  db.exec('DETACH DATABASE staging');
  db.close();
  rmSync(staging, { force: true });
  return { events: count, streams };
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(fn: () => unknown | Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  for (let i = 0; i < 10; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples.at(-1)! };
}

const FILTERS: [string, OutcomeFilter][] = [
  ['all networks', {}],
  ['kind=actionPlanning', { kind: 'actionPlanning' }],
  ['country=IT', { country: 'IT' }],
  ['period 2019', { from: '2019-01-01', to: '2019-12-31' }],
  ['period 2015-2025 (every record)', { from: '2015-01-01', to: '2025-12-31' }],
  ['kind+theme+country+period', { kind: 'actionPlanning', theme: 'housing', country: 'FR', from: '2016-01-01', to: '2021-12-31' }],
];

const GRAPHQL_QUERY = `query($filter: OutcomeFilter) { outcomes(filter: $filter) {
  plans { drafted endorsed }
  actions { total implemented implementationRate byPhaseAndStatus { phase status count } }
  funding { total { euros } bySource { source amount { euros } } }
  transfers { started completed abandoned inProgressByStage { stage count } }
  practices { labelled transferred }
  learningNeeds { raised addressed addressedShare }
  meetings { held participants participantsByCountry { country participants } }
  newcomers { cities byCountry { country cities } }
  localGroups { stakeholders byHelix { helix stakeholders share } }
  drill: actions { records(status: implemented, first: 50) { nodes { title country statusDate } } }
} }`;

export async function run(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-outcomes-'));
  try {
    report.progress('generating the log into the SQLite event store');
    let started = performance.now();
    const eventsFile = join(dir, 'events.sqlite');
    const log = await streamingLoad(eventsFile);
    report.note(`${log.events.toLocaleString('en-US')} events in ${log.streams.toLocaleString('en-US')} streams; ${NETWORKS} networks, ${NETWORKS * PARTNERS_PER_NETWORK} partners${quick ? ' (BENCH_QUICK=1: fewer indicator values)' : ''}`);
    const store = new SqliteEventStore(eventsFile);
    const appendSeconds = (performance.now() - started) / 1000;
    report.metric('generate + bulk load', log.events / appendSeconds, 'events/s', {
      note: `${appendSeconds.toFixed(1)} s for the whole log (staged network by network, ordered on disk, synchronous=OFF while loading)`,
    });

    report.progress('catching up the outcome projections, with a snapshot of the read models at three sizes of the log');
    const readModelFile = join(dir, 'readmodels.sqlite');
    const readModels = new ReadModelDatabase(readModelFile);
    const runner = new ProjectionRunner(store, readModels, outcomeProjections);
    // The log's first 10 %, 30 % and all of it: at each size, the serving process snapshots its read
    // models REPLICA_TAIL events before the end, then catches up to it (its time from event 0 is
    // the baseline); a new replica then starts from the snapshot and catches up the same tail.
    const sizes = REPLICA_SIZES.map((share) => Math.round(log.events * share));
    const upTo = (events: number) => ({ cancelled: () => runner.position.commit >= BigInt(events) });
    let catchUpSeconds = 0;
    const replicaSizes: { events: number; snapshot: string; fromZeroSeconds: number; snapshotSeconds: number }[] = [];
    for (const events of sizes) {
      started = performance.now();
      await runner.catchUp(upTo(events - REPLICA_TAIL));
      catchUpSeconds += (performance.now() - started) / 1000;
      started = performance.now();
      const snapshot = join(dir, `readmodels.snapshot-${events}.sqlite`);
      readModels.snapshotTo(snapshot);
      const snapshotSeconds = (performance.now() - started) / 1000;
      started = performance.now();
      await runner.catchUp(events === log.events ? {} : upTo(events));
      catchUpSeconds += (performance.now() - started) / 1000;
      replicaSizes.push({ events, snapshot, fromZeroSeconds: catchUpSeconds, snapshotSeconds });
    }
    report.metric('outcome projections catch-up', log.events / catchUpSeconds, 'events/s', { note: `${catchUpSeconds.toFixed(1)} s, ${outcomeProjections.length} projections` });
    const rows = (table: string) => readModels.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)!.n;
    report.note(
      `rows: ${rows('outcome_actions')} actions, ${rows('outcome_funding')} funding, ${rows('outcome_meetings')} meetings, ` +
        `${rows('outcome_attendance')} attendance, ${rows('outcome_needs')} needs, ${rows('outcome_stakeholders')} stakeholders, ` +
        `${rows('outcome_plan_totals')} pre-aggregated totals`,
    );

    report.progress('timing the read-model queries');
    for (const [label, filter] of FILTERS) {
      const result = await time(() => outcomeReport(readModels, scopeOf(readModels, filter)));
      report.metric(`all figures, ${label}: p95`, result.p95, 'ms', { target: { atMost: TARGET_MS }, note: `p50 ${result.p50.toFixed(2)} ms, max ${result.max.toFixed(2)} ms` });
    }
    const drill = await time(() => actionRecords(readModels, scopeOf(readModels, { country: 'IT' }), { status: 'implemented' }, 50, 500));
    report.metric('drill-down page (actions implemented, IT, offset 500): p95', drill.p95, 'ms', { target: { atMost: TARGET_MS } });
    await runner.stop();
    readModels.close();
    for (const { events, snapshot, fromZeroSeconds, snapshotSeconds } of replicaSizes) {
      const label = `${events.toLocaleString('en-US')} events`;
      report.progress(`starting a new replica from the snapshot at ${label}`);
      started = performance.now();
      const replicaFile = join(dir, 'replica.sqlite');
      copyFileSync(snapshot, replicaFile);
      const replicaModels = new ReadModelDatabase(replicaFile);
      const replicaRunner = new ProjectionRunner(store, replicaModels, outcomeProjections);
      await replicaRunner.catchUp({ cancelled: () => replicaRunner.position.commit >= BigInt(events) });
      const replicaSeconds = (performance.now() - started) / 1000;
      const sizeMiB = statSync(snapshot).size / 2 ** 20;
      report.metric(`read-model snapshot (VACUUM INTO), ${label}`, snapshotSeconds, 's', { note: `${sizeMiB.toFixed(0)} MiB; written by the serving process, which it blocks meanwhile` });
      report.metric(`new replica from event 0, ${label} (baseline)`, fromZeroSeconds, 's');
      report.metric(`new replica ready from a snapshot, ${label}`, replicaSeconds, 's', {
        target: { atMost: 5 },
        note: `copy ${sizeMiB.toFixed(0)} MiB, open, check against the log, catch up the last ${REPLICA_TAIL.toLocaleString('en-US')} events; ${(fromZeroSeconds / replicaSeconds).toFixed(0)}x faster than from event 0`,
      });
      await replicaRunner.stop();
      replicaModels.close();
      for (const file of [replicaFile, snapshot]) rmSync(file, { force: true });
    }

    report.progress('timing the GraphQL outcomes query in process');
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'silent' });
    const app = await createApp(config, { logger: createLogger('silent'), store, projections: outcomeProjections, readModelFile });
    try {
      await app.projections.catchUp();
      const yoga = createGraphqlHandler(app, buildSchema());
      const token = await mintToken({ subject: 'secretariat:bench', role: 'secretariat', cityIds: [] }, config.jwtSecret, '1h');
      for (const [label, filter] of [FILTERS[0]!, FILTERS[4]!, FILTERS[5]!]) {
        const query = async () => {
          const response = await yoga.fetch('http://bench/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: GRAPHQL_QUERY, variables: { filter } }),
          });
          const body = (await response.json()) as { errors?: unknown };
          if (body.errors) throw new Error(JSON.stringify(body.errors));
        };
        const result = await time(query);
        report.metric(`GraphQL outcomes, ${label}: p95`, result.p95, 'ms', { target: { atMost: TARGET_MS }, note: `p50 ${result.p50.toFixed(2)} ms` });
      }
    } finally {
      await app.close();
    }
  } finally {
    if (process.env.BENCH_KEEP_DIR) report.note(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
