import { AsOfArg } from '../journeySupport.js';
import { DatePrecision } from '../../domain/shared/values.js';
import { DatePrecisionEnum } from '../meeting.js';
import { z } from 'zod';
import { actionPlanIdFor } from '../../domain/actionPlan/ids.js';
import { CityId } from '../../domain/shared/values.js';
import type { ActionPlanRow, PlanClusterRow } from '../../projections/actionPlan/actionPlans.js';
import { findPlan, findPlans, fundingTotalsOfPlan, listActions, listClusters, listIndicators, listPlans, responsibleBodiesOfPlan } from '../../projections/actionPlan/queries.js';
import { entityId } from '../../src/application/ids.js';
import { fromSource, pageFrom, readModelsAsOf, sourceOf } from '../asOf.js';
import { nestedPage } from '../nestedPage.js';
import { builder } from '../builder.js';
import { networkOrCity, networkOrCityArgs } from '../journeySupport.js';
import { rowNode } from '../loaders.js';
import { SourceAmount } from '../money.js';
import { Network, networkOfRow } from '../network.js';
import { planReadScopes } from './access.js';
import { ActionPhaseEnum, ActionStatusEnum, PlanAction } from './planAction.js';
import { PlanIndicator } from './planIndicator.js';

const PlanCluster = builder.objectRef<PlanClusterRow>('PlanCluster').implement({
  description: 'A cluster or entry point of a plan ("Collective actions").',
  fields: (t) => ({
    key: t.exposeString('key'),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
  }),
});

const ResponsibleBody = builder.objectRef<{ name: string; actions: number }>('ResponsibleBody').implement({
  description: "A body that promotes actions of a plan (the actions' responsibleBody; one spelling of those that differ only in case, accents or punctuation).",
  fields: (t) => ({ name: t.exposeString('name'), actions: t.exposeInt('actions') }),
});

export const ActionPlan = rowNode(builder.objectRef<ActionPlanRow>('ActionPlan'), 'planId', findPlans, {
  description: "A city's Integrated Action Plan in a network.",
  authScopes: (row) => planReadScopes(row),
  fields: (t) => ({
    network: t.field({ type: Network, nullable: true, resolve: networkOfRow }),
    cityId: t.exposeID('city_id'),
    cityName: t.exposeString('city_name'),
    country: t.exposeString('country'),
    title: t.exposeString('title'),
    vision: t.exposeString('vision'),
    clusters: t.field({ type: [PlanCluster], resolve: (r, _args, context) => listClusters(sourceOf(r, context), r.id) }),
    endorsed: t.boolean({ resolve: (r) => r.endorsed_on !== null }),
    endorsedOn: t.expose('endorsed_on', {
      type: 'Date',
      nullable: true,
      description: 'The day endorsed; when endorsedOnPrecision is month or year, the last day of that month or year (known only so far).',
    }),
    endorsedOnPrecision: t.field({
      type: DatePrecisionEnum,
      nullable: true,
      description: 'How exactly the endorsement date is known; null until endorsed.',
      resolve: (r) => (r.endorsed_on === null ? null : DatePrecision.parse(r.endorsed_precision ?? 'day')),
    }),
    endorsedOnWording: t.exposeString('endorsed_wording', { nullable: true, description: 'The endorsement date as the source words it.' }),
    endorsedBy: t.exposeString('endorsed_by', { nullable: true }),
    actions: t.connection({
      extensions: { defaultPageSize: 100 }, // counted by the cost model (src/server/queryCost.ts)
      type: PlanAction,
      args: {
        clusterKey: t.arg.string({ required: false }),
        phase: t.arg({ type: ActionPhaseEnum, required: false }),
        status: t.arg({ type: ActionStatusEnum, required: false }),
        addedAfterEndorsement: t.arg.boolean({ required: false }),
        responsibleBody: t.arg.string({
          required: false,
          description:
            'Actions whose responsible body (promoter) contains these whole words, ignoring case, accents and punctuation: "city of turin" finds "City of Turin (partner)". `responsibleBodies` lists them.',
          validate: z.string().trim().min(1).max(300).nullish(),
        }),
      },
      resolve: (r, args, context) => nestedPage(r, args, context, (db, limit, offset) => listActions(db, r.id, args, limit, offset)),
    }),
    responsibleBodies: t.field({
      type: [ResponsibleBody],
      description: "Who promotes the plan's actions, with how many each: the names the responsibleBody filter of actions takes.",
      resolve: (r, _args, context) => responsibleBodiesOfPlan(sourceOf(r, context), r.id),
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
      asOf: t.arg({ type: 'DateTime', required: false, validate: AsOfArg }),
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
      ...networkOrCityArgs(t.arg),
      endorsed: t.arg.boolean({ required: false }),
      asOf: t.arg({ type: 'DateTime', required: false, validate: AsOfArg }),
    },
    authScopes: (_root, args) => {
      const { networkId, cityId } = networkOrCity(args);
      return {
        secretariat: true,
        ...(networkId ? { leadExpertOf: networkId, partnerOf: networkId } : {}),
        ...(cityId ? { coordinatorOf: cityId } : {}),
      };
    },
    resolve: async (_root, args, context) => {
      const db = await readModelsAsOf(context, args.asOf);
      const filter = { ...networkOrCity(args), endorsed: args.endorsed ?? null };
      return pageFrom(db, args, (limit, offset) => listPlans(db, filter, limit, offset));
    },
  }),
}));
