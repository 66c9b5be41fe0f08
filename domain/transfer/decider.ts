import { z } from 'zod';
import { FundingSource } from '../actionPlan/events.js';
import { EuroAmount, eurosToCents } from '../actionPlan/money.js';
import { type NetworkSnapshot, requirePartner, startingIn } from '../network/snapshot.js';
import type { Decider } from '../shared/decider.js';
import { idFromKey } from '../shared/ids.js';
import { NotFoundError, RuleViolationError } from '../shared/errors.js';
import { CityId, IsoDate, OptionalText, Text } from '../shared/values.js';
import { type TransferEvent, TransferStage, transferStages } from './events.js';

export const StartTransfer = z
  .object({
    practiceId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .nullish()
      .transform((v) => v ?? null)
      .describe('The good practice id in the marketplace, when known.'),
    practiceTitle: OptionalText(300).default('').describe('Its title; one of practiceId and practiceTitle is needed.'),
    sourceCityId: CityId,
    receivingCityId: CityId,
    date: IsoDate.describe('YYYY-MM-DD'),
  })
  .refine((c) => c.practiceId !== null || c.practiceTitle !== '', {
    message: 'name the good practice by practiceId or practiceTitle',
    path: ['practiceTitle'],
  })
  .refine((c) => c.sourceCityId !== c.receivingCityId, {
    message: 'a city does not transfer a practice to itself',
    path: ['receivingCityId'],
  });

export const AdvanceTransferStage = z.object({ to: TransferStage, date: IsoDate, note: OptionalText(2000).default('') });
export const RecordTransferMilestone = z.object({ title: Text(300), date: IsoDate, note: OptionalText(2000).default('') });
export const SubmitTransferPlan = z.object({ title: Text(300), summary: OptionalText(5000).default(''), date: IsoDate });
/** How much of an investment plan one source funds. */
export const InvestmentLine = z.object({ source: FundingSource, amount: EuroAmount.describe('Euros as a decimal string.') });
export const SubmitInvestmentPlan = z.object({
  title: Text(300),
  summary: OptionalText(5000).default(''),
  date: IsoDate,
  sources: z
    .array(InvestmentLine)
    .min(1, 'name at least one funding source')
    .max(20),
});
export const AssessReadiness = z.object({
  date: IsoDate,
  score: z.number().int().min(1, 'from 1 (not ready)').max(5, 'to 5 (ready to re-use)'),
  note: OptionalText(2000).default(''),
});
export const CompleteTransfer = z.object({ date: IsoDate, note: OptionalText(2000).default('') });
export const AbandonTransfer = z.object({ date: IsoDate, reason: Text(2000) });

type Out<T extends z.ZodType> = z.output<T>;

export type TransferCommand =
  | { type: 'StartTransfer'; data: Out<typeof StartTransfer> & { networkId: string; network: NetworkSnapshot | null } }
  | { type: 'AdvanceTransferStage'; data: Out<typeof AdvanceTransferStage> }
  | { type: 'RecordTransferMilestone'; data: Out<typeof RecordTransferMilestone> & { milestoneId: string } }
  | { type: 'SubmitTransferPlan'; data: Out<typeof SubmitTransferPlan> }
  | { type: 'SubmitInvestmentPlan'; data: Out<typeof SubmitInvestmentPlan> }
  | { type: 'AssessReadiness'; data: Out<typeof AssessReadiness> }
  | { type: 'CompleteTransfer'; data: Out<typeof CompleteTransfer> }
  | { type: 'AbandonTransfer'; data: Out<typeof AbandonTransfer> };

export interface TransferState {
  readonly status: 'none' | 'inProgress' | 'completed' | 'abandoned';
  readonly networkId?: string;
  readonly kind?: 'transfer' | 'innovationTransfer';
  readonly stage: TransferStage;
  /** Latest business date seen: later facts may not be dated before it. */
  readonly lastDate: string | null;
  readonly transferPlans: number;
  readonly investmentPlans: number;
}

const initialState = (): TransferState => ({ status: 'none', stage: 'understand', lastDate: null, transferPlans: 0, investmentPlans: 0 });

/**
 * One transfer per receiving city, network and good practice: the id is derived from them, so
 * the same transfer cannot be started twice (the practice is its id, or its title in lower case).
 */
export function transferIdFor(networkId: string, receivingCityId: string, practice: { practiceId: string | null; practiceTitle: string }): string {
  const key = practice.practiceId ?? practice.practiceTitle.trim().toLowerCase();
  return idFromKey(`${networkId}/${receivingCityId}/${key}`, 26);
}

function requireActive(state: TransferState): void {
  if (state.status === 'none') throw new NotFoundError('Transfer', '');
  if (state.status !== 'inProgress') {
    throw new RuleViolationError('TRANSFER_ENDED', `The transfer is ${state.status}: no more changes`);
  }
}

function requireDate(state: TransferState, date: string): void {
  if (state.lastDate && date < state.lastDate) {
    throw new RuleViolationError('DATE_BEFORE_PREVIOUS', `The date must not be before ${state.lastDate}, the transfer's latest date`);
  }
}

function decide(command: TransferCommand, state: TransferState): TransferEvent[] {
  switch (command.type) {
    case 'StartTransfer': {
      const { network, networkId, practiceId, practiceTitle, sourceCityId, receivingCityId, date } = command.data;
      if (state.status !== 'none') throw new RuleViolationError('TRANSFER_EXISTS', 'This transfer was already started');
      const { network: known, facts } = startingIn(network, networkId);
      const networkKind = known.kind;
      if (networkKind !== 'transfer' && networkKind !== 'innovationTransfer') {
        throw new RuleViolationError('NOT_A_TRANSFER_NETWORK', 'Transfers happen in Transfer and Innovation Transfer networks only');
      }
      const source = requirePartner(known, sourceCityId, 'The source city');
      const receiving = requirePartner(known, receivingCityId, 'The receiving city');
      return [
        {
          type: 'TransferStarted',
          data: {
            ...facts,
            networkKind,
            practiceId,
            practiceTitle,
            sourceCityId,
            sourceCityName: source.name,
            sourceCountry: source.country,
            receivingCityId,
            receivingCityName: receiving.name,
            receivingCountry: receiving.country,
            date,
          },
        },
      ];
    }
    case 'AdvanceTransferStage': {
      requireActive(state);
      const { to, date, note } = command.data;
      const current = transferStages.indexOf(state.stage);
      const target = transferStages.indexOf(to);
      if (target === current) return [];
      if (target < current) throw new RuleViolationError('STAGE_BACKWARDS', `The transfer is past ${to}: stages do not go back`);
      if (target > current + 1) {
        throw new RuleViolationError('STAGE_SKIPPED', `Go through ${transferStages[current + 1]} before ${to}`);
      }
      requireDate(state, date);
      return [{ type: 'TransferStageAdvanced', data: { from: state.stage, to, date, note } }];
    }
    case 'RecordTransferMilestone': {
      requireActive(state);
      return [{ type: 'TransferMilestoneRecorded', data: { ...command.data, stage: state.stage } }];
    }
    case 'SubmitTransferPlan': {
      requireActive(state);
      if (state.stage === 'understand') {
        throw new RuleViolationError('TOO_EARLY', 'The transfer plan is written in the Adapt stage');
      }
      return [{ type: 'TransferPlanSubmitted', data: { ...command.data, version: state.transferPlans + 1 } }];
    }
    case 'SubmitInvestmentPlan': {
      requireActive(state);
      if (state.kind !== 'innovationTransfer') {
        throw new RuleViolationError('NOT_AN_INNOVATION_TRANSFER', 'Investment plans belong to innovation transfers');
      }
      if (state.stage === 'understand') {
        throw new RuleViolationError('TOO_EARLY', 'The investment plan is written in the Adapt stage or later');
      }
      const { sources, ...rest } = command.data;
      const lines = sources.map((s) => ({ source: s.source, amountCents: eurosToCents(s.amount) }));
      return [
        {
          type: 'InvestmentPlanSubmitted',
          data: { ...rest, version: state.investmentPlans + 1, totalCents: lines.reduce((sum, l) => sum + l.amountCents, 0), sources: lines },
        },
      ];
    }
    case 'AssessReadiness':
      requireActive(state);
      return [{ type: 'ReadinessAssessed', data: { ...command.data, stage: state.stage } }];
    case 'CompleteTransfer': {
      requireActive(state);
      if (state.stage !== 'reuse') throw new RuleViolationError('NOT_IN_REUSE', 'A transfer completes in the Re-use stage');
      if (state.transferPlans === 0) throw new RuleViolationError('NO_TRANSFER_PLAN', 'Submit the transfer plan first');
      if (state.kind === 'innovationTransfer' && state.investmentPlans === 0) {
        throw new RuleViolationError('NO_INVESTMENT_PLAN', 'An innovation transfer ends in an investment plan: submit it first');
      }
      requireDate(state, command.data.date);
      return [{ type: 'TransferCompleted', data: command.data }];
    }
    case 'AbandonTransfer':
      requireActive(state);
      requireDate(state, command.data.date);
      return [{ type: 'TransferAbandoned', data: { ...command.data, stage: state.stage } }];
  }
}

function later(current: string | null, date: string): string {
  return current && current > date ? current : date;
}

function evolve(state: TransferState, event: TransferEvent): TransferState {
  switch (event.type) {
    case 'TransferStarted': {
      const { networkId, networkKind: kind, date: lastDate } = event.data;
      return { ...state, status: 'inProgress', networkId, kind, stage: 'understand', lastDate };
    }
    case 'TransferStageAdvanced':
      return { ...state, stage: event.data.to, lastDate: later(state.lastDate, event.data.date) };
    case 'TransferPlanSubmitted':
      return { ...state, transferPlans: event.data.version };
    case 'InvestmentPlanSubmitted':
      return { ...state, investmentPlans: event.data.version };
    case 'TransferCompleted':
      return { ...state, status: 'completed', lastDate: later(state.lastDate, event.data.date) };
    case 'TransferAbandoned':
      return { ...state, status: 'abandoned', lastDate: later(state.lastDate, event.data.date) };
    default:
      return state;
  }
}

export const transferDecider: Decider<TransferCommand, TransferEvent, TransferState> = {
  category: 'transfer',
  initialState,
  decide,
  evolve,
};
