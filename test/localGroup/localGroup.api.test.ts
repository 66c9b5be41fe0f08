import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testApp.js';
import { expectRefused, issuePaths, mutate, query, queryErrors, useNetworkSetup } from '../support/api.js';

const GROUP_FIELDS = `localGroup { id localGroupId cityId name coordinator { name organisation } revision
  composition { total public private knowledge civilSociety helixesCovered byHelix { helix count planned } }
  stakeholders { nodes { stakeholderId name helix role planned active } } }`;

const GROUPS = `query($networkId: ID!, $cityId: ID, $asOf: DateTime) { localGroups(networkId: $networkId, cityId: $cityId, asOf: $asOf) {
  cityId partner { name } coordinator { name } composition { total private civilSociety } } }`;

describe('local groups through the API', () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);
  let groupId: string;

  it('lets a city coordinator form its local group, once', async () => {
    const formed = await mutate(t, 'formLocalGroup', { networkId: n.networkId, cityId: 'torino-it', name: 'Torino Social Innovation ULG' }, n.torino, GROUP_FIELDS);
    expect(formed).toMatchObject({
      __typename: 'FormLocalGroupPayload',
      localGroup: { cityId: 'torino-it', name: 'Torino Social Innovation ULG', coordinator: null, composition: { total: 0, helixesCovered: 0 } },
    });
    groupId = formed.localGroup.id;
    await expectRefused(t, 'formLocalGroup', { networkId: n.networkId, cityId: 'torino-it' }, n.expert, 'RuleViolationError', 'LOCAL_GROUP_ALREADY_FORMED');
    const gdansk = await mutate(t, 'formLocalGroup', { networkId: n.networkId, cityId: 'gdansk-pl', coordinator: { name: 'Anna Kowalska' } }, n.expert, GROUP_FIELDS);
    expect(gdansk.localGroup).toMatchObject({ name: 'URBACT Local Group', coordinator: { name: 'Anna Kowalska', organisation: '' } });
  });

  it('refuses bad input, other roles and non-partners, writing nothing', async () => {
    const bad = await expectRefused(t, 'formLocalGroup', { networkId: n.networkId, cityId: 'Torino', coordinator: { name: '' } }, n.secretariat, 'InputValidationError');
    expect(issuePaths(bad)).toEqual(expect.arrayContaining(['cityId', 'name']));
    await expectRefused(t, 'addStakeholder', { localGroupId: groupId, name: '', helix: 'private' }, n.torino, 'InputValidationError');
    await expectRefused(t, 'removeStakeholder', { localGroupId: groupId, stakeholderId: 0 }, n.torino, 'InputValidationError');
    await expectRefused(t, 'changeLocalGroupCoordinator', { localGroupId: 'x', coordinator: { name: 'A' } }, n.torino, 'InputValidationError');

    await expectRefused(t, 'formLocalGroup', { networkId: n.networkId, cityId: 'barcelona-es' }, n.torino, 'ForbiddenError');
    await expectRefused(t, 'formLocalGroup', { networkId: n.networkId, cityId: 'barcelona-es' }, n.otherExpert, 'ForbiddenError');
    await expectRefused(t, 'addStakeholder', { localGroupId: groupId, name: 'Banks', helix: 'private' }, n.gdansk, 'ForbiddenError');
    await expectRefused(t, 'addStakeholder', { localGroupId: groupId, name: 'Banks', helix: 'private' }, undefined, 'ForbiddenError');
    await expectRefused(t, 'removeStakeholder', { localGroupId: groupId, stakeholderId: 1 }, n.barcelona, 'ForbiddenError');
    await expectRefused(t, 'changeLocalGroupCoordinator', { localGroupId: groupId, coordinator: { name: 'A' } }, n.otherExpert, 'ForbiddenError');

    await expectRefused(t, 'formLocalGroup', { networkId: n.networkId, cityId: 'lviv-ua' }, n.lviv, 'RuleViolationError', 'NOT_A_PARTNER');
    await expectRefused(t, 'addStakeholder', { localGroupId: ulid(), name: 'Banks', helix: 'private' }, n.secretariat, 'NotFoundError');
  });

  it('adds and removes stakeholders and changes the coordinator; composition counts per helix', async () => {
    for (const [name, helix, planned] of [
      ['Incubators', 'private', true],
      ['Third Sector', 'civilSociety', true],
      ['Banks', 'private', false],
      ['Chamber of commerce', 'public', false],
    ] as const) {
      expect((await mutate(t, 'addStakeholder', { localGroupId: groupId, name, helix, planned }, n.torino)).__typename).toBe('AddStakeholderPayload');
    }
    await expectRefused(t, 'addStakeholder', { localGroupId: groupId, name: 'banks', helix: 'private' }, n.torino, 'RuleViolationError', 'STAKEHOLDER_ALREADY_IN_GROUP');
    const removed = await mutate(t, 'removeStakeholder', { localGroupId: groupId, stakeholderId: 1, reason: 'merged with Banks' }, n.expert, GROUP_FIELDS);
    expect(removed.localGroup.composition).toEqual({
      total: 3,
      public: 1,
      private: 1,
      knowledge: 0,
      civilSociety: 1,
      helixesCovered: 3,
      byHelix: [
        { helix: 'public', count: 1, planned: 0 },
        { helix: 'private', count: 1, planned: 0 },
        { helix: 'knowledge', count: 0, planned: 0 },
        { helix: 'civilSociety', count: 1, planned: 1 },
      ],
    });
    expect(removed.localGroup.stakeholders.nodes.map((s: { stakeholderId: number }) => s.stakeholderId)).toEqual([2, 3, 4]);
    await expectRefused(t, 'removeStakeholder', { localGroupId: groupId, stakeholderId: 1 }, n.torino, 'RuleViolationError', 'STAKEHOLDER_NOT_FOUND');
    const changed = await mutate(
      t,
      'changeLocalGroupCoordinator',
      { localGroupId: groupId, coordinator: { name: 'Fabrizio Barbiero', organisation: 'Città di Torino' } },
      n.torino,
      GROUP_FIELDS,
    );
    expect(changed.localGroup.coordinator).toEqual({ name: 'Fabrizio Barbiero', organisation: 'Città di Torino' });
  });

  it('shows local groups to network members and the city\'s coordinators only', async () => {
    for (const token of [n.secretariat, n.expert, n.barcelona]) {
      const read = await query(t, GROUPS, { networkId: n.networkId }, token);
      expect(read.localGroups).toEqual([
        { cityId: 'gdansk-pl', partner: { name: 'Gdansk' }, coordinator: { name: 'Anna Kowalska' }, composition: { total: 0, private: 0, civilSociety: 0 } },
        { cityId: 'torino-it', partner: { name: 'Torino' }, coordinator: { name: 'Fabrizio Barbiero' }, composition: { total: 3, private: 1, civilSociety: 1 } },
      ]);
    }
    expect((await query(t, GROUPS, { networkId: n.networkId, cityId: 'torino-it' }, n.torino)).localGroups).toHaveLength(1);
    for (const token of [undefined, n.lviv, n.otherExpert]) {
      expect(await queryErrors(t, GROUPS, { networkId: n.networkId }, token)).toEqual(['FORBIDDEN']);
      expect(await queryErrors(t, `query($id: ID!) { localGroup(id: $id) { name } }`, { id: groupId }, token)).toEqual(['FORBIDDEN']);
    }
    const byId = await query(t, `query($id: ID!) { node(id: $id) { ... on LocalGroup { name cityId } } }`, { id: groupId }, n.gdansk);
    expect(byId.node).toEqual({ name: 'Torino Social Innovation ULG', cityId: 'torino-it' });
  });

  it('answers as of a moment, and refuses changes once the network is closed', async () => {
    const before = await query(t, GROUPS, { networkId: n.networkId, asOf: '2015-12-31T00:00:00Z' }, n.expert);
    expect(before.localGroups).toEqual([]);
    await mutate(t, 'closeNetwork', { networkId: n.networkId }, n.secretariat);
    await expectRefused(t, 'addStakeholder', { localGroupId: groupId, name: 'University of Turin', helix: 'knowledge' }, n.torino, 'RuleViolationError', 'NETWORK_CLOSED');
    await expectRefused(t, 'formLocalGroup', { networkId: n.networkId, cityId: 'barcelona-es' }, n.secretariat, 'RuleViolationError', 'NETWORK_CLOSED');
  });
});
