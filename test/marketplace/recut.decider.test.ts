import { describe, expect, it } from 'vitest';
import { claimDecider, postDecider, type PostStreamCommand } from '../../domain/marketplace/posts.js';
import type { SessionPost } from '../../domain/marketplace/decider.js';
import type { MarketplaceEvent } from '../../domain/marketplace/events.js';
import { matchDecider, type MatchFacts, type MatchStreamCommand } from '../../domain/marketplace/match.js';
import { sessionDecider, type SessionFacts } from '../../domain/marketplace/session.js';
import { deciderSpec } from '../support/deciderSpec.js';
import { MEETING, NEED_TORINO, NETWORK, OFFER_GDANSK, OFFER_STRASBOURG, PRACTICE_GDANSK, acceptedByNeed, acceptedByOffer, agreed, matchId, meetingScheduled, offerGdansk, offerStrasbourg, opened } from './fixtures.js';

/**
 * The deciders of the re-cut layout (docs/marketplace.md, "Streams"), each on its own stream: what
 * the session's, the claims' or the posts' streams hold comes in the command, as the use case read
 * it. Every rule is also specified through the single-stream decider (marketplace.decider.test.ts),
 * which is made of the same rules.
 */
const closed: MarketplaceEvent = { type: 'MarketplaceSessionClosed', data: { reason: '' } };
const open: SessionFacts = { status: 'open', scope: 'network', networkIds: [NETWORK], otherCountryOnly: false };
const closedSession: SessionFacts = { ...open, status: 'closed' };
const withdrawn: MarketplaceEvent = { type: 'MarketplacePostWithdrawn', data: { postId: OFFER_GDANSK, side: 'offer', cityId: 'gdansk-pl', reason: '' } };

describe("the session's stream", () => {
  const spec = deciderSpec(sessionDecider);

  it('opens the session', () => {
    spec.given([]).when({ type: 'OpenSession', data: { title: 'BoostInno marketplace, Gdansk', description: '', networkIds: [NETWORK], otherCountryOnly: false, heldOn: '2016-03-14', place: 'Gdansk', networks: { [NETWORK]: 'open' } } }).then([opened]);
  });

  it('closes an open session', () => {
    spec.given([opened]).when({ type: 'CloseSession', data: { reason: '' } }).then([closed]);
  });

  it('refuses to close it twice', () => {
    spec.given([opened, closed]).when({ type: 'CloseSession', data: { reason: '' } }).thenFails('SESSION_CLOSED');
  });

  it("keeps the session's facts only, whatever else its stream holds", () => {
    const state = [opened, offerStrasbourg, closed].reduce(sessionDecider.evolve, sessionDecider.initialState());
    expect(state).toEqual({ status: 'closed', scope: 'network', networkIds: [NETWORK], otherCountryOnly: false });
  });
});

describe("a post's stream", () => {
  const spec = deciderSpec(postDecider);
  const practice = { practiceId: PRACTICE_GDANSK, cityId: 'gdansk-pl', title: 'Creative mapping', summary: 'Horizontal management based on creative mapping of challenges and resources.', topics: ['mapping'], contact: null, withdrawn: false };
  const offerPractice = (session: SessionFacts, claimHolder?: string, offerId = OFFER_GDANSK): PostStreamCommand => ({
    type: 'PostOffer',
    data: { offerId, cityId: 'gdansk-pl', practiceId: PRACTICE_GDANSK, title: null, description: null, topics: [], contact: null, participant: { name: 'Gdansk', networkId: NETWORK }, practice },
    session,
    claimHolder,
  });
  const withdraw: PostStreamCommand = { type: 'WithdrawPost', data: { postId: OFFER_GDANSK, reason: '' }, session: open, claimHolder: undefined };

  it('posts an offer while the session it read is open', () => {
    spec.given([]).when(offerPractice(open)).then([offerGdansk]);
  });

  it('refuses a post when the session it read is closed', () => {
    spec.given([]).when(offerPractice(closedSession)).thenFails('SESSION_CLOSED');
  });

  it('refuses a post when the session does not exist', () => {
    spec.given([]).when(offerPractice({ status: 'none', networkIds: [], otherCountryOnly: false })).thenFails('SESSION_NOT_FOUND');
  });

  it('refuses a practice whose claim another open offer holds', () => {
    spec.given([]).when(offerPractice(open, OFFER_STRASBOURG)).thenFails('PRACTICE_ALREADY_OFFERED');
  });

  it('refuses a second post of the same id', () => {
    spec.given([offerGdansk]).when(offerPractice(open)).thenFails('POST_ALREADY_EXISTS');
  });

  it('withdraws the post', () => {
    spec.given([offerGdansk]).when(withdraw).then([withdrawn]);
  });

  it('withdraws a withdrawn post as a no-op', () => {
    spec.given([offerGdansk, withdrawn]).when(withdraw).then([]);
  });

  it('refuses to withdraw a post that was never posted', () => {
    spec.given([]).when(withdraw).thenFails('POST_NOT_FOUND');
  });

  it('refuses a withdrawal once the session it read is closed', () => {
    spec.given([offerGdansk]).when({ ...withdraw, session: closedSession }).thenFails('SESSION_CLOSED');
  });
});

describe("a claim's stream (a practice's, in one session)", () => {
  const spec = deciderSpec(claimDecider);
  const taken: MarketplaceEvent = { type: 'MarketplaceClaimTaken', data: { postId: OFFER_GDANSK } };
  const released: MarketplaceEvent = { type: 'MarketplaceClaimReleased', data: { postId: OFFER_GDANSK } };

  it('is taken by the post posted with it', () => {
    spec.given([]).when([offerGdansk]).then([taken]);
  });

  it('refuses a post while another post holds it', () => {
    spec.given([taken]).when([{ ...offerGdansk, data: { ...offerGdansk.data, offerId: OFFER_STRASBOURG } } as MarketplaceEvent]).thenFails('CLAIM_ALREADY_TAKEN');
  });

  it('is released when its post is withdrawn', () => {
    spec.given([taken]).when([withdrawn]).then([released]);
  });

  it('is taken again once released', () => {
    const again = { ...offerGdansk, data: { ...offerGdansk.data, offerId: OFFER_STRASBOURG } } as MarketplaceEvent;
    spec.given([taken, released]).when([again]).then([{ type: 'MarketplaceClaimTaken', data: { postId: OFFER_STRASBOURG } }]);
  });

  it('stays with its post when another post is withdrawn', () => {
    spec.given([taken]).when([{ ...withdrawn, data: { ...withdrawn.data, postId: OFFER_STRASBOURG } } as MarketplaceEvent]).then([]);
  });
});

describe("a match's stream", () => {
  const spec = deciderSpec(matchDecider);
  const post = (side: 'need' | 'offer', cityId: string, country: string, open = true): SessionPost => ({
    side, cityId, country, networkId: NETWORK, title: side === 'need' ? 'How to develop new impact funds?' : 'Local currency and impact funds', open, practiceId: null, learningNeedId: null,
  });
  const facts = (over: Partial<MatchFacts> = {}): MatchFacts => ({ session: open, need: post('need', 'torino-it', 'IT'), offer: post('offer', 'strasbourg-fr', 'FR'), ...over });
  const respond = (cityId: string, accept: boolean, over: Partial<MatchFacts> = {}): MatchStreamCommand => ({
    type: 'RespondToMatch',
    data: { needId: NEED_TORINO, offerId: OFFER_STRASBOURG, cityId, accept, note: '', suggestion: null },
    facts: facts(over),
  });
  const schedule: MatchStreamCommand = {
    type: 'ScheduleMatchMeeting',
    data: { matchId, format: 'siteVisit', date: '2016-05-10', hostCityId: null, title: null, meetingId: MEETING, recordedIn: 'journey' },
    facts: facts(),
  };

  it('records the first answer', () => {
    spec.given([]).when(respond('torino-it', true)).then([acceptedByNeed]);
  });

  it('agrees when the other side accepts', () => {
    spec.given([acceptedByNeed]).when(respond('strasbourg-fr', true)).then([acceptedByOffer, agreed]);
  });

  it('refuses an acceptance when the offer it read is withdrawn', () => {
    spec.given([acceptedByNeed]).when(respond('strasbourg-fr', true, { offer: post('offer', 'strasbourg-fr', 'FR', false) })).thenFails('POST_WITHDRAWN');
  });

  it('refuses a new match when the session it read is closed', () => {
    spec.given([]).when(respond('torino-it', true, { session: closedSession })).thenFails('SESSION_CLOSED');
  });

  it('answers a match under way in a closed session', () => {
    spec.given([acceptedByNeed]).when(respond('strasbourg-fr', true, { session: closedSession })).then([acceptedByOffer, agreed]);
  });

  it('refuses an offer its city does not hold', () => {
    spec.given([]).when(respond('torino-it', true, { offer: undefined })).thenFails('OFFER_NOT_FOUND');
  });

  it('refuses cities of one country where the session wants other countries', () => {
    spec.given([]).when(respond('torino-it', true, { session: { ...open, otherCountryOnly: true }, offer: post('offer', 'milano-it', 'IT') })).thenFails('SAME_COUNTRY');
  });

  it('schedules the meeting of an agreed match', () => {
    spec.given([acceptedByNeed, acceptedByOffer, agreed]).when(schedule).then([meetingScheduled]);
  });

  it('refuses to schedule a meeting before agreement', () => {
    spec.given([acceptedByNeed]).when(schedule).thenFails('MATCH_NOT_AGREED');
  });
});
