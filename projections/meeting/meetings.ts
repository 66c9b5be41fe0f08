import type { MeetingEvent } from '../../domain/meeting/events.js';
import { sortDate } from '../../domain/shared/values.js';
import { dataOf, projection, streamFacts } from '../types.js';
import { storeTranslation, translationsColumn } from './translations.js';

export interface MeetingRow {
  id: string;
  network_id: string;
  kind: string;
  title: string;
  host_city_id: string | null;
  start_date: string;
  end_date: string;
  /** day, month or year: how exactly the dates are known (start..end is the period when not day). */
  date_precision: 'day' | 'month' | 'year';
  /** The date as the source words it. */
  date_wording: string | null;
  /** What meetings sort on: the start day, or the last day of an approximate date's period. */
  sort_date: string;
  /** A host outside the partnership. */
  external_host_name: string | null;
  external_host_country: string | null;
  /** JSON array of { name, affiliation }: speakers from outside the partnership. */
  speakers: string;
  /** JSON array of strings. */
  themes: string;
  guiding_questions: string;
  partner_city_ids: string;
  origin_kind: string | null;
  origin_id: string | null;
  status: 'scheduled' | 'held' | 'cancelled';
  scheduled_at: string;
  scheduled_order: number;
  held_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  reschedule_count: number;
  description: string;
  notes: string;
  /** BCP 47 tags of the description and notes as written, and their translations (JSON); null when not recorded. */
  description_language: string | null;
  description_translations: string | null;
  notes_language: string | null;
  notes_translations: string | null;
  /** BCP 47 tag of the title as written; null when not recorded. */
  title_language: string | null;
  /** JSON array of { text, language }, the title's translations; null when none. */
  title_translations: string | null;
  /** The network's thematic group the meeting belongs to. */
  thematic_group_id: string | null;
  revision: number;
}

export interface AttendeeRow {
  meeting_id: string;
  city_id: string;
  name: string;
  recorded_at: string;
}

export interface LearningRow {
  meeting_id: string;
  learning_number: number;
  network_id: string;
  lesson: string;
  theme: string | null;
  /** Null: a lesson of the whole network. */
  city_id: string | null;
  learnt_from: string | null;
  lesson_language: string | null;
  /** JSON array of { text, language }; null when none. */
  lesson_translations: string | null;
  recorded_at: string;
  recorded_by: string;
}

const data = dataOf<MeetingEvent>();

/** Meetings of every kind, who attended them and what partners learnt there. */
export const meetingsProjection = projection({
  name: 'meetings',
  version: 6,
  schema: `CREATE TABLE IF NOT EXISTS meetings (
    id TEXT PRIMARY KEY,
    network_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    host_city_id TEXT,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    date_precision TEXT NOT NULL DEFAULT 'day',
    date_wording TEXT,
    sort_date TEXT NOT NULL,
    external_host_name TEXT,
    external_host_country TEXT,
    speakers TEXT NOT NULL DEFAULT '[]',
    themes TEXT NOT NULL,
    guiding_questions TEXT NOT NULL,
    partner_city_ids TEXT NOT NULL,
    origin_kind TEXT,
    origin_id TEXT,
    status TEXT NOT NULL,
    scheduled_at TEXT NOT NULL,
    held_at TEXT,
    cancelled_at TEXT,
    cancel_reason TEXT,
    reschedule_count INTEGER NOT NULL DEFAULT 0,
    description TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    description_language TEXT,
    description_translations TEXT,
    notes_language TEXT,
    notes_translations TEXT,
    thematic_group_id TEXT,
    title_language TEXT,
    title_translations TEXT,
    revision INTEGER NOT NULL,
    -- The order meetings were scheduled in (a column, not the rowid, so that history keeps it).
    scheduled_order INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS meetings_network ON meetings (network_id, sort_date);
  CREATE TABLE IF NOT EXISTS meeting_attendees (
    meeting_id TEXT NOT NULL,
    city_id TEXT NOT NULL,
    name TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, city_id, name)
  );
  CREATE INDEX IF NOT EXISTS meeting_attendees_city ON meeting_attendees (city_id);
  CREATE TABLE IF NOT EXISTS meeting_learnings (
    meeting_id TEXT NOT NULL,
    learning_number INTEGER NOT NULL,
    network_id TEXT NOT NULL,
    lesson TEXT NOT NULL,
    theme TEXT,
    city_id TEXT,
    learnt_from TEXT,
    lesson_language TEXT,
    lesson_translations TEXT,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    PRIMARY KEY (meeting_id, learning_number)
  );
  CREATE INDEX IF NOT EXISTS meeting_learnings_network ON meeting_learnings (network_id, city_id);`,
  handles: ['MeetingScheduled', 'MeetingRescheduled', 'MeetingCancelled', 'MeetingHeld', 'AttendanceRecorded', 'LearningRecorded', 'MeetingDescribed', 'MeetingTextTranslated'],
  apply(db, event) {
    const { id, revision, at } = streamFacts(event);
    switch (event.type) {
      case 'MeetingScheduled': {
        const d = data(event, 'MeetingScheduled');
        db.run(
          `INSERT INTO meetings (id, network_id, kind, title, host_city_id, start_date, end_date, date_precision, date_wording, sort_date,
             external_host_name, external_host_country, themes, guiding_questions,
             partner_city_ids, origin_kind, origin_id, thematic_group_id, title_language, title_translations, status, scheduled_at, revision, scheduled_order)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'scheduled', ?, ?, (SELECT coalesce(max(scheduled_order), 0) + 1 FROM meetings))`,
          [
            id,
            d.networkId,
            d.kind,
            d.title,
            d.hostCityId,
            d.startDate,
            d.endDate,
            d.datePrecision ?? 'day',
            d.dateWording ?? null,
            sortDate(d.startDate, d.endDate, d.datePrecision),
            d.externalHost?.name ?? null,
            d.externalHost?.country ?? null,
            JSON.stringify(d.themes),
            JSON.stringify(d.guidingQuestions),
            JSON.stringify(d.partnerCityIds),
            d.origin?.kind ?? null,
            d.origin?.id ?? null,
            d.thematicGroupId ?? null,
            d.titleLanguage ?? null,
            translationsColumn(d.titleTranslations),
            at,
            revision,
          ],
        );
        break;
      }
      case 'MeetingRescheduled': {
        const d = data(event, 'MeetingRescheduled');
        db.run(
          `UPDATE meetings SET start_date = ?, end_date = ?, date_precision = ?, date_wording = ?, sort_date = ?,
             reschedule_count = reschedule_count + 1 WHERE id = ?`,
          [d.startDate, d.endDate, d.datePrecision ?? 'day', d.dateWording ?? null, sortDate(d.startDate, d.endDate, d.datePrecision), id],
        );
        break;
      }
      case 'MeetingCancelled': {
        const d = data(event, 'MeetingCancelled');
        db.run(`UPDATE meetings SET status = 'cancelled', cancelled_at = ?, cancel_reason = ? WHERE id = ?`, [at, d.reason, id]);
        break;
      }
      case 'MeetingHeld':
        db.run(`UPDATE meetings SET status = 'held', held_at = ? WHERE id = ?`, [at, id]);
        break;
      case 'AttendanceRecorded': {
        const d = data(event, 'AttendanceRecorded');
        for (const attendee of d.attendees) {
          db.run(`INSERT OR IGNORE INTO meeting_attendees (meeting_id, city_id, name, recorded_at) VALUES (?, ?, ?, ?)`, [
            id,
            attendee.cityId,
            attendee.name,
            at,
          ]);
        }
        break;
      }
      case 'LearningRecorded': {
        const d = data(event, 'LearningRecorded');
        db.run(
          `INSERT OR REPLACE INTO meeting_learnings (meeting_id, learning_number, network_id, lesson, theme, city_id, learnt_from,
             lesson_language, lesson_translations, recorded_at, recorded_by)
           SELECT ?, ?, network_id, ?, ?, ?, ?, ?, ?, ?, ? FROM meetings WHERE id = ?`,
          [
            id,
            d.learningNumber,
            d.lesson,
            d.theme,
            d.cityId,
            d.learntFrom ?? null,
            d.lessonLanguage ?? null,
            translationsColumn(d.lessonTranslations),
            at,
            event.metadata.actor,
            id,
          ],
        );
        break;
      }
      case 'MeetingDescribed': {
        const d = data(event, 'MeetingDescribed');
        db.run(
          `UPDATE meetings SET description = ?, notes = ?, description_language = ?, description_translations = ?,
             notes_language = ?, notes_translations = ? WHERE id = ?`,
          [
            d.description,
            d.notes,
            d.descriptionLanguage ?? null,
            translationsColumn(d.descriptionTranslations),
            d.notesLanguage ?? null,
            translationsColumn(d.notesTranslations),
            id,
          ],
        );
        if (d.speakers) db.run('UPDATE meetings SET speakers = ? WHERE id = ?', [JSON.stringify(d.speakers), id]);
        break;
      }
      case 'MeetingTextTranslated': {
        const { field, learningNumber, ...added } = data(event, 'MeetingTextTranslated');
        if (field === 'lesson') {
          storeTranslation(db, 'meeting_learnings', 'lesson', { where: 'meeting_id = ? AND learning_number = ?', params: [id, learningNumber ?? 0] }, added);
        } else {
          storeTranslation(db, 'meetings', field, { where: 'id = ?', params: [id] }, added);
        }
        break;
      }
    }
    // Every event of the meeting moves the revision clients send back as expectedRevision.
    db.run('UPDATE meetings SET revision = ? WHERE id = ?', [revision, id]);
  },
});
