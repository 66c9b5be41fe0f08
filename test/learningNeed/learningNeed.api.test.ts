import { ulid } from 'ulid';
import { learningNeedDecider } from '../../domain/learningNeed/decider.js';
import { streamIdOf } from '../../domain/shared/decider.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testApp.js';
import { eventTypes, expectRefused, given, issuePaths, mutate, networkHistory, query, queryErrors, useNetworkSetup, when } from '../support/api.js';

const NEED_FIELDS = 'learningNeed { id learningNeedId cityId kind topics description priority status revision }';

const NEED = `query($id: ID!, $asOf: DateTime) { learningNeed(id: $id, asOf: $asOf) {
  description priority status topics partner { name }
  addressedBy { meetingId meeting { title } peerCityId peer { name } note addressedBy }
  history { nodes { revision kind occurredAt actor role changes { field before after } meetingId peerCityId note } }
} }`;

describe('learning needs through the API', () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);
  let fundsNeed: string;
  let meetingId: string;
  const funds = () => ({
    networkId: n.networkId,
    cityId: 'torino-it',
    kind: 'learning',
    topics: ['Impact funds', 'finance'],
    description: 'How to develop new impact funds?',
  });

  beforeAll(async () => {
    const meeting = await mutate(
      t,
      'scheduleMeeting',
      { networkId: n.networkId, kind: 'studyVisit', title: 'Study visit to Gdansk', hostCityId: 'gdansk-pl', startDate: '2016-06-01', endDate: '2016-06-02' },
      n.expert,
    );
    meetingId = meeting.aggregateId;
  });

  it('lets a partner\'s coordinator raise a need', async () => {
    const raised = await mutate(t, 'raiseLearningNeed', funds(), n.torino, NEED_FIELDS);
    expect(raised).toMatchObject({
      __typename: 'RaiseLearningNeedPayload',
      revision: 0,
      learningNeed: { cityId: 'torino-it', kind: 'learning', topics: ['impact funds', 'finance'], priority: 'medium', status: 'open' },
    });
    fundsNeed = raised.learningNeed.id;
  });

  it('refuses bad input with typed errors, writing nothing', async () => {
    const bad = await expectRefused(t, 'raiseLearningNeed', { ...funds(), topics: [], description: '', cityId: 'Turin' }, n.torino, 'InputValidationError');
    expect(issuePaths(bad)).toEqual(expect.arrayContaining(['topics', 'description', 'cityId']));
    const nothing = await expectRefused(t, 'refineLearningNeed', { learningNeedId: fundsNeed }, n.torino, 'InputValidationError');
    expect(issuePaths(nothing)).toEqual(['description']);
    const both = await expectRefused(t, 'addressLearningNeed', { learningNeedId: fundsNeed, meetingId, peerCityId: 'gdansk-pl' }, n.torino, 'InputValidationError');
    expect(issuePaths(both)).toEqual(['meetingId']);
    await expectRefused(t, 'addressLearningNeed', { learningNeedId: fundsNeed }, n.torino, 'InputValidationError');
    await expectRefused(t, 'closeLearningNeed', { learningNeedId: 'nope' }, n.torino, 'InputValidationError');
    await expectRefused(t, 'withdrawLearningNeed', { learningNeedId: fundsNeed, reason: 'x'.repeat(2001) }, n.torino, 'InputValidationError');
  });

  it('refuses roles without the scope', async () => {
    for (const token of [n.gdansk, n.otherExpert, undefined]) {
      await expectRefused(t, 'raiseLearningNeed', funds(), token, 'ForbiddenError');
      await expectRefused(t, 'refineLearningNeed', { learningNeedId: fundsNeed, priority: 'high' }, token, 'ForbiddenError');
      await expectRefused(t, 'addressLearningNeed', { learningNeedId: fundsNeed, peerCityId: 'gdansk-pl' }, token, 'ForbiddenError');
      await expectRefused(t, 'closeLearningNeed', { learningNeedId: fundsNeed }, token, 'ForbiddenError');
      await expectRefused(t, 'withdrawLearningNeed', { learningNeedId: fundsNeed }, token, 'ForbiddenError');
    }
  });

  it('enforces the rules', async () => {
    await expectRefused(t, 'raiseLearningNeed', { ...funds(), cityId: 'lviv-ua' }, n.lviv, 'RuleViolationError', 'NOT_A_PARTNER');
    await expectRefused(t, 'raiseLearningNeed', { ...funds(), networkId: ulid() }, n.secretariat, 'NotFoundError');
    await expectRefused(t, 'refineLearningNeed', { learningNeedId: ulid(), priority: 'high' }, n.secretariat, 'NotFoundError');
    await expectRefused(t, 'addressLearningNeed', { learningNeedId: fundsNeed, meetingId: ulid() }, n.torino, 'NotFoundError');
    await expectRefused(t, 'addressLearningNeed', { learningNeedId: fundsNeed, peerCityId: 'torino-it' }, n.torino, 'RuleViolationError', 'PEER_IS_SAME_CITY');
    await expectRefused(t, 'addressLearningNeed', { learningNeedId: fundsNeed, peerCityId: 'lviv-ua' }, n.torino, 'RuleViolationError', 'NOT_A_PARTNER');
    await expectRefused(t, 'closeLearningNeed', { learningNeedId: fundsNeed }, n.torino, 'RuleViolationError', 'LEARNING_NEED_NOT_ADDRESSED');
  });

  it('refines, links meetings and peers, closes; the history says what changed, when and who', async () => {
    const refined = await mutate(t, 'refineLearningNeed', { learningNeedId: fundsNeed, priority: 'high', description: 'How to develop new impact funds with banks?' }, n.torino, NEED_FIELDS);
    expect(refined.learningNeed).toMatchObject({ priority: 'high', description: 'How to develop new impact funds with banks?', revision: 1 });
    expect((await mutate(t, 'addressLearningNeed', { learningNeedId: fundsNeed, meetingId, note: 'Gdansk fund model' }, n.expert, NEED_FIELDS)).learningNeed.status).toBe('addressed');
    expect((await mutate(t, 'addressLearningNeed', { learningNeedId: fundsNeed, meetingId }, n.expert)).revision).toBe(2);
    await mutate(t, 'addressLearningNeed', { learningNeedId: fundsNeed, peerCityId: 'barcelona-es' }, n.torino);
    expect((await mutate(t, 'closeLearningNeed', { learningNeedId: fundsNeed, note: 'learnt' }, n.torino, NEED_FIELDS)).learningNeed.status).toBe('closed');
    await expectRefused(t, 'refineLearningNeed', { learningNeedId: fundsNeed, priority: 'low' }, n.torino, 'RuleViolationError', 'LEARNING_NEED_CLOSED');

    const read = (await query(t, NEED, { id: fundsNeed }, n.gdansk)).learningNeed;
    expect(read).toMatchObject({
      status: 'closed',
      partner: { name: 'Torino' },
      addressedBy: [
        { meetingId, meeting: { title: 'Study visit to Gdansk' }, peerCityId: null, note: 'Gdansk fund model', addressedBy: 'expert:boostinno' },
        { meetingId: null, peerCityId: 'barcelona-es', peer: { name: 'Barcelona' }, addressedBy: 'coordinator:torino' },
      ],
    });
    const history = read.history.nodes;
    expect(history.map((h: { kind: string; actor: string; role: string }) => [h.kind, h.actor, h.role])).toEqual([
      ['raised', 'coordinator:torino', 'cityCoordinator'],
      ['refined', 'coordinator:torino', 'cityCoordinator'],
      ['addressed', 'expert:boostinno', 'leadExpert'],
      ['addressed', 'coordinator:torino', 'cityCoordinator'],
      ['closed', 'coordinator:torino', 'cityCoordinator'],
    ]);
    expect(history[1].changes).toEqual([
      { field: 'description', before: 'How to develop new impact funds?', after: 'How to develop new impact funds with banks?' },
      { field: 'priority', before: 'medium', after: 'high' },
    ]);
    expect(history[0].changes).toContainEqual({ field: 'topics', before: null, after: 'impact funds, finance' });
    expect(history[2]).toMatchObject({ meetingId, note: 'Gdansk fund model' });
    expect(history[4]).toMatchObject({ note: 'learnt' });
    expect(Date.parse(history[0].occurredAt)).toBeLessThanOrEqual(Date.parse(history[4].occurredAt));

    // As it was before it was refined.
    const asOf = (await query(t, NEED, { id: fundsNeed, asOf: history[0].occurredAt }, n.expert)).learningNeed;
    expect(asOf).toMatchObject({ status: 'open', priority: 'medium', addressedBy: [], history: { nodes: [{ kind: 'raised' }] } });
  });

  it('withdraws a need; lists needs to members and the city\'s coordinators only', async () => {
    const space = await mutate(
      t,
      'raiseLearningNeed',
      { networkId: n.networkId, cityId: 'gdansk-pl', kind: 'capacityBuilding', topics: ['spaces'], description: 'Creation of an accelerator space', priority: 'low' },
      n.gdansk,
    );
    expect((await mutate(t, 'withdrawLearningNeed', { learningNeedId: space.aggregateId, reason: 'found one' }, n.gdansk, NEED_FIELDS)).learningNeed.status).toBe('withdrawn');
    await expectRefused(t, 'withdrawLearningNeed', { learningNeedId: space.aggregateId }, n.gdansk, 'RuleViolationError', 'LEARNING_NEED_WITHDRAWN');

    const LIST = `query($networkId: ID!, $cityId: ID, $status: NeedStatus, $kind: NeedKind, $topic: String) {
      learningNeeds(networkId: $networkId, cityId: $cityId, status: $status, kind: $kind, topic: $topic) { nodes { cityId description status } } }`;
    const list = async (vars: Record<string, unknown>, token = n.expert) =>
      (await query(t, LIST, { networkId: n.networkId, ...vars }, token)).learningNeeds.nodes.map((x: { description: string }) => x.description);
    expect(await list({})).toEqual(['Creation of an accelerator space', 'How to develop new impact funds with banks?']);
    expect(await list({ status: 'withdrawn' }, n.barcelona)).toEqual(['Creation of an accelerator space']);
    expect(await list({ kind: 'learning', topic: 'fund' }, n.secretariat)).toEqual(['How to develop new impact funds with banks?']);
    expect(await list({ cityId: 'torino-it' }, n.torino)).toEqual(['How to develop new impact funds with banks?']);
    for (const token of [undefined, n.lviv, n.otherExpert]) {
      expect(await queryErrors(t, LIST, { networkId: n.networkId }, token)).toEqual(['FORBIDDEN']);
      expect(await queryErrors(t, `query($id: ID!) { learningNeed(id: $id) { description } }`, { id: fundsNeed }, token)).toEqual(['FORBIDDEN']);
    }
    const meeting = await query(t, `query($id: ID!) { meeting(id: $id) { addressedNeeds { description } } }`, { id: meetingId }, n.barcelona);
    expect(meeting.meeting.addressedNeeds).toEqual([{ description: 'How to develop new impact funds with banks?' }]);
  });

  it('refuses changes to needs of a closed network', async () => {
    const raised = await mutate(t, 'raiseLearningNeed', { ...funds(), description: 'Brokerage capacity', topics: ['brokerage'] }, n.torino);
    await mutate(t, 'closeNetwork', { networkId: n.networkId }, n.secretariat);
    await expectRefused(t, 'raiseLearningNeed', funds(), n.torino, 'RuleViolationError', 'NETWORK_CLOSED');
    await expectRefused(t, 'withdrawLearningNeed', { learningNeedId: raised.aggregateId }, n.torino, 'RuleViolationError', 'NETWORK_CLOSED');
  });
});

/**
 * The same capability as given (events already in the log) / when (one request) / then (the
 * response and the events it added), each scenario on its own streams of a fresh store.
 */
describe('learning needs: given events, when a request, then response and new events', () => {
  const t = useTestApp();
  let torino: string;
  const at = '2016-01-10T09:00:00Z';

  /** A network with Torino and Gdansk as partners; a need of Torino's when `need` is true. */
  async function givenNetwork(options: { closed?: boolean; need?: boolean } = {}) {
    const { networkId, stream } = networkHistory({ closed: options.closed, at });
    const needId = ulid();
    const need = {
      streamId: streamIdOf(learningNeedDecider.category, needId),
      at,
      events: [
        {
          type: 'LearningNeedRaised',
          data: { networkId, cityId: 'torino-it', kind: 'learning', topics: ['impact funds'], description: 'How to develop new impact funds?', priority: 'medium' },
        },
      ],
    };
    await given(t, options.need ? [stream, need] : [stream]);
    return { networkId, needId };
  }

  const RAISE = `mutation($input: RaiseLearningNeedInput!) { raiseLearningNeed(input: $input) {
    __typename ... on RaiseLearningNeedPayload { revision learningNeed { cityId topics priority status } } ... on Error { code } } }`;
  const REFINE = `mutation($input: RefineLearningNeedInput!) { refineLearningNeed(input: $input) {
    __typename ... on RefineLearningNeedPayload { revision learningNeed { description priority } } ... on Error { code } } }`;

  beforeAll(async () => {
    torino = await t.token('cityCoordinator', { subject: 'coordinator:torino', cityIds: ['torino-it'] });
  });

  it("a partner's coordinator raises a need: the need is recorded and readable", async () => {
    const { networkId } = await givenNetwork();
    const outcome = await when(t, {
      query: RAISE,
      variables: { input: { networkId, cityId: 'torino-it', kind: 'learning', topics: ['Impact funds'], description: 'How to develop new impact funds?' } },
      token: torino,
    });
    expect(outcome.data?.raiseLearningNeed).toEqual({
      __typename: 'RaiseLearningNeedPayload',
      revision: 0,
      learningNeed: { cityId: 'torino-it', topics: ['impact funds'], priority: 'medium', status: 'open' },
    });
    expect(eventTypes(outcome)).toEqual(['LearningNeedRaised']);
    expect(outcome.newEvents[0]!.metadata.actor).toBe('coordinator:torino');
  });

  it('a refinement records only what changed', async () => {
    const { needId } = await givenNetwork({ need: true });
    const outcome = await when(t, {
      query: REFINE,
      variables: { input: { learningNeedId: needId, description: 'How to develop new impact funds with banks?', priority: 'medium' } },
      token: torino,
    });
    expect(outcome.data?.refineLearningNeed).toEqual({
      __typename: 'RefineLearningNeedPayload',
      revision: 1,
      learningNeed: { description: 'How to develop new impact funds with banks?', priority: 'medium' },
    });
    expect(outcome.newEvents.map((e) => [e.type, e.data])).toEqual([
      [
        'LearningNeedRefined',
        { changes: { description: 'How to develop new impact funds with banks?' }, previous: { description: 'How to develop new impact funds?' } },
      ],
    ]);
  });

  it('a refinement that changes nothing records nothing', async () => {
    const { needId } = await givenNetwork({ need: true });
    const outcome = await when(t, { query: REFINE, variables: { input: { learningNeedId: needId, priority: 'medium' } }, token: torino });
    expect(outcome.data?.refineLearningNeed).toMatchObject({ __typename: 'RefineLearningNeedPayload', revision: 0 });
    expect(outcome.newEvents).toEqual([]);
  });

  it('a need of a closed network cannot be refined, and nothing is written', async () => {
    const { needId } = await givenNetwork({ closed: true, need: true });
    const outcome = await when(t, { query: REFINE, variables: { input: { learningNeedId: needId, priority: 'high' } }, token: torino });
    expect(outcome.data?.refineLearningNeed).toEqual({ __typename: 'RuleViolationError', code: 'NETWORK_CLOSED' });
    expect(outcome.newEvents).toEqual([]);
  });

  it('a city outside the network cannot raise a need there, and nothing is written', async () => {
    const { networkId } = await givenNetwork();
    const lviv = await t.token('cityCoordinator', { subject: 'coordinator:lviv', cityIds: ['lviv-ua'] });
    const outcome = await when(t, {
      query: RAISE,
      variables: { input: { networkId, cityId: 'lviv-ua', kind: 'learning', topics: ['funds'], description: 'Funds?' } },
      token: lviv,
    });
    expect(outcome.data?.raiseLearningNeed).toEqual({ __typename: 'RuleViolationError', code: 'NOT_A_PARTNER' });
    expect(outcome.newEvents).toEqual([]);
  });
});
