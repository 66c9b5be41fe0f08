import type { Context } from './context.js';

/**
 * Whether the caller is the lead expert currently assigned to a network, read from the
 * networks read model (the assignment is an event, so replacing an expert revokes access).
 */
export function isLeadExpertOf(context: Context, networkId: string): boolean {
  if (context.actor.role !== 'leadExpert') return false;
  const row = context.readModels.get<{ ok: number }>(
    `SELECT 1 AS ok FROM networks WHERE id = ? AND lead_expert_subject = ?`,
    [networkId, context.actor.subject],
  );
  return row !== undefined;
}

/** Whether the caller coordinates a city that is an active partner of the network. */
export function isPartnerCoordinatorOf(context: Context, networkId: string): boolean {
  const { actor } = context;
  if (actor.role !== 'cityCoordinator' || actor.cityIds.length === 0) return false;
  const row = context.readModels.get<{ ok: number }>(
    `SELECT 1 AS ok FROM partners WHERE network_id = ? AND status = 'active'
       AND city_id IN (SELECT value FROM json_each(?))`,
    [networkId, JSON.stringify(actor.cityIds)],
  );
  return row !== undefined;
}
