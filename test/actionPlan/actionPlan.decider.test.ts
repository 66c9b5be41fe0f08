import { describe, expect, it } from 'vitest';
import type { ActionPlanCommand } from '../../domain/actionPlan/decider.js';
import type { NetworkSnapshot } from '../../domain/network/snapshot.js';
import { AddPlanAction, RecordFundingSecured } from '../../domain/actionPlan/decider.js';
import { actionPlanDecider } from '../../domain/actionPlan/decider.js';
import type { ActionPlanEvent } from '../../domain/actionPlan/events.js';
import { actionPlanIdFor } from '../../domain/actionPlan/ids.js';
import { centsToEuros, eurosToCents } from '../../domain/actionPlan/money.js';
import { deciderSpec, startedInNetworkScenarios } from '../support/deciderSpec.js';
import { expectOneIdPerNetworkAndCity } from '../support/derivedIds.js';
import { network as boostInno, NETWORK_ID as NETWORK } from '../support/networkSnapshot.js';
import { torinoPlanDrafted } from './fixtures.js';

const spec = deciderSpec(actionPlanDecider);
const A1 = '01JACT00000000000000000001';
const A2 = '01JACT00000000000000000002';
const I1 = '01JXND00000000000000000001';
const F1 = '01JFND00000000000000000001';
// BoostInno with Torino, its lead partner, alone.
const network: NetworkSnapshot = { ...boostInno, partners: { 'torino-it': boostInno.partners['torino-it']! } };
const cluster = { key: 'collective-actions', title: 'Collective actions', description: '' };

const drafted: ActionPlanEvent = torinoPlanDrafted(NETWORK, [cluster]);
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

const withNetwork = (network: NetworkSnapshot | null) => ({ ...draft, data: { ...draft.data, network } }) as ActionPlanCommand;
const civic = { key: 'civic-technologies', title: 'Civic technologies', description: 'Turin as a trial city' };
const revised = { title: 'TSI', vision: 'new' };
const change = (s: 'inProgress' | 'implemented' | 'abandoned' | 'planned', date: string): ActionPlanCommand => ({
  type: 'ChangeActionStatus',
  data: { actionId: A1, status: s, date, note: '' },
});
const secure: ActionPlanCommand = {
  type: 'RecordFundingSecured',
  data: { actionId: A1, fundingId: F1, source: 'ESF', amount: '1500000', programme: 'PON Metro', date: '2018-09-01', note: '' },
};
const define: ActionPlanCommand = {
  type: 'DefineIndicator',
  data: { indicatorId: I1, name: 'Social enterprises supported', unit: 'enterprises', baseline: 0, target: 50, actionId: A1 },
};
const defined: ActionPlanEvent = { type: 'IndicatorDefined', data: define.data as never };
const record: ActionPlanCommand = { type: 'RecordIndicatorValue', data: { indicatorId: I1, date: '2019-01-01', value: 12, note: '' } };
const endorse: ActionPlanCommand = { type: 'EndorseActionPlan', data: endorsed.data as never };

describe('action plan decider: drafting', () => {
  startedInNetworkScenarios(spec, { what: 'a plan', start: draft, started: drafted, withNetwork, network, startedTwice: 'PLAN_ALREADY_DRAFTED' });
  it('refuses a draft by a city that is not a partner', () => {
    spec.given([]).when(withNetwork({ ...network, partners: {} })).thenFails('NOT_A_PARTNER');
  });
  it('derives one plan id per network and city, shaped like a ULID', () => {
    expectOneIdPerNetworkAndCity(actionPlanIdFor, NETWORK);
  });
});

describe('action plan decider: clusters and vision', () => {
  it('adds a cluster', () => {
    spec.given([drafted]).when({ type: 'AddPlanCluster', data: civic }).then([{ type: 'PlanClusterAdded', data: civic }]);
  });
  it('adds each cluster once', () => {
    spec.given([drafted]).when({ type: 'AddPlanCluster', data: cluster }).thenFails('CLUSTER_EXISTS');
  });
  it('adds no cluster to a plan that does not exist', () => {
    spec.given([]).when({ type: 'AddPlanCluster', data: civic }).thenFails('NOT_FOUND');
  });
  it('revises the vision', () => {
    spec.given([drafted]).when({ type: 'RevisePlanVision', data: revised }).then([{ type: 'PlanVisionRevised', data: revised }]);
  });
  it('revises no vision of a plan that does not exist', () => {
    spec.given([]).when({ type: 'RevisePlanVision', data: revised }).thenFails('NOT_FOUND');
  });
});

describe('action plan decider: actions', () => {
  it('adds an action with its title in the original language and a translation marked as such', () => {
    const command = addAction(A1, 'Fabbrica sociale di Torino');
    const translations = [{ text: 'Torino Social Factory', language: 'en' }];
    const base = actionAdded(false, A1, 'Fabbrica sociale di Torino');
    spec
      .given([drafted])
      .when({ ...command, data: { ...command.data, titleLanguage: 'it', titleTranslations: translations } } as ActionPlanCommand)
      .then([{ ...base, data: { ...base.data, titleLanguage: 'it', titleTranslations: translations } } as ActionPlanEvent]);
  });

  it('adds an action to a known cluster', () => {
    spec.given([drafted]).when(addAction()).then([actionAdded(false)]);
  });
  it('flags an action added after endorsement', () => {
    spec
      .given([drafted, actionAdded(false), endorsed])
      .when(addAction(A2, 'Civic Crowdfunding Academy'))
      .then([actionAdded(true, A2, 'Civic Crowdfunding Academy')]);
  });
  it('refuses an action in an unknown cluster', () => {
    const unknown = addAction();
    (unknown.data as { clusterKey: string }).clusterKey = 'nowhere';
    spec.given([drafted]).when(unknown).thenFails('UNKNOWN_CLUSTER');
  });
  it('refuses a title the plan already has, whatever its case', () => {
    spec.given([drafted, actionAdded()]).when(addAction(A2, 'torino social factory')).thenFails('ACTION_TITLE_TAKEN');
  });
  it('refuses an action id the plan already has', () => {
    spec.given([drafted, actionAdded()]).when(addAction(A1, 'Other')).thenFails('ACTION_EXISTS');
  });
  it('adds no action to a plan that does not exist', () => {
    spec.given([]).when(addAction()).thenFails('NOT_FOUND');
  });
});

describe('action plan decider: action status', () => {
  it('moves a planned action in progress', () => {
    spec.given([drafted, actionAdded()]).when(change('inProgress', '2018-06-01')).then([status('inProgress', '2018-06-01')]);
  });
  it('records nothing when the status does not change', () => {
    spec.given([drafted, actionAdded()]).when(change('planned', '2018-06-01')).thenNothing();
  });
  it('keeps an implemented action implemented: it is final', () => {
    const implemented = status('implemented', '2019-01-01', 'inProgress');
    spec
      .given([drafted, actionAdded(), status('inProgress', '2018-06-01'), implemented])
      .when(change('abandoned', '2019-02-01'))
      .thenFails('STATUS_TRANSITION_NOT_ALLOWED');
  });
  it('does not move an action in progress back to planned', () => {
    spec.given([drafted, actionAdded(), status('inProgress', '2018-06-01')]).when(change('planned', '2019-02-01')).thenFails('STATUS_TRANSITION_NOT_ALLOWED');
  });
  it('refuses a date before the current status\'s', () => {
    spec
      .given([drafted, actionAdded(), status('inProgress', '2018-06-01')])
      .when(change('implemented', '2018-05-01'))
      .thenFails('STATUS_DATE_BEFORE_PREVIOUS');
  });
  it('revives an abandoned action', () => {
    spec
      .given([drafted, actionAdded(), status('abandoned', '2018-06-01')])
      .when(change('planned', '2018-07-01'))
      .then([status('planned', '2018-07-01', 'abandoned')]);
  });
  it('changes no status of an action the plan does not have', () => {
    spec.given([drafted]).when(change('inProgress', '2018-06-01')).thenFails('NOT_FOUND');
  });
});

describe('action plan decider: funding secured', () => {
  it('records funding secured for an action, in cents', () => {
    spec.given([drafted, actionAdded()]).when(secure).then([
      { type: 'FundingSecured', data: { actionId: A1, fundingId: F1, source: 'ESF', amountCents: 150_000_000, programme: 'PON Metro', date: '2018-09-01', note: '' } },
    ]);
  });
  it('records funding known only by its year, with the wording of the source', () => {
    const command = { ...secure, data: { ...secure.data, date: '2018-12-31', datePrecision: 'year', dateWording: 'in 2018' } } as ActionPlanCommand;
    spec.given([drafted, actionAdded()]).when(command).then([
      {
        type: 'FundingSecured',
        data: { actionId: A1, fundingId: F1, source: 'ESF', amountCents: 150_000_000, programme: 'PON Metro', date: '2018-12-31', note: '', datePrecision: 'year', dateWording: 'in 2018' },
      },
    ]);
  });
  it('refuses a year-precise funding date that is not the last day of its year, at the edge', () => {
    expect(RecordFundingSecured.safeParse({ source: 'ESF', amount: '10', date: '2018-06-01', datePrecision: 'year' }).success).toBe(false);
  });
  it('records no funding for an abandoned action', () => {
    spec.given([drafted, actionAdded(), status('abandoned', '2018-06-01')]).when(secure).thenFails('ACTION_ABANDONED');
  });
  it('records no funding for an action the plan does not have', () => {
    spec.given([drafted]).when(secure).thenFails('NOT_FOUND');
  });
});

describe('action plan decider: indicators', () => {
  it('defines an indicator for an existing action', () => {
    spec.given([drafted, actionAdded()]).when(define).then([defined]);
  });
  it('defines no indicator for an action the plan does not have', () => {
    spec.given([drafted]).when(define).thenFails('NOT_FOUND');
  });
  it('defines each indicator once', () => {
    spec.given([drafted, actionAdded(), defined]).when(define).thenFails('INDICATOR_EXISTS');
  });
  it('records a value of an indicator', () => {
    spec.given([drafted, actionAdded(), defined]).when(record).then([{ type: 'IndicatorValueRecorded', data: record.data as never }]);
  });
  it('records no value of an indicator the plan does not have', () => {
    spec.given([drafted]).when(record).thenFails('NOT_FOUND');
  });
});

describe('action plan decider: endorsement', () => {
  it('is endorsed with its actions', () => {
    spec.given([drafted, actionAdded()]).when(endorse).then([endorsed]);
  });
  it('is not endorsed without actions', () => {
    spec.given([drafted]).when(endorse).thenFails('PLAN_HAS_NO_ACTIONS');
  });
  it('is endorsed once', () => {
    spec.given([drafted, actionAdded(), endorsed]).when(endorse).thenFails('PLAN_ALREADY_ENDORSED');
  });
  it('endorses no plan that does not exist', () => {
    spec.given([]).when(endorse).thenFails('NOT_FOUND');
  });
});

describe('money', () => {
  it('parses euros exactly into integer cents', () => {
    expect(eurosToCents('1500000')).toBe(150_000_000);
    expect(eurosToCents('44000.5')).toBe(4_400_050);
    expect(eurosToCents('0.07')).toBe(7);
  });
  it('gives cents back as euros with two decimals, beyond 2^53', () => {
    expect(centsToEuros(4_400_050)).toBe('44000.50');
    expect(centsToEuros(10n ** 17n + 1n)).toBe('1000000000000000.01');
  });
  it('refuses a budget with fractions of cents', () => {
    expect(AddPlanAction.safeParse({ title: 'x', clusterKey: 'a', phase: 'design', budget: '1.005' }).success).toBe(false);
  });
  it('refuses a negative budget', () => {
    expect(AddPlanAction.safeParse({ title: 'x', clusterKey: 'a', phase: 'design', budget: '-1' }).success).toBe(false);
  });
  it('refuses funding secured of zero', () => {
    expect(RecordFundingSecured.safeParse({ source: 'ESF', amount: '0', date: '2020-01-01' }).success).toBe(false);
  });
});
