import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { ulid } from 'ulid';
import { z } from 'zod';
import {
  AddPlanAction,
  AddPlanCluster,
  ChangeActionStatus,
  DefineIndicator,
  DraftActionPlan,
  EndorseActionPlan,
  RecordFundingSecured,
  RecordIndicatorValue,
  RevisePlanVision,
  type ActionPlanCommand,
} from '../domain/actionPlan/commands.js';
import { actionPlanDecider } from '../domain/actionPlan/decider.js';
import { ActionPhase, ActionStatus, FundingSource, PlannedFunding } from '../domain/actionPlan/events.js';
import { actionPlanIdFor } from '../domain/actionPlan/ids.js';
import { centsToEuros } from '../domain/actionPlan/money.js';
import { streamIdOf } from '../domain/shared/decider.js';
import { NotFoundError } from '../domain/shared/errors.js';
import { CityId, IsoDateTime } from '../domain/shared/values.js';
import { findNetwork } from '../projections/network/queries.js';
import type { ActionPlanRow, FundingSecuredRow, IndicatorRow, IndicatorValueRow, PlanActionRow, PlanClusterRow, StatusChangeRow } from '../projections/actionPlan/actionPlans.js';
import { actionAddedAt, findAction, findActions, findIndicator, findPlan, findPlans, fundingOfAction, fundingTotalsOfPlan, indicatorDefinedAt, indicatorValues, listActions, listClusters, listIndicators, listPlans, statusHistory } from '../projections/actionPlan/queries.js';
import type { ReadModelStore } from '../projections/types.js';
import type { CommandOptions } from '../src/commands/handleCommand.js';
import { fromSource, readModelsAsOf, sourceOf } from './asOf.js';
import { loadManyFrom } from './loaders.js';
import { builder, type Context } from './builder.js';
import { findNetworkSnapshot } from '../src/application/networkSnapshot.js';
import { legacyCommandMutation, entityPayload, type PayloadFieldBuilder } from './command.js';
import { entityId } from '../src/application/ids.js';
import { Network } from './network.js';

// ---------------------------------------------------------------- shared output types

/** Money: integer cents as a string (exact beyond 2^31) and the same amount in euros. */
export const Money = builder.objectRef<{ cents: number | bigint }>('Money').implement({
  description: 'An amount in euros. Sums are exact: integer cents, never floating point.',
  fields: (t) => ({
    cents: t.string({ description: 'Integer euro cents, as a string.', resolve: (m) => BigInt(m.cents).toString() }),
    euros: t.string({ description: 'Decimal euros with two decimals, e.g. "1500000.00".', resolve: (m) => centsToEuros(m.cents) }),
    currency: t.string({ resolve: () => 'EUR' }),
  }),
});
export const money = (cents: number | bigint | null | undefined) => ({ cents: cents ?? 0 });

export const ActionPhaseEnum = builder.enumType('ActionPhase', { values: ActionPhase.options });
export const ActionStatusEnum = builder.enumType('ActionStatus', { values: ActionStatus.options });
export const FundingSourceEnum = builder.enumType('FundingSource', {
  values: FundingSource.options,
  description: 'ESF, ERDF, UIA, national, private, or other (EU research programmes such as Horizon 2020: named in programme).',
});

export const SourceAmount = builder.objectRef<{ source: string; cents: number; count?: number }>('FundingBySource').implement({
  fields: (t) => ({
    source: t.field({ type: FundingSourceEnum, resolve: (r) => FundingSource.parse(r.source) }),
    amount: t.field({ type: Money, resolve: (r) => money(r.cents) }),
    records: t.int({ description: 'How many funding records make up the amount.', resolve: (r) => r.count ?? 0 }),
  }),
});

// ---------------------------------------------------------------- access

interface PlanKeys {
  network_id: string;
  city_id: string;
}

/** Who may see and change a plan: its city's coordinators, the network's lead expert, the secretariat. */
function planScopes(plan: PlanKeys | undefined) {
  if (!plan) return { secretariat: true };
  return { secretariat: true, leadExpertOf: plan.network_id, coordinatorOf: plan.city_id };
}

/** Readers also include the coordinators of the other partners of the network: they learn from each other's plans. */
function planReadScopes(plan: PlanKeys) {
  return { ...planScopes(plan), partnerOf: plan.network_id };
}

// ---------------------------------------------------------------- types

const PlanCluster = builder.objectRef<PlanClusterRow>('PlanCluster').implement({
  description: 'A cluster or entry point of a plan ("Collective actions").',
  fields: (t) => ({
    key: t.exposeString('key'),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
  }),
});

const PlannedFundingLine = builder.objectRef<z.infer<typeof PlannedFunding>>('PlannedFunding').implement({
  fields: (t) => ({
    source: t.field({ type: FundingSourceEnum, resolve: (r) => r.source }),
    amount: t.field({ type: Money, resolve: (r) => money(r.amountCents) }),
    programme: t.exposeString('programme'),
  }),
});

const StatusChange = builder.objectRef<StatusChangeRow>('ActionStatusChange').implement({
  fields: (t) => ({
    from: t.field({ type: ActionStatusEnum, resolve: (r) => ActionStatus.parse(r.from_status) }),
    to: t.field({ type: ActionStatusEnum, resolve: (r) => ActionStatus.parse(r.to_status) }),
    date: t.exposeString('date'),
    note: t.exposeString('note'),
  }),
});

const FundingSecuredRecord = builder.objectRef<FundingSecuredRow>('FundingSecured').implement({
  description: 'Money secured for an action.',
  fields: (t) => ({
    fundingId: t.exposeID('id'),
    source: t.field({ type: FundingSourceEnum, resolve: (r) => FundingSource.parse(r.source) }),
    amount: t.field({ type: Money, resolve: (r) => money(r.amount_cents) }),
    programme: t.exposeString('programme'),
    date: t.exposeString('date'),
    note: t.exposeString('note'),
  }),
});

const IndicatorValue = builder.objectRef<IndicatorValueRow>('IndicatorValue').implement({
  fields: (t) => ({
    date: t.exposeString('date'),
    value: t.exposeFloat('value'),
    note: t.exposeString('note'),
  }),
});

export const PlanAction = builder.node(builder.objectRef<PlanActionRow>('PlanAction'), {
  description: 'An action of an Integrated Action Plan.',
  id: { resolve: (row) => row.id },
  loadMany: loadManyFrom(findActions),
  authScopes: (row, context) => planReadScopes(findPlan(sourceOf(row, context), row.plan_id) ?? { network_id: '', city_id: '' }),
  fields: (t) => ({
    actionId: t.exposeID('id'),
    planId: t.exposeID('plan_id'),
    title: t.exposeString('title'),
    clusterKey: t.exposeString('cluster_key'),
    phase: t.field({ type: ActionPhaseEnum, resolve: (r) => ActionPhase.parse(r.phase) }),
    summary: t.exposeString('summary'),
    budget: t.field({ type: Money, nullable: true, resolve: (r) => (r.budget_cents === null ? null : money(r.budget_cents)) }),
    responsibleBody: t.exposeString('responsible_body'),
    plannedFunding: t.field({
      type: [PlannedFundingLine],
      resolve: (r) => z.array(PlannedFunding).parse(JSON.parse(r.funding)),
    }),
    status: t.field({ type: ActionStatusEnum, resolve: (r) => ActionStatus.parse(r.status) }),
    statusDate: t.exposeString('status_date', { nullable: true }),
    statusHistory: t.field({
      type: [StatusChange],
      resolve: (r, _args, context) => statusHistory(sourceOf(r, context), r.id),
    }),
    addedAt: t.exposeString('added_at'),
    addedAfterEndorsement: t.boolean({
      description: 'Added after the city council endorsed the plan: plans are living documents.',
      resolve: (r) => r.added_after_endorsement === 1,
    }),
    securedFunding: t.field({ type: Money, resolve: (r) => money(r.secured_cents) }),
    fundingSecured: t.field({
      type: [FundingSecuredRecord],
      resolve: (r, _args, context) => fundingOfAction(sourceOf(r, context), r.id),
    }),
  }),
});

export const PlanIndicator = builder.node(builder.objectRef<IndicatorRow>('PlanIndicator'), {
  id: { resolve: (row) => row.id },
  loadOne: (id, context) => findIndicator(context.readModels, id) ?? null,
  authScopes: (row, context) => planReadScopes(findPlan(sourceOf(row, context), row.plan_id) ?? { network_id: '', city_id: '' }),
  fields: (t) => ({
    indicatorId: t.exposeID('id'),
    name: t.exposeString('name'),
    unit: t.exposeString('unit'),
    actionId: t.exposeID('action_id', { nullable: true }),
    baseline: t.exposeFloat('baseline', { nullable: true }),
    target: t.exposeFloat('target', { nullable: true }),
    latestValue: t.exposeFloat('latest_value', { nullable: true, description: 'The value with the latest date.' }),
    latestDate: t.exposeString('latest_date', { nullable: true }),
    values: t.field({ type: [IndicatorValue], resolve: (r, _args, context) => indicatorValues(sourceOf(r, context), r.id) }),
  }),
});

export const ActionPlan = builder.node(builder.objectRef<ActionPlanRow>('ActionPlan'), {
  description: "A city's Integrated Action Plan in a network.",
  id: { resolve: (row) => row.id },
  loadMany: loadManyFrom(findPlans),
  authScopes: (row) => planReadScopes(row),
  fields: (t) => ({
    planId: t.exposeID('id'),
    network: t.field({
      type: Network,
      nullable: true,
      resolve: (r, _args, context) => {
        const db = sourceOf(r, context);
        return fromSource(db, findNetwork(db, r.network_id) ?? null);
      },
    }),
    cityId: t.exposeID('city_id'),
    cityName: t.exposeString('city_name'),
    country: t.exposeString('country'),
    title: t.exposeString('title'),
    vision: t.exposeString('vision'),
    clusters: t.field({ type: [PlanCluster], resolve: (r, _args, context) => listClusters(sourceOf(r, context), r.id) }),
    endorsed: t.boolean({ resolve: (r) => r.endorsed_on !== null }),
    endorsedOn: t.exposeString('endorsed_on', { nullable: true }),
    endorsedBy: t.exposeString('endorsed_by', { nullable: true }),
    actions: t.connection({
      type: PlanAction,
      args: {
        clusterKey: t.arg.string({ required: false }),
        phase: t.arg({ type: ActionPhaseEnum, required: false }),
        status: t.arg({ type: ActionStatusEnum, required: false }),
        addedAfterEndorsement: t.arg.boolean({ required: false }),
      },
      resolve: (r, args, context) => {
        const db = sourceOf(r, context);
        return resolveOffsetConnection({ args, defaultSize: 100, maxSize: 500 }, ({ limit, offset }) =>
          fromSource(db, listActions(db, r.id, args, limit, offset)),
        );
      },
    }),
    indicators: t.field({
      type: [PlanIndicator],
      resolve: (r, _args, context) => {
        const db = sourceOf(r, context);
        return fromSource(db, listIndicators(db, r.id));
      },
    }),
    fundingSecured: t.field({
      type: [SourceAmount],
      description: 'Funding secured for the plan\'s actions, by source.',
      resolve: (r, _args, context) => fundingTotalsOfPlan(sourceOf(r, context), r.id),
    }),
    revision: t.exposeInt('revision', { description: 'Send as expectedRevision to change this plan safely.' }),
  }),
});

// ---------------------------------------------------------------- queries

builder.queryFields((t) => ({
  actionPlan: t.field({
    type: ActionPlan,
    nullable: true,
    description: 'A plan, by its id or by network and city.',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: false, validate: entityId('ActionPlan').nullish() }),
      networkId: t.arg.id({ required: false, validate: entityId('Network').nullish() }),
      cityId: t.arg.id({ required: false, validate: CityId.nullish() }),
      asOf: t.arg.string({ required: false, validate: IsoDateTime.nullish() }),
    },
    resolve: async (_root, args, context) => {
      const db = await readModelsAsOf(context, args.asOf);
      const id = args.id
        ? entityId('ActionPlan').parse(args.id)
        : args.networkId && args.cityId
          ? actionPlanIdFor(entityId('Network').parse(args.networkId), CityId.parse(args.cityId))
          : null;
      return id ? fromSource(db, findPlan(db, id) ?? null) : null;
    },
  }),
  actionPlans: t.connection({
    type: ActionPlan,
    description: "Plans of a network (its lead expert, partners, secretariat) or of a city (its coordinators).",
    args: {
      networkId: t.arg.id({ required: false, validate: entityId('Network').nullish() }),
      cityId: t.arg.id({ required: false, validate: CityId.nullish() }),
      endorsed: t.arg.boolean({ required: false }),
      asOf: t.arg.string({ required: false, validate: IsoDateTime.nullish() }),
    },
    authScopes: (_root, args) => {
      const networkId = args.networkId ? entityId('Network').parse(args.networkId) : null;
      const cityId = args.cityId ? CityId.parse(args.cityId) : null;
      return {
        secretariat: true,
        ...(networkId ? { leadExpertOf: networkId, partnerOf: networkId } : {}),
        ...(cityId ? { coordinatorOf: cityId } : {}),
      };
    },
    resolve: async (_root, args, context) => {
      const db = await readModelsAsOf(context, args.asOf);
      const filter = {
        networkId: args.networkId ? entityId('Network').parse(args.networkId) : null,
        cityId: args.cityId ? CityId.parse(args.cityId) : null,
        endorsed: args.endorsed ?? null,
      };
      return resolveOffsetConnection({ args, defaultSize: 50, maxSize: 200 }, ({ limit, offset }) =>
        fromSource(db, listPlans(db, filter, limit, offset)),
      );
    },
  }),
}));

// ---------------------------------------------------------------- mutations


const planPayload = entityPayload('actionPlan', ActionPlan, findPlan).payload;

function runPlan(context: Context, planId: string, command: ActionPlanCommand, options: CommandOptions) {
  return context.app.execute(actionPlanDecider, streamIdOf(actionPlanDecider.category, planId), command, options);
}

function actionOf(db: ReadModelStore, actionId: string): PlanActionRow {
  const action = findAction(db, actionId);
  if (!action) throw new NotFoundError('PlanAction', actionId);
  return action;
}

const PlanTarget = z.object({ planId: entityId('ActionPlan') });
const ActionTarget = z.object({ actionId: entityId('PlanAction') });

const ClusterInputType = builder.inputType('PlanClusterInput', {
  fields: (t) => ({
    key: t.string({ required: true, description: 'Short key, e.g. civic-technologies.' }),
    title: t.string({ required: true }),
    description: t.string({ required: false }),
  }),
});

const FundingLineInputType = builder.inputType('PlannedFundingInput', {
  fields: (t) => ({
    source: t.field({ type: FundingSourceEnum, required: true }),
    amount: t.string({ required: true, description: 'Euros as a decimal string, e.g. "1500000" or "44000.50".' }),
    programme: t.string({ required: false }),
  }),
});

legacyCommandMutation({
  name: 'draftActionPlan',
  description: "A partner city drafts its Integrated Action Plan in a network (one plan per city and network).",
  input: (t) => ({
    networkId: t.id({ required: true }),
    cityId: t.id({ required: true }),
    title: t.string({ required: true }),
    vision: t.string({ required: false }),
    clusters: t.field({ type: [ClusterInputType], required: false }),
  }),
  schema: z.object({ networkId: entityId('Network'), ...DraftActionPlan.shape }),
  authScopes: ({ networkId, cityId }) => ({ secretariat: true, leadExpertOf: networkId, coordinatorOf: cityId }),
  execute: async ({ networkId, ...data }, context, options) => {
    const network = await findNetworkSnapshot(context.app, networkId);
    return runPlan(context, actionPlanIdFor(networkId, data.cityId), { type: 'DraftActionPlan', data: { ...data, networkId, network } }, options);
  },
  payload: planPayload,
});

const planScopesOf = async (planId: string, context: Context) => planScopes(findPlan(context.readModels, planId));

legacyCommandMutation({
  name: 'addPlanCluster',
  description: 'Adds a cluster (entry point) to a plan.',
  input: (t) => ({
    planId: t.id({ required: true }),
    key: t.string({ required: true }),
    title: t.string({ required: true }),
    description: t.string({ required: false }),
  }),
  schema: PlanTarget.extend(AddPlanCluster.shape),
  authScopes: ({ planId }, context) => planScopesOf(planId, context),
  execute: ({ planId, ...data }, context, options) => runPlan(context, planId, { type: 'AddPlanCluster', data }, options),
  payload: planPayload,
});

legacyCommandMutation({
  name: 'revisePlanVision',
  description: "Revises a plan's title and vision.",
  input: (t) => ({
    planId: t.id({ required: true }),
    title: t.string({ required: true }),
    vision: t.string({ required: false }),
  }),
  schema: PlanTarget.extend(RevisePlanVision.shape),
  authScopes: ({ planId }, context) => planScopesOf(planId, context),
  execute: ({ planId, ...data }, context, options) => runPlan(context, planId, { type: 'RevisePlanVision', data }, options),
  payload: planPayload,
});

legacyCommandMutation({
  name: 'addPlanAction',
  description: 'Adds an action to a plan. Actions added after endorsement are flagged as such.',
  input: (t) => ({
    planId: t.id({ required: true }),
    title: t.string({ required: true }),
    clusterKey: t.string({ required: true }),
    phase: t.field({ type: ActionPhaseEnum, required: true }),
    summary: t.string({ required: false }),
    budget: t.string({ required: false, description: 'Euros as a decimal string.' }),
    responsibleBody: t.string({ required: false }),
    funding: t.field({ type: [FundingLineInputType], required: false }),
  }),
  schema: PlanTarget.extend(AddPlanAction.shape),
  authScopes: ({ planId }, context) => planScopesOf(planId, context),
  execute: ({ planId, ...data }, context, options) =>
    runPlan(context, planId, { type: 'AddPlanAction', data: { ...data, actionId: ulid() } }, options),
  payload: (t) => ({
    ...planPayload(t),
    action: t.field({
      type: PlanAction,
      nullable: true,
      resolve: (payload, _args, context) => actionAddedAt(context.readModels, payload.aggregateId, Number(payload.revision)) ?? null,
    }),
  }),
});

const actionPayload = (t: PayloadFieldBuilder) => ({
  ...planPayload(t),
});

legacyCommandMutation({
  name: 'changeActionStatus',
  description: 'Moves an action to planned, inProgress, implemented or abandoned, with a date and a note.',
  input: (t) => ({
    actionId: t.id({ required: true }),
    status: t.field({ type: ActionStatusEnum, required: true }),
    date: t.string({ required: true, description: 'YYYY-MM-DD' }),
    note: t.string({ required: false }),
  }),
  schema: ActionTarget.extend(ChangeActionStatus.shape),
  authScopes: ({ actionId }, context) => planScopesOf(findAction(context.readModels, actionId)?.plan_id ?? '', context),
  execute: async ({ actionId, ...data }, context, options) =>
    runPlan(context, actionOf(context.readModels, actionId).plan_id, { type: 'ChangeActionStatus', data: { ...data, actionId } }, options),
  payload: actionPayload,
});

legacyCommandMutation({
  name: 'recordFundingSecured',
  description: 'Records money secured for an action, by source.',
  input: (t) => ({
    actionId: t.id({ required: true }),
    source: t.field({ type: FundingSourceEnum, required: true }),
    amount: t.string({ required: true, description: 'Euros as a decimal string, e.g. "1500000".' }),
    programme: t.string({ required: false }),
    date: t.string({ required: true, description: 'YYYY-MM-DD' }),
    note: t.string({ required: false }),
  }),
  schema: ActionTarget.extend(RecordFundingSecured.shape),
  authScopes: ({ actionId }, context) => planScopesOf(findAction(context.readModels, actionId)?.plan_id ?? '', context),
  execute: async ({ actionId, ...data }, context, options) =>
    runPlan(
      context,
      actionOf(context.readModels, actionId).plan_id,
      { type: 'RecordFundingSecured', data: { ...data, actionId, fundingId: ulid() } },
      options,
    ),
  payload: actionPayload,
});

legacyCommandMutation({
  name: 'defineIndicator',
  description: 'Defines an indicator of a plan, plan-wide or for one of its actions.',
  input: (t) => ({
    planId: t.id({ required: true }),
    actionId: t.id({ required: false }),
    name: t.string({ required: true }),
    unit: t.string({ required: false }),
    baseline: t.float({ required: false }),
    target: t.float({ required: false }),
  }),
  schema: PlanTarget.extend({ actionId: entityId('PlanAction').nullish(), ...DefineIndicator.shape }),
  authScopes: ({ planId }, context) => planScopesOf(planId, context),
  execute: ({ planId, actionId, ...data }, context, options) =>
    runPlan(context, planId, { type: 'DefineIndicator', data: { ...data, actionId: actionId ?? null, indicatorId: ulid() } }, options),
  payload: (t) => ({
    ...planPayload(t),
    indicator: t.field({
      type: PlanIndicator,
      nullable: true,
      resolve: (payload, _args, context) => indicatorDefinedAt(context.readModels, payload.aggregateId, Number(payload.revision)) ?? null,
    }),
  }),
});

legacyCommandMutation({
  name: 'recordIndicatorValue',
  description: 'Records a measured value of an indicator on a date.',
  input: (t) => ({
    indicatorId: t.id({ required: true }),
    date: t.string({ required: true, description: 'YYYY-MM-DD' }),
    value: t.float({ required: true }),
    note: t.string({ required: false }),
  }),
  schema: z.object({ indicatorId: entityId('PlanIndicator'), ...RecordIndicatorValue.shape }),
  authScopes: ({ indicatorId }, context) => planScopesOf(findIndicator(context.readModels, indicatorId)?.plan_id ?? '', context),
  execute: async ({ indicatorId, ...data }, context, options) => {
    const indicator = findIndicator(context.readModels, indicatorId);
    if (!indicator) throw new NotFoundError('PlanIndicator', indicatorId);
    return runPlan(context, indicator.plan_id, { type: 'RecordIndicatorValue', data: { ...data, indicatorId } }, options);
  },
  payload: planPayload,
});

legacyCommandMutation({
  name: 'endorseActionPlan',
  description: 'Records that the city council endorsed the plan on a date.',
  input: (t) => ({
    planId: t.id({ required: true }),
    date: t.string({ required: true, description: 'YYYY-MM-DD' }),
    body: t.string({ required: false, description: 'Who endorsed it; "City Council" by default.' }),
    note: t.string({ required: false }),
  }),
  schema: PlanTarget.extend(EndorseActionPlan.shape),
  authScopes: ({ planId }, context) => planScopesOf(planId, context),
  execute: ({ planId, ...data }, context, options) => runPlan(context, planId, { type: 'EndorseActionPlan', data }, options),
  payload: planPayload,
});

