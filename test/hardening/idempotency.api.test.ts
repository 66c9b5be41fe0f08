import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testApp.js';
import { eventTypes, mutate, useNetworkSetup, when } from '../support/api.js';

// Issue 13, items 1 and 2: a replay is the caller's own request; a refused command writes nothing.
describe('idempotency keys through the API', () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);
  let needId: string;

  beforeAll(async () => {
    const raised = await mutate(t, 'raiseLearningNeed', {
      networkId: n.networkId,
      cityId: 'torino-it',
      kind: 'learning',
      topics: ['Impact funds'],
      description: 'How to develop new impact funds?',
    }, n.torino);
    needId = raised.aggregateId;
  });

  it("does not answer a caller's keyed request with another caller's result under the same key", async () => {
    const secretariat = await mutate(t, 'refineLearningNeed', { learningNeedId: needId, priority: 'high', idempotencyKey: 'retry-1' }, n.secretariat);
    expect(secretariat).toMatchObject({ replayed: false, revision: 1 });
    const torino = await mutate(
      t,
      'refineLearningNeed',
      { learningNeedId: needId, description: 'Impact funds for social housing', idempotencyKey: 'retry-1' },
      n.torino,
      'learningNeed { description priority }',
    );
    expect(torino).toMatchObject({ replayed: false, revision: 2, learningNeed: { description: 'Impact funds for social housing', priority: 'high' } });
    const retried = await mutate(
      t,
      'refineLearningNeed',
      { learningNeedId: needId, description: 'Impact funds for social housing', idempotencyKey: 'retry-1' },
      n.torino,
    );
    expect(retried).toMatchObject({ replayed: true, revision: 2 });
  });

  const lateMeeting = () => ({
    networkId: n.networkId,
    kind: 'transnationalMeeting',
    title: 'After the end',
    hostCityId: 'torino-it',
    startDate: '2019-02-17',
    endDate: '2019-02-19',
    idempotencyKey: 'late-meeting',
  });
  const MUTATION = `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { __typename ... on Error { code } } }`;

  it('writes nothing, not even the key, for a keyed command a rule refuses; a retry is refused the same way', async () => {
    const first = await when(t, { query: MUTATION, variables: { input: lateMeeting() }, token: n.expert });
    expect(first.data!.scheduleMeeting).toEqual({ __typename: 'RuleViolationError', code: 'OUTSIDE_NETWORK_DATES' });
    expect(eventTypes(first)).toEqual([]);
    const retry = await when(t, { query: MUTATION, variables: { input: lateMeeting() }, token: n.expert });
    expect(retry.data!.scheduleMeeting).toEqual({ __typename: 'RuleViolationError', code: 'OUTSIDE_NETWORK_DATES' });
    expect(eventTypes(retry)).toEqual([]);
  });

  it('writes nothing for a keyed command refused by a concurrency conflict', async () => {
    const stale = await when(t, {
      query: `mutation($input: RefineLearningNeedInput!) { refineLearningNeed(input: $input) { __typename ... on Error { code } } }`,
      variables: { input: { learningNeedId: needId, priority: 'low', expectedRevision: 0, idempotencyKey: 'stale-refinement' } },
      token: n.torino,
    });
    expect(stale.data!.refineLearningNeed).toEqual({ __typename: 'ConcurrencyConflictError', code: 'CONCURRENCY_CONFLICT' });
    expect(eventTypes(stale)).toEqual([]);
  });

  it('still records a keyed command that succeeds once, with its reservation', async () => {
    const input = { ...lateMeeting(), startDate: '2016-02-17', endDate: '2016-02-19', idempotencyKey: 'tnm-torino' };
    const first = await when(t, { query: MUTATION, variables: { input }, token: n.expert });
    expect(eventTypes(first)).toEqual(['MeetingScheduled', 'IdempotencyKeyReserved']);
    const retry = await when(t, { query: MUTATION, variables: { input }, token: n.expert });
    expect(retry.data!.scheduleMeeting).toEqual({ __typename: 'ScheduleMeetingPayload' });
    expect(eventTypes(retry)).toEqual([]);
  });
});
