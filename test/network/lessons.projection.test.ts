import { describe, expect, it } from 'vitest';
import { listNetworkLessons, networkLessonsProjection } from '../../projections/network/lessons.js';
import { projectedAndRebuilt, type StreamEvent } from '../support/projectionSpec.js';

const NETWORK = '01JABCDEFGHJKMNPQRSTVWXYZ0';
const N = `network-${NETWORK}`;
const events: StreamEvent[] = [
  { streamId: N, type: 'NetworkLessonRecorded', data: { lessonNumber: 1, lesson: 'La co-progettazione richiede tempo.', theme: null, lessonLanguage: 'it' } },
  { streamId: N, type: 'NetworkLessonRecorded', data: { lessonNumber: 2, lesson: 'Open data needs an ecosystem.', theme: null } },
  { streamId: N, type: 'NetworkLessonTranslated', data: { lessonNumber: 1, language: 'en', text: 'Co-design takes time' } },
  { streamId: N, type: 'NetworkLessonTranslated', data: { lessonNumber: 2, language: 'it', text: 'I dati aperti hanno bisogno di un ecosistema.', originalLanguage: 'en' } },
  { streamId: N, type: 'NetworkLessonTranslated', data: { lessonNumber: 1, language: 'en', text: 'Co-design takes time.' } },
];

describe('network lessons projection: translations added later', () => {
  it("keeps each original, records an old lesson's language with its first translation, replaces a translation into the same language; a rebuild equals the incremental run", async () => {
    const db = await projectedAndRebuilt([networkLessonsProjection], events, 2);
    expect(listNetworkLessons(db, NETWORK, 10, 0).map((l) => [l.lesson, l.lesson_language, JSON.parse(l.lesson_translations!)])).toEqual([
      ['La co-progettazione richiede tempo.', 'it', [{ text: 'Co-design takes time.', language: 'en' }]],
      ['Open data needs an ecosystem.', 'en', [{ text: 'I dati aperti hanno bisogno di un ecosistema.', language: 'it' }]],
    ]);
  });
});
