import { like, rowsById, type Period, Where } from '../sql.js';
import type { ReadModelStore } from '../types.js';
import type { LearningNeedRow, NeedHistoryRow, NeedLinkRow } from './learningNeeds.js';

export interface NeedFilter extends Period {
  networkId: string;
  cityId?: string | null;
  status?: string | null;
  kind?: string | null;
  /** Matches a topic or the description, case-insensitively, as a substring. */
  topic?: string | null;
}

export const { find: findNeed, findMany: findNeeds } = rowsById<LearningNeedRow>('learning_needs');

function needWhere(filter: NeedFilter): Where {
  const where = new Where().add('n.network_id = ?', filter.networkId);
  if (filter.cityId) where.add('n.city_id = ?', filter.cityId);
  if (filter.status) where.add('n.status = ?', filter.status);
  if (filter.kind) where.add('n.kind = ?', filter.kind);
  // Needs raised within the period (the date part of raised_at).
  if (filter.from) where.add('substr(n.raised_at, 1, 10) >= ?', filter.from);
  if (filter.to) where.add('substr(n.raised_at, 1, 10) <= ?', filter.to);
  if (filter.topic) {
    const pattern = like(filter.topic);
    where.add(
      `(EXISTS (SELECT 1 FROM json_each(n.topics) WHERE value LIKE ? ESCAPE '\\') OR lower(n.description) LIKE ? ESCAPE '\\')`,
      pattern,
      pattern,
    );
  }
  return where;
}

const PRIORITY_ORDER = `CASE n.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END`;

/** Needs by city, then highest priority first, then oldest first. */
export function listNeeds(db: ReadModelStore, filter: NeedFilter, limit: number, offset: number): LearningNeedRow[] {
  const where = needWhere(filter);
  return db.all<LearningNeedRow>(
    `SELECT n.* FROM learning_needs n ${where} ORDER BY n.city_id, ${PRIORITY_ORDER}, n.raised_at, n.id LIMIT ? OFFSET ?`,
    [...where.params, limit, offset],
  );
}

export interface NeedCoverageRow {
  city_id: string;
  raised: number;
  open: number;
  addressed: number;
  closed: number;
  withdrawn: number;
}

/**
 * Per city: needs raised; still open (not addressed yet); addressed (by at least one meeting or
 * peer, closed ones included); closed; withdrawn.
 */
export function needCoverage(db: ReadModelStore, filter: NeedFilter): NeedCoverageRow[] {
  const where = needWhere({ ...filter, status: null });
  return db.all<NeedCoverageRow>(
    `SELECT n.city_id,
       count(*) AS raised,
       sum(n.status = 'open') AS open,
       sum(n.status IN ('addressed', 'closed')) AS addressed,
       sum(n.status = 'closed') AS closed,
       sum(n.status = 'withdrawn') AS withdrawn
     FROM learning_needs n ${where} GROUP BY n.city_id ORDER BY n.city_id`,
    where.params,
  );
}

export function listNeedLinks(db: ReadModelStore, needId: string): NeedLinkRow[] {
  return db.all<NeedLinkRow>('SELECT * FROM learning_need_links WHERE need_id = ? ORDER BY revision', [needId]);
}

/** Needs a meeting addressed. */
export function listNeedsAddressedBy(db: ReadModelStore, meetingId: string): LearningNeedRow[] {
  return db.all<LearningNeedRow>(
    `SELECT n.* FROM learning_needs n WHERE n.id IN (SELECT need_id FROM learning_need_links WHERE meeting_id = ?)
     ORDER BY n.city_id, n.raised_at, n.id`,
    [meetingId],
  );
}

export function listNeedHistory(db: ReadModelStore, needId: string, limit: number, offset: number): NeedHistoryRow[] {
  return db.all<NeedHistoryRow>('SELECT * FROM learning_need_history WHERE need_id = ? ORDER BY revision LIMIT ? OFFSET ?', [
    needId,
    limit,
    offset,
  ]);
}
