import { describe, it } from 'vitest';
import { actionPlanDecider } from '../../domain/actionPlan/decider.js';
import type { ActionPlanEvent } from '../../domain/actionPlan/events.js';
import { deciderSpec } from '../support/deciderSpec.js';
import { translationScenarios } from '../support/translationScenarios.js';
import { NETWORK_ID as NETWORK } from '../support/networkSnapshot.js';
import { torinoPlanDrafted } from './fixtures.js';

const spec = deciderSpec(actionPlanDecider);
const A1 = '01JACT00000000000000000001';
const cluster = { key: 'collective-actions', title: 'Collective actions', description: '' };
const drafted: ActionPlanEvent = torinoPlanDrafted(NETWORK, [cluster]);
/** What the command and the event it records say alike. */
const socialFactory = {
  actionId: A1,
  title: 'Torino Social Factory',
  clusterKey: 'collective-actions',
  phase: 'realisation' as const,
  summary: 'Un bando per progetti di innovazione sociale',
  responsibleBody: 'City of Turin',
  funding: [],
};
const added = (data: Partial<Extract<ActionPlanEvent, { type: 'PlanActionAdded' }>['data']> = {}): ActionPlanEvent => ({
  type: 'PlanActionAdded',
  data: {
    ...socialFactory,
    budgetCents: null,
    addedAfterEndorsement: false,
    summaryLanguage: 'it',
    ...data,
  },
});
const english = { language: 'en', text: 'A call for social innovation projects' };

describe('action plan decider: summary in its language, translations added later', () => {
  it('records an action whose summary carries its language and translations', () => {
    spec
      .given([drafted])
      .when({
        type: 'AddPlanAction',
        data: {
          ...socialFactory,
          budget: null,
          summaryLanguage: 'it',
          summaryTranslations: [english],
        },
      })
      .then([added({ summaryTranslations: [english] })]);
  });

  translationScenarios(actionPlanDecider)({
    what: 'the summary',
    writtenInItalian: [drafted, added()],
    writtenWithoutLanguage: [drafted, added({ summaryLanguage: undefined })],
    translate: (translation) => ({ type: 'TranslatePlanAction', data: { actionId: A1, field: 'summary', ...translation } }),
    translated: (translation) => ({ type: 'PlanActionTextTranslated', data: { actionId: A1, field: 'summary', ...translation } }),
  });

  it("refuses a translation of a title recorded without a language, unless the original's is given", () => {
    spec.given([drafted, added()]).when({ type: 'TranslatePlanAction', data: { actionId: A1, field: 'title', ...english } }).thenFails('ORIGINAL_LANGUAGE_MISSING');
  });

  it('refuses to translate an empty summary', () => {
    spec
      .given([drafted, added({ summary: '', summaryLanguage: undefined })])
      .when({ type: 'TranslatePlanAction', data: { actionId: A1, field: 'summary', ...english } })
      .thenFails('NOTHING_TO_TRANSLATE');
  });
});
