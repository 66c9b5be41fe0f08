import type { ReadModelStore } from '../types.js';
import type { LearningNeedRow, NeedHistoryRow, NeedLinkRow } from './learningNeeds.js';
import type { LocalGroupRow, StakeholderRow } from './localGroups.js';
import type { AttendeeRow, LearningRow, MeetingRow } from './meetings.js';

/** Period bounds are dates, YYYY-MM-DD, both inclusive. */
export interface Period {
  from?: string | null;
  to?: string | null;
}

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(',');
const like = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];
  add(clause: string, ...params: unknown[]): this {
    this.clauses.push(clause);
    this.params.push(...params);
    return this;
  }
  toString(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

// ------------------------------------------------------------------ meetings

export interface MeetingFilter extends Period {
  networkId: string;
  kind?: string | null;
  status?: string | null;
  /** Meetings that concern this partner: hosted, for it, for the whole network, attended or learnt from. */
  cityId?: string | null;
  /** Matches a theme, case-insensitively, as a substring. */
  topic?: string | null;
  includeCancelled?: boolean | null;
}

export function findMeeting(db: ReadModelStore, id: string): MeetingRow | undefined {
  return db.get<MeetingRow>('SELECT * FROM meetings WHERE id = ?', [id]);
}

export function findMeetings(db: ReadModelStore, ids: readonly string[]): MeetingRow[] {
  if (ids.length === 0) return [];
  return db.all<MeetingRow>(`SELECT * FROM meetings WHERE id IN (${placeholders(ids)})`, ids);
}

function meetingWhere(filter: MeetingFilter): Where {
  const where = new Where().add('m.network_id = ?', filter.networkId);
  if (filter.kind) where.add('m.kind = ?', filter.kind);
  if (filter.status) where.add('m.status = ?', filter.status);
  else if (!filter.includeCancelled) where.add(`m.status <> 'cancelled'`);
  if (filter.from) where.add('m.end_date >= ?', filter.from);
  if (filter.to) where.add('m.start_date <= ?', filter.to);
  if (filter.topic) {
    where.add(`EXISTS (SELECT 1 FROM json_each(m.themes) WHERE lower(value) LIKE ? ESCAPE '\\')`, like(filter.topic));
  }
  if (filter.cityId) {
    const c = filter.cityId;
    where.add(
      `(m.host_city_id = ?
        OR EXISTS (SELECT 1 FROM json_each(m.partner_city_ids) WHERE value = ?)
        OR (json_array_length(m.partner_city_ids) = 0 AND m.kind <> 'localGroupWorkshop')
        OR EXISTS (SELECT 1 FROM meeting_attendees a WHERE a.meeting_id = m.id AND a.city_id = ?)
        OR EXISTS (SELECT 1 FROM meeting_learnings l WHERE l.meeting_id = m.id AND l.city_id = ?))`,
      c,
      c,
      c,
      c,
    );
  }
  return where;
}

/** Meetings in the order they happen (start date, end date, title). */
export function listMeetings(db: ReadModelStore, filter: MeetingFilter, limit: number, offset: number): MeetingRow[] {
  const where = meetingWhere(filter);
  return db.all<MeetingRow>(
    `SELECT m.* FROM meetings m ${where} ORDER BY m.start_date, m.end_date, m.title, m.id LIMIT ? OFFSET ?`,
    [...where.params, limit, offset],
  );
}

export function countMeetings(db: ReadModelStore, filter: MeetingFilter): number {
  const where = meetingWhere(filter);
  return db.get<{ n: number }>(`SELECT count(*) AS n FROM meetings m ${where}`, where.params)!.n;
}

/** Per partner city, over the meetings the filter selects: meetings attended, people sent, lessons learnt. */
export function participationByCity(
  db: ReadModelStore,
  filter: MeetingFilter,
): { city_id: string; meetings: number; people: number; learnings: number }[] {
  const where = meetingWhere({ ...filter, cityId: null });
  const attendance = db.all<{ city_id: string; meetings: number; people: number }>(
    `SELECT a.city_id, count(DISTINCT a.meeting_id) AS meetings, count(*) AS people
     FROM meeting_attendees a JOIN meetings m ON m.id = a.meeting_id ${where} GROUP BY a.city_id`,
    where.params,
  );
  const learnings = db.all<{ city_id: string; learnings: number }>(
    `SELECT l.city_id, count(*) AS learnings
     FROM meeting_learnings l JOIN meetings m ON m.id = l.meeting_id ${where} GROUP BY l.city_id`,
    where.params,
  );
  const cities = [...new Set([...attendance.map((a) => a.city_id), ...learnings.map((l) => l.city_id)])].sort();
  return cities.map((city_id) => ({
    city_id,
    meetings: attendance.find((a) => a.city_id === city_id)?.meetings ?? 0,
    people: attendance.find((a) => a.city_id === city_id)?.people ?? 0,
    learnings: learnings.find((l) => l.city_id === city_id)?.learnings ?? 0,
  }));
}

export function listAttendees(db: ReadModelStore, meetingId: string, limit: number, offset: number): AttendeeRow[] {
  return db.all<AttendeeRow>(
    'SELECT * FROM meeting_attendees WHERE meeting_id = ? ORDER BY city_id, name LIMIT ? OFFSET ?',
    [meetingId, limit, offset],
  );
}

export function countAttendees(db: ReadModelStore, meetingId: string): { people: number; cities: number } {
  return db.get<{ people: number; cities: number }>(
    'SELECT count(*) AS people, count(DISTINCT city_id) AS cities FROM meeting_attendees WHERE meeting_id = ?',
    [meetingId],
  )!;
}

export function listLearnings(
  db: ReadModelStore,
  meetingId: string,
  filter: { cityId?: string | null },
  limit: number,
  offset: number,
): LearningRow[] {
  const where = new Where().add('meeting_id = ?', meetingId);
  if (filter.cityId) where.add('city_id = ?', filter.cityId);
  return db.all<LearningRow>(`SELECT * FROM meeting_learnings ${where} ORDER BY learning_number LIMIT ? OFFSET ?`, [
    ...where.params,
    limit,
    offset,
  ]);
}

// ------------------------------------------------------------------ local groups

export type Helix = StakeholderRow['helix'];
export const HELIXES: readonly Helix[] = ['public', 'private', 'knowledge', 'civilSociety'];

export function findLocalGroup(db: ReadModelStore, id: string): LocalGroupRow | undefined {
  return db.get<LocalGroupRow>('SELECT * FROM local_groups WHERE id = ?', [id]);
}

export function findLocalGroups(db: ReadModelStore, ids: readonly string[]): LocalGroupRow[] {
  if (ids.length === 0) return [];
  return db.all<LocalGroupRow>(`SELECT * FROM local_groups WHERE id IN (${placeholders(ids)})`, ids);
}

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
  return db.all<StakeholderRow>(
    `SELECT * FROM local_group_stakeholders ${where} ORDER BY stakeholder_id LIMIT ? OFFSET ?`,
    [...where.params, limit, offset],
  );
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

export interface NeedFilter extends Period {
  networkId: string;
  cityId?: string | null;
  status?: string | null;
  kind?: string | null;
  /** Matches a topic or the description, case-insensitively, as a substring. */
  topic?: string | null;
}

export function findNeed(db: ReadModelStore, id: string): LearningNeedRow | undefined {
  return db.get<LearningNeedRow>('SELECT * FROM learning_needs WHERE id = ?', [id]);
}

export function findNeeds(db: ReadModelStore, ids: readonly string[]): LearningNeedRow[] {
  if (ids.length === 0) return [];
  return db.all<LearningNeedRow>(`SELECT * FROM learning_needs WHERE id IN (${placeholders(ids)})`, ids);
}

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
