import { idOfStream } from '../../domain/shared/decider.js';
import type { Projection } from '../types.js';
import { bump, bumpExact, totalsTableSql } from './totals.js';

/**
 * Outcome facts from the other slices: learning needs, meetings and attendance, local groups
 * and good-practice labels. These projections read those slices' events (their schemas are in
 * domain/learningNeed, domain/meeting, domain/localGroup and domain/practice) but import none of
 * their code: the few fields used are declared here, so a change there shows up in these tests.
 */

/** City ids end with their country code: `torino-it` is in IT. */
export function countryOfCity(cityId: string): string {
  return cityId.slice(-2).toUpperCase();
}

const day = (occurredAt: string) => occurredAt.slice(0, 10);

// ---------------------------------------------------------------- learning needs

interface NeedRaised {
  networkId: string;
  cityId: string;
  kind: string;
}

export interface OutcomeNeedRow {
  need_id: string;
  network_id: string;
  city_id: string;
  country: string;
  kind: string;
  status: string;
  raised_on: string;
  addressed_on: string | null;
}

const NEED_TOTALS = 'outcome_need_totals';

export const outcomeNeedsProjection: Projection = {
  name: 'outcomeNeeds',
  version: 2,
  tables: ['outcome_needs', NEED_TOTALS],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS outcome_needs (
      need_id TEXT PRIMARY KEY, network_id TEXT NOT NULL, city_id TEXT NOT NULL, country TEXT NOT NULL, kind TEXT NOT NULL,
      status TEXT NOT NULL, raised_on TEXT NOT NULL, addressed_on TEXT);
    CREATE INDEX IF NOT EXISTS outcome_needs_raised ON outcome_needs (raised_on, network_id, country, status, addressed_on);
    CREATE INDEX IF NOT EXISTS outcome_needs_country ON outcome_needs (country, raised_on, network_id, status, addressed_on);
    ${totalsTableSql(NEED_TOTALS)}`);
  },
  handles: ['LearningNeedRaised', 'LearningNeedRefined', 'LearningNeedAddressed', 'LearningNeedClosed', 'LearningNeedWithdrawn'],
  apply(db, event) {
    const id = idOfStream(event.streamId);
    const need = () => db.get<OutcomeNeedRow>('SELECT * FROM outcome_needs WHERE need_id = ?', [id]);
    const count = (row: OutcomeNeedRow, k1: 'raised' | 'addressed', n: number) =>
      bump(db, NEED_TOTALS, { figure: 'needs', networkId: row.network_id, country: row.country, k1 }, n);
    switch (event.type) {
      case 'LearningNeedRaised': {
        const d = event.data as NeedRaised;
        db.run(
          `INSERT INTO outcome_needs (need_id, network_id, city_id, country, kind, status, raised_on) VALUES (?, ?, ?, ?, ?, 'open', ?)`,
          [id, d.networkId, d.cityId, countryOfCity(d.cityId), d.kind, day(event.metadata.occurredAt)],
        );
        count(need()!, 'raised', 1);
        break;
      }
      case 'LearningNeedRefined': {
        const kind = (event.data as { changes?: { kind?: string } }).changes?.kind;
        if (kind) db.run('UPDATE outcome_needs SET kind = ? WHERE need_id = ?', [kind, id]);
        break;
      }
      case 'LearningNeedAddressed': {
        // Addressed once is addressed: the first time counts.
        const row = need();
        if (!row) return;
        if (row.addressed_on === null && row.status !== 'withdrawn') count(row, 'addressed', 1);
        db.run(
          `UPDATE outcome_needs SET status = CASE status WHEN 'open' THEN 'addressed' ELSE status END,
             addressed_on = COALESCE(addressed_on, ?) WHERE need_id = ?`,
          [day(event.metadata.occurredAt), id],
        );
        break;
      }
      case 'LearningNeedClosed':
        db.run(`UPDATE outcome_needs SET status = 'closed' WHERE need_id = ? AND status <> 'withdrawn'`, [id]);
        break;
      case 'LearningNeedWithdrawn': {
        const row = need();
        if (!row || row.status === 'withdrawn') return;
        count(row, 'raised', -1);
        if (row.addressed_on !== null) count(row, 'addressed', -1);
        db.run(`UPDATE outcome_needs SET status = 'withdrawn' WHERE need_id = ?`, [id]);
        break;
      }
    }
  },
};

// ---------------------------------------------------------------- meetings and participants

interface MeetingScheduled {
  networkId: string;
  kind: string;
  title: string;
  hostCityId: string | null;
  startDate: string;
}

export interface OutcomeMeetingRow {
  meeting_id: string;
  network_id: string;
  kind: string;
  title: string;
  host_city_id: string | null;
  start_date: string;
  status: string;
  participants: number;
}

export interface OutcomeAttendanceRow {
  meeting_id: string;
  network_id: string;
  country: string;
  start_date: string;
  participants: number;
}

const MEETING_TOTALS = 'outcome_meeting_totals';

/**
 * Meetings and attendance; totals per network: `held` (all countries), and per country
 * `attended` (held meetings someone from the country attended) and `participants`.
 */
export const outcomeMeetingsProjection: Projection = {
  name: 'outcomeMeetings',
  version: 2,
  tables: ['outcome_meetings', 'outcome_attendance', MEETING_TOTALS],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS outcome_meetings (
      meeting_id TEXT PRIMARY KEY, network_id TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL, host_city_id TEXT,
      start_date TEXT NOT NULL, status TEXT NOT NULL, participants INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS outcome_meetings_date ON outcome_meetings (status, start_date, network_id);
    CREATE TABLE IF NOT EXISTS outcome_attendance (
      meeting_id TEXT NOT NULL, network_id TEXT NOT NULL, country TEXT NOT NULL, start_date TEXT NOT NULL, held INTEGER NOT NULL,
      participants INTEGER NOT NULL, PRIMARY KEY (meeting_id, country));
    CREATE INDEX IF NOT EXISTS outcome_attendance_date ON outcome_attendance (held, start_date, network_id, country, participants);
    CREATE INDEX IF NOT EXISTS outcome_attendance_country ON outcome_attendance (country, held, start_date, network_id, participants);
    ${totalsTableSql(MEETING_TOTALS)}`);
  },
  handles: ['MeetingScheduled', 'MeetingRescheduled', 'MeetingCancelled', 'MeetingHeld', 'AttendanceRecorded'],
  apply(db, event) {
    const id = idOfStream(event.streamId);
    const meeting = () => db.get<OutcomeMeetingRow>('SELECT * FROM outcome_meetings WHERE meeting_id = ?', [id]);
    /** Counts (sign 1) or uncounts (-1) a held meeting and everyone who attended it. */
    const countHeld = (row: OutcomeMeetingRow, sign: 1 | -1) => {
      bumpExact(db, MEETING_TOTALS, { figure: 'held', networkId: row.network_id, country: '*' }, sign);
      for (const a of db.all<OutcomeAttendanceRow>('SELECT * FROM outcome_attendance WHERE meeting_id = ? ORDER BY country', [id])) {
        bumpExact(db, MEETING_TOTALS, { figure: 'attended', networkId: row.network_id, country: a.country }, sign);
        bump(db, MEETING_TOTALS, { figure: 'participants', networkId: row.network_id, country: a.country }, sign * a.participants);
      }
    };
    switch (event.type) {
      case 'MeetingScheduled': {
        const d = event.data as MeetingScheduled;
        db.run(
          `INSERT INTO outcome_meetings (meeting_id, network_id, kind, title, host_city_id, start_date, status, participants)
           VALUES (?, ?, ?, ?, ?, ?, 'scheduled', 0)`,
          [id, d.networkId, d.kind, d.title, d.hostCityId, d.startDate],
        );
        break;
      }
      case 'MeetingRescheduled': {
        const { startDate } = event.data as { startDate: string };
        db.run('UPDATE outcome_meetings SET start_date = ? WHERE meeting_id = ?', [startDate, id]);
        db.run('UPDATE outcome_attendance SET start_date = ? WHERE meeting_id = ?', [startDate, id]);
        break;
      }
      case 'MeetingCancelled': {
        const row = meeting();
        if (row?.status === 'held') countHeld(row, -1);
        db.run(`UPDATE outcome_meetings SET status = 'cancelled' WHERE meeting_id = ?`, [id]);
        db.run('UPDATE outcome_attendance SET held = 0 WHERE meeting_id = ?', [id]);
        break;
      }
      case 'MeetingHeld': {
        const row = meeting();
        if (!row || row.status === 'held') return;
        db.run(`UPDATE outcome_meetings SET status = 'held' WHERE meeting_id = ?`, [id]);
        db.run('UPDATE outcome_attendance SET held = 1 WHERE meeting_id = ?', [id]);
        countHeld(row, 1);
        break;
      }
      case 'AttendanceRecorded': {
        const { attendees } = event.data as { attendees: { name: string; cityId: string }[] };
        const meeting = db.get<OutcomeMeetingRow>('SELECT * FROM outcome_meetings WHERE meeting_id = ?', [id]);
        if (!meeting) return;
        const byCountry = new Map<string, number>();
        for (const a of attendees) byCountry.set(countryOfCity(a.cityId), (byCountry.get(countryOfCity(a.cityId)) ?? 0) + 1);
        for (const [country, n] of [...byCountry].sort()) {
          const first = !db.get('SELECT 1 AS x FROM outcome_attendance WHERE meeting_id = ? AND country = ?', [id, country]);
          if (meeting.status === 'held') {
            if (first) bumpExact(db, MEETING_TOTALS, { figure: 'attended', networkId: meeting.network_id, country }, 1);
            bump(db, MEETING_TOTALS, { figure: 'participants', networkId: meeting.network_id, country }, n);
          }
          db.run(
            `INSERT INTO outcome_attendance (meeting_id, network_id, country, start_date, held, participants) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (meeting_id, country) DO UPDATE SET participants = participants + excluded.participants`,
            [id, meeting.network_id, country, meeting.start_date, meeting.status === 'held' ? 1 : 0, n],
          );
        }
        db.run('UPDATE outcome_meetings SET participants = participants + ? WHERE meeting_id = ?', [attendees.length, id]);
        break;
      }
    }
  },
};

// ---------------------------------------------------------------- local groups (ULGs)

export interface OutcomeStakeholderRow {
  group_id: string;
  stakeholder_id: number;
  network_id: string;
  city_id: string;
  country: string;
  name: string;
  helix: string;
  planned: number;
  added_on: string;
}

const GROUP_TOTALS = 'outcome_local_group_totals';

export const outcomeLocalGroupsProjection: Projection = {
  name: 'outcomeLocalGroups',
  version: 2,
  tables: ['outcome_local_groups', 'outcome_stakeholders', GROUP_TOTALS],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS outcome_local_groups (
      group_id TEXT PRIMARY KEY, network_id TEXT NOT NULL, city_id TEXT NOT NULL, name TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS outcome_stakeholders (
      group_id TEXT NOT NULL, stakeholder_id INTEGER NOT NULL, network_id TEXT NOT NULL, city_id TEXT NOT NULL, country TEXT NOT NULL,
      name TEXT NOT NULL, helix TEXT NOT NULL, planned INTEGER NOT NULL, added_on TEXT NOT NULL, PRIMARY KEY (group_id, stakeholder_id));
    CREATE INDEX IF NOT EXISTS outcome_stakeholders_date ON outcome_stakeholders (added_on, network_id, country, helix, planned);
    CREATE INDEX IF NOT EXISTS outcome_stakeholders_country ON outcome_stakeholders (country, added_on, network_id, helix, planned);
    ${totalsTableSql(GROUP_TOTALS)}`);
  },
  handles: ['LocalGroupFormed', 'StakeholderAdded', 'StakeholderRemoved'],
  apply(db, event) {
    const id = idOfStream(event.streamId);
    switch (event.type) {
      case 'LocalGroupFormed': {
        const d = event.data as { networkId: string; cityId: string; name: string };
        db.run('INSERT OR REPLACE INTO outcome_local_groups (group_id, network_id, city_id, name) VALUES (?, ?, ?, ?)', [
          id,
          d.networkId,
          d.cityId,
          d.name,
        ]);
        break;
      }
      case 'StakeholderAdded': {
        const d = event.data as { stakeholderId: number; name: string; helix: string; planned: boolean };
        const group = db.get<{ network_id: string; city_id: string }>('SELECT * FROM outcome_local_groups WHERE group_id = ?', [id]);
        if (!group) return;
        const country = countryOfCity(group.city_id);
        const previous = db.get<OutcomeStakeholderRow>('SELECT * FROM outcome_stakeholders WHERE group_id = ? AND stakeholder_id = ?', [id, d.stakeholderId]);
        if (previous) bump(db, GROUP_TOTALS, { figure: 'stakeholders', networkId: previous.network_id, country, k1: previous.helix, k2: String(previous.planned) }, -1);
        bump(db, GROUP_TOTALS, { figure: 'stakeholders', networkId: group.network_id, country, k1: d.helix, k2: d.planned ? '1' : '0' }, 1);
        db.run(
          `INSERT OR REPLACE INTO outcome_stakeholders (group_id, stakeholder_id, network_id, city_id, country, name, helix, planned, added_on)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [id, d.stakeholderId, group.network_id, group.city_id, countryOfCity(group.city_id), d.name, d.helix, d.planned ? 1 : 0,
            day(event.metadata.occurredAt)],
        );
        break;
      }
      case 'StakeholderRemoved': {
        const d = event.data as { stakeholderId: number };
        const row = db.get<OutcomeStakeholderRow>('SELECT * FROM outcome_stakeholders WHERE group_id = ? AND stakeholder_id = ?', [id, d.stakeholderId]);
        if (!row) return;
        bump(db, GROUP_TOTALS, { figure: 'stakeholders', networkId: row.network_id, country: row.country, k1: row.helix, k2: String(row.planned) }, -1);
        db.run('DELETE FROM outcome_stakeholders WHERE group_id = ? AND stakeholder_id = ?', [id, d.stakeholderId]);
        break;
      }
    }
  },
};

// ---------------------------------------------------------------- good practices and labels

export interface OutcomePracticeRow {
  practice_id: string;
  network_id: string | null;
  city_id: string;
  country: string;
  title: string;
  label_year: number | null;
  labelled_on: string | null;
  withdrawn: number;
}

export const outcomePracticesProjection: Projection = {
  name: 'outcomePractices',
  version: 1,
  tables: ['outcome_practices'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS outcome_practices (
      practice_id TEXT PRIMARY KEY, network_id TEXT, city_id TEXT NOT NULL, country TEXT NOT NULL, title TEXT NOT NULL,
      label_year INTEGER, labelled_on TEXT, withdrawn INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS outcome_practices_labelled ON outcome_practices (labelled_on, country);`);
  },
  handles: ['PracticeProposed', 'PracticeRevised', 'GoodPracticeLabelAwarded', 'PracticeWithdrawn'],
  apply(db, event) {
    const id = idOfStream(event.streamId);
    switch (event.type) {
      case 'PracticeProposed': {
        const d = event.data as { cityId: string; country: string; networkId: string | null; title: string };
        db.run(
          `INSERT OR REPLACE INTO outcome_practices (practice_id, network_id, city_id, country, title, withdrawn) VALUES (?, ?, ?, ?, ?, 0)`,
          [id, d.networkId, d.cityId, d.country, d.title],
        );
        break;
      }
      case 'PracticeRevised': {
        const { title } = event.data as { title?: string };
        if (title) db.run('UPDATE outcome_practices SET title = ? WHERE practice_id = ?', [title, id]);
        break;
      }
      case 'GoodPracticeLabelAwarded': {
        const { year } = event.data as { year: number };
        db.run('UPDATE outcome_practices SET label_year = ?, labelled_on = COALESCE(labelled_on, ?) WHERE practice_id = ?', [
          year,
          day(event.metadata.occurredAt),
          id,
        ]);
        break;
      }
      case 'PracticeWithdrawn':
        db.run('UPDATE outcome_practices SET withdrawn = 1 WHERE practice_id = ?', [id]);
        break;
    }
  },
};
