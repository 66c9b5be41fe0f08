import type { TestApp } from '../support/testApp.js';
import { mutate, type NetworkSetup } from '../support/api.js';
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

/** Torino's plan drafted through the API by Torino, with one cluster (`collective-actions`); its id. */
export async function draftTorinoPlanThroughApi(t: TestApp, n: NetworkSetup): Promise<string> {
  const drafted = await mutate(
    t,
    'draftActionPlan',
    { networkId: n.networkId, cityId: 'torino-it', title: 'Torino Social Impact', clusters: [{ key: 'collective-actions', title: 'Collective actions' }] },
    n.torino,
  );
  return drafted.aggregateId;
}
