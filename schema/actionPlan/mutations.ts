import { ClusterInput, FundingLineInput } from '../../domain/actionPlan/decider.js';
import { actionAddedAt, findAction, findIndicator, findPlan, indicatorDefinedAt } from '../../projections/actionPlan/queries.js';
import type { ReadModelStore } from '../../projections/types.js';
import {
  addPlanAction,
  addPlanCluster,
  changeActionStatus,
  defineIndicator,
  draftActionPlan,
  endorseActionPlan,
  recordFundingSecured,
  recordIndicatorValue,
  revisePlanVision,
} from '../../src/application/actionPlan.js';
import type { Context } from '../builder.js';
import { commandMutation, entityPayload, type CommandPayload, type PayloadFieldBuilder } from '../command.js';
import { inputName } from '../inputs.js';
import { partnerRowWriters, partnerWriters } from '../journeySupport.js';
import { ActionPlan } from './actionPlan.js';
import { PlanAction } from './planAction.js';
import { PlanIndicator } from './planIndicator.js';

inputName(ClusterInput, 'PlanClusterInput');
inputName(FundingLineInput, 'PlannedFundingInput');

const planPayload = entityPayload('actionPlan', ActionPlan, findPlan).payload;

/** Resolves what the command added to the plan: the row the plan's new revision added. */
const addedToPlan =
  <Row>(addedAt: (db: ReadModelStore, planId: string, revision: number) => Row | undefined) =>
  (payload: CommandPayload, _args: unknown, context: Context) =>
    addedAt(context.readModels, payload.aggregateId, Number(payload.revision)) ?? null;

/** Who changes a plan, or what it holds (an action, an indicator): the partnerWriters of its city. */
const planWriters = (context: Context, planId: string | undefined) => partnerRowWriters(planId ? findPlan(context.readModels, planId) : undefined);
const writersOfPlan = ({ planId }: { planId: string }, context: Context) => planWriters(context, planId);
const writersOfAction = ({ actionId }: { actionId: string }, context: Context) =>
  planWriters(context, findAction(context.readModels, actionId)?.plan_id);

commandMutation({
  useCase: draftActionPlan,
  description: 'A partner city drafts its Integrated Action Plan in a network (one plan per city and network).',
  authScopes: ({ networkId, cityId }) => partnerWriters(networkId, cityId),
  payload: planPayload,
});

commandMutation({
  useCase: addPlanCluster,
  description: 'Adds a cluster (entry point) to a plan.',
  authScopes: writersOfPlan,
  payload: planPayload,
});

commandMutation({
  useCase: revisePlanVision,
  description: "Revises a plan's title and vision.",
  authScopes: writersOfPlan,
  payload: planPayload,
});

commandMutation({
  useCase: addPlanAction,
  description: 'Adds an action to a plan. Actions added after endorsement are flagged as such.',
  authScopes: writersOfPlan,
  payload: (t: PayloadFieldBuilder) => ({
    ...planPayload(t),
    action: t.field({ type: PlanAction, nullable: true, resolve: addedToPlan(actionAddedAt) }),
  }),
});

commandMutation({
  useCase: changeActionStatus,
  description: 'Moves an action to planned, inProgress, implemented or abandoned, with a date and a note.',
  authScopes: writersOfAction,
  payload: planPayload,
});

commandMutation({
  useCase: recordFundingSecured,
  description: 'Records money secured for an action, by source.',
  authScopes: writersOfAction,
  payload: planPayload,
});

commandMutation({
  useCase: defineIndicator,
  description: 'Defines an indicator of a plan, plan-wide or for one of its actions.',
  authScopes: writersOfPlan,
  payload: (t: PayloadFieldBuilder) => ({
    ...planPayload(t),
    indicator: t.field({ type: PlanIndicator, nullable: true, resolve: addedToPlan(indicatorDefinedAt) }),
  }),
});

commandMutation({
  useCase: recordIndicatorValue,
  description: 'Records a measured value of an indicator on a date.',
  authScopes: ({ indicatorId }, context) => planWriters(context, findIndicator(context.readModels, indicatorId)?.plan_id),
  payload: planPayload,
});

commandMutation({
  useCase: endorseActionPlan,
  description: 'Records that the city council endorsed the plan on a date.',
  authScopes: writersOfPlan,
  payload: planPayload,
});
