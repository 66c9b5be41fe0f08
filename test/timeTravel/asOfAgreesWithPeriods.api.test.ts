import { beforeAll, describe, expect, it } from 'vitest';
import { mutate, network, pause } from '../support/api.js';
import { useTestApp } from '../support/testApp.js';

// Every outcome figure, without records' ids (they differ by nothing here but keep the answer whole).
const OUTCOMES = `query($filter: OutcomeFilter, $asOf: DateTime, $knownAt: DateTime) { outcomes(filter: $filter, asOf: $asOf, knownAt: $knownAt) {
  plans { drafted endorsed records { nodes { cityId endorsedOn } } }
  actions { total implemented implementationRate byPhaseAndStatus { phase status count } records { nodes { title statusDate } } }
  funding { total { euros } bySource { source amount { euros } records } records { nodes { amount { euros } date } } }
  newcomers { cities records { nodes { cityId joinedOn } } }
} }`;

const at = (date: string) => `${date}T10:00:00.000Z`;

describe('as of a moment and a period ending that day give the same figures', () => {
  const t = useTestApp();
  let planId: string;
  let action: string;
  const outcomes = async (variables: Record<string, unknown>) => {
    const res = await t.gql(OUTCOMES, variables, t.secretariat);
    expect(res.errors).toBeUndefined();
    return res.data!.outcomes;
  };

  beforeAll(async () => {
    // Co-City: the plan drafted in 2016; its action and the funding dated 2017-03-01 recorded in 2018.
    const networkId = await network(t, t.secretariat, 'actionPlanning', [['torino-it', 'Torino', 'IT']], 'Co-City', at('2015-09-01'));
    planId = (
      await mutate(t, 'draftActionPlan', { networkId, cityId: 'torino-it', title: 'Co-City', clusters: [{ key: 'commons', title: 'Urban commons' }], occurredAt: at('2016-05-01') }, t.secretariat)
    ).aggregateId;
    action = (await mutate(t, 'addPlanAction', { planId, title: 'Pacts of collaboration', clusterKey: 'commons', phase: 'realisation', occurredAt: at('2018-02-01') }, t.secretariat, 'action { id }')).action.id;
    await mutate(t, 'recordFundingSecured', { actionId: action, source: 'UIA', amount: '4100000', date: '2017-03-01', occurredAt: at('2018-02-02') }, t.secretariat);
    await mutate(t, 'changeActionStatus', { actionId: action, status: 'inProgress', date: '2018-03-01', occurredAt: at('2018-03-01') }, t.secretariat);
    await mutate(t, 'endorseActionPlan', { planId, date: '2018-05-30', occurredAt: at('2018-06-02') }, t.secretariat);
  });

  it("counts Co-City's EUR 4,100,000 dated 2017-03-01 as of 2017-06-30, as the period ending then does", async () => {
    const asOf = await outcomes({ asOf: '2017-06-30T00:00:00Z' });
    const period = await outcomes({ filter: { to: '2017-06-30' } });
    expect(asOf.funding.total.euros).toBe('4100000.00');
    expect(period.funding.total.euros).toBe('4100000.00');
    expect(asOf).toEqual(period);
  });

  it('agrees on every figure at every day where something changes, and after the last', async () => {
    for (const day of ['2015-12-31', '2016-05-01', '2017-02-28', '2017-03-01', '2018-02-01', '2018-03-01', '2018-05-29', '2018-05-30', '2030-01-01']) {
      const asOf = await outcomes({ asOf: `${day}T12:00:00+00:00` });
      expect(asOf, day).toEqual(await outcomes({ filter: { to: day } }));
    }
    expect(await outcomes({ asOf: '2030-01-01T00:00:00Z' })).toEqual(await outcomes({}));
  });

  it('counts a period read as of a later moment from what the world knew then (the fact rows: counters keep no history)', async () => {
    const year2017 = { from: '2017-01-01', to: '2017-12-31' };
    expect(await outcomes({ asOf: '2030-01-01T00:00:00Z', filter: year2017 })).toEqual(await outcomes({ filter: year2017 }));
    // The action was added on 2018-02-01: a period of 2018 read before then has none.
    const year2018 = { from: '2018-01-01', to: '2018-12-31' };
    expect((await outcomes({ asOf: '2018-01-31T00:00:00Z', filter: year2018 })).actions.total).toBe(0);
    expect((await outcomes({ asOf: '2018-02-28T00:00:00Z', filter: year2018 })).actions.total).toBe(1);
  });

  it('reproduces an answer as it was known after later backdated writes, for as-of and for periods', async () => {
    const published = { asOf: await outcomes({ asOf: '2018-12-31T00:00:00Z' }), period: await outcomes({ filter: { to: '2017-12-31' } }) };
    await pause(10);
    const publishedAt = new Date().toISOString();
    await pause(10);
    // Backfilled later: more funding dated 2017, the action implemented in 2018, a newcomer of 2016.
    await mutate(t, 'recordFundingSecured', { actionId: action, source: 'ERDF', amount: '250000', date: '2017-09-01', occurredAt: at('2017-09-01') }, t.secretariat);
    await mutate(t, 'changeActionStatus', { actionId: action, status: 'implemented', date: '2018-11-01', occurredAt: at('2018-11-01') }, t.secretariat);
    const now = await outcomes({ asOf: '2018-12-31T00:00:00Z' });
    expect(now.funding.total.euros).toBe('4350000.00');
    expect(now.actions.implemented).toBe(1);
    expect(now).toEqual(await outcomes({ filter: { to: '2018-12-31' } }));
    expect(await outcomes({ asOf: '2018-12-31T00:00:00Z', knownAt: publishedAt })).toEqual(published.asOf);
    expect(await outcomes({ filter: { to: '2017-12-31' }, knownAt: publishedAt })).toEqual(published.period);
    expect(published.asOf.funding.total.euros).toBe('4100000.00');
  });
});
