import { searchKey } from '../../domain/shared/searchKey.js';
import { storeTranslation, translationsColumn } from '../meeting/translations.js';
import type { ActionPlanEvent } from '../../domain/actionPlan/events.js';
import { classOf } from '../../domain/actionPlan/funding.js';
import { dataOf, projection, streamFacts } from '../types.js';

export interface ActionPlanRow {
  id: string;
  network_id: string;
  network_kind: string;
  city_id: string;
  city_name: string;
  country: string;
  title: string;
  vision: string;
  endorsed_on: string | null;
  endorsed_by: string | null;
  endorsement_note: string | null;
  /** How exactly the endorsement date is known (null until endorsed); endorsed_on is the period's last day when not day. */
  endorsed_precision: string | null;
  endorsed_wording: string | null;
  drafted_at: string;
  revision: number;
}

export interface PlanClusterRow {
  plan_id: string;
  key: string;
  title: string;
  description: string;
  position: number;
}

export interface PlanActionRow {
  id: string;
  plan_id: string;
  position: number;
  title: string;
  /** BCP 47 tag of the title as written; null when not recorded. */
  title_language: string | null;
  /** JSON array of { text, language }; null when none. */
  title_translations: string | null;
  cluster_key: string;
  phase: string;
  summary: string;
  /** BCP 47 tag of the summary as written, and its translations (JSON); null when not recorded. */
  summary_language: string | null;
  summary_translations: string | null;
  budget_cents: number | null;
  responsible_body: string;
  /** The responsible body's search key (domain/shared/searchKey.ts): what the promoter filter matches. */
  responsible_body_key: string;
  funding: string;
  status: string;
  status_date: string | null;
  added_at: string;
  added_after_endorsement: number;
  secured_cents: number;
  /** Revision of the plan when the action was added: finds it in a mutation payload. */
  added_revision: number;
}

export interface StatusChangeRow {
  action_id: string;
  plan_id: string;
  seq: number;
  from_status: string;
  to_status: string;
  date: string;
  note: string;
}

export interface FundingSecuredRow {
  id: string;
  action_id: string;
  plan_id: string;
  source: string;
  /** Fund, channel and instrument (domain/actionPlan/funding.ts); from `source` for funding recorded before them. */
  fund: string;
  channel: string | null;
  instrument: string;
  amount_cents: number;
  programme: string;
  date: string;
  /** Null: day. */
  date_precision: string | null;
  date_wording: string | null;
  note: string;
}

export interface IndicatorRow {
  id: string;
  plan_id: string;
  action_id: string | null;
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  latest_value: number | null;
  latest_date: string | null;
  position: number;
  defined_revision: number;
}

export interface IndicatorValueRow {
  indicator_id: string;
  plan_id: string;
  seq: number;
  date: string;
  value: number;
  note: string;
}

const data = dataOf<ActionPlanEvent>();

/** Integrated Action Plans as the plan's city, its lead expert and the secretariat read them. */
export const actionPlansProjection = projection({
  name: 'actionPlans',
  version: 8,
  schema: `CREATE TABLE IF NOT EXISTS action_plans (
    id TEXT PRIMARY KEY, network_id TEXT NOT NULL, network_kind TEXT NOT NULL, city_id TEXT NOT NULL,
    city_name TEXT NOT NULL, country TEXT NOT NULL, title TEXT NOT NULL, vision TEXT NOT NULL,
    endorsed_on TEXT, endorsed_by TEXT, endorsement_note TEXT, endorsed_precision TEXT, endorsed_wording TEXT, drafted_at TEXT NOT NULL,
    revision INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS action_plans_network ON action_plans (network_id, city_id);
  CREATE INDEX IF NOT EXISTS action_plans_city ON action_plans (city_id);
  CREATE TABLE IF NOT EXISTS plan_clusters (
    plan_id TEXT NOT NULL, key TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL, position INTEGER NOT NULL,
    PRIMARY KEY (plan_id, key));
  CREATE TABLE IF NOT EXISTS plan_actions (
    id TEXT PRIMARY KEY, plan_id TEXT NOT NULL, position INTEGER NOT NULL, title TEXT NOT NULL, cluster_key TEXT NOT NULL,
    phase TEXT NOT NULL, summary TEXT NOT NULL, budget_cents INTEGER, responsible_body TEXT NOT NULL, responsible_body_key TEXT NOT NULL, funding TEXT NOT NULL,
    status TEXT NOT NULL, status_date TEXT, added_at TEXT NOT NULL, added_after_endorsement INTEGER NOT NULL,
    secured_cents INTEGER NOT NULL DEFAULT 0, added_revision INTEGER NOT NULL, title_language TEXT, title_translations TEXT,
    summary_language TEXT, summary_translations TEXT);
  CREATE INDEX IF NOT EXISTS plan_actions_plan ON plan_actions (plan_id, position);
  CREATE INDEX IF NOT EXISTS plan_actions_responsible_body ON plan_actions (plan_id, responsible_body_key);
  CREATE TABLE IF NOT EXISTS plan_status_changes (
    action_id TEXT NOT NULL, plan_id TEXT NOT NULL, seq INTEGER NOT NULL, from_status TEXT NOT NULL, to_status TEXT NOT NULL,
    date TEXT NOT NULL, note TEXT NOT NULL, PRIMARY KEY (action_id, seq));
  CREATE TABLE IF NOT EXISTS plan_funding_secured (
    id TEXT PRIMARY KEY, action_id TEXT NOT NULL, plan_id TEXT NOT NULL, source TEXT NOT NULL, fund TEXT NOT NULL, channel TEXT,
    instrument TEXT NOT NULL, amount_cents INTEGER NOT NULL, programme TEXT NOT NULL, date TEXT NOT NULL, note TEXT NOT NULL,
    date_precision TEXT, date_wording TEXT);
  CREATE INDEX IF NOT EXISTS plan_funding_secured_action ON plan_funding_secured (action_id, date);
  CREATE INDEX IF NOT EXISTS plan_funding_secured_plan ON plan_funding_secured (plan_id, date);
  CREATE TABLE IF NOT EXISTS plan_indicators (
    id TEXT PRIMARY KEY, plan_id TEXT NOT NULL, action_id TEXT, name TEXT NOT NULL, unit TEXT NOT NULL, baseline REAL,
    target REAL, latest_value REAL, latest_date TEXT, position INTEGER NOT NULL, defined_revision INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS plan_indicators_plan ON plan_indicators (plan_id, position);
  CREATE TABLE IF NOT EXISTS plan_indicator_values (
    indicator_id TEXT NOT NULL, plan_id TEXT NOT NULL, seq INTEGER NOT NULL, date TEXT NOT NULL, value REAL NOT NULL,
    note TEXT NOT NULL, PRIMARY KEY (indicator_id, seq));`,
  handles: [
    'ActionPlanDrafted',
    'PlanClusterAdded',
    'PlanVisionRevised',
    'PlanActionAdded',
    'PlanActionTextTranslated',
    'ActionStatusChanged',
    'FundingSecured',
    'IndicatorDefined',
    'IndicatorValueRecorded',
    'ActionPlanEndorsed',
  ],
  apply(db, event) {
    const { id: planId, revision, at } = streamFacts(event);
    switch (event.type) {
      case 'ActionPlanDrafted': {
        const d = data(event, 'ActionPlanDrafted');
        db.run(
          `INSERT INTO action_plans (id, network_id, network_kind, city_id, city_name, country, title, vision, drafted_at, revision)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [planId, d.networkId, d.networkKind, d.cityId, d.cityName, d.country, d.title, d.vision, at, revision],
        );
        d.clusters.forEach((c, i) =>
          db.run('INSERT INTO plan_clusters (plan_id, key, title, description, position) VALUES (?, ?, ?, ?, ?)', [planId, c.key, c.title, c.description, i]),
        );
        return;
      }
      case 'PlanClusterAdded': {
        const c = data(event, 'PlanClusterAdded');
        db.run(
          `INSERT INTO plan_clusters (plan_id, key, title, description, position)
           VALUES (?, ?, ?, ?, (SELECT COUNT(*) FROM plan_clusters WHERE plan_id = ?))`,
          [planId, c.key, c.title, c.description, planId],
        );
        break;
      }
      case 'PlanVisionRevised': {
        const d = data(event, 'PlanVisionRevised');
        db.run('UPDATE action_plans SET title = ?, vision = ? WHERE id = ?', [d.title, d.vision, planId]);
        break;
      }
      case 'PlanActionAdded': {
        const d = data(event, 'PlanActionAdded');
        db.run(
          `INSERT INTO plan_actions (id, plan_id, position, title, cluster_key, phase, summary, budget_cents, responsible_body,
             responsible_body_key, funding, status, status_date, added_at, added_after_endorsement, added_revision, title_language, title_translations,
             summary_language, summary_translations)
           VALUES (?, ?, (SELECT COUNT(*) FROM plan_actions WHERE plan_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, 'planned', NULL, ?, ?, ?, ?, ?, ?, ?)`,
          [d.actionId, planId, planId, d.title, d.clusterKey, d.phase, d.summary, d.budgetCents, d.responsibleBody, searchKey(d.responsibleBody),
            JSON.stringify(d.funding), at, d.addedAfterEndorsement ? 1 : 0, revision, d.titleLanguage ?? null,
            translationsColumn(d.titleTranslations), d.summaryLanguage ?? null, translationsColumn(d.summaryTranslations)],
        );
        break;
      }
      case 'PlanActionTextTranslated': {
        const { actionId, field, ...added } = data(event, 'PlanActionTextTranslated');
        storeTranslation(db, 'plan_actions', field, { where: 'id = ?', params: [actionId] }, added);
        break;
      }
      case 'ActionStatusChanged': {
        const d = data(event, 'ActionStatusChanged');
        db.run('UPDATE plan_actions SET status = ?, status_date = ? WHERE id = ?', [d.to, d.date, d.actionId]);
        db.run(
          `INSERT INTO plan_status_changes (action_id, plan_id, seq, from_status, to_status, date, note)
           VALUES (?, ?, (SELECT COUNT(*) FROM plan_status_changes WHERE action_id = ?), ?, ?, ?, ?)`,
          [d.actionId, planId, d.actionId, d.from, d.to, d.date, d.note],
        );
        break;
      }
      case 'FundingSecured': {
        const d = data(event, 'FundingSecured');
        const c = classOf(d);
        db.run(
          `INSERT INTO plan_funding_secured (id, action_id, plan_id, source, fund, channel, instrument, amount_cents, programme, date, note,
             date_precision, date_wording)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [d.fundingId, d.actionId, planId, d.source, c.fund, c.channel, c.instrument, d.amountCents, d.programme, d.date, d.note,
            d.datePrecision ?? null, d.dateWording ?? null],
        );
        db.run('UPDATE plan_actions SET secured_cents = secured_cents + ? WHERE id = ?', [d.amountCents, d.actionId]);
        break;
      }
      case 'IndicatorDefined': {
        const d = data(event, 'IndicatorDefined');
        db.run(
          `INSERT INTO plan_indicators (id, plan_id, action_id, name, unit, baseline, target, position, defined_revision)
           VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT COUNT(*) FROM plan_indicators WHERE plan_id = ?), ?)`,
          [d.indicatorId, planId, d.actionId, d.name, d.unit, d.baseline, d.target, planId, revision],
        );
        break;
      }
      case 'IndicatorValueRecorded': {
        const d = data(event, 'IndicatorValueRecorded');
        db.run(
          `INSERT INTO plan_indicator_values (indicator_id, plan_id, seq, date, value, note)
           VALUES (?, ?, (SELECT COUNT(*) FROM plan_indicator_values WHERE indicator_id = ?), ?, ?, ?)`,
          [d.indicatorId, planId, d.indicatorId, d.date, d.value, d.note],
        );
        // The latest value is the one with the latest date (the last recorded on a tie).
        db.run(
          `UPDATE plan_indicators SET latest_value = ?, latest_date = ?
           WHERE id = ? AND (latest_date IS NULL OR latest_date <= ?)`,
          [d.value, d.date, d.indicatorId, d.date],
        );
        break;
      }
      case 'ActionPlanEndorsed': {
        const d = data(event, 'ActionPlanEndorsed');
        db.run(
          'UPDATE action_plans SET endorsed_on = ?, endorsed_by = ?, endorsement_note = ?, endorsed_precision = ?, endorsed_wording = ? WHERE id = ?',
          [d.date, d.body, d.note, d.datePrecision ?? 'day', d.dateWording ?? null, planId],
        );
        break;
      }
      default:
        return;
    }
    db.run('UPDATE action_plans SET revision = ? WHERE id = ?', [revision, planId]);
  },
});
