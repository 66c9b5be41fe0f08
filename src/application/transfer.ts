import {
  AbandonTransfer,
  AdvanceTransferStage,
  AssessReadiness,
  CompleteTransfer,
  RecordTransferMilestone,
  StartTransfer,
  SubmitInvestmentPlan,
  SubmitTransferPlan,
} from '../../domain/transfer/decider.js';
import { transferDecider, transferIdFor } from '../../domain/transfer/decider.js';
import { asId, entityId } from './ids.js';
import { startedInNetwork } from './networkSnapshot.js';

/**
 * Good-practice transfers: a receiving city adapts a source city's practice, Understand, Adapt,
 * Re-use. One transfer per receiving city, network and practice, so its id derives from them.
 * Only starting decides with the network's facts; the transfer decides every later step alone.
 */

const transfer = startedInNetwork(transferDecider, { transferId: entityId('Transfer') });

// The practice is named by its id in the marketplace.
asId(StartTransfer.shape.practiceId);

export const startTransfer = transfer.createUseCase(
  'startTransfer',
  StartTransfer.safeExtend({ networkId: entityId('Network') }),
  (data, network) => ({ type: 'StartTransfer', data: { ...data, network } }),
  ({ networkId, ...data }) => transferIdFor(networkId, data.receivingCityId, data),
);

export const advanceTransferStage = transfer.useCase('advanceTransferStage', AdvanceTransferStage.extend(transfer.target), 'AdvanceTransferStage');

export const recordTransferMilestone = transfer.useCase(
  'recordTransferMilestone',
  RecordTransferMilestone.extend(transfer.target),
  'RecordTransferMilestone',
  'milestoneId',
);

export const submitTransferPlan = transfer.useCase('submitTransferPlan', SubmitTransferPlan.extend(transfer.target), 'SubmitTransferPlan');

export const submitInvestmentPlan = transfer.useCase('submitInvestmentPlan', SubmitInvestmentPlan.extend(transfer.target), 'SubmitInvestmentPlan');

export const assessTransferReadiness = transfer.useCase('assessTransferReadiness', AssessReadiness.extend(transfer.target), 'AssessReadiness');

export const completeTransfer = transfer.useCase('completeTransfer', CompleteTransfer.extend(transfer.target), 'CompleteTransfer');

export const abandonTransfer = transfer.useCase('abandonTransfer', AbandonTransfer.extend(transfer.target), 'AbandonTransfer');
