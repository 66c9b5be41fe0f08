import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testApp.js';
import { eventTypes, expectRefused, mutate, query, queryErrors, useNetworkSetup, when } from '../support/api.js';

/** A lead expert's question: what has the network as a whole learnt, beyond what each partner learnt at each meeting? */
describe('lessons of the network, through the API', () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);
  const LESSONS = `query($id: ID!) { network(id: $id) { lessons { nodes { number lesson theme learntFrom } } } }`;

  it('records a lesson of the whole network and lists it for the network', async () => {
    const outcome = await when(t, {
      query: `mutation($input: RecordNetworkLessonInput!) { recordNetworkLesson(input: $input) { __typename } }`,
      variables: { input: { networkId: n.networkId, lesson: 'Time is needed to consolidate the integration processes.', theme: 'integrated approach' } },
      token: n.expert,
    });
    expect(eventTypes(outcome)).toEqual(['NetworkLessonRecorded']);
    await mutate(t, 'recordNetworkLesson', { networkId: n.networkId, lesson: 'Open data needs an ecosystem.', learntFrom: 'Helsinki' }, n.secretariat);
    const { network } = await query(t, LESSONS, { id: n.networkId }, n.torino);
    expect(network.lessons.nodes).toEqual([
      { number: 1, lesson: 'Time is needed to consolidate the integration processes.', theme: 'integrated approach', learntFrom: null },
      { number: 2, lesson: 'Open data needs an ecosystem.', theme: null, learntFrom: 'Helsinki' },
    ]);
  });

  it('lets neither a coordinator record one nor the public read them', async () => {
    await expectRefused(t, 'recordNetworkLesson', { networkId: n.networkId, lesson: 'x' }, n.torino, 'ForbiddenError');
    expect(await queryErrors(t, LESSONS, { id: n.networkId })).toEqual(['FORBIDDEN']);
  });
});
