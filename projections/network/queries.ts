import { searchPattern } from '../../domain/shared/searchKey.js';
import { pageOf, rowsById, selectedColumns, Where } from '../sql.js';
import type { ReadModelStore } from '../types.js';
import type { NetworkRow } from './networks.js';
import type { PartnerRow } from './partners.js';
import type { NetworkPhaseRow } from './phases.js';

export interface NetworkFilter {
  kind?: string | null;
  status?: string | null;
  /** Matches the theme or a topic, case-insensitively. */
  topic?: string | null;
  /** Part of the name, ignoring case and accents ("boost" finds BoostInno). */
  name?: string | null;
  /** Networks the city is an active partner of. */
  cityId?: string | null;
}

export const { find: findNetwork, findMany: findNetworks } = rowsById<NetworkRow>('networks');

/** A column of the networks table, as a caller may ask for only some of them. */
export type NetworkColumn = keyof NetworkRow;

/** A page of networks; with `columns`, the rows hold only those and `id` (see listPartnersOfNetworks). */
export function listNetworks(
  db: ReadModelStore,
  filter: NetworkFilter,
  limit: number,
  offset: number,
  columns?: readonly NetworkColumn[],
): NetworkRow[] {
  const where = new Where();
  if (filter.kind) where.add('kind = ?', filter.kind);
  if (filter.status) where.add('status = ?', filter.status);
  if (filter.topic) {
    const topic = filter.topic.toLowerCase();
    where.add(`(lower(theme) LIKE ? OR EXISTS (SELECT 1 FROM json_each(networks.topics) WHERE value = ?))`, `%${topic}%`, topic);
  }
  if (filter.name) where.add(`name_key LIKE ? ESCAPE '\\'`, searchPattern(filter.name));
  if (filter.cityId) {
    where.add(`EXISTS (SELECT 1 FROM partners WHERE partners.network_id = networks.id AND city_id = ? AND status = 'active')`, filter.cityId);
  }
  return pageOf<NetworkRow>(db, 'networks', where, 'start_date, name, id', limit, offset, selectedColumns<NetworkRow>(columns, 'id'));
}

export function listPartners(db: ReadModelStore, networkId: string, includeFormer = false): PartnerRow[] {
  return db.all<PartnerRow>(
    `SELECT * FROM partners WHERE network_id = ? ${includeFormer ? '' : "AND status = 'active'"}
     ORDER BY role = 'leadPartner' DESC, name`,
    [networkId],
  );
}

/** A column of the partners table, as a caller may ask for only some of them. */
export type PartnerColumn = keyof PartnerRow;

/**
 * Partners of several networks in one query, grouped by network in the order of `networkIds`.
 * With `columns`, the rows hold only those (and network_id): a list of 20 networks' partners read
 * with every column spent most of its time making strings nobody asked for.
 */
export function listPartnersOfNetworks(
  db: ReadModelStore,
  networkIds: readonly string[],
  includeFormer = false,
  columns?: readonly PartnerColumn[],
): PartnerRow[][] {
  const rows = db.all<PartnerRow>(
    `SELECT ${selectedColumns<PartnerRow>(columns, 'network_id')} FROM partners WHERE network_id IN (SELECT value FROM json_each(?))
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

/** A city of the registry: every city that is or was a partner of a network, under its latest name. */
export interface CityRow {
  city_id: string;
  name: string;
  country: string;
}

export interface CityFilter {
  /** Part of any name the city had in a network, ignoring case and accents ("torin" finds Torino). */
  name?: string | null;
  /** ISO 3166-1 alpha-2 code. */
  country?: string | null;
}

/** The city registry, built from the partners of every network (the city id is the same in all of them). */
export function listCities(db: ReadModelStore, filter: CityFilter, limit: number, offset: number): CityRow[] {
  const where = new Where();
  if (filter.country) where.add('country = ?', filter.country);
  if (filter.name) {
    where.add(`city_id IN (SELECT city_id FROM partners WHERE name_key LIKE ? ESCAPE '\\')`, searchPattern(filter.name));
  }
  // SQLite takes the bare columns of the row that holds MAX(joined_at): the name of the latest membership.
  return db.all<CityRow>(
    `SELECT city_id, name, country FROM (SELECT city_id, name, country, MAX(joined_at) FROM partners ${where} GROUP BY city_id)
     ORDER BY name, city_id LIMIT ? OFFSET ?`,
    [...where.params, limit, offset],
  );
}

export function findCity(db: ReadModelStore, cityId: string): CityRow | undefined {
  return db.get<CityRow>(
    `SELECT city_id, name, country FROM (SELECT city_id, name, country, MAX(joined_at) FROM partners WHERE city_id = ? GROUP BY city_id)`,
    [cityId],
  );
}

/** A city's memberships (networks it is or was a partner of), oldest first. */
export function membershipsOfCity(db: ReadModelStore, cityId: string, includeFormer = false): PartnerRow[] {
  return db.all<PartnerRow>(
    `SELECT partners.* FROM partners JOIN networks ON networks.id = partners.network_id
     WHERE city_id = ? ${includeFormer ? '' : "AND partners.status = 'active'"}
     ORDER BY networks.start_date, networks.name, networks.id`,
    [cityId],
  );
}
