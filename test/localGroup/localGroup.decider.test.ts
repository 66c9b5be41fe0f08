import { describe, expect, it } from 'vitest';
import { FormLocalGroup } from '../../domain/localGroup/commands.js';
import { localGroupDecider } from '../../domain/localGroup/decider.js';
import type { LocalGroupEvent } from '../../domain/localGroup/events.js';
import { localGroupIdOf } from '../../domain/localGroup/ids.js';
import { Ulid } from '../../domain/shared/values.js';
import { deciderSpec } from '../support/deciderSpec.js';
import { closedNetwork, network, NETWORK_ID, otherNetwork, onlyGdansk } from '../journey/fixtures.js';

const spec = deciderSpec(localGroupDecider);
const coordinator = { name: 'Fabrizio Barbiero', organisation: 'Città di Torino' };
const formed: LocalGroupEvent = {
  type: 'LocalGroupFormed',
  data: { networkId: NETWORK_ID, cityId: 'torino-it', name: 'Torino Social Innovation ULG', coordinator: null },
};
const incubators = { name: 'Incubators', helix: 'private' as const, role: '', planned: true };
const added: LocalGroupEvent = { type: 'StakeholderAdded', data: { stakeholderId: 1, ...incubators } };
const leftNetwork = onlyGdansk;

describe('local group decider', () => {
  it('forms the local group of a partner, once', () => {
    spec
      .given([])
      .when({ type: 'FormLocalGroup', data: { cityId: 'torino-it', name: 'Torino Social Innovation ULG', coordinator: null, network } })
      .then([formed]);
    spec
      .given([formed])
      .when({ type: 'FormLocalGroup', data: { cityId: 'torino-it', name: 'x', coordinator: null, network } })
      .thenFails('LOCAL_GROUP_ALREADY_FORMED');
  });

  it('refuses a group for a non-partner or in a closed network', () => {
    spec.given([]).when({ type: 'FormLocalGroup', data: { cityId: 'lviv-ua', name: 'ULG', coordinator: null, network } }).thenFails('NOT_A_PARTNER');
    spec
      .given([])
      .when({ type: 'FormLocalGroup', data: { cityId: 'torino-it', name: 'ULG', coordinator: null, network: closedNetwork } })
      .thenFails('NETWORK_CLOSED');
  });

  it('adds stakeholders with their helix, numbered, each name once', () => {
    spec.given([formed]).when({ type: 'AddStakeholder', data: { ...incubators, network } }).then([added]);
    const banks = { name: 'Banks', helix: 'private' as const, role: 'funders', planned: false };
    spec.given([formed, added]).when({ type: 'AddStakeholder', data: { ...banks, network } }).then([
      { type: 'StakeholderAdded', data: { stakeholderId: 2, ...banks } },
    ]);
    spec.given([formed, added]).when({ type: 'AddStakeholder', data: { ...incubators, name: 'INCUBATORS', network } }).thenFails('STAKEHOLDER_ALREADY_IN_GROUP');
    spec.given([]).when({ type: 'AddStakeholder', data: { ...incubators, network } }).thenFails('LOCAL_GROUP_NOT_FOUND');
    spec.given([formed]).when({ type: 'AddStakeholder', data: { ...incubators, network: closedNetwork } }).thenFails('NETWORK_CLOSED');
    spec.given([formed]).when({ type: 'AddStakeholder', data: { ...incubators, network: leftNetwork } }).thenFails('NOT_A_PARTNER');
    spec.given([formed]).when({ type: 'AddStakeholder', data: { ...incubators, network: otherNetwork } }).thenFails('NETWORK_MISMATCH');
  });

  it('removes a stakeholder, and never reuses its number', () => {
    const removed: LocalGroupEvent = { type: 'StakeholderRemoved', data: { stakeholderId: 1, reason: 'merged' } };
    spec.given([formed, added]).when({ type: 'RemoveStakeholder', data: { stakeholderId: 1, reason: 'merged', network } }).then([removed]);
    spec.given([formed, added, removed]).when({ type: 'RemoveStakeholder', data: { stakeholderId: 1, reason: '', network } }).thenFails('STAKEHOLDER_NOT_FOUND');
    spec.given([formed, added, removed]).when({ type: 'AddStakeholder', data: { ...incubators, network } }).then([
      { type: 'StakeholderAdded', data: { stakeholderId: 2, ...incubators } },
    ]);
    spec.given([formed, added]).when({ type: 'RemoveStakeholder', data: { stakeholderId: 1, reason: '', network: closedNetwork } }).thenFails('NETWORK_CLOSED');
  });

  it('changes the coordinator, recording the previous one', () => {
    spec.given([formed]).when({ type: 'ChangeLocalGroupCoordinator', data: { coordinator, network } }).then([
      { type: 'LocalGroupCoordinatorChanged', data: { coordinator, previous: null } },
    ]);
    const changed: LocalGroupEvent = { type: 'LocalGroupCoordinatorChanged', data: { coordinator, previous: null } };
    spec.given([formed, changed]).when({ type: 'ChangeLocalGroupCoordinator', data: { coordinator, network } }).thenNothing();
    spec.given([formed]).when({ type: 'ChangeLocalGroupCoordinator', data: { coordinator, network: closedNetwork } }).thenFails('NETWORK_CLOSED');
    spec.given([]).when({ type: 'ChangeLocalGroupCoordinator', data: { coordinator, network } }).thenFails('LOCAL_GROUP_NOT_FOUND');
  });

  it('derives one group id per network and city, shaped like a ULID', () => {
    const id = localGroupIdOf(NETWORK_ID, 'torino-it');
    expect(Ulid.safeParse(id).success).toBe(true);
    expect(localGroupIdOf(NETWORK_ID, 'torino-it')).toBe(id);
    expect(localGroupIdOf(NETWORK_ID, 'gdansk-pl')).not.toBe(id);
    expect(FormLocalGroup.parse({ cityId: 'Torino-IT' })).toEqual({ cityId: 'torino-it', name: 'URBACT Local Group', coordinator: null });
  });
});
