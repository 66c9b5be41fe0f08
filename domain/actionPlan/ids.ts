import { idFromKey } from '../shared/ids.js';

/**
 * A city has one Integrated Action Plan per network, so the plan's id is derived from both (see
 * idFromKey). Drafting the same plan twice targets the same stream and is refused by the decider,
 * even when two requests race (the append expects no stream).
 */
export function actionPlanIdFor(networkId: string, cityId: string): string {
  return idFromKey(`${networkId}/${cityId}`, 26);
}
