import type { ActionPlanEventOf } from '../../domain/actionPlan/events.js';

type PlanCluster = ActionPlanEventOf<'ActionPlanDrafted'>['data']['clusters'][number];

/** Torino's Integrated Action Plan as drafted in an Action Planning Network (decider specs and the outcomes programme). */
export const torinoPlanDrafted = (networkId: string, clusters: PlanCluster[]): ActionPlanEventOf<'ActionPlanDrafted'> => ({
  type: 'ActionPlanDrafted',
  data: {
    networkId,
    networkKind: 'actionPlanning',
    cityId: 'torino-it',
    cityName: 'Torino',
    country: 'IT',
    title: 'Torino Social Impact',
    vision: 'Turin as a social tech hub',
    clusters,
  },
});
