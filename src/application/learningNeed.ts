import {
  AddressLearningNeedFields,
  CloseLearningNeed,
  oneAddressee,
  RaiseLearningNeed,
  RefineLearningNeed,
  WithdrawLearningNeed,
} from '../../domain/learningNeed/decider.js';
import { learningNeedDecider } from '../../domain/learningNeed/decider.js';
import { meetingDecider } from '../../domain/meeting/decider.js';
import { meetingSnapshotOf } from '../../domain/meeting/snapshot.js';
import { streamIdOf } from '../../domain/shared/decider.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { entityId } from './ids.js';
import { inNetwork } from './networkSnapshot.js';

/** Learning needs: what a partner wants to learn; raised, refined, addressed, closed or withdrawn. */

const need = inNetwork(learningNeedDecider, 'LearningNeed', 'learningNeedId', (state) =>
  state.status === 'unraised' ? undefined : state.networkId,
);
const NeedTarget = { learningNeedId: entityId('LearningNeed') };

export const raiseLearningNeed = need.createUseCase(
  'raiseLearningNeed',
  RaiseLearningNeed.extend({ networkId: entityId('Network') }),
  ({ networkId, ...data }, network) => ({ type: 'RaiseLearningNeed', data: { ...data, network } }),
);

export const refineLearningNeed = need.useCase('refineLearningNeed', RefineLearningNeed.extend(NeedTarget), 'RefineLearningNeed');

export const addressLearningNeed = need.define(
  'addressLearningNeed',
  oneAddressee(AddressLearningNeedFields.extend({ ...NeedTarget, meetingId: entityId('Meeting').nullish().describe('Either a meeting...') })),
  async (ledger, { learningNeedId, ...data }, options) => {
    let meeting = null;
    if (data.meetingId) {
      const { state } = await ledger.load(meetingDecider, streamIdOf(meetingDecider.category, data.meetingId));
      meeting = meetingSnapshotOf(data.meetingId, state) ?? null;
      if (!meeting) throw new NotFoundError('Meeting', data.meetingId);
    }
    return need.change(
      ledger,
      learningNeedId,
      (network) => ({ type: 'AddressLearningNeed', data: { ...data, meeting, network } }),
      options,
    );
  },
);

export const closeLearningNeed = need.useCase('closeLearningNeed', CloseLearningNeed.extend(NeedTarget), 'CloseLearningNeed');

export const withdrawLearningNeed = need.useCase('withdrawLearningNeed', WithdrawLearningNeed.extend(NeedTarget), 'WithdrawLearningNeed');
