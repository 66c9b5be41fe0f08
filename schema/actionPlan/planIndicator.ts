import type { IndicatorRow, IndicatorValueRow } from '../../projections/actionPlan/actionPlans.js';
import { findIndicator, indicatorValues } from '../../projections/actionPlan/queries.js';
import { sourceOf } from '../asOf.js';
import { builder } from '../builder.js';
import { heldByPlanReadScopes } from './access.js';

const IndicatorValue = builder.objectRef<IndicatorValueRow>('IndicatorValue').implement({
  fields: (t) => ({
    date: t.expose('date', { type: 'Date' }),
    value: t.exposeFloat('value'),
    note: t.exposeString('note'),
  }),
});

export const PlanIndicator = builder.node(builder.objectRef<IndicatorRow>('PlanIndicator'), {
  id: { resolve: (row) => row.id },
  loadOne: (id, context) => findIndicator(context.readModels, id) ?? null,
  authScopes: (row, context) => heldByPlanReadScopes(sourceOf(row, context), row),
  fields: (t) => ({
    indicatorId: t.exposeID('id'),
    name: t.exposeString('name'),
    unit: t.exposeString('unit'),
    actionId: t.exposeID('action_id', { nullable: true }),
    baseline: t.exposeFloat('baseline', { nullable: true }),
    target: t.exposeFloat('target', { nullable: true }),
    latestValue: t.exposeFloat('latest_value', { nullable: true, description: 'The value with the latest date.' }),
    latestDate: t.expose('latest_date', { type: 'Date', nullable: true }),
    values: t.field({ type: [IndicatorValue], resolve: (r, _args, context) => indicatorValues(sourceOf(r, context), r.id) }),
  }),
});
