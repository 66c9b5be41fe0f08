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
 * the first post after a start (a new handler: median of 20) and 100 warm posts (p50, p95), in 20
 * rounds that go over every size in turn (`measureSpread`). No folded-state snapshot: every stream
 * a post reads holds one or two events. Baseline: the 10-post session, in the same rounds.
 * Target: within 2x of the baseline; the event loop never blocked more than 50 ms (what a
 * concurrent health probe would wait). BENCH_QUICK=1 stops at 10,000.
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
import { CommandHandler, DependentCommand } from '../src/commands/handleCommand.js';
import type { EventData, StreamAppend } from '../src/eventStore/port.js';
import { SqliteEventStore } from '../src/eventStore/sqlite.js';
import type { Report } from './report.js';

export const name = 'streams';
export const description = 'posting to a marketplace session of 10 to 100,000 posts (re-cut: a stream per post)';

const quick = process.env.BENCH_QUICK === '1';
const SIZES = quick ? [10, 1_000, 10_000] : [10, 1_000, 10_000, 100_000];
const CITIES = 100;
/** Rounds over the sizes, and warm posts per size in each round (100 in all). */
const ROUNDS = 20;
const WARM_PER_ROUND = 5;
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

/** One session of one size, in its own store, and what was measured on it. */
interface Session {
  readonly size: number;
  readonly dir: string;
  readonly store: SqliteEventStore;
  readonly sessionId: string;
  readonly handler: CommandHandler;
  readonly colds: number[];
  readonly warms: number[];
  coldLoopDelay: number;
  warmLoopDelay: number;
}

async function open(size: number, spread: Spread, report: Report): Promise<Session> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-streams-'));
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  const sessionId = ulid();
  await load(store, sessionId, size, spread);
  report.progress(`streams: session of ${size} posts (${spread}) loaded`);
  return { size, dir, store, sessionId, handler: new CommandHandler(store), colds: [], warms: [], coldLoopDelay: 0, warmLoopDelay: 0 };
}

/**
 * Every size of a spread is measured in the same rounds, one size after the other in each round:
 * the load of this shared machine drifts over a run, and each ratio compares readings taken
 * side by side. Each round: the first post of a new handler (a start: it has read nothing yet),
 * then warm posts on a handler that has posted before.
 */
async function measureSpread(spread: Spread, report: Report): Promise<Session[]> {
  const sessions: Session[] = [];
  for (const size of SIZES) sessions.push(await open(size, spread, report));
  // What a health probe would wait: the longest gap between ticks of a 1 ms timer.
  let maxLoopDelay = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    maxLoopDelay = Math.max(maxLoopDelay, now - last - 1);
    last = now;
  }, 1);
  try {
    for (const session of sessions) await postOffer(session.handler, session.sessionId, 0);
    for (let round = 0; round < ROUNDS; round++) {
      for (const session of sessions) {
        await settle();
        maxLoopDelay = 0;
        let started = performance.now();
        await postOffer(new CommandHandler(session.store), session.sessionId, -1 - round);
        session.colds.push(performance.now() - started);
        session.coldLoopDelay = Math.max(session.coldLoopDelay, maxLoopDelay);
        for (let i = 0; i < WARM_PER_ROUND; i++) {
          await settle();
          maxLoopDelay = 0;
          started = performance.now();
          await postOffer(session.handler, session.sessionId, 1 + round * WARM_PER_ROUND + i);
          session.warms.push(performance.now() - started);
          session.warmLoopDelay = Math.max(session.warmLoopDelay, maxLoopDelay);
        }
      }
    }
    return sessions;
  } finally {
    clearInterval(probe);
    for (const session of sessions) {
      await session.store.close();
      rmSync(session.dir, { recursive: true, force: true });
    }
  }
}

export async function run(report: Report): Promise<void> {
  report.progress(`streams: load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the start`);
  for (const spread of SPREADS) {
    const [baseline, ...larger] = await measureSpread(spread, report);
    for (const session of [baseline!, ...larger]) {
      const label = `${session.size.toLocaleString('en-US')} posts ${spread}`;
      const versus = (value: number, base: number, what: string) => {
        if (session !== baseline) report.metric(`${what}, ${label} / ${SIZES[0]} posts`, value / base, 'x', { target: { atMost: 2 } });
      };
      const warm = percentile(session.warms, 50);
      const cold = percentile(session.colds, 50);
      report.metric(`post, ${label}, p50`, warm, 'ms', { note: `p95 ${percentile(session.warms, 95).toFixed(2)} ms over ${session.warms.length} posts` });
      versus(warm, percentile(baseline!.warms, 50), 'post p50');
      report.metric(`first post after a start, ${label}, p50`, cold, 'ms', { note: `${ROUNDS} new handlers; each reads the session's stream and the new post's` });
      versus(cold, percentile(baseline!.colds, 50), 'first post after a start');
      report.metric(`event loop blocked at most by a first post, ${label}`, session.coldLoopDelay, 'ms', { target: { atMost: 50 } });
      report.metric(`event loop blocked at most, warm posts, ${label}`, session.warmLoopDelay, 'ms', { target: { atMost: 50 } });
    }
  }
  report.progress(`streams: load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`);
}
