import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testApp.js';
import { expectForbidden, mutate, refused, useNetworkSetup } from '../support/api.js';

const PLAN_FIELDS = `aggregateId revision actionPlan { id planId cityId country title vision endorsed endorsedOn
  clusters { key title } actions { nodes { title status addedAfterEndorsement } } }`;

describe('action plans through the API', () => {
  const t = useTestApp();
  // BoostInno (see setUpNetwork): an Action Planning Network with Torino and Gdansk among its partners.
  const n = useNetworkSetup(t);
  let planId: string;
  let actionId: string;

  it('lets the city coordinator draft its plan, once', async () => {
    const input = {
      networkId: n.networkId,
      cityId: 'torino-it',
      title: 'Torino Social Impact',
      vision: 'Turin as a social tech hub',
      clusters: [{ key: 'collective-actions', title: 'Collective actions' }],
    };
    await refused(t, 'ForbiddenError', () => mutate(t, 'draftActionPlan', input, n.gdansk));
    await refused(t, 'ForbiddenError', () => mutate(t, 'draftActionPlan', input, undefined));
    const bad = await refused(t, 'InputValidationError', () =>
      mutate(t, 'draftActionPlan', { ...input, cityId: 'Torino', clusters: [{ key: 'Not a key!', title: '' }] }, n.torino),
    );
    expect(bad.issues.map((i: { path: string[] }) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['input.cityId', 'input.clusters.0.key', 'input.clusters.0.title']),
    );
    const drafted = await mutate(t, 'draftActionPlan', input, n.torino, PLAN_FIELDS);
    expect(drafted).toMatchObject({
      __typename: 'DraftActionPlanPayload',
      revision: 0,
      actionPlan: { cityId: 'torino-it', country: 'IT', endorsed: false, clusters: [{ key: 'collective-actions' }] },
    });
    planId = drafted.actionPlan.id;
    const again = await refused(t, 'RuleViolationError', () => mutate(t, 'draftActionPlan', input, n.torino));
    expect(again.code).toBe('PLAN_ALREADY_DRAFTED');
    const stranger = await refused(t, 'RuleViolationError', () =>
      mutate(t, 'draftActionPlan', { ...input, cityId: 'porto-pt' }, t.secretariat),
    );
    expect(stranger.code).toBe('NOT_A_PARTNER');
  });

  it('adds clusters, revises the vision and adds actions with money as decimal strings', async () => {
    await refused(t, 'ForbiddenError', () => mutate(t, 'addPlanCluster', { planId, key: 'finance', title: 'Finance' }, n.gdansk));
    await refused(t, 'InputValidationError', () => mutate(t, 'addPlanCluster', { planId: 'nope', key: 'finance', title: 'Finance' }, n.torino));
    expect((await mutate(t, 'addPlanCluster', { planId, key: 'finance', title: 'Finance and impact assessment' }, n.expert)).__typename).toBe(
      'AddPlanClusterPayload',
    );
    await refused(t, 'InputValidationError', () => mutate(t, 'revisePlanVision', { planId, title: '' }, n.torino));
    await refused(t, 'ForbiddenError', () => mutate(t, 'revisePlanVision', { planId, title: 'Mine now' }, n.gdansk));
    expect((await mutate(t, 'revisePlanVision', { planId, title: 'Torino Social Impact', vision: 'Revised' }, n.torino, PLAN_FIELDS)).actionPlan.vision).toBe(
      'Revised',
    );

    const action = {
      planId,
      title: 'Torino Social Factory',
      clusterKey: 'collective-actions',
      phase: 'realisation',
      budget: '1500000',
      responsibleBody: 'City of Torino',
      funding: [{ source: 'ESF', amount: '1500000.00', programme: 'PON Metro' }],
    };
    const badMoney = await refused(t, 'InputValidationError', () => mutate(t, 'addPlanAction', { ...action, budget: '1.5e6' }, n.torino));
    expect(badMoney.issues[0].path).toContain('budget');
    await refused(t, 'ForbiddenError', () => mutate(t, 'addPlanAction', action, n.gdansk));
    const unknown = await refused(t, 'RuleViolationError', () => mutate(t, 'addPlanAction', { ...action, clusterKey: 'nowhere' }, n.torino));
    expect(unknown.code).toBe('UNKNOWN_CLUSTER');
    const added = await mutate(t, 'addPlanAction', action, n.torino, `revision action { id actionId title phase budget { cents euros }
      plannedFunding { source amount { euros } } status addedAfterEndorsement }`);
    expect(added.action).toMatchObject({
      title: 'Torino Social Factory',
      phase: 'realisation',
      budget: { cents: '150000000', euros: '1500000.00' },
      plannedFunding: [{ source: 'ESF', amount: { euros: '1500000.00' } }],
      status: 'planned',
      addedAfterEndorsement: false,
    });
    actionId = added.action.id;
  });

  it('changes status, records funding, defines indicators and records values', async () => {
    const change = { actionId, status: 'inProgress', date: '2018-06-01', note: 'Call published' };
    await refused(t, 'ForbiddenError', () => mutate(t, 'changeActionStatus', change, n.gdansk));
    await refused(t, 'InputValidationError', () => mutate(t, 'changeActionStatus', { ...change, date: '2018-13-01' }, n.torino));
    expect((await mutate(t, 'changeActionStatus', change, n.torino)).__typename).toBe('ChangeActionStatusPayload');
    const back = await refused(t, 'RuleViolationError', () => mutate(t, 'changeActionStatus', { ...change, status: 'implemented', date: '2018-01-01' }, n.torino));
    expect(back.code).toBe('STATUS_DATE_BEFORE_PREVIOUS');
    await mutate(t, 'changeActionStatus', { actionId, status: 'implemented', date: '2019-06-01' }, n.expert);

    const funding = { actionId, source: 'ESF', amount: '1500000', programme: 'PON Metro', date: '2018-07-01' };
    await refused(t, 'InputValidationError', () => mutate(t, 'recordFundingSecured', { ...funding, amount: '-3' }, n.torino));
    await refused(t, 'ForbiddenError', () => mutate(t, 'recordFundingSecured', funding, n.gdansk));
    await mutate(t, 'recordFundingSecured', funding, n.torino);
    await mutate(t, 'recordFundingSecured', { ...funding, amount: '0.10', source: 'national' }, n.torino);

    const indicator = { planId, actionId, name: 'Social enterprises supported', unit: 'enterprises', baseline: 0, target: 50 };
    await refused(t, 'InputValidationError', () => mutate(t, 'defineIndicator', { ...indicator, name: '' }, n.torino));
    await refused(t, 'ForbiddenError', () => mutate(t, 'defineIndicator', indicator, n.gdansk));
    const defined = await mutate(t, 'defineIndicator', indicator, n.torino, 'indicator { id name target }');
    expect(defined.indicator).toMatchObject({ name: 'Social enterprises supported', target: 50 });
    const indicatorId = defined.indicator.id;
    await refused(t, 'InputValidationError', () => mutate(t, 'recordIndicatorValue', { indicatorId, date: 'soon', value: 1 }, n.torino));
    await refused(t, 'ForbiddenError', () => mutate(t, 'recordIndicatorValue', { indicatorId, date: '2019-12-31', value: 34 }, n.gdansk));
    await mutate(t, 'recordIndicatorValue', { indicatorId, date: '2019-12-31', value: 34 }, n.torino);
    const missing = await refused(t, 'NotFoundError', () =>
      mutate(t, 'recordIndicatorValue', { indicatorId: '01JZZZZZZZZZZZZZZZZZZZZZZZ', date: '2019-12-31', value: 34 }, t.secretariat),
    );
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('is endorsed by the council; later actions are flagged', async () => {
    await refused(t, 'InputValidationError', () => mutate(t, 'endorseActionPlan', { planId, date: '30/05/2018' }, n.torino));
    await refused(t, 'ForbiddenError', () => mutate(t, 'endorseActionPlan', { planId, date: '2018-05-30' }, n.gdansk));
    const endorsed = await mutate(t, 'endorseActionPlan', { planId, date: '2018-05-30' }, n.torino, PLAN_FIELDS);
    expect(endorsed.actionPlan).toMatchObject({ endorsed: true, endorsedOn: '2018-05-30' });
    const again = await refused(t, 'RuleViolationError', () => mutate(t, 'endorseActionPlan', { planId, date: '2018-06-30' }, n.torino));
    expect(again.code).toBe('PLAN_ALREADY_ENDORSED');
    const late = await mutate(t, 'addPlanAction', { planId, title: 'Roadshow promoting TSI', clusterKey: 'finance', phase: 'ideation' }, n.torino, 'action { addedAfterEndorsement }');
    expect(late.action.addedAfterEndorsement).toBe(true);
  });

  it('reads plans by id, by network and city, and as lists, to those allowed', async () => {
    const QUERY = `query($id: ID, $networkId: ID, $cityId: ID) { actionPlan(id: $id, networkId: $networkId, cityId: $cityId) {
      title endorsedBy network { name } fundingSecured { source amount { euros } records }
      indicators { name latestValue values { date value } }
      actions(status: implemented) { nodes { title statusHistory { from to date } securedFunding { euros } fundingSecured { source amount { cents } } } } } }`;
    const byId = await t.gql(QUERY, { id: planId }, n.expert);
    expect(byId.errors).toBeUndefined();
    expect(byId.data!.actionPlan).toMatchObject({
      endorsedBy: 'City Council',
      fundingSecured: [
        { source: 'ESF', amount: { euros: '1500000.00' }, records: 1 },
        { source: 'national', amount: { euros: '0.10' }, records: 1 },
      ],
      indicators: [{ name: 'Social enterprises supported', latestValue: 34, values: [{ date: '2019-12-31', value: 34 }] }],
      actions: {
        nodes: [
          {
            title: 'Torino Social Factory',
            statusHistory: [
              { from: 'planned', to: 'inProgress', date: '2018-06-01' },
              { from: 'inProgress', to: 'implemented', date: '2019-06-01' },
            ],
            securedFunding: { euros: '1500000.10' },
          },
        ],
      },
    });
    const byKeys = await t.gql(QUERY, { networkId: n.networkId, cityId: 'torino-it' }, n.gdansk);
    expect(byKeys.data!.actionPlan.title).toBe('Torino Social Impact');
    const outsider = await t.token('cityCoordinator', { cityIds: ['porto-pt'] });
    expectForbidden(await t.gql(QUERY, { id: planId }, outsider), 'actionPlan');
    expectForbidden(await t.gql(QUERY, { id: planId }), 'actionPlan');
    const badId = await t.gql(QUERY, { id: 'not-an-id' }, t.secretariat);
    expect(badId.errors).toBeDefined();

    const LIST = `query($networkId: ID, $cityId: ID, $endorsed: Boolean) { actionPlans(networkId: $networkId, cityId: $cityId, endorsed: $endorsed) {
      nodes { cityId endorsed } } }`;
    expect((await t.gql(LIST, { networkId: n.networkId }, n.expert)).data!.actionPlans.nodes).toEqual([{ cityId: 'torino-it', endorsed: true }]);
    expect((await t.gql(LIST, { cityId: 'torino-it', endorsed: true }, n.torino)).data!.actionPlans.nodes).toHaveLength(1);
    expect((await t.gql(LIST, { endorsed: false }, t.secretariat)).data!.actionPlans.nodes).toEqual([]);
    expectForbidden(await t.gql(LIST, {}, n.torino), 'actionPlans');
    expect((await t.gql(LIST, { cityId: 'Torino!' }, t.secretariat)).errors).toBeDefined();
    const NODE = `query($id: ID!) { node(id: $id) { __typename ... on ActionPlan { title } ... on PlanAction { title status } } }`;
    expect((await t.gql(NODE, { id: planId }, n.torino)).data!.node).toEqual({ __typename: 'ActionPlan', title: 'Torino Social Impact' });
    expect((await t.gql(NODE, { id: actionId }, n.expert)).data!.node).toEqual({ __typename: 'PlanAction', title: 'Torino Social Factory', status: 'implemented' });
    // A record the caller may not read answers like an id that does not exist (issue 13): nothing tells it exists.
    const hidden = await t.gql(NODE, { id: actionId }, outsider);
    expect({ data: hidden.data, errors: hidden.errors }).toEqual({ data: { node: null }, errors: undefined });
    expectForbidden(await t.gql(LIST, { cityId: 'gdansk-pl' }, n.torino), 'actionPlans');
  });
});
