import { like, pageOf, rowsById, type Period, Where } from '../sql.js';
import type { ReadModelStore } from '../types.js';
import type { AttendeeRow, LearningRow, MeetingRow } from './meetings.js';

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

/** The timeline's order (listMeetings). */
export const MEETING_ORDER = `m.sort_date, m.start_date, m.end_date, CASE WHEN m.date_precision = 'day' THEN m.title END, m.scheduled_order, m.id`;

export const { find: findMeeting, findMany: findMeetings } = rowsById<MeetingRow>('meetings');

/** One learning of a meeting, by its number. */
export function findLearning(db: ReadModelStore, meetingId: string, learningNumber: number): LearningRow | undefined {
  return db.get<LearningRow>('SELECT * FROM meeting_learnings WHERE meeting_id = ? AND learning_number = ?', [meetingId, learningNumber]);
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

/**
 * Meetings in the order they happen: by start day, an approximate date by the last day of its
 * period (`sortDate` in domain/shared/values.ts), then end date; day-precise ties by title, and
 * approximate ones (two meetings known only as "June 2017") in the order they were recorded, which
 * is the only order the world gave them ("the study visit took place right before the meeting").
 */
export function listMeetings(db: ReadModelStore, filter: MeetingFilter, limit: number, offset: number): MeetingRow[] {
  const where = meetingWhere(filter);
  return db.all<MeetingRow>(
    `SELECT m.* FROM meetings m ${where} ORDER BY ${MEETING_ORDER} LIMIT ? OFFSET ?`,
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
     FROM meeting_learnings l JOIN meetings m ON m.id = l.meeting_id ${where} AND l.city_id IS NOT NULL GROUP BY l.city_id`,
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
  return pageOf<LearningRow>(db, 'meeting_learnings', where, 'learning_number', limit, offset);
}

// ------------------------------------------------------------------ local groups

