/**
 * Commands on long streams: posting one offer to a marketplace session already holding 10,
 * 1,000, 10,000 and 100,000 posts (one stream). The session is bulk-loaded straight into the
 * SQLite event store; the command handler then posts through the marketplace decider. The first
 * post after a start folds the whole stream (cold); every later one reads only the events
 * appended since the state it keeps (warm), measured once the folded state the first post reached
 * has been written to disk; a restart then reads that snapshot and the events after it. Baseline:
 * the same posts on the 10-post session, measured in the same run. Target: warm posts within 2x of the baseline; the event loop is
 * never blocked more than 50 ms (what a concurrent health probe would wait).
 * BENCH_QUICK=1 stops at 10,000 posts.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { monotonicFactory } from 'ulid';
import { marketplaceDecider, type MarketplaceCommand } from '../domain/marketplace/decider.js';
import { systemActor } from '../src/auth/actor.js';
import { FoldedSnapshots } from '../src/commands/foldedSnapshots.js';
import { CommandHandler } from '../src/commands/handleCommand.js';
import type { EventData } from '../src/eventStore/port.js';
import { SqliteEventStore } from '../src/eventStore/sqlite.js';
import type { Report } from './report.js';

export const name = 'streams';
export const description = 'posting to a marketplace session of 10 to 100,000 posts (one stream)';

const quick = process.env.BENCH_QUICK === '1';
const SIZES = quick ? [10, 1_000, 10_000] : [10, 1_000, 10_000, 100_000];
const POSTS_TIMED = 50;
const BATCH = 5_000;
const ulid = monotonicFactory();

const event = (type: string, data: unknown): EventData => {
  const now = new Date().toISOString();
  const id = randomUUID();
  return { id, type, data, metadata: { actor: 'system', recordedAt: now, occurredAt: now, commandId: id, correlationId: id, causationId: id } };
};

const offerPosted = (i: number) =>
  event('MarketplaceOfferPosted', {
    offerId: ulid(),
    cityId: `city${i % 1000}-it`,
    cityName: `City ${i % 1000}`,
    country: 'IT',
    networkId: null,
    kind: 'experience',
    practiceId: null,
    title: `Experience ${i}`,
    description: 'What the city learnt',
    topics: ['participation'],
    contact: null,
  });

const postOffer = (i: number): MarketplaceCommand => ({
  type: 'PostOffer',
  data: {
    offerId: ulid(),
    cityId: `town${i}-fr`,
    practiceId: null,
    title: `New experience ${i}`,
    description: 'Posted during the bench',
    topics: [],
    contact: null,
    participant: { name: `Town ${i}`, networkId: null },
    practice: null,
  },
});

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

interface Measured {
  readonly cold: number;
  readonly coldLoopDelay: number;
  readonly restarted: number;
  readonly restartedLoopDelay: number;
  readonly snapshotWrite: number;
  readonly snapshotLoopDelay: number;
  readonly p50: number;
  readonly p95: number;
  readonly maxLoopDelay: number;
}

async function measure(size: number, report: Report): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-streams-'));
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  try {
    const streamId = `marketplace-${ulid()}`;
    await store.appendToStream(streamId, [
      event('MarketplaceSessionOpened', { title: 'Fair', description: '', networkIds: [], otherCountryOnly: false, heldOn: null, place: '', scope: 'programme' }),
    ]);
    for (let from = 0; from < size; from += BATCH) {
      await store.appendToStream(streamId, Array.from({ length: Math.min(BATCH, size - from) }, (_, k) => offerPosted(from + k)));
    }
    report.progress(`streams: session of ${size} posts loaded`);
    const snapshotFile = join(dir, 'folded-state.sqlite');
    const snapshots = new FoldedSnapshots(snapshotFile, store);
    const handler = new CommandHandler(store, undefined, snapshots);
    const options = { actor: systemActor };
    // What a health probe would wait: the longest gap between ticks of a 1 ms timer.
    let maxLoopDelay = 0;
    let last = performance.now();
    const probe = setInterval(() => {
      const now = performance.now();
      maxLoopDelay = Math.max(maxLoopDelay, now - last - 1);
      last = now;
    }, 1);
    let started = performance.now();
    await handler.handle(marketplaceDecider, streamId, postOffer(0), options);
    const cold = performance.now() - started;
    const coldLoopDelay = maxLoopDelay;
    maxLoopDelay = 0;
    // The folded state it reached is written to disk in the background, in chunks: once after a start.
    started = performance.now();
    await snapshots.settled();
    const snapshotWrite = performance.now() - started;
    const snapshotLoopDelay = maxLoopDelay;
    maxLoopDelay = 0;
    const runs: number[] = [];
    for (let i = 1; i <= POSTS_TIMED; i++) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      started = performance.now();
      await handler.handle(marketplaceDecider, streamId, postOffer(i), options);
      runs.push(performance.now() - started);
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
    const warmLoopDelay = maxLoopDelay;
    // A restart: a new handler, reading the folded state the first one wrote after its first fold.
    await snapshots.close();
    const reopened = new FoldedSnapshots(snapshotFile, store);
    await new Promise((resolve) => setTimeout(resolve, 2));
    maxLoopDelay = 0;
    started = performance.now();
    await new CommandHandler(store, undefined, reopened).handle(marketplaceDecider, streamId, postOffer(POSTS_TIMED + 1), options);
    const restarted = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 2));
    const restartedLoopDelay = maxLoopDelay;
    clearInterval(probe);
    await reopened.close();
    return { cold, coldLoopDelay, snapshotWrite, snapshotLoopDelay, restarted, restartedLoopDelay, p50: percentile(runs, 50), p95: percentile(runs, 95), maxLoopDelay: warmLoopDelay };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(report: Report): Promise<void> {
  const results = new Map<number, Measured>();
  for (const size of SIZES) results.set(size, await measure(size, report));
  const baseline = results.get(SIZES[0]!)!;
  for (const [size, m] of results) {
    const label = `${size.toLocaleString('en-US')} posts`;
    report.metric(`post, ${label}, p50`, m.p50, 'ms', { note: `p95 ${m.p95.toFixed(2)} ms over ${POSTS_TIMED} posts` });
    if (size !== SIZES[0]) {
      report.metric(`post, ${label} / ${SIZES[0]} posts`, m.p50 / baseline.p50, 'x', { target: { atMost: 2 } });
    }
    report.metric(`first post after a start, no snapshot, ${label}`, m.cold, 'ms', { note: 'folds the whole stream once (linear)' });
    report.metric(`folded-state snapshot written in the background after the first post, ${label}`, m.snapshotWrite, 'ms', {
      note: 'once after a start, then every max(1,000 events, 10 % of the entries)',
    });
    report.metric(`event loop blocked at most while it is written, ${label}`, m.snapshotLoopDelay, 'ms', { target: { atMost: 50 } });
    report.metric(`first post after a restart, from the folded-state snapshot, ${label}`, m.restarted, 'ms', {
      note: 'reads the snapshot (in chunks) and the events after it',
    });
    report.metric(`event loop blocked at most by the first post after a restart, ${label}`, m.restartedLoopDelay, 'ms', { target: { atMost: 50 } });
    report.metric(`event loop blocked at most, ${label}`, m.maxLoopDelay, 'ms', { target: { atMost: 50 } });
    report.metric(`event loop blocked at most by the first post, ${label}`, m.coldLoopDelay, 'ms', { target: { atMost: 50 } });
  }
}
