/**
 * Commands on long streams: posting one offer to a marketplace session already holding 10, 1,000,
 * 10,000 and 100,000 posts, in the re-cut layout (docs/marketplace.md, "Streams"): the post goes to
 * a stream of its own, decided on the session's facts read from the session's own stream and
 * declared as a dependency (checked in the append's transaction), as `postMarketplaceOffer` does.
 * Three spreads of the session's posts over cities: 10 posts per city (the cities grow with the
 * session, as at a real fair), over 100 cities (the posting city holds 1 % of them), and all of
 * them posted by the posting city (the worst case of the city-stream layout before this one).
 *
 * The posts are bulk-loaded straight into the SQLite store, each in its post's stream. Per size:
 * the first post after a start (cold: the median of 5, each on a new handler), 100 warm posts (p50,
 * p95), and the first post of a handler restarted with a folded-state snapshot file (none is
 * written: every stream a post reads holds one or two events). Baseline: the same on the 10-post
 * session, same run, after a warm-up run. Target: within 2x of the baseline; the event loop never
 * blocked more than 50 ms (what a concurrent health probe would wait). BENCH_QUICK=1 stops at 10,000.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { monotonicFactory } from 'ulid';
import { marketplaceDecider } from '../domain/marketplace/decider.js';
import { postDecider } from '../domain/marketplace/posts.js';
import { postStream, sessionStream } from '../domain/marketplace/streams.js';
import { systemActor } from '../src/auth/actor.js';
import { FoldedSnapshots } from '../src/commands/foldedSnapshots.js';
import { CommandHandler, DependentCommand } from '../src/commands/handleCommand.js';
import type { EventData, StreamAppend } from '../src/eventStore/port.js';
import { SqliteEventStore } from '../src/eventStore/sqlite.js';
import type { Report } from './report.js';

export const name = 'streams';
export const description = 'posting to a marketplace session of 10 to 100,000 posts (re-cut: a stream per post)';

const quick = process.env.BENCH_QUICK === '1';
const SIZES = quick ? [10, 1_000, 10_000] : [10, 1_000, 10_000, 100_000];
const CITIES = 100;
const POSTS_TIMED = 100;
const COLD_RUNS = 5;
const BATCH = 5_000;
const POSTING_CITY = 'city0-it';
const ulid = monotonicFactory();

const SPREADS = ['10 posts per city', 'over 100 cities', 'all in one city'] as const;
type Spread = (typeof SPREADS)[number];

/** How many cities hold the session's posts. */
const citiesFor = (size: number, spread: Spread) => (spread === 'all in one city' ? 1 : spread === 'over 100 cities' ? Math.min(CITIES, size) : Math.ceil(size / 10));

const event = (type: string, data: unknown): EventData => {
  const now = new Date().toISOString();
  const id = randomUUID();
  return { id, type, data, metadata: { actor: 'system', recordedAt: now, occurredAt: now, commandId: id, correlationId: id, causationId: id } };
};

const offerPosted = (offerId: string, i: number, cityId: string) =>
  event('MarketplaceOfferPosted', {
    offerId,
    cityId,
    cityName: cityId,
    country: 'IT',
    networkId: null,
    kind: 'experience',
    practiceId: null,
    title: `Experience ${i}`,
    description: 'What the city learnt',
    topics: ['participation'],
    contact: null,
  });

/** The session's posts, each in its own stream, shared evenly by its cities (the posting city, city0, is one of them). */
async function load(store: SqliteEventStore, sessionId: string, size: number, spread: Spread): Promise<void> {
  await store.appendToStream(sessionStream(sessionId), [
    event('MarketplaceSessionOpened', { title: 'Fair', description: '', networkIds: [], otherCountryOnly: false, heldOn: null, place: '', scope: 'programme' }),
  ]);
  const cities = citiesFor(size, spread);
  for (let from = 0; from < size; from += BATCH) {
    const appends: StreamAppend[] = [];
    for (let i = from; i < Math.min(size, from + BATCH); i++) {
      const offerId = ulid();
      appends.push({ streamId: postStream(sessionId, offerId), events: [offerPosted(offerId, i, `city${i % cities}-it`)], expectedRevision: 'no_stream' });
    }
    await store.appendToStreams(appends);
  }
}

/** What `postMarketplaceOffer` runs: the offer, decided on the session read again at every attempt. */
function postOffer(handler: CommandHandler, sessionId: string, i: number) {
  const offerId = ulid();
  const command = new DependentCommand(async () => {
    // As `loadSession` reads it: with the single-stream decider, the session's stream holding no posts.
    const session = await handler.load(marketplaceDecider, sessionStream(sessionId));
    const { status, scope, networkIds, otherCountryOnly } = session.state;
    return {
      command: {
        type: 'PostOffer' as const,
        data: { offerId, cityId: POSTING_CITY, practiceId: null, title: `New experience ${i}`, description: 'Posted during the bench', topics: [], contact: null, participant: { name: 'City 0', networkId: null }, practice: null },
        session: { status, ...(scope ? { scope } : {}), networkIds, otherCountryOnly },
        claimHolder: undefined,
      },
      dependsOn: [{ streamId: sessionStream(sessionId), revision: session.revision }],
    };
  });
  return handler.handle(postDecider, postStream(sessionId, offerId), command, { actor: systemActor });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 2));

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

interface Measured {
  readonly cold: number;
  readonly coldLoopDelay: number;
  readonly snapshotWrite: number;
  readonly snapshotLoopDelay: number;
  readonly p50: number;
  readonly p95: number;
  readonly maxLoopDelay: number;
  readonly restarted: number;
  readonly restartedLoopDelay: number;
}

async function measure(size: number, spread: Spread, report: Report): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-streams-'));
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  try {
    const sessionId = ulid();
    await load(store, sessionId, size, spread);
    report.progress(`streams: session of ${size} posts (${spread}) loaded`);
    const snapshotFile = join(dir, 'folded-state.sqlite');
    const snapshots = new FoldedSnapshots(snapshotFile, store);
    const handler = new CommandHandler(store, undefined, snapshots);
    // What a health probe would wait: the longest gap between ticks of a 1 ms timer.
    let maxLoopDelay = 0;
    let last = performance.now();
    const probe = setInterval(() => {
      const now = performance.now();
      maxLoopDelay = Math.max(maxLoopDelay, now - last - 1);
      last = now;
    }, 1);
    // A start: a new handler reads the session's stream and the new post's (median of a few, each on a new handler).
    const colds: number[] = [];
    let coldLoopDelay = 0;
    let started: number;
    for (let k = 0; k < COLD_RUNS; k++) {
      await settle();
      maxLoopDelay = 0;
      started = performance.now();
      await postOffer(new CommandHandler(store), sessionId, -1 - k);
      colds.push(performance.now() - started);
      coldLoopDelay = Math.max(coldLoopDelay, maxLoopDelay);
    }
    const cold = percentile(colds, 50);
    // The handler with a snapshot file: nothing to write (every stream read is tiny); measured to show it.
    await postOffer(handler, sessionId, 0);
    maxLoopDelay = 0;
    started = performance.now();
    await snapshots.settled();
    const snapshotWrite = performance.now() - started;
    const snapshotLoopDelay = maxLoopDelay;
    maxLoopDelay = 0;
    const runs: number[] = [];
    for (let i = 1; i <= POSTS_TIMED; i++) {
      await settle();
      started = performance.now();
      await postOffer(handler, sessionId, i);
      runs.push(performance.now() - started);
    }
    await settle();
    const warmLoopDelay = maxLoopDelay;
    // A restart: a new handler, reading the folded state the first one wrote.
    await snapshots.close();
    const reopened = new FoldedSnapshots(snapshotFile, store);
    await settle();
    maxLoopDelay = 0;
    started = performance.now();
    await postOffer(new CommandHandler(store, undefined, reopened), sessionId, POSTS_TIMED + 1);
    const restarted = performance.now() - started;
    await settle();
    const restartedLoopDelay = maxLoopDelay;
    clearInterval(probe);
    await reopened.close();
    return { cold, coldLoopDelay, snapshotWrite, snapshotLoopDelay, p50: percentile(runs, 50), p95: percentile(runs, 95), maxLoopDelay: warmLoopDelay, restarted, restartedLoopDelay };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(report: Report): Promise<void> {
  report.progress(`streams: load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the start`);
  // A first run warms the JIT and the caches up, so that the baseline is not the first code ever run.
  await measure(SIZES[0]!, SPREADS[0], report);
  for (const spread of SPREADS) {
    const results = new Map<number, Measured>();
    for (const size of SIZES) results.set(size, await measure(size, spread, report));
    const baseline = results.get(SIZES[0]!)!;
    for (const [size, m] of results) {
      const label = `${size.toLocaleString('en-US')} posts ${spread}`;
      const versus = (value: number, base: number, what: string) => {
        if (size !== SIZES[0]) report.metric(`${what}, ${label} / ${SIZES[0]} posts`, value / base, 'x', { target: { atMost: 2 } });
      };
      report.metric(`post, ${label}, p50`, m.p50, 'ms', { note: `p95 ${m.p95.toFixed(2)} ms over ${POSTS_TIMED} posts` });
      versus(m.p50, baseline.p50, 'post p50');
      report.metric(`first post after a start, no snapshot, ${label}`, m.cold, 'ms', { note: `median of ${COLD_RUNS} new handlers; reads the session's stream and the new post's` });
      versus(m.cold, baseline.cold, 'first post, no snapshot');
      report.metric(`event loop blocked at most by the first post, ${label}`, m.coldLoopDelay, 'ms', { target: { atMost: 50 } });
      report.metric(`event loop blocked at most, warm posts, ${label}`, m.maxLoopDelay, 'ms', { target: { atMost: 50 } });
      report.metric(`folded-state snapshot written in the background, ${label}`, m.snapshotWrite, 'ms', { note: 'nothing to write: no stream a post reads is long' });
      report.metric(`event loop blocked at most while it is written, ${label}`, m.snapshotLoopDelay, 'ms', { target: { atMost: 50 } });
      report.metric(`first post after a restart, from the snapshot, ${label}`, m.restarted, 'ms');
      report.metric(`event loop blocked at most by it, ${label}`, m.restartedLoopDelay, 'ms', { target: { atMost: 50 } });
    }
  }
  report.progress(`streams: load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`);
}
