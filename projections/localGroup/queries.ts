import { pageOf, rowsById, Where } from '../sql.js';
import type { ReadModelStore } from '../types.js';
import type { LocalGroupRow, StakeholderRow } from './localGroups.js';

export type Helix = StakeholderRow['helix'];
export const HELIXES: readonly Helix[] = ['public', 'private', 'knowledge', 'civilSociety'];

export const { find: findLocalGroup, findMany: findLocalGroups } = rowsById<LocalGroupRow>('local_groups');

export function listLocalGroups(db: ReadModelStore, networkId: string, cityId?: string | null): LocalGroupRow[] {
  const where = new Where().add('network_id = ?', networkId);
  if (cityId) where.add('city_id = ?', cityId);
  return db.all<LocalGroupRow>(`SELECT * FROM local_groups ${where} ORDER BY city_id`, where.params);
}

export function listStakeholders(
  db: ReadModelStore,
  groupId: string,
  filter: { helix?: string | null; includeRemoved?: boolean | null },
  limit: number,
  offset: number,
): StakeholderRow[] {
  const where = new Where().add('group_id = ?', groupId);
  if (!filter.includeRemoved) where.add(`status = 'active'`);
  if (filter.helix) where.add('helix = ?', filter.helix);
  return pageOf<StakeholderRow>(db, 'local_group_stakeholders', where, 'stakeholder_id', limit, offset);
}

/** Current stakeholders per helix; every helix is present, with 0 when the group has none. */
export function compositionOf(db: ReadModelStore, groupId: string): { helix: Helix; count: number; planned: number }[] {
  const rows = db.all<{ helix: Helix; count: number; planned: number }>(
    `SELECT helix, count(*) AS count, sum(planned) AS planned FROM local_group_stakeholders
     WHERE group_id = ? AND status = 'active' GROUP BY helix`,
    [groupId],
  );
  return HELIXES.map((helix) => rows.find((r) => r.helix === helix) ?? { helix, count: 0, planned: 0 });
}

// ------------------------------------------------------------------ learning needs

