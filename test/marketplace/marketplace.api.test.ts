import { describe, expect, it } from 'vitest';
import { learningNeedDecider } from '../../domain/learningNeed/decider.js';
import { networkDecider } from '../../domain/network/decider.js';
import { networkSnapshotOf } from '../../domain/network/snapshot.js';
import { streamIdOf } from '../../domain/shared/decider.js';
import { systemActor } from '../../src/auth/actor.js';
import { useTestApp } from '../support/testApp.js';
import { commandDocument, openSse, useBoostInnoNetwork } from '../support/api.js';

const OPEN = commandDocument('openMarketplaceSession', 'aggregateId session { id sessionId scope status networkIds }');
const OFFER = commandDocument('postMarketplaceOffer', 'offer { id offerId kind title topics cityName country practice { title } }');
const NEED = commandDocument('postMarketplaceNeed', 'need { id needId title topics learningNeedId }');
const RESPOND = commandDocument('respondToMarketplaceMatch', 'match { id matchId status needAnswer offerAnswer suggestedScore suggestedBecause }');
const SCHEDULE = commandDocument(
  'scheduleMarketplaceMeeting',
  'match { meeting { meetingId format date hostCityId onJourney title } need { meetings { meetingId } } }',
);
const SUGGESTIONS = /* GraphQL */ `
  query($id: ID!, $cityId: String!) {
    marketplaceSession(id: $id) {
      suggestionsForCity(cityId: $cityId) {
        helpsMe { score offerCityId needCityId sharedTopics matchedTerms parts { topics text label } explanation offer { title } }
        iCanHelp { score offerCityId needCityId sharedTopics need { title } }
      }
    }
  }
`;

describe('the marketplace through the API', () => {
  const t = useTestApp();
  const f = useBoostInnoNetwork(t);
  let sessionId: string;
  let torinoNeedId: string;
  let strasbourgOfferId: string;
  let learningNeedId: string;

  it('lets the lead expert open a session for the network; not coordinators', async () => {
    const input = { title: 'BoostInno marketplace, Gdansk', networkIds: [f.networkId], heldOn: '2016-03-14', place: 'Gdansk' };
    const before = await t.app.store.headPosition();
    expect((await t.gql(OPEN, { input }, f.torino)).data!.openMarketplaceSession.__typename).toBe('ForbiddenError');
    expect((await t.gql(OPEN, { input: { ...input, networkIds: [] } }, f.expert)).data!.openMarketplaceSession.__typename).toBe('ForbiddenError');
    expect(await t.app.store.headPosition()).toEqual(before);
    const res = await t.gql(OPEN, { input }, f.expert);
    expect(res.data!.openMarketplaceSession).toMatchObject({ session: { scope: 'network', status: 'open', networkIds: [f.networkId] } });
    sessionId = res.data!.openMarketplaceSession.aggregateId;
  });

  it('refuses bad input with typed errors, writing nothing', async () => {
    const before = await t.app.store.headPosition();
    const bad = await t.gql(OPEN, { input: { title: '', networkIds: ['nope'], heldOn: '14/03/2016' } }, f.secretariat);
    expect(bad.data!.openMarketplaceSession.__typename).toBe('InputValidationError');
    expect(bad.data!.openMarketplaceSession.issues.map((i: { path: string[] }) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['input.title', 'input.networkIds.0', 'input.heldOn']),
    );
    const offer = await t.gql(OFFER, { input: { sessionId, cityId: 'strasbourg', topics: ['x'.repeat(61)] } }, f.secretariat);
    expect(offer.data!.postMarketplaceOffer.__typename).toBe('InputValidationError');
    const unknown = await t.gql(OPEN, { input: { title: 'x', networkIds: ['01JAAAAAAAAAAAAAAAAAAAAAAA'] } }, f.secretariat);
    expect(unknown.data!.openMarketplaceSession).toMatchObject({ __typename: 'RuleViolationError', code: 'NETWORK_NOT_FOUND' });
    expect(await t.app.store.headPosition()).toEqual(before);
  });

  it('takes offers and needs from partner cities, for their own city only', async () => {
    const offer = await t.gql(
      OFFER,
      {
        input: {
          sessionId,
          cityId: 'strasbourg-fr',
          title: 'Local currency and social impact funds',
          description: 'Public support to a local currency, the Stück, and funds investing in social enterprises with measured impact.',
          topics: ['impact finance', 'social economy'],
        },
      },
      f.strasbourg,
    );
    expect(offer.data!.postMarketplaceOffer.offer).toMatchObject({ kind: 'experience', cityName: 'Strasbourg', country: 'FR' });
    strasbourgOfferId = offer.data!.postMarketplaceOffer.offer.offerId;
    await t.gql(
      OFFER,
      {
        input: {
          sessionId,
          cityId: 'paris-fr',
          title: 'Public procurement for social entrepreneurs',
          description: 'Public procurement rules that give possibilities to social entrepreneurs.',
          topics: ['public procurement'],
        },
      },
      f.secretariat,
    );

    // Torino's need comes from a learning need of its journey (issue 3's learning-need aggregate).
    const { state } = await t.app.commands.load(networkDecider, streamIdOf('network', f.networkId));
    const raised = await t.app.execute(
      learningNeedDecider,
      { create: learningNeedDecider.category },
      {
        type: 'RaiseLearningNeed',
        data: {
          cityId: 'torino-it',
          kind: 'learning',
          topics: ['impact finance', 'social enterprises'],
          description: 'How to develop new impact funds for social enterprises?',
          priority: 'high',
          network: networkSnapshotOf(f.networkId, state)!,
        },
      },
      { actor: systemActor },
    );
    learningNeedId = raised.id;
    const need = await t.gql(NEED, { input: { sessionId, cityId: 'torino-it', learningNeedId } }, f.torino);
    expect(need.data!.postMarketplaceNeed.need).toMatchObject({
      title: 'How to develop new impact funds for social enterprises?',
      topics: ['impact finance', 'social enterprises'],
      learningNeedId,
    });
    torinoNeedId = need.data!.postMarketplaceNeed.need.needId;

    const forOther = await t.gql(NEED, { input: { sessionId, cityId: 'strasbourg-fr', title: 'x' } }, f.torino);
    expect(forOther.data!.postMarketplaceNeed.__typename).toBe('ForbiddenError');
    const outsider = await t.gql(NEED, { input: { sessionId, cityId: 'wroclaw-pl', title: 'x' } }, f.secretariat);
    expect(outsider.data!.postMarketplaceNeed).toMatchObject({ __typename: 'RuleViolationError', code: 'CITY_NOT_IN_SESSION' });
  });

  it('suggests matches both ways, each with its reasons', async () => {
    const forTorino = await t.gql(SUGGESTIONS, { id: sessionId, cityId: 'torino-it' }, f.torino);
    expect(forTorino.errors).toBeUndefined();
    const [best] = forTorino.data!.marketplaceSession.suggestionsForCity.helpsMe;
    expect(best).toMatchObject({ offerCityId: 'strasbourg-fr', needCityId: 'torino-it', sharedTopics: ['impact finance'] });
    expect(best.matchedTerms).toEqual(expect.arrayContaining(['impact', 'funds', 'social', 'enterprises']));
    expect(best.score).toBeCloseTo(best.parts.topics + best.parts.text + best.parts.label, 4);
    expect(best.explanation).toMatch(/shares the topic impact finance/);
    const forStrasbourg = await t.gql(SUGGESTIONS, { id: sessionId, cityId: 'strasbourg-fr' }, f.strasbourg);
    const [helps] = forStrasbourg.data!.marketplaceSession.suggestionsForCity.iCanHelp;
    expect(helps).toMatchObject({ needCityId: 'torino-it', score: best.score, need: { title: 'How to develop new impact funds for social enterprises?' } });
  });

  it('answers a match by the id its suggestion gives: both sides accept, each city only for itself', async () => {
    const suggested = await t.gql(
      `query($id: ID!) { marketplaceSession(id: $id) { suggestionsForCity(cityId: "torino-it") { helpsMe { matchId offerCityId } } } }`,
      { id: sessionId },
      f.torino,
    );
    const suggestion = suggested.data!.marketplaceSession.suggestionsForCity.helpsMe.find((s: { offerCityId: string }) => s.offerCityId === 'strasbourg-fr');
    expect(suggestion.matchId).toBe(`${torinoNeedId}-${strasbourgOfferId}`);
    const input = { matchId: suggestion.matchId };
    const forged = await t.gql(RESPOND, { input: { ...input, cityId: 'strasbourg-fr', accept: true } }, f.torino);
    expect(forged.data!.respondToMarketplaceMatch.__typename).toBe('ForbiddenError');
    const first = await t.gql(RESPOND, { input: { ...input, cityId: 'torino-it', accept: true, note: 'Very interested' } }, f.torino);
    expect(first.data!.respondToMarketplaceMatch.match).toMatchObject({ status: 'proposed', needAnswer: 'accepted', offerAnswer: null, matchId: suggestion.matchId });
    expect(first.data!.respondToMarketplaceMatch.match.suggestedBecause).toContain('topic: impact finance');
    // The other side answers with the match's global id, as a query returned it.
    const second = await t.gql(RESPOND, { input: { matchId: first.data!.respondToMarketplaceMatch.match.id, cityId: 'strasbourg-fr', accept: true } }, f.strasbourg);
    expect(second.data!.respondToMarketplaceMatch.match).toMatchObject({ status: 'agreed', offerAnswer: 'accepted' });
  });

  it('refuses an answer to a match whose need no session has, writing nothing', async () => {
    const before = await t.app.store.headPosition();
    const unknown = await t.gql(RESPOND, { input: { matchId: `${'0'.repeat(26)}-${strasbourgOfferId}`, cityId: 'torino-it', accept: true } }, f.torino);
    expect(unknown.data!.respondToMarketplaceMatch).toMatchObject({ __typename: 'NotFoundError' });
    const malformed = await t.gql(RESPOND, { input: { matchId: torinoNeedId, cityId: 'torino-it', accept: true } }, f.torino);
    expect(malformed.data!.respondToMarketplaceMatch.__typename).toBe('InputValidationError');
    expect(await t.app.store.headPosition()).toEqual(before);
  });

  it('schedules a site visit on the journey for the agreed match; the needs record it', async () => {
    const matchId = `${torinoNeedId}-${strasbourgOfferId}`;
    const visit = { sessionId, matchId, format: 'siteVisit', date: '2016-05-10' };
    expect((await t.gql(SCHEDULE, { input: visit }, f.braga)).data!.scheduleMarketplaceMeeting.__typename).toBe(
      'ForbiddenError',
    );
    const wrongHost = await t.gql(SCHEDULE, { input: { ...visit, hostCityId: 'torino-it' } }, f.torino);
    expect(wrongHost.data!.scheduleMarketplaceMeeting).toMatchObject({ code: 'SITE_VISIT_AT_GIVING_CITY' });
    const outside = await t.gql(SCHEDULE, { input: { ...visit, date: '2019-01-01' } }, f.torino);
    expect(outside.data!.scheduleMarketplaceMeeting).toMatchObject({ code: 'OUTSIDE_NETWORK_DATES' });

    const res = await t.gql(SCHEDULE, { input: visit }, f.torino);
    expect(res.errors).toBeUndefined();
    const match = res.data!.scheduleMarketplaceMeeting.match;
    expect(match.meeting).toMatchObject({ format: 'siteVisit', date: '2016-05-10', hostCityId: 'strasbourg-fr', onJourney: true });
    expect(match.need.meetings.map((m: { meetingId: string }) => m.meetingId)).toEqual([match.meeting.meetingId]);

    // On the journey: a study visit of the network, and the learning need it addresses.
    const meeting = t.app.readModels.get<{ kind: string; network_id: string; origin_kind: string; origin_id: string }>(
      'SELECT * FROM meetings WHERE id = ?',
      [match.meeting.meetingId],
    );
    expect(meeting).toMatchObject({ kind: 'studyVisit', network_id: f.networkId, origin_kind: 'marketplaceMatch', origin_id: matchId });
    const { state } = await t.app.commands.load(learningNeedDecider, streamIdOf(learningNeedDecider.category, learningNeedId));
    expect(state.status).toBe('addressed');
    expect(state.addressedBy).toEqual([`meeting:${match.meeting.meetingId}`]);

    const again = await t.gql(SCHEDULE, { input: visit }, f.torino);
    expect(again.data!.scheduleMarketplaceMeeting).toMatchObject({ code: 'MEETING_ALREADY_SCHEDULED' });
  });

  it('pushes new offers, needs and matches to everyone watching the board (SSE)', async () => {
    const board = await openSse(
      t,
      `subscription($id: ID!) { marketplaceBoard(sessionId: $id) {
        kind offer { title cityId } need { title }
        suggestions { score needCityId offerCityId sharedTopics } } }`,
      { id: sessionId },
      f.braga,
    );
    expect(board.status).toBe(200);
    expect(board.contentType).toMatch(/text\/event-stream/);
    const expertBoard = await openSse(t, `subscription($id: ID!) { marketplaceBoard(sessionId: $id) { kind sessionId offer { cityId } suggestions { needCityId } } }`, { id: sessionId }, f.expert);
    await new Promise((resolve) => setTimeout(resolve, 100));
    try {
      await t.gql(
        OFFER,
        {
          input: {
            sessionId,
            cityId: 'braga-pt',
            title: 'A social enterprise funding local NGOs',
            description: 'A social enterprise contributing its profits to local NGOs: impact funds for social enterprises.',
            topics: ['social enterprises'],
          },
        },
        f.braga,
      );
      const [event] = await board.waitFor(1);
      expect(event!.data!.marketplaceBoard).toMatchObject({
        kind: 'offerPosted',
        offer: { title: 'A social enterprise funding local NGOs', cityId: 'braga-pt' },
        need: null,
      });
      // The new matches: Torino's need, which the offer answers.
      expect(event!.data!.marketplaceBoard.suggestions[0]).toMatchObject({ needCityId: 'torino-it', offerCityId: 'braga-pt', sharedTopics: ['social enterprises'] });
      // Everyone watching gets it, named after its session (the offer is in the city's stream: failed before, naming "<session>_braga-pt").
      const [seen] = await expertBoard.waitFor(1);
      expect(seen!.data!.marketplaceBoard).toEqual({ kind: 'offerPosted', sessionId, offer: { cityId: 'braga-pt' }, suggestions: [{ needCityId: 'torino-it' }] });
    } finally {
      await board.close();
      await expertBoard.close();
    }
  });

  it('keeps the board and the session from outsiders', async () => {
    const anonymous = await t.gql(`query($id: ID!) { marketplaceSession(id: $id) { title } }`, { id: sessionId });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const outsider = await t.token('cityCoordinator', { cityIds: ['wroclaw-pl'] });
    const read = await t.gql(`query($id: ID!) { marketplaceSession(id: $id) { title } }`, { id: sessionId }, outsider);
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const board = await openSse(t, `subscription($id: ID!) { marketplaceBoard(sessionId: $id) { kind } }`, { id: sessionId }, outsider);
    try {
      const [refused] = await board.waitFor(1);
      expect(refused!.data).toBeUndefined();
      expect((refused!.errors as { extensions: { code: string } }[])[0]!.extensions.code).toBe('FORBIDDEN');
    } finally {
      await board.close();
    }
    const lists = await t.gql(`query($n: ID) { marketplaceSessions(networkId: $n) { nodes { title } } }`, { n: f.networkId }, outsider);
    expect(lists.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const mine = await t.gql(`query($n: ID) { marketplaceSessions(networkId: $n) { nodes { title } } }`, { n: f.networkId }, f.torino);
    expect(mine.data!.marketplaceSessions.nodes).toEqual([{ title: 'BoostInno marketplace, Gdansk' }]);
  });

  it('answers a retried scheduling with the first result, scheduling nothing twice', async () => {
    const offers = await t.gql(`query($id: ID!) { marketplaceSession(id: $id) { offers(cityId: "braga-pt") { nodes { offerId } } } }`, { id: sessionId }, f.torino);
    const bragaOfferId = offers.data!.marketplaceSession.offers.nodes[0].offerId;
    const input = { matchId: `${torinoNeedId}-${bragaOfferId}` };
    await t.gql(RESPOND, { input: { ...input, cityId: 'torino-it', accept: true } }, f.torino);
    const agreed = await t.gql(RESPOND, { input: { ...input, cityId: 'braga-pt', accept: true } }, f.braga);
    expect(agreed.data!.respondToMarketplaceMatch.match.status).toBe('agreed');
    const meeting = {
      sessionId,
      matchId: `${torinoNeedId}-${bragaOfferId}`,
      format: 'bilateralMeeting',
      date: '2016-06-01',
      hostCityId: 'torino-it',
      idempotencyKey: 'bilateral-torino-braga',
    };
    const first = await t.gql(SCHEDULE, { input: meeting }, f.braga);
    expect(first.data!.scheduleMarketplaceMeeting.match.meeting).toMatchObject({ format: 'bilateralMeeting', hostCityId: 'torino-it', onJourney: true });
    const head = await t.app.store.headPosition();
    const retry = await t.gql(SCHEDULE, { input: meeting }, f.braga);
    expect(retry.data!.scheduleMarketplaceMeeting.match.meeting.meetingId).toBe(first.data!.scheduleMarketplaceMeeting.match.meeting.meetingId);
    expect(await t.app.store.headPosition()).toEqual(head);
    const bilateral = t.app.readModels.get<{ kind: string; partner_city_ids: string }>('SELECT * FROM meetings WHERE id = ?', [
      first.data!.scheduleMarketplaceMeeting.match.meeting.meetingId,
    ]);
    expect(bilateral).toMatchObject({ kind: 'bilateralMeeting' });
    expect(JSON.parse(bilateral!.partner_city_ids)).toEqual(['torino-it', 'braga-pt']);
  });

  it('closes the session: no new posts, matches under way go on', async () => {
    const CLOSE = `mutation($input: CloseMarketplaceSessionInput!) { closeMarketplaceSession(input: $input) { __typename
      ... on CloseMarketplaceSessionPayload { session { status } } ... on Error { code } } }`;
    expect((await t.gql(CLOSE, { input: { sessionId } }, f.torino)).data!.closeMarketplaceSession.__typename).toBe('ForbiddenError');
    expect((await t.gql(CLOSE, { input: { sessionId, reason: 'end of the meeting' } }, f.expert)).data!.closeMarketplaceSession).toEqual({
      __typename: 'CloseMarketplaceSessionPayload',
      session: { status: 'closed' },
    });
    const late = await t.gql(NEED, { input: { sessionId, cityId: 'torino-it', title: 'Late need' } }, f.torino);
    expect(late.data!.postMarketplaceNeed).toMatchObject({ code: 'SESSION_CLOSED' });
  });
});
