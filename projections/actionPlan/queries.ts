import { searchPattern } from '../../domain/shared/searchKey.js';
import { pageOf, rowsById, Where, type NetworkCityFilter } from '../sql.js';
import type { ReadModelStore } from '../types.js';
import type {
  ActionPlanRow,
  FundingSecuredRow,
  IndicatorRow,
  IndicatorValueRow,
  PlanActionRow,
  PlanClusterRow,
  StatusChangeRow,
} from './actionPlans.js';

export const { find: findPlan, findMany: findPlans } = rowsById<ActionPlanRow>('action_plans');

export interface PlanFilter extends NetworkCityFilter {
  endorsed?: boolean | null;
}

export function listPlans(db: ReadModelStore, filter: PlanFilter, limit: number, offset: number): ActionPlanRow[] {
  const where = new Where();
  if (filter.networkId) where.add('network_id = ?', filter.networkId);
  if (filter.cityId) where.add('city_id = ?', filter.cityId);
  if (filter.endorsed != null) where.add(filter.endorsed ? 'endorsed_on IS NOT NULL' : 'endorsed_on IS NULL');
  return pageOf<ActionPlanRow>(db, 'action_plans', where, 'city_name, id', limit, offset);
}

export function listClusters(db: ReadModelStore, planId: string): PlanClusterRow[] {
  return db.all<PlanClusterRow>('SELECT * FROM plan_clusters WHERE plan_id = ? ORDER BY position', [planId]);
}

export interface ActionFilter {
  clusterKey?: string | null;
  phase?: string | null;
  status?: string | null;
  addedAfterEndorsement?: boolean | null;
  /** Whole words of who promotes the action, ignoring case, accents and punctuation ("city of turin"). */
  responsibleBody?: string | null;
}

export function listActions(db: ReadModelStore, planId: string, filter: ActionFilter, limit: number, offset: number): PlanActionRow[] {
  const where = new Where().add('plan_id = ?', planId);
  if (filter.clusterKey) where.add('cluster_key = ?', filter.clusterKey);
  if (filter.phase) where.add('phase = ?', filter.phase);
  if (filter.status) where.add('status = ?', filter.status);
  if (filter.responsibleBody) where.add(`responsible_body_key LIKE ? ESCAPE '\\'`, searchPattern(filter.responsibleBody, true));
  if (filter.addedAfterEndorsement != null) where.add('added_after_endorsement = ?', filter.addedAfterEndorsement ? 1 : 0);
  return pageOf<PlanActionRow>(db, 'plan_actions', where, 'position', limit, offset);
}

export const { find: findAction, findMany: findActions } = rowsById<PlanActionRow>('plan_actions');

export function statusHistory(db: ReadModelStore, actionId: string): StatusChangeRow[] {
  return db.all<StatusChangeRow>('SELECT * FROM plan_status_changes WHERE action_id = ? ORDER BY seq', [actionId]);
}

export function fundingOfAction(db: ReadModelStore, actionId: string): FundingSecuredRow[] {
  return db.all<FundingSecuredRow>('SELECT * FROM plan_funding_secured WHERE action_id = ? ORDER BY date, id', [actionId]);
}

export function fundingTotalsOfPlan(db: ReadModelStore, planId: string): { source: string; cents: number; count: number }[] {
  return db.all(
    `SELECT source, SUM(amount_cents) AS cents, COUNT(*) AS count FROM plan_funding_secured
     WHERE plan_id = ? GROUP BY source ORDER BY source`,
    [planId],
  );
}

export function listIndicators(db: ReadModelStore, planId: string): IndicatorRow[] {
  return db.all<IndicatorRow>('SELECT * FROM plan_indicators WHERE plan_id = ? ORDER BY position', [planId]);
}

export function findIndicator(db: ReadModelStore, id: string): IndicatorRow | undefined {
  return db.get<IndicatorRow>('SELECT * FROM plan_indicators WHERE id = ?', [id]);
}

export function indicatorValues(db: ReadModelStore, indicatorId: string): IndicatorValueRow[] {
  return db.all<IndicatorValueRow>('SELECT * FROM plan_indicator_values WHERE indicator_id = ? ORDER BY date, seq', [indicatorId]);
}

export function actionAddedAt(db: ReadModelStore, planId: string, revision: number): PlanActionRow | undefined {
  return db.get<PlanActionRow>('SELECT * FROM plan_actions WHERE plan_id = ? AND added_revision = ?', [planId, revision]);
}

export function indicatorDefinedAt(db: ReadModelStore, planId: string, revision: number): IndicatorRow | undefined {
  return db.get<IndicatorRow>('SELECT * FROM plan_indicators WHERE plan_id = ? AND defined_revision = ?', [planId, revision]);
}

/** The plan holding an action: actions have ids of their own, and commands may name them alone. */
export const planOfAction = (db: ReadModelStore, actionId: string) => findAction(db, actionId)?.plan_id;
/** The plan holding an indicator. */
export const planOfIndicator = (db: ReadModelStore, indicatorId: string) => findIndicator(db, indicatorId)?.plan_id;

/** Who promotes a plan's actions: each responsible body (one of its spellings) with its number of actions, most first. */
export function responsibleBodiesOfPlan(db: ReadModelStore, planId: string): { name: string; actions: number }[] {
  return db.all<{ name: string; actions: number }>(
    `SELECT MIN(responsible_body) AS name, COUNT(*) AS actions FROM plan_actions
     WHERE plan_id = ? AND responsible_body_key <> ' ' GROUP BY responsible_body_key ORDER BY actions DESC, responsible_body_key`,
    [planId],
  );
}
