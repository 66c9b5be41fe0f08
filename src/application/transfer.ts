import { ulid } from 'ulid';
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
import { aggregate } from './aggregate.js';
import { asId, entityId } from './ids.js';
import { inNetwork } from './networkSnapshot.js';

/**
 * Good-practice transfers: a receiving city adapts a source city's practice, Understand, Adapt,
 * Re-use. One transfer per receiving city, network and practice, so its id derives from them.
 * Only starting decides with the network's facts; the transfer decides every later step alone.
 */

const newTransfer = inNetwork(transferDecider, 'Transfer', 'transferId', (state) => state.networkId);
const transfer = aggregate(transferDecider, 'transferId');
const TransferTarget = { transferId: entityId('Transfer') };

// The practice is named by its id in the marketplace.
asId(StartTransfer.shape.practiceId);

export const startTransfer = newTransfer.createUseCase(
  'startTransfer',
  StartTransfer.safeExtend({ networkId: entityId('Network') }),
  (data, network) => ({ type: 'StartTransfer', data: { ...data, network } }),
  ({ networkId, ...data }) => transferIdFor(networkId, data.receivingCityId, data),
);

export const advanceTransferStage = transfer.useCase('advanceTransferStage', AdvanceTransferStage.extend(TransferTarget), 'AdvanceTransferStage');

export const recordTransferMilestone = transfer.define(
  'recordTransferMilestone',
  RecordTransferMilestone.extend(TransferTarget),
  (ledger, { transferId, ...data }, options) =>
    transfer.change(ledger, transferId, { type: 'RecordTransferMilestone', data: { ...data, milestoneId: ulid() } }, options),
);

export const submitTransferPlan = transfer.useCase('submitTransferPlan', SubmitTransferPlan.extend(TransferTarget), 'SubmitTransferPlan');

export const submitInvestmentPlan = transfer.useCase('submitInvestmentPlan', SubmitInvestmentPlan.extend(TransferTarget), 'SubmitInvestmentPlan');

export const assessTransferReadiness = transfer.useCase('assessTransferReadiness', AssessReadiness.extend(TransferTarget), 'AssessReadiness');

export const completeTransfer = transfer.useCase('completeTransfer', CompleteTransfer.extend(TransferTarget), 'CompleteTransfer');

export const abandonTransfer = transfer.useCase('abandonTransfer', AbandonTransfer.extend(TransferTarget), 'AbandonTransfer');
