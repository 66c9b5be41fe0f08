import type { ActionPlanEvent } from '../../domain/actionPlan/events.js';
import { classOf } from '../../domain/actionPlan/funding.js';
import { idOfStream } from '../../domain/shared/decider.js';
import type { ActionPlanRow } from '../actionPlan/actionPlans.js';
import { dataOf, projection, type ReadModelStore } from '../types.js';
import { bump, totalsTableSql } from './totals.js';

/** A plan as the outcomes count it: the columns of the plan's own row, and the day it was drafted. */
export type OutcomePlanRow = Pick<ActionPlanRow, 'network_id' | 'network_kind' | 'city_id' | 'city_name' | 'country' | 'title' | 'endorsed_on'> & {
  plan_id: string;
  drafted_on: string;
};

export interface OutcomeActionRow {
  action_id: string;
  plan_id: string;
  network_id: string;
  network_kind: string;
  city_id: string;
  country: string;
  title: string;
  phase: string;
  status: string;
  /** Date of the current status; the day it was added while planned. */
  status_date: string;
  after_endorsement: number;
}

export interface OutcomeFundingRow {
  funding_id: string;
  action_id: string;
  plan_id: string;
  network_id: string;
  city_id: string;
  country: string;
  source: string;
  /** Whose money (ERDF, ESF...) and the channel it came through (UIA...): domain/actionPlan/funding.ts. */
  fund: string;
  channel: string | null;
  amount_cents: number;
  programme: string;
  date: string;
}

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
  schema: `CREATE TABLE IF NOT EXISTS outcome_plans (
    plan_id TEXT PRIMARY KEY, network_id TEXT NOT NULL, network_kind TEXT NOT NULL, city_id TEXT NOT NULL, city_name TEXT NOT NULL,
    country TEXT NOT NULL, title TEXT NOT NULL, drafted_on TEXT NOT NULL, endorsed_on TEXT);
  CREATE INDEX IF NOT EXISTS outcome_plans_endorsed ON outcome_plans (endorsed_on);
  CREATE INDEX IF NOT EXISTS outcome_plans_country ON outcome_plans (country, endorsed_on);
  CREATE TABLE IF NOT EXISTS outcome_actions (
    action_id TEXT PRIMARY KEY, plan_id TEXT NOT NULL, network_id TEXT NOT NULL, network_kind TEXT NOT NULL, city_id TEXT NOT NULL,
    country TEXT NOT NULL, title TEXT NOT NULL, phase TEXT NOT NULL, status TEXT NOT NULL, status_date TEXT NOT NULL,
    after_endorsement INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS outcome_actions_network ON outcome_actions (network_id, status_date, country, phase, status);
  CREATE INDEX IF NOT EXISTS outcome_actions_date ON outcome_actions (status_date, network_id, country, phase, status);
  CREATE INDEX IF NOT EXISTS outcome_actions_slice ON outcome_actions (phase, status, status_date);
  CREATE INDEX IF NOT EXISTS outcome_actions_country ON outcome_actions (country, status_date, network_id, phase, status);
  CREATE TABLE IF NOT EXISTS outcome_funding (
    funding_id TEXT PRIMARY KEY, action_id TEXT NOT NULL, plan_id TEXT NOT NULL, network_id TEXT NOT NULL, city_id TEXT NOT NULL,
    country TEXT NOT NULL, source TEXT NOT NULL, fund TEXT NOT NULL, channel TEXT, amount_cents INTEGER NOT NULL, programme TEXT NOT NULL,
    date TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS outcome_funding_fund ON outcome_funding (fund, date);
  CREATE INDEX IF NOT EXISTS outcome_funding_date ON outcome_funding (date, network_id, country, source, amount_cents);
  CREATE INDEX IF NOT EXISTS outcome_funding_source ON outcome_funding (source, date);
  CREATE INDEX IF NOT EXISTS outcome_funding_country ON outcome_funding (country, date, network_id, source, amount_cents);
  CREATE INDEX IF NOT EXISTS outcome_funding_network ON outcome_funding (network_id, date, country, source, amount_cents);
  ${totalsTableSql(TOTALS)}`,
  handles: ['ActionPlanDrafted', 'PlanActionAdded', 'ActionStatusChanged', 'FundingSecured', 'ActionPlanEndorsed'],
  apply(db, event) {
    const planId = idOfStream(event.streamId);
    const day = event.metadata.occurredAt.slice(0, 10);
    switch (event.type) {
      case 'ActionPlanDrafted': {
        const d = data(event, 'ActionPlanDrafted');
        db.run(
          `INSERT INTO outcome_plans (plan_id, network_id, network_kind, city_id, city_name, country, title, drafted_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [planId, d.networkId, d.networkKind, d.cityId, d.cityName, d.country, d.title, day],
        );
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
        db.run(
          `INSERT INTO outcome_actions (action_id, plan_id, network_id, network_kind, city_id, country, title, phase, status, status_date, after_endorsement)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?)`,
          [d.actionId, planId, plan.network_id, plan.network_kind, plan.city_id, plan.country, d.title, d.phase, day, d.addedAfterEndorsement ? 1 : 0],
        );
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
        db.run(
          `INSERT INTO outcome_funding (funding_id, action_id, plan_id, network_id, city_id, country, source, fund, channel, amount_cents, programme, date)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [d.fundingId, d.actionId, planId, plan.network_id, plan.city_id, plan.country, d.source, classOf(d).fund, classOf(d).channel, d.amountCents, d.programme, d.date],
        );
        bump(db, TOTALS, { ...figureOf('funding', plan), date: d.date, k1: d.source }, 1, d.amountCents);
        break;
      }
    }
  },
});
