import { describe, expect, it } from 'vitest';
import { torinoTransnationalMeeting } from '../support/boostInno.js';
import { useTestApp } from '../support/testApp.js';
import { eventTypes, expectRefused, mutate, query, useNetworkSetup, when } from '../support/api.js';

/** A lead expert's questions: which thematic groups does the network have, who is in each, and what belongs to each? */
describe('thematic groups of a network, through the API', () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);
  const GROUPS = `query($id: ID!) { network(id: $id) { thematicGroups { groupId name theme description members { cityId name } } } }`;
  const finance = {
    groupId: 'impact-finance',
    name: 'Impact finance',
    theme: 'New financial instruments for social innovation',
    memberCities: ['torino-it', 'gdansk-pl'],
    description: 'Partners developing impact funds.',
  };

  it('lets the lead expert define a group and anyone read who is in it', async () => {
    const outcome = await when(t, {
      query: `mutation($input: DefineThematicGroupInput!) { defineThematicGroup(input: $input) { __typename } }`,
      variables: { input: { networkId: n.networkId, ...finance } },
      token: n.expert,
    });
    expect(eventTypes(outcome)).toEqual(['ThematicGroupDefined']);
    const { network } = await query(t, GROUPS, { id: n.networkId });
    expect(network.thematicGroups).toEqual([
      {
        groupId: 'impact-finance',
        name: 'Impact finance',
        theme: 'New financial instruments for social innovation',
        description: 'Partners developing impact funds.',
        members: [
          { cityId: 'torino-it', name: 'Torino' },
          { cityId: 'gdansk-pl', name: 'Gdansk' },
        ],
      },
    ]);
  });

  it('lets the secretariat change the group under the same key', async () => {
    await mutate(t, 'defineThematicGroup', { networkId: n.networkId, ...finance, memberCities: ['torino-it'] }, n.secretariat);
    const { network } = await query(t, GROUPS, { id: n.networkId });
    expect(network.thematicGroups.map((g: { members: { cityId: string }[] }) => g.members.map((m) => m.cityId))).toEqual([['torino-it']]);
  });

  it('answers which group a learning need and a meeting belong to', async () => {
    const need = await mutate(
      t,
      'raiseLearningNeed',
      { networkId: n.networkId, cityId: 'torino-it', kind: 'learning', topics: ['impact funds'], description: 'How to set up an impact fund?', thematicGroupId: 'impact-finance' },
      n.torino,
    );
    const meeting = await mutate(t, 'scheduleMeeting', { networkId: n.networkId, ...torinoTransnationalMeeting, thematicGroupId: 'impact-finance' }, n.expert);
    const read = await query(
      t,
      `query($need: ID!, $meeting: ID!) { learningNeed(id: $need) { thematicGroup { name } } meeting(id: $meeting) { thematicGroup { name } } }`,
      { need: need.aggregateId, meeting: meeting.aggregateId },
      n.expert,
    );
    expect(read).toEqual({ learningNeed: { thematicGroup: { name: 'Impact finance' } }, meeting: { thematicGroup: { name: 'Impact finance' } } });
  });

  it('refuses a coordinator defining a group, and a group of cities that are not partners', async () => {
    await expectRefused(t, 'defineThematicGroup', { networkId: n.networkId, ...finance }, n.torino, 'ForbiddenError');
    await expectRefused(t, 'defineThematicGroup', { networkId: n.networkId, ...finance, memberCities: ['lviv-ua'] }, n.expert, 'RuleViolationError');
  });
});
