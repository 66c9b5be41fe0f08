import { describe, expect, it } from 'vitest';
import { torinoTransnationalMeeting } from '../support/boostInno.js';
import { useTestApp } from '../support/testApp.js';
import { expectRefused, mutate, query, useNetworkSetup } from '../support/api.js';

/**
 * A partner's question: what is this workshop called as the city wrote it, in which language, and
 * what is it in English? Clients that ask only for `title` keep getting the original.
 */
describe('text in its language, with translations marked as such, through the API', () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);
  const original = 'Governance collaborativa e modelli valutativi';
  const english = { text: 'Collaborative governance and evaluation models', language: 'en' };

  it('keeps the Italian title as the original, its language, and the English as a translation', async () => {
    const scheduled = await mutate(
      t,
      'scheduleMeeting',
      { networkId: n.networkId, ...torinoTransnationalMeeting, title: original, titleLanguage: 'it', titleTranslations: [english] },
      n.expert,
    );
    const { meeting } = await query(t, `query($id: ID!) { meeting(id: $id) { title titleLanguage titleTranslations { text language } } }`, {
      id: scheduled.aggregateId,
    });
    expect(meeting).toEqual({ title: original, titleLanguage: 'it', titleTranslations: [english] });
  });

  it('answers a title recorded without a language with no language and no translations', async () => {
    const scheduled = await mutate(t, 'scheduleMeeting', { networkId: n.networkId, ...torinoTransnationalMeeting }, n.expert);
    const { meeting } = await query(t, `query($id: ID!) { meeting(id: $id) { title titleLanguage titleTranslations { text } } }`, {
      id: scheduled.aggregateId,
    });
    expect(meeting).toEqual({ title: torinoTransnationalMeeting.title, titleLanguage: null, titleTranslations: [] });
  });

  it('refuses a language that is not a BCP 47 tag, and translations without the original language', async () => {
    await expectRefused(t, 'scheduleMeeting', { networkId: n.networkId, ...torinoTransnationalMeeting, titleLanguage: 'Italian!' }, n.expert, 'InputValidationError');
    await expectRefused(t, 'scheduleMeeting', { networkId: n.networkId, ...torinoTransnationalMeeting, titleTranslations: [english] }, n.expert, 'RuleViolationError');
  });
});

/** A partner's question: the meeting was described in Italian; can an English reader follow it, now and after a translation added later? */
describe('a meeting described in its language, translated later, through the API', () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);
  const italianTitle = 'Governance collaborativa e modelli valutativi';
  const textsQuery = `query($id: ID!) { meeting(id: $id) {
    title titleLanguage titleTranslations { text language }
    description descriptionLanguage descriptionTranslations { text language }
    notes notesLanguage notesTranslations { text language } } }`;

  async function italianMeeting() {
    const scheduled = await mutate(t, 'scheduleMeeting', { networkId: n.networkId, ...torinoTransnationalMeeting, title: italianTitle, titleLanguage: 'it' }, n.expert);
    await mutate(
      t,
      'describeMeeting',
      { meetingId: scheduled.aggregateId, description: 'Il programma del seminario', descriptionLanguage: 'it', notes: 'Le note della rete', notesLanguage: 'it' },
      n.expert,
    );
    return scheduled.aggregateId as string;
  }

  it('answers the description and notes with their language', async () => {
    const meetingId = await italianMeeting();
    const { meeting } = await query(t, textsQuery, { id: meetingId }, n.expert);
    expect(meeting).toMatchObject({ descriptionLanguage: 'it', descriptionTranslations: [], notesLanguage: 'it', notesTranslations: [] });
  });

  it('adds English translations of the title and notes later, keeping the Italian originals', async () => {
    const meetingId = await italianMeeting();
    await mutate(t, 'translateMeeting', { meetingId, field: 'title', language: 'en', text: 'Collaborative governance' }, n.expert);
    await mutate(t, 'translateMeeting', { meetingId, field: 'notes', language: 'en', text: "The network's notes" }, n.expert);
    const { meeting } = await query(t, textsQuery, { id: meetingId }, n.expert);
    expect(meeting).toMatchObject({
      title: italianTitle,
      titleLanguage: 'it',
      titleTranslations: [{ text: 'Collaborative governance', language: 'en' }],
      notes: 'Le note della rete',
      notesTranslations: [{ text: "The network's notes", language: 'en' }],
    });
  });

  it('replaces an earlier English translation with a later one', async () => {
    const meetingId = await italianMeeting();
    await mutate(t, 'translateMeeting', { meetingId, field: 'description', language: 'en', text: 'The programme' }, n.expert);
    await mutate(t, 'translateMeeting', { meetingId, field: 'description', language: 'EN', text: "The seminar's programme" }, n.expert);
    const { meeting } = await query(t, textsQuery, { id: meetingId }, n.expert);
    expect(meeting).toMatchObject({ description: 'Il programma del seminario', descriptionTranslations: [{ text: "The seminar's programme", language: 'en' }] });
  });

  it('refuses a translation into Italian, the original language, and writes nothing', async () => {
    const meetingId = await italianMeeting();
    await expectRefused(t, 'translateMeeting', { meetingId, field: 'title', language: 'it', text: 'Governance condivisa' }, n.expert, 'RuleViolationError', 'TRANSLATION_IN_ORIGINAL_LANGUAGE');
  });

  it('hides the notes translations from the public, like the notes', async () => {
    const meetingId = await italianMeeting();
    const response = await t.gql(`query($id: ID!) { meeting(id: $id) { descriptionLanguage notesTranslations { text } } }`, { id: meetingId });
    expect(response.data?.meeting).toEqual({ descriptionLanguage: 'it', notesTranslations: null });
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
