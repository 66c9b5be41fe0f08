import { describe, expect, it } from 'vitest';
import type { ActionPlanCommand } from '../../domain/actionPlan/commands.js';
import type { NetworkSnapshot } from '../../domain/network/snapshot.js';
import { AddPlanAction, RecordFundingSecured } from '../../domain/actionPlan/commands.js';
import { actionPlanDecider } from '../../domain/actionPlan/decider.js';
import type { ActionPlanEvent } from '../../domain/actionPlan/events.js';
import { actionPlanIdFor } from '../../domain/actionPlan/ids.js';
import { centsToEuros, eurosToCents } from '../../domain/actionPlan/money.js';
import { Ulid } from '../../domain/shared/values.js';
import { deciderSpec } from '../support/deciderSpec.js';

const spec = deciderSpec(actionPlanDecider);
const NETWORK = '01JABCDEFGHJKMNPQRSTVWXYZ0';
const A1 = '01JACT00000000000000000001';
const A2 = '01JACT00000000000000000002';
const I1 = '01JXND00000000000000000001';
const F1 = '01JFND00000000000000000001';
const network: NetworkSnapshot = {
  networkId: NETWORK,
  kind: 'actionPlanning',
  closed: false,
  startDate: '2015-09-01',
  endDate: '2018-05-31',
  partners: { 'torino-it': { name: 'Torino', country: 'IT', role: 'leadPartner' } },
};
const cluster = { key: 'collective-actions', title: 'Collective actions', description: '' };

const drafted: ActionPlanEvent = {
  type: 'ActionPlanDrafted',
  data: {
    networkId: NETWORK,
    networkKind: 'actionPlanning',
    cityId: 'torino-it',
    cityName: 'Torino',
    country: 'IT',
    title: 'Torino Social Impact',
    vision: 'Turin as a social tech hub',
    clusters: [cluster],
  },
};
const draft: ActionPlanCommand = {
  type: 'DraftActionPlan',
  data: { networkId: NETWORK, network, cityId: 'torino-it', title: 'Torino Social Impact', vision: 'Turin as a social tech hub', clusters: [cluster] },
};
const addAction = (actionId = A1, title = 'Torino Social Factory'): ActionPlanCommand => ({
  type: 'AddPlanAction',
  data: {
    actionId,
    title,
    clusterKey: 'collective-actions',
    phase: 'realisation',
    summary: '',
    budget: '1500000',
    responsibleBody: 'City of Torino',
    funding: [{ source: 'ESF', amount: '1500000.00', programme: 'PON Metro' }],
  },
});
const actionAdded = (addedAfterEndorsement = false, actionId = A1, title = 'Torino Social Factory'): ActionPlanEvent => ({
  type: 'PlanActionAdded',
  data: {
    actionId,
    title,
    clusterKey: 'collective-actions',
    phase: 'realisation',
    summary: '',
    budgetCents: 150_000_000,
    responsibleBody: 'City of Torino',
    funding: [{ source: 'ESF', amountCents: 150_000_000, programme: 'PON Metro' }],
    addedAfterEndorsement,
  },
});
const endorsed: ActionPlanEvent = { type: 'ActionPlanEndorsed', data: { date: '2018-05-30', body: 'City Council', note: '' } };
const status = (to: 'inProgress' | 'implemented' | 'abandoned' | 'planned', date: string, from = 'planned'): ActionPlanEvent => ({
  type: 'ActionStatusChanged',
  data: { actionId: A1, from: from as never, to, date, note: '' },
});

describe('action plan decider: drafting', () => {
  it('lets a partner draft its plan, with the network facts in the event', () => {
    spec.given([]).when(draft).then([drafted]);
  });
  it('refuses a second draft, a missing or closed network and a city that is not a partner', () => {
    spec.given([drafted]).when(draft).thenFails('PLAN_ALREADY_DRAFTED');
    spec.given([]).when({ ...draft, data: { ...draft.data, network: null } } as ActionPlanCommand).thenFails('NOT_FOUND');
    spec.given([]).when({ ...draft, data: { ...draft.data, network: { ...network, closed: true } } } as ActionPlanCommand).thenFails('NETWORK_CLOSED');
    spec.given([]).when({ ...draft, data: { ...draft.data, network: { ...network, partners: {} } } } as ActionPlanCommand).thenFails('NOT_A_PARTNER');
  });
  it('adds clusters once and revises the vision', () => {
    const civic = { key: 'civic-technologies', title: 'Civic technologies', description: 'Turin as a trial city' };
    spec.given([drafted]).when({ type: 'AddPlanCluster', data: civic }).then([{ type: 'PlanClusterAdded', data: civic }]);
    spec.given([drafted]).when({ type: 'AddPlanCluster', data: cluster }).thenFails('CLUSTER_EXISTS');
    spec.given([]).when({ type: 'AddPlanCluster', data: civic }).thenFails('NOT_FOUND');
    const revised = { title: 'TSI', vision: 'new' };
    spec.given([drafted]).when({ type: 'RevisePlanVision', data: revised }).then([{ type: 'PlanVisionRevised', data: revised }]);
    spec.given([]).when({ type: 'RevisePlanVision', data: revised }).thenFails('NOT_FOUND');
  });
  it('derives one plan id per network and city, shaped like a ULID', () => {
    const id = actionPlanIdFor(NETWORK, 'torino-it');
    expect(Ulid.safeParse(id).success).toBe(true);
    expect(actionPlanIdFor(NETWORK, 'torino-it')).toBe(id);
    expect(actionPlanIdFor(NETWORK, 'gdansk-pl')).not.toBe(id);
  });
});

describe('action plan decider: actions', () => {
  it('adds actions to a known cluster, flagged when added after endorsement', () => {
    spec.given([drafted]).when(addAction()).then([actionAdded(false)]);
    spec.given([drafted, actionAdded(false), endorsed]).when(addAction(A2, 'Civic Crowdfunding Academy')).then([actionAdded(true, A2, 'Civic Crowdfunding Academy')]);
  });
  it('refuses an unknown cluster, a duplicate title and a plan that does not exist', () => {
    const unknown = addAction();
    (unknown.data as { clusterKey: string }).clusterKey = 'nowhere';
    spec.given([drafted]).when(unknown).thenFails('UNKNOWN_CLUSTER');
    spec.given([drafted, actionAdded()]).when(addAction(A2, 'torino social factory')).thenFails('ACTION_TITLE_TAKEN');
    spec.given([drafted, actionAdded()]).when(addAction(A1, 'Other')).thenFails('ACTION_EXISTS');
    spec.given([]).when(addAction()).thenFails('NOT_FOUND');
  });
  it('changes status along the allowed transitions, with dates that do not go back', () => {
    const change = (s: 'inProgress' | 'implemented' | 'abandoned' | 'planned', date: string): ActionPlanCommand => ({
      type: 'ChangeActionStatus',
      data: { actionId: A1, status: s, date, note: '' },
    });
    spec.given([drafted, actionAdded()]).when(change('inProgress', '2018-06-01')).then([status('inProgress', '2018-06-01')]);
    spec.given([drafted, actionAdded()]).when(change('planned', '2018-06-01')).thenNothing();
    const implemented = status('implemented', '2019-01-01', 'inProgress');
    spec.given([drafted, actionAdded(), status('inProgress', '2018-06-01'), implemented]).when(change('abandoned', '2019-02-01')).thenFails('STATUS_TRANSITION_NOT_ALLOWED');
    spec.given([drafted, actionAdded(), status('inProgress', '2018-06-01')]).when(change('planned', '2019-02-01')).thenFails('STATUS_TRANSITION_NOT_ALLOWED');
    spec.given([drafted, actionAdded(), status('inProgress', '2018-06-01')]).when(change('implemented', '2018-05-01')).thenFails('STATUS_DATE_BEFORE_PREVIOUS');
    spec.given([drafted, actionAdded(), status('abandoned', '2018-06-01')]).when(change('planned', '2018-07-01')).then([status('planned', '2018-07-01', 'abandoned')]);
    spec.given([drafted]).when(change('inProgress', '2018-06-01')).thenFails('NOT_FOUND');
  });
  it('records funding secured for a live action only', () => {
    const secure: ActionPlanCommand = {
      type: 'RecordFundingSecured',
      data: { actionId: A1, fundingId: F1, source: 'ESF', amount: '1500000', programme: 'PON Metro', date: '2018-09-01', note: '' },
    };
    spec.given([drafted, actionAdded()]).when(secure).then([
      { type: 'FundingSecured', data: { actionId: A1, fundingId: F1, source: 'ESF', amountCents: 150_000_000, programme: 'PON Metro', date: '2018-09-01', note: '' } },
    ]);
    spec.given([drafted, actionAdded(), status('abandoned', '2018-06-01')]).when(secure).thenFails('ACTION_ABANDONED');
    spec.given([drafted]).when(secure).thenFails('NOT_FOUND');
  });
});

describe('action plan decider: indicators and endorsement', () => {
  const define: ActionPlanCommand = {
    type: 'DefineIndicator',
    data: { indicatorId: I1, name: 'Social enterprises supported', unit: 'enterprises', baseline: 0, target: 50, actionId: A1 },
  };
  const defined: ActionPlanEvent = { type: 'IndicatorDefined', data: define.data as never };
  it('defines indicators, plan-wide or for an existing action, and records values', () => {
    spec.given([drafted, actionAdded()]).when(define).then([defined]);
    spec.given([drafted]).when(define).thenFails('NOT_FOUND');
    spec.given([drafted, actionAdded(), defined]).when(define).thenFails('INDICATOR_EXISTS');
    const record: ActionPlanCommand = { type: 'RecordIndicatorValue', data: { indicatorId: I1, date: '2019-01-01', value: 12, note: '' } };
    spec.given([drafted, actionAdded(), defined]).when(record).then([{ type: 'IndicatorValueRecorded', data: record.data as never }]);
    spec.given([drafted]).when(record).thenFails('NOT_FOUND');
  });
  it('is endorsed once, and only with actions', () => {
    const endorse: ActionPlanCommand = { type: 'EndorseActionPlan', data: endorsed.data as never };
    spec.given([drafted, actionAdded()]).when(endorse).then([endorsed]);
    spec.given([drafted]).when(endorse).thenFails('PLAN_HAS_NO_ACTIONS');
    spec.given([drafted, actionAdded(), endorsed]).when(endorse).thenFails('PLAN_ALREADY_ENDORSED');
    spec.given([]).when(endorse).thenFails('NOT_FOUND');
  });
});

describe('money', () => {
  it('parses euros exactly into integer cents and back', () => {
    expect(eurosToCents('1500000')).toBe(150_000_000);
    expect(eurosToCents('44000.5')).toBe(4_400_050);
    expect(eurosToCents('0.07')).toBe(7);
    expect(centsToEuros(4_400_050)).toBe('44000.50');
    expect(centsToEuros(10n ** 17n + 1n)).toBe('1000000000000000.01');
    expect(AddPlanAction.safeParse({ title: 'x', clusterKey: 'a', phase: 'design', budget: '1.005' }).success).toBe(false);
    expect(AddPlanAction.safeParse({ title: 'x', clusterKey: 'a', phase: 'design', budget: '-1' }).success).toBe(false);
    expect(RecordFundingSecured.safeParse({ source: 'ESF', amount: '0', date: '2020-01-01' }).success).toBe(false);
  });
});
