import type { NetworkEventOf } from '../../domain/network/events.js';
import { idOfStream } from '../../domain/shared/decider.js';
import type { LearningRow } from '../meeting/meetings.js';
import { storeTranslation, translationsColumn } from '../meeting/translations.js';
import type { ReadModelStore } from '../types.js';
import { projection } from '../types.js';

/** A lesson of the network, with the columns a meeting's learning has for it. */
export type NetworkLessonRow = Pick<
  LearningRow,
  'network_id' | 'lesson' | 'theme' | 'learnt_from' | 'lesson_language' | 'lesson_translations' | 'recorded_at'
> & { lesson_number: number };

/** Lessons of a whole network that belong to no one meeting (its general highlights, its guidelines). */
export const networkLessonsProjection = projection({
  name: 'networkLessons',
  version: 2,
  schema: `CREATE TABLE IF NOT EXISTS network_lessons (
    network_id TEXT NOT NULL,
    lesson_number INTEGER NOT NULL,
    lesson TEXT NOT NULL,
    theme TEXT,
    learnt_from TEXT,
    lesson_language TEXT,
    lesson_translations TEXT,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (network_id, lesson_number)
  );`,
  handles: ['NetworkLessonRecorded', 'NetworkLessonTranslated'],
  apply(db, event) {
    const networkId = idOfStream(event.streamId);
    if (event.type === 'NetworkLessonTranslated') {
      const { lessonNumber, ...added } = event.data as NetworkEventOf<'NetworkLessonTranslated'>['data'];
      storeTranslation(db, 'network_lessons', 'lesson', { where: 'network_id = ? AND lesson_number = ?', params: [networkId, lessonNumber] }, added);
      return;
    }
    const d = event.data as NetworkEventOf<'NetworkLessonRecorded'>['data'];
    db.run(
      `INSERT OR REPLACE INTO network_lessons (network_id, lesson_number, lesson, theme, learnt_from, lesson_language, lesson_translations, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        networkId,
        d.lessonNumber,
        d.lesson,
        d.theme,
        d.learntFrom ?? null,
        d.lessonLanguage ?? null,
        translationsColumn(d.lessonTranslations),
        event.metadata.occurredAt,
      ],
    );
  },
});

export function listNetworkLessons(db: ReadModelStore, networkId: string, limit: number, offset: number): NetworkLessonRow[] {
  return db.all<NetworkLessonRow>('SELECT * FROM network_lessons WHERE network_id = ? ORDER BY lesson_number LIMIT ? OFFSET ?', [
    networkId,
    limit,
    offset,
  ]);
}
