import { pageOf, rowsById, Where } from '../sql.js';
import type { ReadModelStore } from '../types.js';
import type { NetworkRow } from './networks.js';
import type { PartnerRow } from './partners.js';
import type { NetworkPhaseRow } from './phases.js';

export interface NetworkFilter {
  kind?: string | null;
  status?: string | null;
  /** Matches the theme or a topic, case-insensitively. */
  topic?: string | null;
}

export const { find: findNetwork, findMany: findNetworks } = rowsById<NetworkRow>('networks');

export function listNetworks(db: ReadModelStore, filter: NetworkFilter, limit: number, offset: number): NetworkRow[] {
  const where = new Where();
  if (filter.kind) where.add('kind = ?', filter.kind);
  if (filter.status) where.add('status = ?', filter.status);
  if (filter.topic) {
    const topic = filter.topic.toLowerCase();
    where.add(`(lower(theme) LIKE ? OR EXISTS (SELECT 1 FROM json_each(networks.topics) WHERE value = ?))`, `%${topic}%`, topic);
  }
  return pageOf<NetworkRow>(db, 'networks', where, 'start_date, name, id', limit, offset);
}

export function listPartners(db: ReadModelStore, networkId: string, includeFormer = false): PartnerRow[] {
  return db.all<PartnerRow>(
    `SELECT * FROM partners WHERE network_id = ? ${includeFormer ? '' : "AND status = 'active'"}
     ORDER BY role = 'leadPartner' DESC, name`,
    [networkId],
  );
}

/** Partners of several networks in one query, grouped by network in the order of `networkIds`. */
export function listPartnersOfNetworks(
  db: ReadModelStore,
  networkIds: readonly string[],
  includeFormer = false,
): PartnerRow[][] {
  const rows = db.all<PartnerRow>(
    `SELECT * FROM partners WHERE network_id IN (SELECT value FROM json_each(?))
       ${includeFormer ? '' : "AND status = 'active'"}
     ORDER BY role = 'leadPartner' DESC, name`,
    [JSON.stringify(networkIds)],
  );
  const byNetwork = new Map<string, PartnerRow[]>(networkIds.map((id) => [id, []]));
  for (const row of rows) byNetwork.get(row.network_id)?.push(row);
  return networkIds.map((id) => byNetwork.get(id)!);
}

export function findPartner(db: ReadModelStore, networkId: string, cityId: string): PartnerRow | undefined {
  return db.get<PartnerRow>('SELECT * FROM partners WHERE network_id = ? AND city_id = ?', [networkId, cityId]);
}

export function findNetworkPhase(db: ReadModelStore, networkId: string): NetworkPhaseRow | undefined {
  return db.get<NetworkPhaseRow>('SELECT * FROM network_phases WHERE network_id = ?', [networkId]);
}
