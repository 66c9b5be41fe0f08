import { describe, expect, it } from 'vitest';
import type { NetworkSnapshot } from '../../domain/network/snapshot.js';
import type { TransferCommand } from '../../domain/transfer/decider.js';
import { StartTransfer } from '../../domain/transfer/decider.js';
import { transferDecider, transferIdFor } from '../../domain/transfer/decider.js';
import type { TransferEvent } from '../../domain/transfer/events.js';
import { deciderSpec, startedInNetworkScenarios } from '../support/deciderSpec.js';
import { coCityStarted } from './fixtures.js';

const spec = deciderSpec(transferDecider);
const NETWORK = '01JABCDEFGHJKMNPQRSTVWXYZ0';
const M1 = '01JMXX00000000000000000001';
const torino = { name: 'Torino', country: 'IT', role: 'leadPartner' } as const;
const gdansk = { name: 'Gdansk', country: 'PL', role: 'partner' } as const;
const network: NetworkSnapshot = {
  networkId: NETWORK,
  kind: 'innovationTransfer',
  closed: false,
  startDate: '2019-03-01',
  endDate: '2020-09-30',
  partners: { 'torino-it': torino, 'gdansk-pl': gdansk },
};
const start: TransferCommand = {
  type: 'StartTransfer',
  data: { networkId: NETWORK, network, practiceId: null, practiceTitle: 'Co-City', sourceCityId: 'torino-it', receivingCityId: 'gdansk-pl', date: '2019-03-23' },
};
const started: TransferEvent = { type: 'TransferStarted', data: coCityStarted(NETWORK, 'gdansk-pl', 'Gdansk', 'PL') };
const advance = (to: 'understand' | 'adapt' | 'reuse', date = '2019-06-01'): TransferCommand => ({ type: 'AdvanceTransferStage', data: { to, date, note: '' } });
const toAdapt: TransferEvent = { type: 'TransferStageAdvanced', data: { from: 'understand', to: 'adapt', date: '2019-06-01', note: '' } };
const toReuse: TransferEvent = { type: 'TransferStageAdvanced', data: { from: 'adapt', to: 'reuse', date: '2019-12-01', note: '' } };
const plan: TransferEvent = { type: 'TransferPlanSubmitted', data: { version: 1, title: 'Co-City Gdansk', summary: '', date: '2019-09-01' } };
const investment: TransferEvent = {
  type: 'InvestmentPlanSubmitted',
  data: { version: 1, title: 'Investment plan', summary: '', date: '2020-01-01', totalCents: 30_000_000, sources: [{ source: 'ERDF', amountCents: 20_000_000 }, { source: 'national', amountCents: 10_000_000 }] },
};
const complete: TransferCommand = { type: 'CompleteTransfer', data: { date: '2020-09-01', note: 'done' } };

const variant = (n: Partial<NetworkSnapshot> | null): TransferCommand =>
  ({ ...start, data: { ...start.data, network: n === null ? null : { ...network, ...n } } }) as TransferCommand;
const classic: TransferEvent = { ...started, data: { ...started.data, networkKind: 'transfer' } } as TransferEvent;
const submitPlan = (title: string, date: string): TransferCommand => ({ type: 'SubmitTransferPlan', data: { title, summary: '', date } });
const invest: TransferCommand = {
  type: 'SubmitInvestmentPlan',
  data: { title: 'Investment plan', summary: '', date: '2020-01-01', sources: [{ source: 'ERDF', amount: '200000' }, { source: 'national', amount: '100000.00' }] },
};
const abandon: TransferCommand = { type: 'AbandonTransfer', data: { date: '2019-07-01', reason: 'No political support' } };
const abandoned: TransferEvent = { type: 'TransferAbandoned', data: { date: '2019-07-01', reason: 'x', stage: 'adapt' } };

describe('transfer decider: start', () => {
  startedInNetworkScenarios(spec, { what: 'a transfer between two partners', start, started, withNetwork: variant, network, startedTwice: 'TRANSFER_EXISTS' });
  it('refuses an action planning network', () => {
    spec.given([]).when(variant({ kind: 'actionPlanning' })).thenFails('NOT_A_TRANSFER_NETWORK');
  });
  it('refuses a receiving city that is not a partner', () => {
    spec.given([]).when(variant({ partners: { 'torino-it': torino } })).thenFails('NOT_A_PARTNER');
  });
  it('refuses a source city that is not a partner', () => {
    spec.given([]).when(variant({ partners: { 'gdansk-pl': gdansk } })).thenFails('NOT_A_PARTNER');
  });
});

describe('transfer start input', () => {
  it('needs the practice named by id or title', () => {
    expect(StartTransfer.safeParse({ sourceCityId: 'torino-it', receivingCityId: 'gdansk-pl', date: '2019-01-01' }).success).toBe(false);
  });
  it('needs two different cities', () => {
    expect(StartTransfer.safeParse({ practiceId: 'p1', sourceCityId: 'torino-it', receivingCityId: 'torino-it', date: '2019-01-01' }).success).toBe(false);
  });
  it('takes a practice id and two partner cities', () => {
    expect(StartTransfer.safeParse({ practiceId: 'p1', sourceCityId: 'torino-it', receivingCityId: 'gdansk-pl', date: '2019-01-01' }).success).toBe(true);
  });
  it('derives the same id from a practice title whatever its case and surrounding spaces', () => {
    expect(transferIdFor(NETWORK, 'gdansk-pl', { practiceId: null, practiceTitle: 'Co-City ' })).toBe(
      transferIdFor(NETWORK, 'gdansk-pl', { practiceId: null, practiceTitle: 'co-city' }),
    );
  });
});

describe('transfer decider: stages', () => {
  it('moves from Understand to Adapt', () => {
    spec.given([started]).when(advance('adapt')).then([toAdapt]);
  });
  it('records nothing when the stage does not change', () => {
    spec.given([started]).when(advance('understand')).thenNothing();
  });
  it('skips no stage', () => {
    spec.given([started]).when(advance('reuse')).thenFails('STAGE_SKIPPED');
  });
  it('does not go back', () => {
    spec.given([started, toAdapt]).when(advance('understand', '2019-07-01')).thenFails('STAGE_BACKWARDS');
  });
  it('refuses a date before the transfer\'s latest', () => {
    spec.given([started, toAdapt]).when(advance('reuse', '2019-05-01')).thenFails('DATE_BEFORE_PREVIOUS');
  });
  it('moves no transfer that does not exist', () => {
    spec.given([]).when(advance('adapt')).thenFails('NOT_FOUND');
  });
});

describe('transfer decider: milestones and readiness', () => {
  it('records a milestone at the current stage', () => {
    spec.given([started, toAdapt]).when({ type: 'RecordTransferMilestone', data: { milestoneId: M1, title: 'Study visit to Torino', date: '2019-07-01', note: '' } }).then([
      { type: 'TransferMilestoneRecorded', data: { milestoneId: M1, title: 'Study visit to Torino', date: '2019-07-01', note: '', stage: 'adapt' } },
    ]);
  });
  it('records a readiness assessment at the current stage', () => {
    spec.given([started]).when({ type: 'AssessReadiness', data: { date: '2019-05-01', score: 2, note: 'ULG forming' } }).then([
      { type: 'ReadinessAssessed', data: { date: '2019-05-01', score: 2, note: 'ULG forming', stage: 'understand' } },
    ]);
  });
});

describe('transfer decider: transfer and investment plans', () => {
  it('takes no transfer plan in the Understand stage', () => {
    spec.given([started]).when(submitPlan('Co-City Gdansk', '2019-09-01')).thenFails('TOO_EARLY');
  });
  it('takes a transfer plan in the Adapt stage', () => {
    spec.given([started, toAdapt]).when(submitPlan('Co-City Gdansk', '2019-09-01')).then([plan]);
  });
  it('numbers each new version of the transfer plan', () => {
    spec.given([started, toAdapt, plan]).when(submitPlan('v2', '2019-10-01')).then([
      { type: 'TransferPlanSubmitted', data: { version: 2, title: 'v2', summary: '', date: '2019-10-01' } },
    ]);
  });
  it('takes an investment plan of an innovation transfer in the Adapt stage, in cents', () => {
    spec.given([started, toAdapt]).when(invest).then([investment]);
  });
  it('takes no investment plan in the Understand stage', () => {
    spec.given([started]).when(invest).thenFails('TOO_EARLY');
  });
  it('takes no investment plan for a classic transfer', () => {
    spec.given([classic, toAdapt]).when(invest).thenFails('NOT_AN_INNOVATION_TRANSFER');
  });
});

describe('transfer decider: the end', () => {
  it('completes an innovation transfer in Re-use with both plans', () => {
    spec.given([started, toAdapt, plan, investment, toReuse]).when(complete).then([{ type: 'TransferCompleted', data: complete.data as never }]);
  });
  it('completes only in Re-use', () => {
    spec.given([started, toAdapt, plan, investment]).when(complete).thenFails('NOT_IN_REUSE');
  });
  it('completes only with a transfer plan', () => {
    spec.given([started, toAdapt, investment, toReuse]).when(complete).thenFails('NO_TRANSFER_PLAN');
  });
  it('completes an innovation transfer only with an investment plan', () => {
    spec.given([started, toAdapt, plan, toReuse]).when(complete).thenFails('NO_INVESTMENT_PLAN');
  });
  it('completes a classic transfer with its transfer plan alone', () => {
    spec.given([classic, toAdapt, plan, toReuse]).when(complete).then([{ type: 'TransferCompleted', data: complete.data as never }]);
  });
  it('is abandoned with a reason, at its stage', () => {
    spec.given([started, toAdapt]).when(abandon).then([{ type: 'TransferAbandoned', data: { date: '2019-07-01', reason: 'No political support', stage: 'adapt' } }]);
  });
  it('moves no more once abandoned', () => {
    spec.given([started, toAdapt, abandoned]).when(advance('reuse', '2019-08-01')).thenFails('TRANSFER_ENDED');
  });
  it('is abandoned once', () => {
    spec.given([started, toAdapt, abandoned]).when(abandon).thenFails('TRANSFER_ENDED');
  });
});
