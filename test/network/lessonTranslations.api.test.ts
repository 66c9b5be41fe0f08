import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testApp.js';
import { eventTypes, expectRefused, mutate, query, useNetworkSetup, when } from '../support/api.js';

/**
 * A partner's question: the lead expert wrote the network's lessons in Italian; can the partners who
 * read no Italian follow them, with an English translation added once they were recorded, and is the
 * Italian kept as the original?
 */
describe('a lesson of the network translated after it was recorded, through the API', () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);
  const LESSONS = `query($id: ID!) { network(id: $id) { lessons(first: 50) { nodes { number lesson lessonLanguage lessonTranslations { text language } } } } }`;

  const lessonsRead = async () => (await query(t, LESSONS, { id: n.networkId }, n.torino)).network.lessons.nodes as { number: number; lesson: string }[];

  /** Records a lesson in Italian as the lead expert; returns its number. */
  async function italianLesson(lesson: string): Promise<number> {
    await mutate(t, 'recordNetworkLesson', { networkId: n.networkId, lesson, lessonLanguage: 'it' }, n.expert);
    return (await lessonsRead()).find((l) => l.lesson === lesson)!.number;
  }

  const translate = (lessonNumber: number, language: string, text: string) => ({
    query: `mutation($input: TranslateNetworkLessonInput!) { translateNetworkLesson(input: $input) { __typename } }`,
    variables: { input: { networkId: n.networkId, lessonNumber, language, text } },
    token: n.expert,
  });

  it('keeps the Italian lesson as the original and adds the English translation given later', async () => {
    const number = await italianLesson('Il tempo è necessario per consolidare i processi di integrazione.');
    const outcome = await when(t, translate(number, 'en', 'Time is needed to consolidate the integration processes.'));
    expect(eventTypes(outcome)).toEqual(['NetworkLessonTranslated']);
    expect((await lessonsRead()).find((l) => l.number === number)).toEqual({
      number,
      lesson: 'Il tempo è necessario per consolidare i processi di integrazione.',
      lessonLanguage: 'it',
      lessonTranslations: [{ text: 'Time is needed to consolidate the integration processes.', language: 'en' }],
    });
  });

  it('replaces an earlier English translation with a later one', async () => {
    const number = await italianLesson('Fondere le azioni è difficile.');
    await mutate(t, 'translateNetworkLesson', { networkId: n.networkId, lessonNumber: number, language: 'en', text: 'Merging is hard.' }, n.expert);
    await mutate(t, 'translateNetworkLesson', { networkId: n.networkId, lessonNumber: number, language: 'EN', text: 'Merging actions is difficult.' }, n.secretariat);
    expect((await lessonsRead()).find((l) => l.number === number)).toMatchObject({
      lesson: 'Fondere le azioni è difficile.',
      lessonTranslations: [{ text: 'Merging actions is difficult.', language: 'en' }],
    });
  });

  it('refuses a translation into Italian, the original language, and writes nothing', async () => {
    const number = await italianLesson('La co-progettazione richiede tempo.');
    await expectRefused(
      t,
      'translateNetworkLesson',
      { networkId: n.networkId, lessonNumber: number, language: 'it', text: 'La co-progettazione chiede tempo.' },
      n.expert,
      'RuleViolationError',
      'TRANSLATION_IN_ORIGINAL_LANGUAGE',
    );
  });

  it("refuses a lesson the network does not have, and a translation of a lesson without its original's language", async () => {
    await expectRefused(t, 'translateNetworkLesson', { networkId: n.networkId, lessonNumber: 999, language: 'en', text: 'x' }, n.expert, 'RuleViolationError', 'LESSON_NOT_FOUND');
    await mutate(t, 'recordNetworkLesson', { networkId: n.networkId, lesson: 'A lesson written with no language' }, n.expert);
    const number = (await lessonsRead()).find((l) => l.lesson === 'A lesson written with no language')!.number;
    await expectRefused(t, 'translateNetworkLesson', { networkId: n.networkId, lessonNumber: number, language: 'it', text: 'Una lezione' }, n.expert, 'RuleViolationError', 'ORIGINAL_LANGUAGE_MISSING');
  });

  it('lets a partner coordinator read the translations but not add one', async () => {
    const number = await italianLesson('I laboratori locali funzionano.');
    await expectRefused(t, 'translateNetworkLesson', { networkId: n.networkId, lessonNumber: number, language: 'en', text: 'Local workshops work.' }, n.torino, 'ForbiddenError');
  });
});
