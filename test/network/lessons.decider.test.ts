import { describe, expect, it } from 'vitest';
import { networkDecider, RecordNetworkLesson } from '../../domain/network/decider.js';
import type { NetworkEvent } from '../../domain/network/events.js';
import { deciderSpec } from '../support/deciderSpec.js';
import { closed, registered } from './fixtures.js';

/** Lessons of the whole network: not of one partner, not of one meeting. */
const spec = deciderSpec(networkDecider);
const first: NetworkEvent = {
  type: 'NetworkLessonRecorded',
  data: { lessonNumber: 1, lesson: 'Difficulty in merging actions hinders the integrated approach.', theme: 'integrated approach' },
};

describe('network decider: lessons of the network', () => {
  it('records a lesson of the whole network', () => {
    spec
      .given([registered])
      .when({ type: 'RecordNetworkLesson', data: { lesson: first.data.lesson as string, theme: 'integrated approach', learntFrom: undefined } })
      .then([first]);
  });

  it('numbers lessons in the order recorded, with where they were learnt from', () => {
    spec
      .given([registered, first])
      .when({ type: 'RecordNetworkLesson', data: { lesson: 'Open data needs an ecosystem.', theme: null, learntFrom: 'Helsinki' } })
      .then([{ type: 'NetworkLessonRecorded', data: { lessonNumber: 2, lesson: 'Open data needs an ecosystem.', theme: null, learntFrom: 'Helsinki' } }]);
  });

  it('records a lesson in its original language with a translation marked as such', () => {
    const translations = [{ text: 'Co-design takes time.', language: 'en' }];
    spec
      .given([registered])
      .when({ type: 'RecordNetworkLesson', data: { lesson: 'La co-progettazione richiede tempo.', theme: null, learntFrom: undefined, lessonLanguage: 'it', lessonTranslations: translations } })
      .then([
        {
          type: 'NetworkLessonRecorded',
          data: { lessonNumber: 1, lesson: 'La co-progettazione richiede tempo.', theme: null, lessonLanguage: 'it', lessonTranslations: translations },
        },
      ]);
  });

  it('refuses two translations of a lesson into the same language', () => {
    const translations = [
      { text: 'Co-design takes time.', language: 'en' },
      { text: 'Co-design needs time.', language: 'en' },
    ];
    spec
      .given([registered])
      .when({ type: 'RecordNetworkLesson', data: { lesson: 'x', theme: null, learntFrom: undefined, lessonLanguage: 'it', lessonTranslations: translations } })
      .thenFails('TRANSLATION_LANGUAGE_REPEATED');
  });

  it('refuses a lesson of a closed network', () => {
    spec.given([registered, closed]).when({ type: 'RecordNetworkLesson', data: { lesson: 'x', theme: null, learntFrom: undefined } }).thenFails('NETWORK_CLOSED');
  });

  it('refuses a lesson of a network that does not exist', () => {
    spec.given([]).when({ type: 'RecordNetworkLesson', data: { lesson: 'x', theme: null, learntFrom: undefined } }).thenFails('NETWORK_NOT_FOUND');
  });

  it('refuses an empty lesson at the edge', () => {
    expect(RecordNetworkLesson.safeParse({ lesson: ' ' }).success).toBe(false);
  });
});
