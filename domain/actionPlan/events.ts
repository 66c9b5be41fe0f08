import { z } from 'zod';
import { CityId, CountryCode, DatePrecision, IsoDate, Ulid } from '../shared/values.js';
import { TranslationAddedSchema, TranslationSchema } from '../shared/language.js';
import { Cents } from './money.js';
import { Fund, FundingChannel, FundingInstrument } from './funding.js';
import type { MessagesOf } from '../shared/decider.js';

/** Phase of an action in an Integrated Action Plan. */
export const ActionPhase = z.enum(['ideation', 'design', 'realisation']);
export type ActionPhase = z.infer<typeof ActionPhase>;

/** The texts of an action a person writes, each kept in its language. */
export const PlanActionTextField = z.enum(['title', 'summary']);
export type PlanActionTextField = z.infer<typeof PlanActionTextField>;

export const ActionStatus = z.enum(['planned', 'inProgress', 'implemented', 'abandoned']);
export type ActionStatus = z.infer<typeof ActionStatus>;

/** Where the money comes from. EU research programmes (Horizon 2020) are `other`, named in `programme`. */
export const FundingSource = z.enum(['ESF', 'ERDF', 'UIA', 'national', 'private', 'other']);
export type FundingSource = z.infer<typeof FundingSource>;

/** A cluster (or entry point) groups actions: "Collective actions", "Civic technologies". */
export const ClusterKey = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a short key such as civic-technologies');

export const PlanCluster = z.object({
  key: ClusterKey,
  title: z.string(),
  description: z.string(),
});

/**
 * Fund, channel and instrument of a funding line (funding.ts), beside the old `source`: each is left
 * out when `source` already says it (so lines recorded before them read the same).
 */
const FundingClassFields = {
  fund: Fund.optional(),
  channel: FundingChannel.optional(),
  instrument: FundingInstrument.optional(),
};

/** A planned funding line of an action: source and amount (integer euro cents). */
export const PlannedFunding = z.object({
  source: FundingSource,
  amountCents: Cents,
  programme: z.string(),
  ...FundingClassFields,
});

export const ActionPlanEventSchemas = {
  ActionPlanDrafted: z.object({
    networkId: Ulid,
    /** Facts of the network and partner when the plan was drafted, for read models and outcomes. */
    networkKind: z.string(),
    cityId: CityId,
    cityName: z.string(),
    country: CountryCode,
    title: z.string(),
    vision: z.string(),
    clusters: z.array(PlanCluster),
  }),
  PlanClusterAdded: PlanCluster,
  PlanVisionRevised: z.object({ title: z.string(), vision: z.string() }),
  PlanActionAdded: z.object({
    actionId: Ulid,
    title: z.string(),
    clusterKey: ClusterKey,
    phase: ActionPhase,
    summary: z.string(),
    budgetCents: Cents.nullable(),
    responsibleBody: z.string(),
    funding: z.array(PlannedFunding),
    /** True when the plan had already been endorsed: plans are living documents. */
    addedAfterEndorsement: z.boolean(),
    /** The title's language (BCP 47) and its translations; absent when not recorded (and in older events). */
    titleLanguage: z.string().optional(),
    titleTranslations: z.array(TranslationSchema).optional(),
    /** The summary's language and translations, likewise. */
    summaryLanguage: z.string().optional(),
    summaryTranslations: z.array(TranslationSchema).optional(),
  }),
  /** A translation of an action's title or summary added later; the original kept, an earlier translation into the language replaced. */
  PlanActionTextTranslated: z.object({ actionId: Ulid, field: PlanActionTextField, ...TranslationAddedSchema.shape }),
  ActionStatusChanged: z.object({
    actionId: Ulid,
    from: ActionStatus,
    to: ActionStatus,
    date: IsoDate,
    note: z.string(),
  }),
  FundingSecured: z.object({
    fundingId: Ulid,
    actionId: Ulid,
    source: FundingSource,
    amountCents: Cents,
    programme: z.string(),
    date: IsoDate,
    note: z.string(),
    ...FundingClassFields,
    /** Absent: the day is known. `month` / `year`: `date` is the last day of that period. */
    datePrecision: DatePrecision.optional(),
    /** The date as the source words it. */
    dateWording: z.string().optional(),
  }),
  IndicatorDefined: z.object({
    indicatorId: Ulid,
    name: z.string(),
    unit: z.string(),
    baseline: z.number().nullable(),
    target: z.number().nullable(),
    /** The action it measures, or null for a plan-wide indicator. */
    actionId: Ulid.nullable(),
  }),
  IndicatorValueRecorded: z.object({
    indicatorId: Ulid,
    date: IsoDate,
    value: z.number(),
    note: z.string(),
  }),
  ActionPlanEndorsed: z.object({
    date: IsoDate,
    /** Who endorsed it, e.g. "City Council". */
    body: z.string(),
    note: z.string(),
    /** Absent: the day is known (as in every endorsement before precision existed). Else `date` is the period's last day. */
    datePrecision: DatePrecision.optional(),
    /** The date as the source words it ("with the end of BoostInno in 2018"). */
    dateWording: z.string().optional(),
  }),
} as const;

export type ActionPlanEvent = MessagesOf<typeof ActionPlanEventSchemas>;
export type ActionPlanEventOf<K extends ActionPlanEvent['type']> = Extract<ActionPlanEvent, { type: K }>;
export const actionPlanEventTypes = Object.keys(ActionPlanEventSchemas) as ActionPlanEvent['type'][];
