import { z } from 'zod';
import { Cents } from '../actionPlan/money.js';
import { FundingSource } from '../actionPlan/events.js';
import { CityId, CountryCode, IsoDate, Ulid } from '../shared/values.js';
import type { MessagesOf } from '../shared/decider.js';

/** Understand, Adapt, Re-use: the stages of a good-practice transfer, in this order. */
export const TransferStage = z.enum(['understand', 'adapt', 'reuse']);
export type TransferStage = z.infer<typeof TransferStage>;
export const transferStages = TransferStage.options;

export const TransferEventSchemas = {
  TransferStarted: z.object({
    networkId: Ulid,
    networkKind: z.enum(['transfer', 'innovationTransfer']),
    /**
     * The good practice, as the marketplace knows it: its id when given, and its title. We keep
     * both in our events and never read the marketplace's streams.
     */
    practiceId: z.string().nullable(),
    practiceTitle: z.string(),
    sourceCityId: CityId,
    sourceCityName: z.string(),
    sourceCountry: CountryCode,
    receivingCityId: CityId,
    receivingCityName: z.string(),
    receivingCountry: CountryCode,
    date: IsoDate,
  }),
  TransferStageAdvanced: z.object({ from: TransferStage, to: TransferStage, date: IsoDate, note: z.string() }),
  TransferMilestoneRecorded: z.object({ milestoneId: Ulid, title: z.string(), date: IsoDate, stage: TransferStage, note: z.string() }),
  TransferPlanSubmitted: z.object({ version: z.number().int(), title: z.string(), summary: z.string(), date: IsoDate }),
  InvestmentPlanSubmitted: z.object({
    version: z.number().int(),
    title: z.string(),
    summary: z.string(),
    date: IsoDate,
    totalCents: Cents,
    sources: z.array(z.object({ source: FundingSource, amountCents: Cents })),
  }),
  ReadinessAssessed: z.object({
    date: IsoDate,
    stage: TransferStage,
    /** 1 (not ready) to 5 (ready to re-use). */
    score: z.number().int().min(1).max(5),
    note: z.string(),
  }),
  TransferCompleted: z.object({ date: IsoDate, note: z.string() }),
  TransferAbandoned: z.object({ date: IsoDate, stage: TransferStage, reason: z.string() }),
} as const;

export type TransferEvent = MessagesOf<typeof TransferEventSchemas>;
export type TransferEventOf<K extends TransferEvent['type']> = Extract<TransferEvent, { type: K }>;
export const transferEventTypes = Object.keys(TransferEventSchemas) as TransferEvent['type'][];
