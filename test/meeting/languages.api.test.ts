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
