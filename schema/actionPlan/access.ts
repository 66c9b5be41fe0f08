import { findPlan } from '../../projections/actionPlan/queries.js';
import type { ReadModelStore } from '../../projections/types.js';

interface PlanKeys {
  network_id: string;
  city_id: string;
}

/** Who may see and change a city's plan in a network: its coordinators, the network's lead expert, the secretariat. */
export function cityPlanScopes(networkId: string, cityId: string) {
  return { secretariat: true, leadExpertOf: networkId, coordinatorOf: cityId };
}

/** Who may see and change this plan; the secretariat alone when there is no such plan. */
export function planScopes(plan: PlanKeys | undefined) {
  return plan ? cityPlanScopes(plan.network_id, plan.city_id) : { secretariat: true };
}

/** Readers also include the coordinators of the other partners of the network: they learn from each other's plans. */
export function planReadScopes(plan: PlanKeys) {
  return { ...planScopes(plan), partnerOf: plan.network_id };
}

/** Who reads an action or an indicator: the readers of the plan holding it. */
export function heldByPlanReadScopes(db: ReadModelStore, row: { plan_id: string }) {
  return planReadScopes(findPlan(db, row.plan_id) ?? { network_id: '', city_id: '' });
}
