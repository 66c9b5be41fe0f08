import { describe, expect, it } from 'vitest';
import { actionPlanDecider, EndorseActionPlan } from '../../domain/actionPlan/decider.js';
import type { ActionPlanEvent } from '../../domain/actionPlan/events.js';
import { deciderSpec } from '../support/deciderSpec.js';
import { NETWORK_ID as NETWORK } from '../support/networkSnapshot.js';
import { torinoPlanDrafted } from './fixtures.js';

/** An endorsement the world knows only by its year ("with the end of BoostInno in 2018"). */
const spec = deciderSpec(actionPlanDecider);
const A1 = '01JACT00000000000000000001';
const drafted = torinoPlanDrafted(NETWORK, [{ key: 'collective-actions', title: 'Collective actions', description: '' }]);
const added: ActionPlanEvent = {
  type: 'PlanActionAdded',
  data: { actionId: A1, title: 'Co-City', clusterKey: 'collective-actions', phase: 'realisation', summary: '', budgetCents: null, responsibleBody: '', funding: [], addedAfterEndorsement: false },
};
const endorsement = { date: '2018-12-31', body: 'Not named', note: '' };

describe('action plan decider: an endorsement date known only roughly', () => {
  it('records an endorsement known only by its year, with the source wording', () => {
    spec
      .given([drafted, added])
      .when({ type: 'EndorseActionPlan', data: { ...endorsement, datePrecision: 'year', dateWording: 'with the end of BoostInno in 2018' } })
      .then([{ type: 'ActionPlanEndorsed', data: { ...endorsement, datePrecision: 'year', dateWording: 'with the end of BoostInno in 2018' } }]);
  });

  it('records a day-precise endorsement as before precision existed', () => {
    spec.given([drafted, added]).when({ type: 'EndorseActionPlan', data: endorsement }).then([{ type: 'ActionPlanEndorsed', data: endorsement }]);
  });

  it('refuses a year-precise endorsement not recorded on the last day of its year', () => {
    expect(EndorseActionPlan.safeParse({ date: '2018-01-01', datePrecision: 'year' }).error?.issues.map((i) => i.message)).toEqual([
      'a year-precise date is recorded on 31 December',
    ]);
  });

  it('refuses a month-precise endorsement not recorded on the last day of its month', () => {
    expect(EndorseActionPlan.safeParse({ date: '2018-02-27', datePrecision: 'month' }).success).toBe(false);
  });
});
