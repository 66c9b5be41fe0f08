import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimStream, matchStream, sessionStream } from '../../domain/marketplace/streams.js';
import type { App } from '../../src/app.js';
import { aggregateCategories } from '../../src/application/index.js';
import {
  closeMarketplaceSession,
  openMarketplaceSession,
  postMarketplaceNeed,
  postMarketplaceOffer,
  respondToMarketplaceMatch,
  withdrawMarketplacePost,
} from '../../src/application/marketplace.js';
import { joinNetwork, registerNetwork } from '../../src/application/network.js';
import { proposePractice } from '../../src/application/practice.js';
import { raiseLearningNeed } from '../../src/application/learningNeed.js';
import type { UseCase } from '../../src/application/useCase.js';
import { systemActor } from '../../src/auth/actor.js';
import { loadConfig } from '../../src/config.js';
import { openEventStore } from '../../src/eventStore/index.js';
import type { EventStore, StreamAppend } from '../../src/eventStore/port.js';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { tempDir } from '../projections/support.js';

/**
 * The re-cut's rules under concurrency, on the real SQLite store: a session's posts, matches and
 * the session itself are separate streams, so a post racing a close, or an acceptance racing a
 * withdrawal, must still never land on the wrong side of it. Two apps on one log file play two
 * processes (each its own command handler and read models). A gate holds one command's append
 * until the other command has landed: the worst interleaving, every time.
 */

/** A store whose next append to a stream starting with `prefix` waits until the test opens the gate. */
function gated(store: EventStore) {
  let gate: { prefix: string; reached: () => void; opened: Promise<void> } | undefined;
  const proxy = new Proxy(store, {
    get(target, property) {
      const waitAtGate = async (streamId: string) => {
        const held = gate;
        if (held && streamId.startsWith(held.prefix)) {
          gate = undefined;
          held.reached();
          await held.opened;
        }
      };
      if (property === 'appendToStreams') {
        return async (appends: readonly StreamAppend[]) => {
          await waitAtGate(appends[0]!.streamId);
          return target.appendToStreams!(appends);
        };
      }
      if (property === 'appendToStream') {
        return async (streamId: string, ...rest: Parameters<EventStore['appendToStream']> extends [string, ...infer R] ? R : never) => {
          await waitAtGate(streamId);
          return target.appendToStream(streamId, ...rest);
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    store: proxy,
    /** Holds the next append to `prefix`: `reached` resolves when it is held, `open()` lets it go. */
    hold(prefix: string) {
      let open!: () => void;
      let reached!: () => void;
      const isReached = new Promise<void>((resolve) => (reached = resolve));
      gate = { prefix, reached, opened: new Promise<void>((resolve) => (open = resolve)) };
      return { reached: isReached, open };
    },
  };
}

const run = <I>(app: App, useCase: UseCase, input: I) =>
  useCase.run(app, useCase.input.parse(input), { actor: systemActor }) as Promise<{ id: string; events: readonly { type: string; data: unknown }[]; position: { commit: bigint } }>;

async function appOnLog(dataDir: string, name: string) {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, READ_MODEL_FILE: join(dataDir, `${name}.readmodels.sqlite`), KEY_STORE_FILE: join(dataDir, `${name}.keys.sqlite`), LOG_LEVEL: 'silent' });
  const log = gated(await openEventStore(config, { aggregateCategories }));
  const app = await createApp(config, { logger: createLogger('silent'), store: log.store });
  return { app, hold: log.hold };
}

describe('marketplace races (SQLite, two processes on one log)', () => {
  let data: ReturnType<typeof tempDir>;
  let a: Awaited<ReturnType<typeof appOnLog>>;
  let b: Awaited<ReturnType<typeof appOnLog>>;
  let sessionId: string;
  let networkId: string;

  /** Waits until the other process's read models show what this one wrote. */
  const seenBy = async (app: App, written: { position: { commit: bigint } }) => {
    expect(await app.projections.waitFor({ commit: written.position.commit, prepare: written.position.commit }, 10_000)).toBe(true);
  };
  const typesOf = async (streamId: string) => (await a.app.store.readStream(streamId)).map((e) => e.type);

  beforeEach(async () => {
    data = tempDir('ledger-races-');
    a = await appOnLog(data.dir, 'a');
    b = await appOnLog(data.dir, 'b');
    const network = await run(a.app, registerNetwork, { name: 'BoostInno', kind: 'actionPlanning', theme: 'Social innovation', startDate: '2015-09-01', endDate: '2018-05-31' });
    for (const [cityId, name, country] of [['torino-it', 'Torino', 'IT'], ['strasbourg-fr', 'Strasbourg', 'FR']]) {
      await run(a.app, joinNetwork, { networkId: network.id, cityId, name, country });
    }
    networkId = network.id;
    const session = await run(a.app, openMarketplaceSession, { title: 'Fair', networkIds: [network.id] });
    sessionId = session.id;
    await seenBy(b.app, session);
  });

  afterEach(async () => {
    await a.app.close();
    await b.app.close();
    data.cleanup();
  });

  const offer = { title: 'Local currency and impact funds', description: 'Public support to a local currency and funds for social enterprises.', topics: ['impact finance'] };
  const need = { title: 'How to develop new impact funds?', description: 'Impact funds for social enterprises', topics: ['impact finance'] };

  // Failed without the post's dependency on the session's stream: the offer landed after the close.
  const offersPosted = async () => (await a.app.store.readAll({ maxCount: 1000 })).filter((e) => e.type === 'MarketplaceOfferPosted');

  it('refuses a post whose append comes after a concurrent close', async () => {
    const held = a.hold('marketplacePost-');
    const posting = run(a.app, postMarketplaceOffer, { sessionId, cityId: 'strasbourg-fr', ...offer });
    await held.reached;
    await run(b.app, closeMarketplaceSession, { sessionId });
    held.open();
    await expect(posting).rejects.toMatchObject({ code: 'SESSION_CLOSED' });
    expect(await offersPosted()).toEqual([]);
  });

  it('lands a post before a close that comes after it, never after', async () => {
    const posts = Array.from({ length: 8 }, (_, i) => run(i % 2 ? a.app : b.app, postMarketplaceOffer, { sessionId, cityId: i % 4 < 2 ? 'strasbourg-fr' : 'torino-it', ...offer }).catch((error: { code?: string }) => error.code));
    const closing = run(b.app, closeMarketplaceSession, { sessionId });
    const outcomes = await Promise.all(posts);
    const closed = await closing;
    const log = await a.app.store.readAll({ maxCount: 1000 });
    const postedAt = log.filter((e) => e.type === 'MarketplaceOfferPosted').map((e) => e.position.commit);
    expect(postedAt.every((at) => at < closed.position.commit)).toBe(true);
    expect(outcomes.filter((o) => typeof o === 'string').every((code) => code === 'SESSION_CLOSED')).toBe(true);
    expect(postedAt.length + outcomes.filter((o) => typeof o === 'string').length).toBe(8);
  });

  describe("a practice offered once per session, each offer in its own stream", () => {
    let practiceId: string;
    beforeEach(async () => {
      const proposed = await run(a.app, proposePractice, {
        cityId: 'strasbourg-fr', cityName: 'Strasbourg', title: 'Local currency', summary: 'A local currency for social enterprises.', topics: ['impact finance'], contact: { name: 'Office', email: 'office@example.org', role: 'office' },
      });
      practiceId = proposed.id;
      await seenBy(b.app, proposed);
    });
    const offerPractice = (app: App) => run(app, postMarketplaceOffer, { sessionId, cityId: 'strasbourg-fr', practiceId }).catch((error: { code?: string }) => error.code);

    // Each offer has its own stream: without the claim's stream both offers of the practice landed.
    it('refuses an offer of the practice whose append comes after another offer of it', async () => {
      const held = a.hold('marketplacePost-');
      const first = offerPractice(a.app);
      await held.reached;
      await run(b.app, postMarketplaceOffer, { sessionId, cityId: 'strasbourg-fr', practiceId });
      held.open();
      expect(await first).toBe('PRACTICE_ALREADY_OFFERED');
      expect(await offersPosted()).toHaveLength(1);
      expect(await typesOf(claimStream(sessionId, { practiceId }))).toEqual(['MarketplaceClaimTaken']);
    });

    it('lands one offer of the practice when several processes offer it at once', async () => {
      const outcomes = await Promise.all([a.app, b.app, a.app, b.app].map(offerPractice));
      expect(outcomes.filter((outcome) => typeof outcome === 'string')).toEqual(['PRACTICE_ALREADY_OFFERED', 'PRACTICE_ALREADY_OFFERED', 'PRACTICE_ALREADY_OFFERED']);
      expect(await offersPosted()).toHaveLength(1);
    });

    it('offers the practice again once its offer is withdrawn, the claim released with the withdrawal', async () => {
      const first = await run(a.app, postMarketplaceOffer, { sessionId, cityId: 'strasbourg-fr', practiceId });
      const offerId = (first.events[0]!.data as { offerId: string }).offerId;
      await run(b.app, withdrawMarketplacePost, { sessionId, postId: offerId });
      await run(a.app, postMarketplaceOffer, { sessionId, cityId: 'strasbourg-fr', practiceId });
      expect(await typesOf(claimStream(sessionId, { practiceId }))).toEqual(['MarketplaceClaimTaken', 'MarketplaceClaimReleased', 'MarketplaceClaimTaken']);
    });
  });

  it('lands one need of a learning need when several processes post it at once', async () => {
    const raised = await run(a.app, raiseLearningNeed, { networkId, cityId: 'torino-it', kind: 'learning', topics: ['impact finance'], description: 'How to develop new impact funds?' });
    await seenBy(b.app, raised);
    const postNeed = (app: App) => run(app, postMarketplaceNeed, { sessionId, cityId: 'torino-it', kind: 'learning', learningNeedId: raised.id }).catch((error: { code?: string }) => error.code);
    const outcomes = await Promise.all([a.app, b.app, a.app, b.app].map(postNeed));
    expect(outcomes.filter((outcome) => typeof outcome === 'string')).toEqual(['LEARNING_NEED_ALREADY_POSTED', 'LEARNING_NEED_ALREADY_POSTED', 'LEARNING_NEED_ALREADY_POSTED']);
    expect(await typesOf(claimStream(sessionId, { learningNeedId: raised.id }))).toEqual(['MarketplaceClaimTaken']);
  });

  describe('answers to a match', () => {
    let offerId: string;
    let needId: string;
    let matchId: string;
    beforeEach(async () => {
      const offered = await run(a.app, postMarketplaceOffer, { sessionId, cityId: 'strasbourg-fr', ...offer });
      const needed = await run(a.app, postMarketplaceNeed, { sessionId, cityId: 'torino-it', ...need });
      offerId = (offered.events[0]!.data as { offerId: string }).offerId;
      needId = (needed.events[0]!.data as { needId: string }).needId;
      matchId = `${needId}-${offerId}`;
      await seenBy(b.app, needed);
    });

    // Failed without the answer's dependency on the offer's stream: the match was agreed on a withdrawn offer.
    it('refuses an acceptance whose append comes after a concurrent withdrawal of the offer', async () => {
      await run(a.app, respondToMarketplaceMatch, { matchId, cityId: 'torino-it', accept: true });
      const held = a.hold('marketplaceMatch-');
      const accepting = run(a.app, respondToMarketplaceMatch, { matchId, cityId: 'strasbourg-fr', accept: true });
      await held.reached;
      await run(b.app, withdrawMarketplacePost, { sessionId, postId: offerId });
      held.open();
      await expect(accepting).rejects.toMatchObject({ code: 'POST_WITHDRAWN' });
      expect(await typesOf(matchStream(sessionId, matchId))).toEqual(['MarketplaceMatchAccepted']);
    });

    it('agrees the match once when both sides accept at the same time, from two processes', async () => {
      await Promise.all([
        run(a.app, respondToMarketplaceMatch, { matchId, cityId: 'torino-it', accept: true }),
        run(b.app, respondToMarketplaceMatch, { matchId, cityId: 'strasbourg-fr', accept: true }),
      ]);
      expect(await typesOf(matchStream(sessionId, matchId))).toEqual(['MarketplaceMatchAccepted', 'MarketplaceMatchAccepted', 'MarketplaceMatchAgreed']);
    });

    it('agrees the match once when both sides accept at the same time, in one process', async () => {
      await Promise.all([
        run(a.app, respondToMarketplaceMatch, { matchId, cityId: 'torino-it', accept: true }),
        run(a.app, respondToMarketplaceMatch, { matchId, cityId: 'strasbourg-fr', accept: true }),
      ]);
      expect(await typesOf(matchStream(sessionId, matchId))).toEqual(['MarketplaceMatchAccepted', 'MarketplaceMatchAccepted', 'MarketplaceMatchAgreed']);
    });

    it("writes nothing to the session's own stream but its opening", async () => {
      expect(await typesOf(sessionStream(sessionId))).toEqual(['MarketplaceSessionOpened']);
    });
  });
});
