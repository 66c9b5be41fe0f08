import type { ActionPlanEvent } from '../../domain/actionPlan/events.js';
import { classOf } from '../../domain/actionPlan/funding.js';
import { idOfStream } from '../../domain/shared/decider.js';
import { column, defineTable, type RowOf } from '../table.js';
import { dataOf, projection, type ReadModelStore } from '../types.js';
import { bump, totalsTableSql } from './totals.js';

/** A plan as the outcomes count it: the columns of the plan's own row, and the day it was drafted. */
export const outcomePlansTable = defineTable(
  'outcome_plans',
  {
    plan_id: column.key(),
    network_id: column.text(),
    network_kind: column.text(),
    city_id: column.text(),
    city_name: column.text(),
    country: column.text(),
    title: column.text(),
    drafted_on: column.text(),
    endorsed_on: column.textOrNull(),
  },
  { indexes: { outcome_plans_endorsed: ['endorsed_on'], outcome_plans_country: ['country', 'endorsed_on'] } },
);

export type OutcomePlanRow = RowOf<typeof outcomePlansTable>;

export const outcomeActionsTable = defineTable(
  'outcome_actions',
  {
    action_id: column.key(),
    plan_id: column.text(),
    network_id: column.text(),
    network_kind: column.text(),
    city_id: column.text(),
    country: column.text(),
    title: column.text(),
    phase: column.text(),
    status: column.text(),
    /** Date of the current status; the day it was added while planned. */
    status_date: column.text(),
    after_endorsement: column.integer(),
  },
  {
    indexes: {
      outcome_actions_network: ['network_id', 'status_date', 'country', 'phase', 'status'],
      outcome_actions_date: ['status_date', 'network_id', 'country', 'phase', 'status'],
      outcome_actions_slice: ['phase', 'status', 'status_date'],
      outcome_actions_country: ['country', 'status_date', 'network_id', 'phase', 'status'],
    },
  },
);

export type OutcomeActionRow = RowOf<typeof outcomeActionsTable>;

export const outcomeFundingTable = defineTable(
  'outcome_funding',
  {
    funding_id: column.key(),
    action_id: column.text(),
    plan_id: column.text(),
    network_id: column.text(),
    city_id: column.text(),
    country: column.text(),
    source: column.text(),
    /** Whose money (ERDF, ESF...) and the channel it came through (UIA...): domain/actionPlan/funding.ts. */
    fund: column.text(),
    channel: column.textOrNull(),
    amount_cents: column.integer(),
    programme: column.text(),
    date: column.text(),
  },
  {
    indexes: {
      outcome_funding_fund: ['fund', 'date'],
      outcome_funding_date: ['date', 'network_id', 'country', 'source', 'amount_cents'],
      outcome_funding_source: ['source', 'date'],
      outcome_funding_country: ['country', 'date', 'network_id', 'source', 'amount_cents'],
      outcome_funding_network: ['network_id', 'date', 'country', 'source', 'amount_cents'],
    },
  },
);

export type OutcomeFundingRow = RowOf<typeof outcomeFundingTable>;

const TOTALS = 'outcome_plan_totals';

const data = dataOf<ActionPlanEvent>();

const planOf = (db: ReadModelStore, planId: string) => db.get<OutcomePlanRow>('SELECT * FROM outcome_plans WHERE plan_id = ?', [planId]);

/** A figure of a plan's totals, counted for the network and country of its plan (or action) row. */
const figureOf = (figure: string, row: Pick<OutcomePlanRow, 'network_id' | 'network_kind' | 'country'>) => ({
  figure,
  networkId: row.network_id,
  networkKind: row.network_kind,
  country: row.country,
});

/**
 * Outcomes of Integrated Action Plans: one fact row per plan, action and secured funding (for
 * drill-down and dated filters) and pre-aggregated totals per network and country.
 */
export const outcomePlansProjection = projection({
  name: 'outcomePlans',
  version: 6,
  schema: `${outcomePlansTable.schema}
  ${outcomeActionsTable.schema}
  ${outcomeFundingTable.schema}
  ${totalsTableSql(TOTALS)}`,
  handles: ['ActionPlanDrafted', 'PlanActionAdded', 'ActionStatusChanged', 'FundingSecured', 'ActionPlanEndorsed'],
  apply(db, event) {
    const planId = idOfStream(event.streamId);
    const day = event.metadata.occurredAt.slice(0, 10);
    switch (event.type) {
      case 'ActionPlanDrafted': {
        const d = data(event, 'ActionPlanDrafted');
        outcomePlansTable.insert(db, {
          plan_id: planId,
          network_id: d.networkId,
          network_kind: d.networkKind,
          city_id: d.cityId,
          city_name: d.cityName,
          country: d.country,
          title: d.title,
          drafted_on: day,
        });
        bump(db, TOTALS, { figure: 'plans', networkId: d.networkId, networkKind: d.networkKind, country: d.country, date: day, k1: 'drafted' }, 1);
        break;
      }
      case 'ActionPlanEndorsed': {
        const d = data(event, 'ActionPlanEndorsed');
        const plan = planOf(db, planId);
        if (!plan) return;
        db.run('UPDATE outcome_plans SET endorsed_on = ? WHERE plan_id = ?', [d.date, planId]);
        bump(db, TOTALS, { ...figureOf('plans', plan), date: d.date, k1: 'endorsed' }, 1);
        break;
      }
      case 'PlanActionAdded': {
        const d = data(event, 'PlanActionAdded');
        const plan = planOf(db, planId);
        if (!plan) return;
        outcomeActionsTable.insert(db, {
          action_id: d.actionId,
          plan_id: planId,
          network_id: plan.network_id,
          network_kind: plan.network_kind,
          city_id: plan.city_id,
          country: plan.country,
          title: d.title,
          phase: d.phase,
          status: 'planned',
          status_date: day,
          after_endorsement: d.addedAfterEndorsement ? 1 : 0,
        });
        bump(db, TOTALS, { ...figureOf('actions', plan), date: day, k1: d.phase, k2: 'planned' }, 1);
        break;
      }
      case 'ActionStatusChanged': {
        const d = data(event, 'ActionStatusChanged');
        const action = db.get<OutcomeActionRow>('SELECT * FROM outcome_actions WHERE action_id = ?', [d.actionId]);
        if (!action) return;
        db.run('UPDATE outcome_actions SET status = ?, status_date = ? WHERE action_id = ?', [d.to, d.date, d.actionId]);
        const key = { ...figureOf('actions', action), k1: action.phase };
        bump(db, TOTALS, { ...key, date: action.status_date, k2: action.status }, -1);
        bump(db, TOTALS, { ...key, date: d.date, k2: d.to }, 1);
        break;
      }
      case 'FundingSecured': {
        const d = data(event, 'FundingSecured');
        const plan = planOf(db, planId);
        if (!plan) return;
        const { fund, channel } = classOf(d);
        outcomeFundingTable.insert(db, {
          funding_id: d.fundingId,
          action_id: d.actionId,
          plan_id: planId,
          network_id: plan.network_id,
          city_id: plan.city_id,
          country: plan.country,
          source: d.source,
          fund,
          channel,
          amount_cents: d.amountCents,
          programme: d.programme,
          date: d.date,
        });
        bump(db, TOTALS, { ...figureOf('funding', plan), date: d.date, k1: d.source }, 1, d.amountCents);
        break;
      }
    }
  },
});
