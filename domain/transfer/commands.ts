import type { NetworkSnapshot } from '../network/snapshot.js';
import { z } from 'zod';
import { FundingSource } from '../actionPlan/events.js';
import { EuroAmount } from '../actionPlan/money.js';
import { CityId, IsoDate, OptionalText, Text } from '../shared/values.js';
import { TransferStage } from './events.js';

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
