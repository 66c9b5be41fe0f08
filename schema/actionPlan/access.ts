import { findPlan } from '../../projections/actionPlan/queries.js';
import type { ReadModelStore } from '../../projections/types.js';
import { partnerWriters } from '../journeySupport.js';

interface PlanKeys {
  network_id: string;
  city_id: string;
}

/**
 * Who may see a plan: its writers (partnerWriters), and the coordinators of the network's other
 * partners: they learn from each other's plans.
 */
export function planReadScopes(plan: PlanKeys) {
  return { ...partnerWriters(plan.network_id, plan.city_id), partnerOf: plan.network_id };
}

/** Who reads an action or an indicator: the readers of the plan holding it. */
export function heldByPlanReadScopes(db: ReadModelStore, row: { plan_id: string }) {
  return planReadScopes(findPlan(db, row.plan_id) ?? { network_id: '', city_id: '' });
}
