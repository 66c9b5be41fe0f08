import { describe, it } from 'vitest';
import { meetingDecider } from '../../domain/meeting/decider.js';
import type { MeetingEvent } from '../../domain/meeting/events.js';
import { torinoTransnationalMeeting } from '../support/boostInno.js';
import { deciderSpec } from '../support/deciderSpec.js';
import { translationScenarios } from '../support/translationScenarios.js';
import { network, NETWORK_ID } from '../support/networkSnapshot.js';

const spec = deciderSpec(meetingDecider);

const meeting = { ...torinoTransnationalMeeting, themes: [...torinoTransnationalMeeting.themes], guidingQuestions: [], partnerCityIds: [], origin: null };
const scheduledInItalian: MeetingEvent = {
  type: 'MeetingScheduled',
  data: { networkId: NETWORK_ID, ...meeting, title: 'Governance collaborativa', titleLanguage: 'it' },
};
const scheduledWithoutLanguage: MeetingEvent = { type: 'MeetingScheduled', data: { networkId: NETWORK_ID, ...meeting } };
const held: MeetingEvent = { type: 'MeetingHeld', data: {} };
const describedInItalian: MeetingEvent = {
  type: 'MeetingDescribed',
  data: { description: 'Il programma', notes: 'Le note', descriptionLanguage: 'it', notesLanguage: 'it' },
};
const learning: MeetingEvent = { type: 'LearningRecorded', data: { learningNumber: 1, lesson: 'Una lezione', theme: null, cityId: null, lessonLanguage: 'it' } };
const english = { language: 'en', text: 'Collaborative governance' };

describe('meeting decider: text in its language when described', () => {
  it('records the description and notes with their languages and translations', () => {
    spec
      .given([scheduledInItalian])
      .when({
        type: 'DescribeMeeting',
        data: { description: 'Il programma', notes: 'Le note', descriptionLanguage: 'it', descriptionTranslations: [{ text: 'The programme', language: 'en' }], notesLanguage: 'it', network },
      })
      .then([
        {
          type: 'MeetingDescribed',
          data: { description: 'Il programma', notes: 'Le note', descriptionLanguage: 'it', descriptionTranslations: [{ text: 'The programme', language: 'en' }], notesLanguage: 'it' },
        },
      ]);
  });

  it('keeps the language of an unchanged description when only the notes change', () => {
    spec
      .given([scheduledInItalian, describedInItalian])
      .when({ type: 'DescribeMeeting', data: { description: 'Il programma', notes: 'Altre note', network } })
      .then([{ type: 'MeetingDescribed', data: { description: 'Il programma', notes: 'Altre note', descriptionLanguage: 'it' } }]);
  });

  it('refuses translations of the notes without their language', () => {
    spec
      .given([scheduledInItalian])
      .when({ type: 'DescribeMeeting', data: { description: '', notes: 'Le note', notesTranslations: [{ text: 'The notes', language: 'en' }], network } })
      .thenFails('ORIGINAL_LANGUAGE_MISSING');
  });
});

describe('meeting decider: translations added later', () => {
  translationScenarios(meetingDecider)({
    what: 'the title',
    writtenInItalian: [scheduledInItalian],
    writtenWithoutLanguage: [scheduledWithoutLanguage],
    translate: (translation) => ({ type: 'TranslateMeeting', data: { field: 'title', ...translation, network } }),
    translated: (translation) => ({ type: 'MeetingTextTranslated', data: { field: 'title', ...translation } }),
  });

  it('translates the notes', () => {
    spec
      .given([scheduledInItalian, describedInItalian])
      .when({ type: 'TranslateMeeting', data: { field: 'notes', language: 'en', text: 'The notes', network } })
      .then([{ type: 'MeetingTextTranslated', data: { field: 'notes', language: 'en', text: 'The notes' } }]);
  });

  it('refuses to translate a description never written', () => {
    spec.given([scheduledInItalian]).when({ type: 'TranslateMeeting', data: { field: 'description', ...english, network } }).thenFails('NOTHING_TO_TRANSLATE');
  });

  it("translates a learning's lesson, by its number", () => {
    spec
      .given([scheduledInItalian, held, learning])
      .when({ type: 'TranslateMeeting', data: { field: 'lesson', learningNumber: 1, language: 'en', text: 'A lesson', network } })
      .then([{ type: 'MeetingTextTranslated', data: { field: 'lesson', learningNumber: 1, language: 'en', text: 'A lesson' } }]);
  });

  it('refuses a learning the meeting does not have', () => {
    spec
      .given([scheduledInItalian, held, learning])
      .when({ type: 'TranslateMeeting', data: { field: 'lesson', learningNumber: 2, ...english, network } })
      .thenFails('LEARNING_NOT_FOUND');
  });

  it('refuses a lesson without its learning number', () => {
    spec.given([scheduledInItalian, held, learning]).when({ type: 'TranslateMeeting', data: { field: 'lesson', ...english, network } }).thenFails('LEARNING_NUMBER_MISMATCH');
  });
});
