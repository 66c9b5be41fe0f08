import { describe, it } from 'vitest';
import { networkDecider } from '../../domain/network/decider.js';
import type { NetworkEvent } from '../../domain/network/events.js';
import { deciderSpec } from '../support/deciderSpec.js';
import { type TranslationGiven, translationScenarios } from '../support/translationScenarios.js';
import { closed, registered } from './fixtures.js';

/** A lesson of the network translated after it was recorded: the original stays, the translation is marked as such. */
const spec = deciderSpec(networkDecider);
const recorded = (lessonLanguage?: string): NetworkEvent => ({
  type: 'NetworkLessonRecorded',
  data: { lessonNumber: 1, lesson: 'La co-progettazione richiede tempo.', theme: null, ...(lessonLanguage ? { lessonLanguage } : {}) },
});
const translate = (lessonNumber: number, translation: TranslationGiven) => ({ type: 'TranslateNetworkLesson' as const, data: { lessonNumber, ...translation } });
const english = { language: 'en', text: 'Co-design takes time.' };

describe('network decider: a lesson of the network translated later', () => {
  translationScenarios(networkDecider)({
    what: 'a lesson of the network',
    writtenInItalian: [registered, recorded('it')],
    writtenWithoutLanguage: [registered, recorded()],
    translate: (translation) => translate(1, translation),
    translated: (translation) => ({ type: 'NetworkLessonTranslated', data: { lessonNumber: 1, ...translation } }),
  });

  it('translates the lesson named by its number, not another', () => {
    const second: NetworkEvent = { type: 'NetworkLessonRecorded', data: { lessonNumber: 2, lesson: 'Open data needs an ecosystem.', theme: null, lessonLanguage: 'en' } };
    spec
      .given([registered, recorded('it'), second])
      .when(translate(2, { language: 'it', text: "I dati aperti hanno bisogno di un ecosistema." }))
      .then([{ type: 'NetworkLessonTranslated', data: { lessonNumber: 2, language: 'it', text: "I dati aperti hanno bisogno di un ecosistema." } }]);
  });

  it('refuses a lesson the network does not have', () => {
    spec.given([registered, recorded('it')]).when(translate(2, english)).thenFails('LESSON_NOT_FOUND');
  });

  it('refuses a translation on a closed network', () => {
    spec.given([registered, recorded('it'), closed]).when(translate(1, english)).thenFails('NETWORK_CLOSED');
  });

  it('refuses a translation on a network that does not exist', () => {
    spec.given([]).when(translate(1, english)).thenFails('NETWORK_NOT_FOUND');
  });
});
