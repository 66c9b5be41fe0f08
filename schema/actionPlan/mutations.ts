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
  translatePlanAction,
} from '../../src/application/actionPlan.js';
import type { ObjectRef } from '@pothos/core';
import type { Context, Types } from '../builder.js';
import { commandMutation, entityPayload, type PayloadFieldBuilder } from '../command.js';
import { inputName } from '../inputs.js';
import { partnerRowWriters, partnerWriters } from '../journeySupport.js';
import { ActionPlan } from './actionPlan.js';
import { PlanAction } from './planAction.js';
import { PlanIndicator } from './planIndicator.js';

inputName(ClusterInput, 'PlanClusterInput');
inputName(FundingLineInput, 'PlannedFundingInput');

const planPayload = entityPayload('actionPlan', ActionPlan, findPlan).payload;

/** The plan's payload, and in `field` what the command added to the plan: the row the plan's new revision added. */
const planPayloadAdding =
  <Row extends object>(field: string, type: ObjectRef<Types, Row>, addedAt: (db: ReadModelStore, planId: string, revision: number) => Row | undefined) =>
  (t: PayloadFieldBuilder) => ({
    ...planPayload(t),
    [field]: t.field({
      type,
      nullable: true,
      // Pothos cannot resolve its result type for a generic Row; addedAt() is typed above.
      resolve: (payload, _args, context) => (addedAt(context.readModels, payload.aggregateId, Number(payload.revision)) ?? null) as never,
    }),
  });

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
  payload: planPayloadAdding('action', PlanAction, actionAddedAt),
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
  payload: planPayloadAdding('indicator', PlanIndicator, indicatorDefinedAt),
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

commandMutation({
  useCase: translatePlanAction,
  description:
    "Adds a translation of an action's title or summary, keeping the original; one into a language already translated replaces it. Who may change the plan may translate it.",
  authScopes: writersOfAction,
  payload: planPayload,
});
