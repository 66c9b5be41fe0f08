import { describe, expect, it } from 'vitest';
import type { ActionPlanCommand } from '../../domain/actionPlan/decider.js';
import { actionPlanDecider, FundingLineInput, RecordFundingSecured } from '../../domain/actionPlan/decider.js';
import type { ActionPlanEvent } from '../../domain/actionPlan/events.js';
import { classOf, fromLegacySource } from '../../domain/actionPlan/funding.js';
import { deciderSpec } from '../support/deciderSpec.js';
import { NETWORK_ID as NETWORK } from '../support/networkSnapshot.js';
import { torinoPlanDrafted } from './fixtures.js';

/** Fund, channel and instrument recorded apart, so "total ERDF mobilised" can be asked. */
const spec = deciderSpec(actionPlanDecider);
const A1 = '01JACT00000000000000000001';
const F1 = '01JFND00000000000000000001';
const cluster = { key: 'collective-actions', title: 'Collective actions', description: '' };
const drafted = torinoPlanDrafted(NETWORK, [cluster]);
const added: ActionPlanEvent = {
  type: 'PlanActionAdded',
  data: {
    actionId: A1, title: 'Co-City', clusterKey: 'collective-actions', phase: 'realisation', summary: '', budgetCents: null,
    responsibleBody: '', funding: [], addedAfterEndorsement: false,
  },
};
const secure = (line: Record<string, unknown>): ActionPlanCommand => ({
  type: 'RecordFundingSecured',
  data: { actionId: A1, fundingId: F1, amount: '4100000', programme: '', date: '2017-03-01', note: '', ...line },
});
const secured = (line: Record<string, unknown>): ActionPlanEvent => ({
  type: 'FundingSecured',
  data: { actionId: A1, fundingId: F1, amountCents: 410_000_000, programme: '', date: '2017-03-01', note: '', ...line } as never,
});

describe('action plan decider: fund, channel and instrument', () => {
  it('records UIA money as the UIA source alone: the source already says its fund is ERDF', () => {
    spec.given([drafted, added]).when(secure({ channel: 'UIA', instrument: null })).then([secured({ source: 'UIA' })]);
  });

  it('records a grant of UIA money with its instrument', () => {
    spec.given([drafted, added]).when(secure({ channel: 'UIA', instrument: 'grant' })).then([secured({ source: 'UIA', instrument: 'grant' })]);
  });

  it('records Horizon 2020 money as EU money through Horizon 2020, no longer just "other"', () => {
    spec.given([drafted, added]).when(secure({ channel: 'horizon2020' })).then([secured({ source: 'other', fund: 'euDirect', channel: 'horizon2020' })]);
  });

  it('records ESF money through a national operational programme', () => {
    spec
      .given([drafted, added])
      .when(secure({ fund: 'ESF', channel: 'nationalOperationalProgramme', programme: 'PON Metro 3.3.1B' }))
      .then([secured({ source: 'ESF', channel: 'nationalOperationalProgramme', programme: 'PON Metro 3.3.1B' })]);
  });

  it('refuses UIA money said to be of another fund', () => {
    spec.given([drafted, added]).when(secure({ fund: 'ESF', channel: 'UIA' })).thenFails('FUNDING_CLASS_CONTRADICTS');
  });

  it('refuses a source that contradicts the fund', () => {
    spec.given([drafted, added]).when(secure({ source: 'ESF', fund: 'ERDF' })).thenFails('FUNDING_CLASS_CONTRADICTS');
  });

  it('records planned funding lines with their fund and channel', () => {
    spec
      .given([drafted])
      .when({
        type: 'AddPlanAction',
        data: {
          actionId: A1, title: 'Co-City', clusterKey: 'collective-actions', phase: 'realisation', summary: '', budget: null, responsibleBody: '',
          funding: [{ fund: 'local', instrument: 'coFinancing', amount: '1000000', programme: 'local co-financing' }],
        },
      })
      .then([
        {
          type: 'PlanActionAdded',
          data: {
            ...(added.data as object),
            funding: [{ source: 'other', fund: 'local', instrument: 'coFinancing', amountCents: 100_000_000, programme: 'local co-financing' }],
          } as never,
        },
      ]);
  });
});

describe('funding: input rules and funding recorded before the three answers', () => {
  it('refuses a funding line that names neither fund, channel nor source', () => {
    expect(FundingLineInput.safeParse({ amount: '10' }).error?.issues.map((i) => i.message)).toEqual(['give the fund, the channel or the source']);
  });

  it('refuses at the edge UIA money said to be ESF', () => {
    expect(FundingLineInput.safeParse({ amount: '10', channel: 'UIA', fund: 'ESF' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['fund']);
  });

  it('accepts a secured amount by fund alone', () => {
    expect(RecordFundingSecured.safeParse({ fund: 'ERDF', amount: '10', date: '2020-01-01' }).success).toBe(true);
  });

  it('reads an old UIA record as ERDF through UIA', () => {
    expect(classOf({ source: 'UIA' })).toEqual({ fund: 'ERDF', channel: 'UIA', instrument: 'unknown' });
  });

  it('reads an old "other" record as a fund not named', () => {
    expect(fromLegacySource('other')).toEqual({ fund: 'unknown', channel: null, instrument: 'unknown' });
  });
});
