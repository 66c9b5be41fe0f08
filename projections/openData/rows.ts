import type { PlanActionRow } from '../actionPlan/actionPlans.js';

/** A plan action with its plan's city and network, as the open-data export reads it. */
export type PlanActionRowForExport = PlanActionRow & {
  city_id: string;
  city_name: string;
  country: string;
  network_id: string;
};
