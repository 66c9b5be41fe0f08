import { describe, expect, it } from 'vitest';
import { partnersProjection } from '../../projections/network/partners.js';
import { closestPeers, communityMap } from '../../projections/communityMap/communityMap.js';
import { peerReviewsProjection } from '../../projections/peerReview/peerReviews.js';
import { practicesProjection } from '../../projections/practice/practices.js';
import { citySuggestions, findMatch, findSession, listPosts, meetingsOfNeed } from '../../projections/marketplace/queries.js';
import { findPractice, listPractices } from '../../projections/practice/queries.js';
import { listPeerReviews, recommendationsOfReview, followUpsOf, peersOfReview, todosOfReview } from '../../projections/peerReview/queries.js';
import { marketplaceProjection } from '../../projections/marketplace/sessions.js';
import { projectedAndRebuilt, type StreamEvent } from '../support/projectionSpec.js';
import { NEED_TORINO, NETWORK, OFFER_GDANSK, OFFER_STRASBOURG, PRACTICE_GDANSK, matchId, needTorino, offerGdansk, offerStrasbourg, opened, pair } from './fixtures.js';

const SESSION = '01JSESS10N0000000000000001';
const REVIEW = '01JREV1EW00000000000000001';
const S = `marketplace-${SESSION}`;
const P = `practice-${PRACTICE_GDANSK}`;
const R = `peerreview-${REVIEW}`;
const N = `network-${NETWORK}`;
const join = (cityId: string, name: string, country: string): StreamEvent => ({
  streamId: N,
  type: 'PartnerJoined',
  data: { cityId, name, country, partnerKind: 'city', role: 'partner', newcomer: false },
});

const events: StreamEvent[] = [
  join('gdansk-pl', 'Gdansk', 'PL'),
  join('torino-it', 'Torino', 'IT'),
  join('strasbourg-fr', 'Strasbourg', 'FR'),
  {
    streamId: P,
    type: 'PracticeProposed',
    data: {
      cityId: 'gdansk-pl',
      cityName: 'Gdansk',
      country: 'PL',
      networkId: NETWORK,
      title: 'Creative mapping of challenges and resources',
      summary: 'Horizontal management techniques based on creative mapping.',
      topics: ['mapping', 'horizontal management'],
      results: 'Twelve departments map challenges together.',
      contact: { name: 'Anna', email: null, role: '' },
      status: 'lookingForPartners',
    },
    occurredAt: '2016-01-10T00:00:00.000Z',
  },
  { streamId: P, type: 'PracticeRevised', data: { title: 'Creative mapping' } },
  { streamId: P, type: 'GoodPracticeLabelAwarded', data: { year: 2017 } },
  { streamId: P, type: 'PracticePartnershipStatusChanged', data: { status: 'partnershipComplete' } },
  { streamId: S, ...opened, occurredAt: '2016-03-14T09:00:00.000Z' },
  { streamId: S, ...offerStrasbourg },
  { streamId: S, ...offerGdansk },
  { streamId: S, ...needTorino },
  { streamId: S, type: 'MarketplaceMatchAccepted', data: { ...pair, side: 'need', cityId: 'torino-it', note: 'yes', suggestion: { score: 0.9, sharedTopics: ['impact finance'], matchedTerms: ['impact'] } } },
  { streamId: S, type: 'MarketplaceMatchAccepted', data: { ...pair, side: 'offer', cityId: 'strasbourg-fr', note: '', suggestion: null } },
  { streamId: S, type: 'MarketplaceMatchAgreed', data: { matchId, needId: NEED_TORINO, offerId: OFFER_STRASBOURG } },
  {
    streamId: S,
    type: 'MarketplaceMeetingScheduled',
    data: { matchId, needId: NEED_TORINO, offerId: OFFER_STRASBOURG, meetingId: '01JMEET1NG0000000000000001', format: 'siteVisit', date: '2016-05-10', hostCityId: 'strasbourg-fr', networkId: NETWORK, title: 'Site visit', recordedIn: 'marketplace' },
  },
  { streamId: S, type: 'MarketplacePostWithdrawn', data: { postId: OFFER_GDANSK, side: 'offer', cityId: 'gdansk-pl', reason: '' } },
  { streamId: S, type: 'MarketplaceSessionClosed', data: { reason: 'done' } },
  {
    streamId: R,
    type: 'PeerReviewRequested',
    data: { hostCityId: 'braga-pt', hostCityName: 'Braga', hostCountry: 'PT', networkId: NETWORK, challenge: 'Youth exodus', description: '', topics: ['youth'], plannedFor: null },
  },
  { streamId: R, type: 'PeerReviewPeerInvited', data: { cityId: 'torino-it', cityName: 'Torino', country: 'IT', reviewer: 'Giulia' } },
  { streamId: R, type: 'PeerReviewPeerInvited', data: { cityId: 'gdansk-pl', cityName: 'Gdansk', country: 'PL', reviewer: '' } },
  { streamId: R, type: 'PeerReviewInvitationAnswered', data: { cityId: 'torino-it', accepted: true, note: '' } },
  { streamId: R, type: 'PeerReviewInvitationAnswered', data: { cityId: 'gdansk-pl', accepted: true, note: '' } },
  { streamId: R, type: 'PeerReviewHeld', data: { heldOn: '2017-03-02', place: 'Braga', peerCityIds: ['torino-it', 'gdansk-pl'] } },
  {
    streamId: R,
    type: 'PeerReviewRecommendationsRecorded',
    data: { recordedBy: 'torino-it', recommendations: [{ recommendationId: 'R1', text: 'Open a hub', topics: [] }], todos: [{ todoId: 'T1', text: 'Visit', owner: '', dueDate: null }] },
  },
  { streamId: R, type: 'PeerReviewFollowUpRecorded', data: { recommendationId: 'R1', status: 'planned', note: 'budgeted', date: '2017-06-01' } },
  { streamId: R, type: 'PeerReviewFollowUpRecorded', data: { recommendationId: 'R1', status: 'implemented', note: 'hub open', date: '2018-01-15' } },
];

const projections = [partnersProjection, practicesProjection, marketplaceProjection, peerReviewsProjection];

describe('marketplace projections', () => {
  it('rebuild equals the incremental run, and the rows are right', async () => {
    const db = await projectedAndRebuilt(projections, events, 3);

    expect(findPractice(db, PRACTICE_GDANSK)).toMatchObject({ title: 'Creative mapping', label_year: 2017, status: 'partnershipComplete', country: 'PL', revision: 3 });
    expect(listPractices(db, { text: 'horizontal managing' }, 10, 0).map((p) => p.id)).toEqual([PRACTICE_GDANSK]);
    expect(listPractices(db, { text: 'creative', labelled: true, country: 'pl', topic: 'Mapping' }, 10, 0)).toHaveLength(1);
    expect(listPractices(db, { labelled: false }, 10, 0)).toHaveLength(0);
    expect(listPractices(db, { text: '"; DROP TABLE' }, 10, 0)).toHaveLength(0);

    expect(findSession(db, SESSION)).toMatchObject({ status: 'closed', scope: 'network', closed_reason: 'done' });
    expect(listPosts(db, SESSION, 'offer', {}, 10, 0).map((p) => p.id)).toEqual([OFFER_STRASBOURG]);
    expect(listPosts(db, SESSION, 'offer', { includeWithdrawn: true }, 10, 0).map((p) => p.id)).toEqual([OFFER_STRASBOURG, OFFER_GDANSK]);
    expect(findMatch(db, matchId)).toMatchObject({ status: 'agreed', need_answer: 'accepted', offer_answer: 'accepted', need_note: 'yes', meeting_format: 'siteVisit' });
    expect(meetingsOfNeed(db, NEED_TORINO).map((m) => m.meeting_id)).toEqual(['01JMEET1NG0000000000000001']);

    const torino = citySuggestions(db, findSession(db, SESSION)!, 'torino-it');
    expect(torino.helpsMe.map((s) => s.offerId)).toEqual([OFFER_STRASBOURG]);

    expect(listPeerReviews(db, { peerCityId: 'torino-it' }, 10, 0)).toHaveLength(1);
    expect(peersOfReview(db, REVIEW).map((p) => [p.city_id, p.status, p.took_part])).toEqual([
      ['torino-it', 'accepted', 1],
      ['gdansk-pl', 'accepted', 1],
    ]);
    expect(recommendationsOfReview(db, REVIEW)[0]).toMatchObject({ recommendation_id: 'R1', follow_up_status: 'implemented', recorded_by: 'torino-it' });
    expect(todosOfReview(db, REVIEW)).toHaveLength(1);
    expect(followUpsOf(db, REVIEW, 'R1').map((f) => f.status)).toEqual(['planned', 'implemented']);
  });

  it('draws the network as a graph of cities, practices, needs and topics', async () => {
    const db = await projectedAndRebuilt(projections, events.slice(0, 12), 4);
    const map = communityMap(db, NETWORK);
    const kinds = (kind: string) => map.nodes.filter((n) => n.kind === kind).map((n) => n.id).sort();
    expect(kinds('city')).toEqual(['city:gdansk-pl', 'city:strasbourg-fr', 'city:torino-it']);
    // Gdansk's offer of its practice is the practice node; Strasbourg's experience is an offer node.
    expect(kinds('practice')).toEqual([`practice:${PRACTICE_GDANSK}`]);
    expect(kinds('offer')).toEqual([`offer:${OFFER_STRASBOURG}`]);
    expect(kinds('need')).toEqual([`need:${NEED_TORINO}`]);
    expect(kinds('topic')).toContain('topic:impact finance');
    const edge = (kind: string) => map.edges.filter((e) => e.kind === kind);
    expect(edge('gives').map((e) => `${e.source}>${e.target}`)).toContain(`city:gdansk-pl>practice:${PRACTICE_GDANSK}`);
    expect(edge('uses').map((e) => `${e.source}>${e.target}`)).toEqual([`city:torino-it>need:${NEED_TORINO}`]);
    expect(edge('couldHelp')[0]).toMatchObject({ source: `offer:${OFFER_STRASBOURG}`, target: `need:${NEED_TORINO}`, sharedTopics: ['impact finance'] });
    expect(edge('helps').map((e) => `${e.source}>${e.target}`)).toEqual(['city:strasbourg-fr>city:torino-it']);
    expect(edge('agreed')).toEqual([]);

    const peers = closestPeers(db, NETWORK, 'torino-it');
    expect(peers[0]).toMatchObject({ cityId: 'strasbourg-fr', sharedTopics: ['impact finance'] });
    expect(peers[0]!.theyCanHelpWith[0]).toMatchObject({ needId: NEED_TORINO, giveId: OFFER_STRASBOURG });
    expect(peers[0]!.parts.helpsMe).toBeGreaterThan(0);
    expect(closestPeers(db, NETWORK, 'strasbourg-fr')[0]).toMatchObject({ cityId: 'torino-it' });
    expect(closestPeers(db, NETWORK, 'strasbourg-fr')[0]!.iCanHelpWith).toHaveLength(1);
  });
});
