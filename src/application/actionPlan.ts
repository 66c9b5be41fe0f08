import { ulid } from 'ulid';
import {
  AddPlanAction,
  AddPlanCluster,
  ChangeActionStatus,
  DefineIndicator,
  DraftActionPlan,
  EndorseActionPlan,
  RecordFundingSecured,
  checkFundingClass,
  RecordIndicatorValue,
  RevisePlanVision,
  TranslatePlanAction,
} from '../../domain/actionPlan/decider.js';
import { actionPlanDecider } from '../../domain/actionPlan/decider.js';
import { ClusterKey } from '../../domain/actionPlan/events.js';
import { actionPlanIdFor } from '../../domain/actionPlan/ids.js';
import { planOfAction, planOfIndicator } from '../../projections/actionPlan/queries.js';
import { entityId } from './ids.js';
import { startedInNetwork } from './networkSnapshot.js';

/**
 * Integrated Action Plans: a partner city's plan in a network (one per city and network, so its id
 * derives from both), its clusters, actions, funding and indicators, endorsed by the city council.
 * Only drafting decides with the network's facts; the plan decides every later change alone.
 */

const plan = startedInNetwork(actionPlanDecider, { planId: entityId('ActionPlan') });
const ActionTarget = { actionId: entityId('PlanAction') };
/** The plan holding an action or an indicator, for the commands that name only the action or indicator. */
const planAction = (id: string) => ({ name: 'PlanAction', id, holderOf: planOfAction });
const planIndicator = (id: string) => ({ name: 'PlanIndicator', id, holderOf: planOfIndicator });

export const draftActionPlan = plan.createUseCase(
  'draftActionPlan',
  DraftActionPlan.extend({ networkId: entityId('Network') }),
  (data, network) => ({ type: 'DraftActionPlan', data: { ...data, network } }),
  ({ networkId, cityId }) => actionPlanIdFor(networkId, cityId),
);

export const addPlanCluster = plan.useCase(
  'addPlanCluster',
  // The key's description belongs to the clusters of a draft (PlanClusterInput), as the API always had it.
  AddPlanCluster.extend({ ...plan.target, key: ClusterKey }),
  'AddPlanCluster',
);

export const revisePlanVision = plan.useCase('revisePlanVision', RevisePlanVision.extend(plan.target), 'RevisePlanVision');

export const addPlanAction = plan.useCase('addPlanAction', AddPlanAction.extend(plan.target), 'AddPlanAction', 'actionId');

export const changeActionStatus = plan.define(
  'changeActionStatus',
  ChangeActionStatus.extend(ActionTarget),
  (ledger, data, options) => plan.changeHolder(ledger, planAction(data.actionId), { type: 'ChangeActionStatus', data }, options),
);

export const recordFundingSecured = plan.define(
  'recordFundingSecured',
  RecordFundingSecured.extend(ActionTarget).superRefine(checkFundingClass),
  (ledger, data, options) =>
    plan.changeHolder(ledger, planAction(data.actionId), { type: 'RecordFundingSecured', data: { ...data, fundingId: ulid() } }, options),
);

export const defineIndicator = plan.define(
  'defineIndicator',
  DefineIndicator.extend({ ...plan.target, actionId: entityId('PlanAction').nullish() }),
  (ledger, { planId, actionId, ...data }, options) =>
    plan.change(ledger, planId, { type: 'DefineIndicator', data: { ...data, actionId: actionId ?? null, indicatorId: ulid() } }, options),
);

export const recordIndicatorValue = plan.define(
  'recordIndicatorValue',
  RecordIndicatorValue.extend({ indicatorId: entityId('PlanIndicator') }),
  (ledger, data, options) =>
    plan.changeHolder(ledger, planIndicator(data.indicatorId), { type: 'RecordIndicatorValue', data }, options),
);

export const endorseActionPlan = plan.useCase('endorseActionPlan', EndorseActionPlan.extend(plan.target), 'EndorseActionPlan');

export const translatePlanAction = plan.define(
  'translatePlanAction',
  TranslatePlanAction.extend(ActionTarget),
  (ledger, data, options) => plan.changeHolder(ledger, planAction(data.actionId), { type: 'TranslatePlanAction', data }, options),
);
