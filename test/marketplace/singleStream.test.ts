import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarketplaceEvent } from '../../domain/marketplace/events.js';
import { matchStream, postStream, sessionStream } from '../../domain/marketplace/streams.js';
import { findMatch, findSession } from '../../projections/marketplace/queries.js';
import type { App } from '../../src/app.js';
import {
  closeMarketplaceSession,
  postMarketplaceOffer,
  respondToMarketplaceMatch,
  scheduleMarketplaceMeeting,
  withdrawMarketplacePost,
} from '../../src/application/marketplace.js';
import { joinNetwork, registerNetwork } from '../../src/application/network.js';
import type { UseCase } from '../../src/application/useCase.js';
import { systemActor } from '../../src/auth/actor.js';
import { appOn, tempDir } from '../projections/support.js';
import { needTorino, offerStrasbourg, opened } from './fixtures.js';

/**
 * A session written before the re-cut: every event in `marketplace-<sessionId>`. It keeps working
 * (docs/marketplace.md, "Streams"): its commands go on to that stream, decided by the
 * single-stream decider, made of the same rules.
 */
const SESSION = '01JA1DSESS10N0000000000001';
// Ids a client can send (the shared fixtures' are not all valid ULIDs).
const NEED = '01JA1DNEED0000000000000001';
const OFFER = '01JA1D0FFER000000000000001';
const matchId = `${NEED}-${OFFER}`;

const run = <I>(app: App, useCase: UseCase, input: I) =>
  useCase.run(app, useCase.input.parse(input), { actor: systemActor }) as Promise<{ id: string; events: readonly { type: string; data: unknown }[]; position: { commit: bigint } }>;

const recorded = (event: MarketplaceEvent) => {
  const now = new Date().toISOString();
  const id = randomUUID();
  return { id, type: event.type, data: event.data, metadata: { actor: 'system', recordedAt: now, occurredAt: now, commandId: id, correlationId: id, causationId: id } };
};

describe('a session written in one stream, before the re-cut', () => {
  const data = tempDir('ledger-single-stream-');
  let app: App;
  const typesOf = async (streamId: string) => (await app.store.readStream(streamId)).map((e) => e.type);

  beforeAll(async () => {
    app = await appOn(data.dir);
    const network = await run(app, registerNetwork, { name: 'BoostInno', kind: 'actionPlanning', theme: 'Social innovation', startDate: '2015-09-01', endDate: '2018-05-31' });
    for (const [cityId, name, country] of [['torino-it', 'Torino', 'IT'], ['strasbourg-fr', 'Strasbourg', 'FR']]) {
      await run(app, joinNetwork, { networkId: network.id, cityId, name, country });
    }
    const withNetwork = (event: MarketplaceEvent) => ({ ...event, data: { ...event.data, networkId: network.id } }) as MarketplaceEvent;
    const offer = { ...offerStrasbourg, data: { ...offerStrasbourg.data, offerId: OFFER } } as MarketplaceEvent;
    const need = { ...needTorino, data: { ...needTorino.data, needId: NEED } } as MarketplaceEvent;
    const old = [{ ...opened, data: { ...opened.data, networkIds: [network.id] } } as MarketplaceEvent, withNetwork(offer), withNetwork(need)];
    const written = await app.store.appendToStream(sessionStream(SESSION), old.map(recorded), { expectedRevision: 'no_stream' });
    expect(await app.projections.waitFor(written.position, 10_000)).toBe(true);
  });
  afterAll(async () => {
    await app.close();
    data.cleanup();
  });

  it('takes a new post into the session\'s stream, not a stream of its own', async () => {
    const posted = await run(app, postMarketplaceOffer, { sessionId: SESSION, cityId: 'torino-it', title: 'Urban gardens', description: 'How Torino runs its urban gardens.', topics: ['food'] });
    const { offerId } = posted.events[0]!.data as { offerId: string };
    expect(await typesOf(postStream(SESSION, offerId))).toEqual([]);
    expect((await typesOf(sessionStream(SESSION))).at(-1)).toBe('MarketplaceOfferPosted');
  });

  it('answers, agrees and schedules a match of its posts in the session\'s stream', async () => {
    await run(app, respondToMarketplaceMatch, { matchId, cityId: 'torino-it', accept: true });
    await run(app, respondToMarketplaceMatch, { matchId, cityId: 'strasbourg-fr', accept: true });
    await run(app, scheduleMarketplaceMeeting, { sessionId: SESSION, matchId, format: 'siteVisit', date: '2016-05-10' });
    expect(await typesOf(matchStream(SESSION, matchId))).toEqual([]);
    expect((await typesOf(sessionStream(SESSION))).slice(-4)).toEqual(['MarketplaceMatchAccepted', 'MarketplaceMatchAccepted', 'MarketplaceMatchAgreed', 'MarketplaceMeetingScheduled']);
    expect(findMatch(app.readModels, matchId)).toMatchObject({ session_id: SESSION, status: 'agreed', need_id: NEED, offer_id: OFFER });
  });

  it('keeps its rules over the posts written before: an agreed match cannot be declined', async () => {
    await expect(run(app, respondToMarketplaceMatch, { matchId, cityId: 'torino-it', accept: false })).rejects.toMatchObject({ code: 'MATCH_ALREADY_AGREED' });
  });

  it('withdraws one of its posts by id, then closes, in the session\'s stream', async () => {
    await run(app, withdrawMarketplacePost, { sessionId: SESSION, postId: NEED });
    await run(app, closeMarketplaceSession, { sessionId: SESSION });
    expect((await typesOf(sessionStream(SESSION))).slice(-2)).toEqual(['MarketplacePostWithdrawn', 'MarketplaceSessionClosed']);
    expect(findSession(app.readModels, SESSION)).toMatchObject({ status: 'closed' });
  });

  it('refuses a post once closed', async () => {
    await expect(run(app, postMarketplaceOffer, { sessionId: SESSION, cityId: 'torino-it', title: 'Late', description: 'Too late.' })).rejects.toMatchObject({ code: 'SESSION_CLOSED' });
  });
});
