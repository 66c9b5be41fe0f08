import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testApp.js';
import { commandDocument, useBoostInnoNetwork } from '../support/api.js';

const M = (name: string, payload: string) => commandDocument(name, `aggregateId peerReview { ${payload} }`);
const REQUEST = M('requestPeerReview', 'status hostCountry');
const INVITE = M('invitePeerReviewer', 'peers { cityId country status }');
const ANSWER = M('answerPeerReviewInvitation', 'foreignPeersAccepted');
const HOLD = M('holdPeerReview', 'status heldOn peers { cityId tookPart }');
const RECORD = M('recordPeerReviewRecommendations', 'recommendations { recommendationId text recordedBy } todos { todoId text dueDate }');
const FOLLOW = M('recordPeerReviewFollowUp', 'recommendations { recommendationId status followUps { status note date } }');

describe('peer reviews through the API', () => {
  const t = useTestApp();
  const f = useBoostInnoNetwork(t);
  let reviewId: string;

  const input = {
    hostCityId: 'braga-pt',
    hostCityName: 'Braga',
    challenge: 'Keeping young people in the city',
    description: 'What methods can decrease the emigration of young persons from the city?',
    topics: ['youth', 'social innovation'],
    plannedFor: '2017-03-01',
  };

  it('lets the host city request a review; not another city', async () => {
    const before = await t.app.store.headPosition();
    expect((await t.gql(REQUEST, { input }, f.torino)).data!.requestPeerReview.__typename).toBe('ForbiddenError');
    const bad = await t.gql(REQUEST, { input: { ...input, challenge: '', plannedFor: 'March' } }, f.braga);
    expect(bad.data!.requestPeerReview.__typename).toBe('InputValidationError');
    expect(await t.app.store.headPosition()).toEqual(before);
    const res = await t.gql(REQUEST, { input: { ...input, networkId: f.networkId } }, f.braga);
    expect(res.data!.requestPeerReview).toMatchObject({ peerReview: { status: 'requested', hostCountry: 'PT' } });
    reviewId = res.data!.requestPeerReview.aggregateId;
  });

  it("refuses a review on a network the host is not a partner of, and its lead expert cannot file one for an outsider", async () => {
    const outsider = { ...input, hostCityId: 'lyon-fr', hostCityName: 'Lyon', networkId: f.networkId };
    const before = await t.app.store.headPosition();
    const byExpert = await t.gql(REQUEST, { input: outsider }, f.expert);
    expect(byExpert.data!.requestPeerReview.__typename).toBe('ForbiddenError');
    const bySecretariat = await t.gql(REQUEST, { input: outsider }, await t.token('secretariat'));
    expect(bySecretariat.data!.requestPeerReview).toMatchObject({ __typename: 'RuleViolationError', code: 'NOT_A_PARTNER' });
    expect(await t.app.store.headPosition()).toEqual(before);
  });

  it('needs two accepted peers from other countries before the review is held', async () => {
    const invite = (cityId: string, cityName: string) => t.gql(INVITE, { input: { reviewId, cityId, cityName } }, f.braga);
    await invite('torino-it', 'Torino');
    await invite('porto-pt', 'Porto');
    const res = await invite('gdansk-pl', 'Gdansk');
    expect(res.data!.invitePeerReviewer.peerReview.peers.map((p: { country: string }) => p.country)).toEqual(['IT', 'PT', 'PL']);
    expect((await invite('braga-pt', 'Braga')).data!.invitePeerReviewer).toMatchObject({ code: 'HOST_CANNOT_REVIEW_ITSELF' });

    const answer = async (cityId: string, token: string) =>
      (await t.gql(ANSWER, { input: { reviewId, cityId, accept: true } }, token)).data!.answerPeerReviewInvitation;
    expect((await answer('torino-it', f.braga)).__typename).toBe('ForbiddenError');
    expect(await answer('torino-it', f.torino)).toMatchObject({ peerReview: { foreignPeersAccepted: 1 } });
    expect(await answer('porto-pt', await t.token('cityCoordinator', { cityIds: ['porto-pt'] }))).toMatchObject({
      peerReview: { foreignPeersAccepted: 1 },
    });
    const early = await t.gql(HOLD, { input: { reviewId, heldOn: '2017-03-02', place: 'Braga' } }, f.braga);
    expect(early.data!.holdPeerReview).toMatchObject({ __typename: 'RuleViolationError', code: 'NOT_ENOUGH_FOREIGN_PEERS' });
    await answer('gdansk-pl', f.gdansk);
    const held = await t.gql(HOLD, { input: { reviewId, heldOn: '2017-03-02', place: 'Braga' } }, f.expert);
    expect(held.data!.holdPeerReview.peerReview).toMatchObject({ status: 'held', heldOn: '2017-03-02' });
    expect(held.data!.holdPeerReview.peerReview.peers.every((p: { tookPart: boolean }) => p.tookPart)).toBe(true);
  });

  it('records recommendations and a to-do list from the peers', async () => {
    const recordInput = {
      reviewId,
      peerCityId: 'torino-it',
      recommendations: [{ text: 'Open a social innovation hub with the university', topics: ['youth'] }, { text: 'Link incubation to social inclusion' }],
      todos: [{ text: 'Visit Open Incet in Torino', owner: 'ULG coordinator', dueDate: '2017-06-01' }],
    };
    expect((await t.gql(RECORD, { input: recordInput }, f.braga)).data!.recordPeerReviewRecommendations.__typename).toBe('ForbiddenError');
    const empty = await t.gql(RECORD, { input: { reviewId, peerCityId: 'torino-it' } }, f.torino);
    expect(empty.data!.recordPeerReviewRecommendations.__typename).toBe('InputValidationError');
    const res = await t.gql(RECORD, { input: recordInput }, f.torino);
    expect(res.data!.recordPeerReviewRecommendations.peerReview).toEqual({
      recommendations: [
        { recommendationId: 'R1', text: 'Open a social innovation hub with the university', recordedBy: 'torino-it' },
        { recommendationId: 'R2', text: 'Link incubation to social inclusion', recordedBy: 'torino-it' },
      ],
      todos: [{ todoId: 'T1', text: 'Visit Open Incet in Torino', dueDate: '2017-06-01' }],
    });
    const notPeer = await t.gql(RECORD, { input: { ...recordInput, peerCityId: 'paris-fr' } }, f.paris);
    expect(notPeer.data!.recordPeerReviewRecommendations).toMatchObject({ code: 'NOT_A_PEER' });
  });

  it('follows up what the host did with each recommendation', async () => {
    const follow = (recommendationId: string, status: string, date: string, token = f.braga) =>
      t.gql(FOLLOW, { input: { reviewId, recommendationId, status, note: `${status} note`, date } }, token);
    expect((await follow('R1', 'planned', '2017-06-01', f.torino)).data!.recordPeerReviewFollowUp.__typename).toBe(
      'ForbiddenError',
    );
    await follow('R1', 'planned', '2017-06-01');
    const res = await follow('R1', 'implemented', '2018-01-15');
    expect(res.data!.recordPeerReviewFollowUp.peerReview.recommendations[0]).toEqual({
      recommendationId: 'R1',
      status: 'implemented',
      followUps: [
        { status: 'planned', note: 'planned note', date: '2017-06-01' },
        { status: 'implemented', note: 'implemented note', date: '2018-01-15' },
      ],
    });
    expect((await follow('R9', 'planned', '2017-06-01')).data!.recordPeerReviewFollowUp).toMatchObject({ code: 'RECOMMENDATION_NOT_FOUND' });
    expect((await follow('X1', 'planned', '2017-06-01')).data!.recordPeerReviewFollowUp.__typename).toBe('InputValidationError');
  });

  it('lets signed-in users read reviews, not anonymous visitors', async () => {
    const query = `query($host: String) { peerReviews(hostCityId: $host) { nodes { challenge status recommendations { status } } } }`;
    const read = await t.gql(query, { host: 'braga-pt' }, f.paris);
    expect(read.data!.peerReviews.nodes).toEqual([
      { challenge: 'Keeping young people in the city', status: 'held', recommendations: [{ status: 'implemented' }, { status: null }] },
    ]);
    const anonymous = await t.gql(query, { host: 'braga-pt' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
