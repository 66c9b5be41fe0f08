import { z } from 'zod';
import { AddStakeholder, ChangeLocalGroupCoordinator, FormLocalGroup, RemoveStakeholder } from '../../domain/localGroup/decider.js';
import { localGroupDecider } from '../../domain/localGroup/decider.js';
import { localGroupIdOf } from '../../domain/localGroup/ids.js';
import { streamIdOf } from '../../domain/shared/decider.js';
import { entityId } from './ids.js';
import { inNetwork, loadNetworkSnapshot } from './networkSnapshot.js';
import { defineUseCase } from './useCase.js';

/** URBACT Local Groups: one per partner and network, with a coordinator and local stakeholders. */

const group = inNetwork(localGroupDecider, 'LocalGroup', (state) => (state.formed ? state.networkId : undefined));
const GroupTarget = z.object({ localGroupId: entityId('LocalGroup') });

/** The group's id derives from its network and city, so a second group of a partner is refused by the decider. */
export const formLocalGroup = defineUseCase(
  'formLocalGroup',
  FormLocalGroup.extend({ networkId: entityId('Network') }),
  async (ledger, { networkId, ...data }, options) => {
    const network = await loadNetworkSnapshot(ledger, networkId);
    const streamId = streamIdOf(localGroupDecider.category, localGroupIdOf(networkId, data.cityId));
    return ledger.execute(localGroupDecider, streamId, { type: 'FormLocalGroup', data: { ...data, network } }, options);
  },
);

export const addStakeholder = defineUseCase(
  'addStakeholder',
  GroupTarget.extend(AddStakeholder.shape),
  (ledger, { localGroupId, ...data }, options) =>
    group.change(ledger, localGroupId, (network) => ({ type: 'AddStakeholder', data: { ...data, network } }), options),
);

export const removeStakeholder = defineUseCase(
  'removeStakeholder',
  GroupTarget.extend(RemoveStakeholder.shape),
  (ledger, { localGroupId, ...data }, options) =>
    group.change(ledger, localGroupId, (network) => ({ type: 'RemoveStakeholder', data: { ...data, network } }), options),
);

export const changeLocalGroupCoordinator = defineUseCase(
  'changeLocalGroupCoordinator',
  GroupTarget.extend(ChangeLocalGroupCoordinator.shape),
  (ledger, { localGroupId, ...data }, options) =>
    group.change(ledger, localGroupId, (network) => ({ type: 'ChangeLocalGroupCoordinator', data: { ...data, network } }), options),
);
