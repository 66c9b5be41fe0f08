import { idOfStream } from '../../domain/shared/decider.js';
import { column, defineTable, type RowOf } from '../table.js';
import { projection, type ReadModelStore, type ProjectedEvent } from '../types.js';
import { bump, totalsTableSql } from './totals.js';

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

/**
 * Each projection keeps the kind of every network in a small table of its own (it may not read
 * another projection's tables while applying events): its totals are kept per network kind too.
 */
function networkKinds(name: string) {
  const table = defineTable(name, { network_id: column.key(), kind: column.text() });
  return {
    sql: table.schema,
    record(db: ReadModelStore, event: ProjectedEvent): void {
      table.insert(db, { network_id: idOfStream(event.streamId), kind: (event.data as { kind: string }).kind }, { or: 'REPLACE' });
    },
    of(db: ReadModelStore, networkId: string): string {
      return db.get<{ kind: string }>(`SELECT kind FROM ${table.name} WHERE network_id = ?`, [networkId])?.kind ?? 'unknown';
    },
  };
}

// ---------------------------------------------------------------- learning needs

interface NeedRaised {
  networkId: string;
  cityId: string;
  kind: string;
}

export const outcomeNeedsTable = defineTable(
  'outcome_needs',
  {
    need_id: column.key(),
    network_id: column.text(),
    city_id: column.text(),
    country: column.text(),
    kind: column.text(),
    status: column.text<'open' | 'addressed' | 'closed' | 'withdrawn'>(),
    raised_on: column.text(),
    addressed_on: column.textOrNull(),
  },
  {
    indexes: {
      outcome_needs_raised: ['raised_on', 'network_id', 'country', 'status', 'addressed_on'],
      outcome_needs_country: ['country', 'raised_on', 'network_id', 'status', 'addressed_on'],
      outcome_needs_network: ['network_id', 'raised_on', 'country', 'status', 'addressed_on'],
    },
  },
);

export type OutcomeNeedRow = RowOf<typeof outcomeNeedsTable>;

const NEED_TOTALS = 'outcome_need_totals';
const needNetworks = networkKinds('outcome_need_networks');

export const outcomeNeedsProjection = projection({
  name: 'outcomeNeeds',
  version: 5,
  schema: `${outcomeNeedsTable.schema}
  ${totalsTableSql(NEED_TOTALS)}
  ${needNetworks.sql}`,
  handles: ['NetworkRegistered', 'LearningNeedRaised', 'LearningNeedRefined', 'LearningNeedAddressed', 'LearningNeedClosed', 'LearningNeedWithdrawn'],
  apply(db, event) {
    const id = idOfStream(event.streamId);
    const need = () => db.get<OutcomeNeedRow>('SELECT * FROM outcome_needs WHERE need_id = ?', [id]);
    const count = (row: Pick<OutcomeNeedRow, 'network_id' | 'country' | 'raised_on'>, k1: 'raised' | 'addressed', n: number) =>
      bump(db, NEED_TOTALS, { figure: 'needs', networkId: row.network_id, networkKind: needNetworks.of(db, row.network_id), country: row.country, date: row.raised_on, k1 }, n);
    switch (event.type) {
      case 'NetworkRegistered':
        needNetworks.record(db, event);
        break;
      case 'LearningNeedRaised': {
        const d = event.data as NeedRaised;
        // Counted from the values just written (not read back).
        const raised = { network_id: d.networkId, country: countryOfCity(d.cityId), raised_on: day(event.metadata.occurredAt) };
        outcomeNeedsTable.insert(db, { need_id: id, network_id: raised.network_id, city_id: d.cityId, country: raised.country, kind: d.kind, status: 'open', raised_on: raised.raised_on });
        count(raised, 'raised', 1);
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
});

// ---------------------------------------------------------------- meetings and participants

interface MeetingScheduled {
  networkId: string;
  kind: string;
  title: string;
  hostCityId: string | null;
  startDate: string;
}

export const outcomeMeetingsTable = defineTable(
  'outcome_meetings',
  {
    meeting_id: column.key(),
    network_id: column.text(),
    kind: column.text(),
    title: column.text(),
    host_city_id: column.textOrNull(),
    start_date: column.text(),
    status: column.text<'scheduled' | 'held' | 'cancelled'>(),
    participants: column.integer(),
  },
  { indexes: { outcome_meetings_date: ['status', 'start_date', 'network_id'] } },
);

export type OutcomeMeetingRow = RowOf<typeof outcomeMeetingsTable>;

/** Who came to a meeting, by the country of the city they came for: one row per meeting and country. */
export const outcomeAttendanceTable = defineTable(
  'outcome_attendance',
  {
    meeting_id: column.text(),
    network_id: column.text(),
    country: column.text(),
    start_date: column.text(),
    /** 1 while the meeting counts as held. */
    held: column.integer(),
    participants: column.integer(),
  },
  {
    primaryKey: ['meeting_id', 'country'],
    indexes: {
      outcome_attendance_date: ['held', 'start_date', 'network_id', 'country', 'participants'],
      outcome_attendance_country: ['country', 'held', 'start_date', 'network_id', 'participants'],
      outcome_attendance_network: ['network_id', 'held', 'start_date', 'country', 'participants'],
    },
  },
);

export type OutcomeAttendanceRow = RowOf<typeof outcomeAttendanceTable>;

const MEETING_TOTALS = 'outcome_meeting_totals';
const meetingNetworks = networkKinds('outcome_meeting_networks');

/**
 * Meetings and attendance; totals per network: `held` (all countries), and per country
 * `attended` (held meetings someone from the country attended) and `participants`.
 */
export const outcomeMeetingsProjection = projection({
  name: 'outcomeMeetings',
  version: 5,
  schema: `${outcomeMeetingsTable.schema}
  ${outcomeAttendanceTable.schema}
  ${totalsTableSql(MEETING_TOTALS)}
  ${meetingNetworks.sql}`,
  handles: ['NetworkRegistered', 'MeetingScheduled', 'MeetingRescheduled', 'MeetingCancelled', 'MeetingHeld', 'AttendanceRecorded'],
  apply(db, event) {
    const id = idOfStream(event.streamId);
    const meeting = () => db.get<OutcomeMeetingRow>('SELECT * FROM outcome_meetings WHERE meeting_id = ?', [id]);
    /** Counts (sign 1) or uncounts (-1) a held meeting and everyone who attended it. */
    const key = (row: OutcomeMeetingRow, figure: string, country: string) => ({
      figure,
      networkId: row.network_id,
      networkKind: meetingNetworks.of(db, row.network_id),
      country,
      date: row.start_date,
    });
    const countHeld = (row: OutcomeMeetingRow, sign: 1 | -1) => {
      bump(db, MEETING_TOTALS, key(row, 'held', '*'), sign, 0, 'all');
      for (const a of db.all<OutcomeAttendanceRow>('SELECT * FROM outcome_attendance WHERE meeting_id = ? ORDER BY country', [id])) {
        bump(db, MEETING_TOTALS, key(row, 'attended', a.country), sign, 0, 'own');
        bump(db, MEETING_TOTALS, key(row, 'participants', a.country), sign * a.participants);
      }
    };
    switch (event.type) {
      case 'NetworkRegistered':
        meetingNetworks.record(db, event);
        break;
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
        const before = meeting();
        if (before?.status === 'held') countHeld(before, -1);
        db.run('UPDATE outcome_meetings SET start_date = ? WHERE meeting_id = ?', [startDate, id]);
        db.run('UPDATE outcome_attendance SET start_date = ? WHERE meeting_id = ?', [startDate, id]);
        const after = meeting();
        if (after?.status === 'held') countHeld(after, 1);
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
            if (first) bump(db, MEETING_TOTALS, key(meeting, 'attended', country), 1, 0, 'own');
            bump(db, MEETING_TOTALS, key(meeting, 'participants', country), n);
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
});

// ---------------------------------------------------------------- local groups (ULGs)

export const outcomeLocalGroupsTable = defineTable('outcome_local_groups', {
  group_id: column.key(),
  network_id: column.text(),
  city_id: column.text(),
  name: column.text(),
});

export const outcomeStakeholdersTable = defineTable(
  'outcome_stakeholders',
  {
    group_id: column.text(),
    stakeholder_id: column.integer(),
    network_id: column.text(),
    city_id: column.text(),
    country: column.text(),
    name: column.text(),
    helix: column.text(),
    planned: column.integer(),
    added_on: column.text(),
  },
  {
    primaryKey: ['group_id', 'stakeholder_id'],
    indexes: {
      outcome_stakeholders_date: ['added_on', 'network_id', 'country', 'helix', 'planned'],
      outcome_stakeholders_country: ['country', 'added_on', 'network_id', 'helix', 'planned'],
      outcome_stakeholders_network: ['network_id', 'added_on', 'country', 'helix', 'planned'],
    },
  },
);

export type OutcomeStakeholderRow = RowOf<typeof outcomeStakeholdersTable>;

const GROUP_TOTALS = 'outcome_local_group_totals';
const groupNetworks = networkKinds('outcome_local_group_networks');

export const outcomeLocalGroupsProjection = projection({
  name: 'outcomeLocalGroups',
  version: 5,
  schema: `${outcomeLocalGroupsTable.schema}
  ${outcomeStakeholdersTable.schema}
  ${totalsTableSql(GROUP_TOTALS)}
  ${groupNetworks.sql}`,
  handles: ['NetworkRegistered', 'LocalGroupFormed', 'StakeholderAdded', 'StakeholderRemoved'],
  apply(db, event) {
    const id = idOfStream(event.streamId);
    const count = (row: Pick<OutcomeStakeholderRow, 'network_id' | 'country' | 'added_on' | 'helix' | 'planned'>, n: number) =>
      bump(
        db,
        GROUP_TOTALS,
        { figure: 'stakeholders', networkId: row.network_id, networkKind: groupNetworks.of(db, row.network_id), country: row.country, date: row.added_on, k1: row.helix, k2: String(row.planned) },
        n,
      );
    switch (event.type) {
      case 'NetworkRegistered':
        groupNetworks.record(db, event);
        break;
      case 'LocalGroupFormed': {
        const d = event.data as { networkId: string; cityId: string; name: string };
        outcomeLocalGroupsTable.insert(db, { group_id: id, network_id: d.networkId, city_id: d.cityId, name: d.name }, { or: 'REPLACE' });
        break;
      }
      case 'StakeholderAdded': {
        const d = event.data as { stakeholderId: number; name: string; helix: string; planned: boolean };
        const group = db.get<{ network_id: string; city_id: string }>('SELECT * FROM outcome_local_groups WHERE group_id = ?', [id]);
        if (!group) return;
        const country = countryOfCity(group.city_id);
        const previous = db.get<OutcomeStakeholderRow>('SELECT * FROM outcome_stakeholders WHERE group_id = ? AND stakeholder_id = ?', [id, d.stakeholderId]);
        if (previous) count(previous, -1);
        count({ network_id: group.network_id, country, added_on: day(event.metadata.occurredAt), helix: d.helix, planned: d.planned ? 1 : 0 }, 1);
        outcomeStakeholdersTable.insert(
          db,
          {
            group_id: id,
            stakeholder_id: d.stakeholderId,
            network_id: group.network_id,
            city_id: group.city_id,
            country,
            name: d.name,
            helix: d.helix,
            planned: d.planned ? 1 : 0,
            added_on: day(event.metadata.occurredAt),
          },
          { or: 'REPLACE' },
        );
        break;
      }
      case 'StakeholderRemoved': {
        const d = event.data as { stakeholderId: number };
        const row = db.get<OutcomeStakeholderRow>('SELECT * FROM outcome_stakeholders WHERE group_id = ? AND stakeholder_id = ?', [id, d.stakeholderId]);
        if (!row) return;
        count(row, -1);
        db.run('DELETE FROM outcome_stakeholders WHERE group_id = ? AND stakeholder_id = ?', [id, d.stakeholderId]);
        break;
      }
    }
  },
});

// ---------------------------------------------------------------- good practices and labels

export const outcomePracticesTable = defineTable(
  'outcome_practices',
  {
    practice_id: column.key(),
    network_id: column.textOrNull(),
    city_id: column.text(),
    country: column.text(),
    title: column.text(),
    label_year: column.integerOrNull(),
    labelled_on: column.textOrNull(),
    withdrawn: column.integer(),
  },
  { indexes: { outcome_practices_labelled: ['labelled_on', 'country'] } },
);

export type OutcomePracticeRow = RowOf<typeof outcomePracticesTable>;

export const outcomePracticesProjection = projection({
  name: 'outcomePractices',
  version: 1,
  schema: outcomePracticesTable.schema,
  handles: ['PracticeProposed', 'PracticeRevised', 'GoodPracticeLabelAwarded', 'PracticeWithdrawn'],
  apply(db, event) {
    const id = idOfStream(event.streamId);
    switch (event.type) {
      case 'PracticeProposed': {
        const d = event.data as { cityId: string; country: string; networkId: string | null; title: string };
        outcomePracticesTable.insert(db, { practice_id: id, network_id: d.networkId, city_id: d.cityId, country: d.country, title: d.title, withdrawn: 0 }, { or: 'REPLACE' });
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
});
