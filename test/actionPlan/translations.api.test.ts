import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testApp.js';
import { draftTorinoPlanThroughApi } from './fixtures.js';
import { expectRefused, mutate, query, useNetworkSetup } from '../support/api.js';

/** Torino's question: our action's summary is in Italian; can a partner read it in English, added once the plan was written? */
describe("an action's summary in its language, translated later, through the API", () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);
  const italian = 'Un bando per progetti di innovazione sociale nelle periferie';
  let planId: string;

  beforeAll(async () => {
    planId = await draftTorinoPlanThroughApi(t, n);
  });

  async function actionInItalian(title: string) {
    const added = await mutate(
      t,
      'addPlanAction',
      { planId, title, clusterKey: 'collective-actions', phase: 'design', summary: italian, summaryLanguage: 'it' },
      n.torino,
      'action { actionId }',
    );
    return added.action.actionId as string;
  }

  const summaryOf = async (actionId: string) => {
    const { actionPlan } = await query(
      t,
      `query($networkId: ID!) { actionPlan(networkId: $networkId, cityId: "torino-it") { actions(first: 50) { nodes { actionId summary summaryLanguage summaryTranslations { text language } } } } }`,
      { networkId: n.networkId },
      n.torino,
    );
    return actionPlan.actions.nodes.find((a: { actionId: string }) => a.actionId === actionId);
  };

  it('keeps the Italian summary as the original and adds the English translation Torino gives later', async () => {
    const actionId = await actionInItalian('Torino Social Factory');
    await mutate(t, 'translatePlanAction', { actionId, field: 'summary', language: 'en', text: 'A call for social innovation projects' }, n.torino);
    expect(await summaryOf(actionId)).toMatchObject({
      summary: italian,
      summaryLanguage: 'it',
      summaryTranslations: [{ text: 'A call for social innovation projects', language: 'en' }],
    });
  });

  it('refuses a translation in Italian, the original language, and writes nothing', async () => {
    const actionId = await actionInItalian('Co-City');
    await expectRefused(t, 'translatePlanAction', { actionId, field: 'summary', language: 'it', text: 'Un bando' }, n.torino, 'RuleViolationError', 'TRANSLATION_IN_ORIGINAL_LANGUAGE');
  });
});
