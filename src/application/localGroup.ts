import { z } from 'zod';
import { AddStakeholder, ChangeLocalGroupCoordinator, FormLocalGroup, RemoveStakeholder } from '../../domain/localGroup/decider.js';
import { localGroupDecider } from '../../domain/localGroup/decider.js';
import { localGroupIdOf } from '../../domain/localGroup/ids.js';
import { entityId } from './ids.js';
import { inNetwork } from './networkSnapshot.js';

/** URBACT Local Groups: one per partner and network, with a coordinator and local stakeholders. */

const group = inNetwork(localGroupDecider, 'LocalGroup', 'localGroupId', (state) => (state.formed ? state.networkId : undefined));
const GroupTarget = z.object({ localGroupId: entityId('LocalGroup') });

/** The group's id derives from its network and city, so a second group of a partner is refused by the decider. */
export const formLocalGroup = group.createUseCase(
  'formLocalGroup',
  FormLocalGroup.extend({ networkId: entityId('Network') }),
  ({ networkId, ...data }, network) => ({ type: 'FormLocalGroup', data: { ...data, network } }),
  ({ networkId, cityId }) => localGroupIdOf(networkId, cityId),
);

export const addStakeholder = group.useCase('addStakeholder', GroupTarget.extend(AddStakeholder.shape), 'AddStakeholder');

export const removeStakeholder = group.useCase('removeStakeholder', GroupTarget.extend(RemoveStakeholder.shape), 'RemoveStakeholder');

export const changeLocalGroupCoordinator = group.useCase('changeLocalGroupCoordinator', GroupTarget.extend(ChangeLocalGroupCoordinator.shape), 'ChangeLocalGroupCoordinator');
