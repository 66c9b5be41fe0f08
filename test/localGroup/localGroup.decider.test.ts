import { describe, expect, it } from 'vitest';
import { FormLocalGroup } from '../../domain/localGroup/decider.js';
import { localGroupDecider } from '../../domain/localGroup/decider.js';
import type { LocalGroupEvent } from '../../domain/localGroup/events.js';
import { localGroupIdOf } from '../../domain/localGroup/ids.js';
import { deciderSpec, networkGuardScenarios } from '../support/deciderSpec.js';
import { expectOneIdPerNetworkAndCity } from '../support/derivedIds.js';
import { closedNetwork, network, NETWORK_ID, onlyGdansk } from '../support/networkSnapshot.js';

const spec = deciderSpec(localGroupDecider);
const coordinator = { name: 'Fabrizio Barbiero', organisation: 'Città di Torino' };
const formed: LocalGroupEvent = {
  type: 'LocalGroupFormed',
  data: { networkId: NETWORK_ID, cityId: 'torino-it', name: 'Torino Social Innovation ULG', coordinator: null },
};
const incubators = { name: 'Incubators', helix: 'private' as const, role: '', planned: true, person: false, basis: null };
const added: LocalGroupEvent = { type: 'StakeholderAdded', data: { stakeholderId: 1, ...incubators } };
const leftNetwork = onlyGdansk;

describe('local group decider: forming', () => {
  it('forms the local group of a partner', () => {
    spec
      .given([])
      .when({ type: 'FormLocalGroup', data: { cityId: 'torino-it', name: 'Torino Social Innovation ULG', coordinator: null, network } })
      .then([formed]);
  });

  it('forms a group once', () => {
    spec
      .given([formed])
      .when({ type: 'FormLocalGroup', data: { cityId: 'torino-it', name: 'x', coordinator: null, network } })
      .thenFails('LOCAL_GROUP_ALREADY_FORMED');
  });

  it('refuses a group for a non-partner', () => {
    spec.given([]).when({ type: 'FormLocalGroup', data: { cityId: 'lviv-ua', name: 'ULG', coordinator: null, network } }).thenFails('NOT_A_PARTNER');
  });

  it('refuses a group in a closed network', () => {
    spec
      .given([])
      .when({ type: 'FormLocalGroup', data: { cityId: 'torino-it', name: 'ULG', coordinator: null, network: closedNetwork } })
      .thenFails('NETWORK_CLOSED');
  });
});

describe('local group decider: adding stakeholders', () => {
  it('adds a stakeholder with its helix, numbered 1', () => {
    spec.given([formed]).when({ type: 'AddStakeholder', data: { ...incubators, network } }).then([added]);
  });

  it('numbers the next stakeholder', () => {
    const banks = { name: 'Banks', helix: 'private' as const, role: 'funders', planned: false, person: false, basis: null };
    spec.given([formed, added]).when({ type: 'AddStakeholder', data: { ...banks, network } }).then([
      { type: 'StakeholderAdded', data: { stakeholderId: 2, ...banks } },
    ]);
  });

  it('adds a person with the lawful basis for holding their data', () => {
    const resident = { name: 'Maria Rossi', helix: 'civilSociety' as const, role: 'resident', planned: false, person: true, basis: 'consent' as const };
    spec.given([formed, added]).when({ type: 'AddStakeholder', data: { ...resident, network } }).then([
      { type: 'StakeholderAdded', data: { stakeholderId: 2, ...resident } },
    ]);
  });

  it('refuses a person without a lawful basis', () => {
    const resident = { name: 'Maria Rossi', helix: 'civilSociety' as const, role: 'resident', planned: false, person: true, basis: null };
    spec.given([formed, added]).when({ type: 'AddStakeholder', data: { ...resident, network } }).thenFails('STAKEHOLDER_BASIS_REQUIRED');
  });

  it('adds each name once, whatever its case', () => {
    spec.given([formed, added]).when({ type: 'AddStakeholder', data: { ...incubators, name: 'INCUBATORS', network } }).thenFails('STAKEHOLDER_ALREADY_IN_GROUP');
  });

  it('refuses a group never formed', () => {
    spec.given([]).when({ type: 'AddStakeholder', data: { ...incubators, network } }).thenFails('LOCAL_GROUP_NOT_FOUND');
  });

  it('refuses a group whose city left the network', () => {
    spec.given([formed]).when({ type: 'AddStakeholder', data: { ...incubators, network: leftNetwork } }).thenFails('NOT_A_PARTNER');
  });

  networkGuardScenarios(spec, 'a group', [formed], (snapshot) => ({ type: 'AddStakeholder' as const, data: { ...incubators, network: snapshot } }));
});

describe('local group decider: removing stakeholders', () => {
  const removed: LocalGroupEvent = { type: 'StakeholderRemoved', data: { stakeholderId: 1, reason: 'merged' } };

  it('removes a stakeholder', () => {
    spec.given([formed, added]).when({ type: 'RemoveStakeholder', data: { stakeholderId: 1, reason: 'merged', network } }).then([removed]);
  });

  it('refuses a stakeholder already removed', () => {
    spec.given([formed, added, removed]).when({ type: 'RemoveStakeholder', data: { stakeholderId: 1, reason: '', network } }).thenFails('STAKEHOLDER_NOT_FOUND');
  });

  it('never reuses a removed stakeholder\'s number', () => {
    spec.given([formed, added, removed]).when({ type: 'AddStakeholder', data: { ...incubators, network } }).then([
      { type: 'StakeholderAdded', data: { stakeholderId: 2, ...incubators } },
    ]);
  });

  it('refuses a group of a closed network', () => {
    spec.given([formed, added]).when({ type: 'RemoveStakeholder', data: { stakeholderId: 1, reason: '', network: closedNetwork } }).thenFails('NETWORK_CLOSED');
  });
});

describe('local group decider: changing the coordinator', () => {
  const changed: LocalGroupEvent = { type: 'LocalGroupCoordinatorChanged', data: { coordinator, previous: null } };

  it('changes the coordinator, recording the previous one', () => {
    spec.given([formed]).when({ type: 'ChangeLocalGroupCoordinator', data: { coordinator, network } }).then([changed]);
  });

  it('treats naming the current coordinator as a no-op', () => {
    spec.given([formed, changed]).when({ type: 'ChangeLocalGroupCoordinator', data: { coordinator, network } }).thenNothing();
  });

  it('refuses a group of a closed network', () => {
    spec.given([formed]).when({ type: 'ChangeLocalGroupCoordinator', data: { coordinator, network: closedNetwork } }).thenFails('NETWORK_CLOSED');
  });

  it('refuses a group never formed', () => {
    spec.given([]).when({ type: 'ChangeLocalGroupCoordinator', data: { coordinator, network } }).thenFails('LOCAL_GROUP_NOT_FOUND');
  });
});

describe('local group ids and input', () => {
  it('derives one group id per network and city, shaped like a ULID', () => {
    expectOneIdPerNetworkAndCity(localGroupIdOf, NETWORK_ID);
  });

  it('names a group "URBACT Local Group" by default, and lowercases the city key', () => {
    expect(FormLocalGroup.parse({ cityId: 'Torino-IT' })).toEqual({ cityId: 'torino-it', name: 'URBACT Local Group', coordinator: null });
  });
});
