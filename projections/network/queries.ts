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

export function findNetwork(db: ReadModelStore, id: string): NetworkRow | undefined {
  return db.get<NetworkRow>('SELECT * FROM networks WHERE id = ?', [id]);
}

export function findNetworks(db: ReadModelStore, ids: readonly string[]): NetworkRow[] {
  if (ids.length === 0) return [];
  return db.all<NetworkRow>(`SELECT * FROM networks WHERE id IN (${ids.map(() => '?').join(',')})`, ids);
}

export function listNetworks(db: ReadModelStore, filter: NetworkFilter, limit: number, offset: number): NetworkRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.kind) {
    where.push('kind = ?');
    params.push(filter.kind);
  }
  if (filter.status) {
    where.push('status = ?');
    params.push(filter.status);
  }
  if (filter.topic) {
    where.push(`(lower(theme) LIKE ? OR EXISTS (SELECT 1 FROM json_each(networks.topics) WHERE value = ?))`);
    params.push(`%${filter.topic.toLowerCase()}%`, filter.topic.toLowerCase());
  }
  return db.all<NetworkRow>(
    `SELECT * FROM networks ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY start_date, name, id LIMIT ? OFFSET ?`,
    [...params, limit, offset],
  );
}

export function listPartners(db: ReadModelStore, networkId: string, includeFormer = false): PartnerRow[] {
  return db.all<PartnerRow>(
    `SELECT * FROM partners WHERE network_id = ? ${includeFormer ? '' : "AND status = 'active'"}
     ORDER BY role = 'leadPartner' DESC, name`,
    [networkId],
  );
}

export function findPartner(db: ReadModelStore, networkId: string, cityId: string): PartnerRow | undefined {
  return db.get<PartnerRow>('SELECT * FROM partners WHERE network_id = ? AND city_id = ?', [networkId, cityId]);
}

export function findNetworkPhase(db: ReadModelStore, networkId: string): NetworkPhaseRow | undefined {
  return db.get<NetworkPhaseRow>('SELECT * FROM network_phases WHERE network_id = ?', [networkId]);
}
