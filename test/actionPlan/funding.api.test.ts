import { describe, expect, it } from 'vitest';
import { actionPlanDecider } from '../../domain/actionPlan/decider.js';
import { streamIdOf } from '../../domain/shared/decider.js';
import { useTestApp } from '../support/testApp.js';
import { eventTypes, given, mutate, query, refused, useNetworkSetup, when } from '../support/api.js';

/** The secretariat's question: how much ERDF money have the plans mobilised, whatever the channel it came through? */
describe('funding by fund, channel and instrument, through the API', () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);

  it('answers "total ERDF mobilised" with UIA money recorded before funds existed, and money of national programmes', async () => {
    const plan = await mutate(
      t,
      'draftActionPlan',
      { networkId: n.networkId, cityId: 'torino-it', title: 'Torino Social Impact', clusters: [{ key: 'collective-actions', title: 'Collective actions' }] },
      n.torino,
    );
    const action = (title: string) =>
      mutate(t, 'addPlanAction', { planId: plan.aggregateId, title, clusterKey: 'collective-actions', phase: 'realisation' }, n.torino, 'action { actionId }').then(
        (added) => added.action.actionId as string,
      );
    const coCity = await action('Co-City');
    const socialFactory = await action('Torino Social Factory');
    const proGiReg = await action('ProGiReg');
    // Co-City's UIA money, recorded before fund and channel existed: `source: UIA` only.
    await given(t, [
      {
        streamId: streamIdOf(actionPlanDecider.category, plan.aggregateId),
        events: [
          {
            type: 'FundingSecured',
            data: { fundingId: '01JFND00000000000000000001', actionId: coCity, source: 'UIA', amountCents: 410_000_000, programme: 'UIA', date: '2017-03-01', note: '' },
          },
        ],
      },
    ]);
    const secured = await when(t, {
      query: `mutation($input: RecordFundingSecuredInput!) { recordFundingSecured(input: $input) { __typename ... on Error { message } } }`,
      variables: { input: { actionId: socialFactory, fund: 'ESF', channel: 'nationalOperationalProgramme', instrument: 'grant', amount: '1500000', programme: 'PON Metro', date: '2018-12-31' } },
      token: n.torino,
    });
    expect(eventTypes(secured), JSON.stringify(secured.data)).toContain('FundingSecured');
    await mutate(t, 'recordFundingSecured', { actionId: proGiReg, channel: 'horizon2020', amount: '890500', programme: 'Horizon 2020 ProGiReg', date: '2018-06-01' }, n.torino);
    await mutate(t, 'recordFundingSecured', { actionId: socialFactory, fund: 'ERDF', channel: 'nationalOperationalProgramme', amount: '140250', programme: 'PON Metro 3.3.1C', date: '2018-12-31' }, n.torino);
    const contradiction = await refused(t, 'InputValidationError', () =>
      mutate(t, 'recordFundingSecured', { actionId: coCity, fund: 'ESF', channel: 'UIA', amount: '1', date: '2018-01-01' }, n.torino),
    );
    expect(contradiction.issues.map((i: { message: string }) => i.message)).toEqual(['UIA money is ERDF, not ESF']);

    const { outcomes } = await query(
      t,
      `{ outcomes { funding { byFund { key amount { euros } records } byChannel { key amount { euros } } bySource { source amount { euros } } } } }`,
      {},
      n.secretariat,
    );
    expect(outcomes.funding.byFund).toEqual([
      { key: 'ERDF', amount: { euros: '4240250.00' }, records: 2 },
      { key: 'ESF', amount: { euros: '1500000.00' }, records: 1 },
      { key: 'euDirect', amount: { euros: '890500.00' }, records: 1 },
    ]);
    expect(outcomes.funding.byChannel).toEqual([
      { key: 'UIA', amount: { euros: '4100000.00' } },
      { key: 'horizon2020', amount: { euros: '890500.00' } },
      { key: 'nationalOperationalProgramme', amount: { euros: '1640250.00' } },
    ]);

    const { actionPlan } = await query(
      t,
      `query($networkId: ID!) { actionPlan(networkId: $networkId, cityId: "torino-it") { actions { nodes { title fundingSecured { fund channel instrument source } } } } }`,
      { networkId: n.networkId },
      n.torino,
    );
    expect(actionPlan.actions.nodes.find((a: { title: string }) => a.title === 'Co-City').fundingSecured).toEqual([
      { fund: 'ERDF', channel: 'UIA', instrument: 'unknown', source: 'UIA' },
    ]);
  });

  it('publishes the reference list: UIA and URBACT money is ERDF', async () => {
    const { fundingReferenceList } = await query(t, `{ fundingReferenceList { channels { channel fund } funds { fund } } }`);
    expect(fundingReferenceList.channels.filter((c: { fund: string | null }) => c.fund === 'ERDF').map((c: { channel: string }) => c.channel)).toEqual(['UIA', 'URBACT']);
    expect(fundingReferenceList.funds.map((f: { fund: string }) => f.fund)).toContain('ESF');
  });

  it('answers when funding was secured as exactly as the source knows it: "in 2018" is the year, not 31 December', async () => {
    const plan = await mutate(
      t,
      'draftActionPlan',
      { networkId: n.networkId, cityId: 'gdansk-pl', title: 'Gdansk plan', clusters: [{ key: 'c', title: 'C' }] },
      n.secretariat,
    );
    const added = await mutate(t, 'addPlanAction', { planId: plan.aggregateId, title: 'Social incubator', clusterKey: 'c', phase: 'design' }, n.secretariat, 'action { actionId }');
    await mutate(
      t,
      'recordFundingSecured',
      { actionId: added.action.actionId, fund: 'ERDF', instrument: 'grant', amount: '200000', date: '2018-12-31', datePrecision: 'year', dateWording: 'in 2018' },
      n.secretariat,
    );
    const { actionPlan } = await query(
      t,
      `query($networkId: ID!) { actionPlan(networkId: $networkId, cityId: "gdansk-pl") { actions { nodes { fundingSecured { date datePrecision dateWording } } } } }`,
      { networkId: n.networkId },
      n.secretariat,
    );
    expect(actionPlan.actions.nodes[0].fundingSecured).toEqual([{ date: '2018-12-31', datePrecision: 'year', dateWording: 'in 2018' }]);
  });
});
