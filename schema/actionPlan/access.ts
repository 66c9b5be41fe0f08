import { findPlan } from '../../projections/actionPlan/queries.js';
import type { ReadModelStore } from '../../projections/types.js';

interface PlanKeys {
  network_id: string;
  city_id: string;
}

/** Who may see and change a plan: its city's coordinators, the network's lead expert, the secretariat. */
export function planScopes(plan: PlanKeys | undefined) {
  if (!plan) return { secretariat: true };
  return { secretariat: true, leadExpertOf: plan.network_id, coordinatorOf: plan.city_id };
}

/** Readers also include the coordinators of the other partners of the network: they learn from each other's plans. */
export function planReadScopes(plan: PlanKeys) {
  return { ...planScopes(plan), partnerOf: plan.network_id };
}

/** Who reads an action or an indicator: the readers of the plan holding it. */
export function heldByPlanReadScopes(db: ReadModelStore, row: { plan_id: string }) {
  return planReadScopes(findPlan(db, row.plan_id) ?? { network_id: '', city_id: '' });
}
