import type { Context } from './builder.js';

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
