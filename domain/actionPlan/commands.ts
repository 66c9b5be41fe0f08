import type { NetworkSnapshot } from '../network/snapshot.js';
import { z } from 'zod';
import { CityId, IsoDate, OptionalText, Text } from '../shared/values.js';
import { ActionPhase, ActionStatus, ClusterKey, FundingSource } from './events.js';
import { EuroAmount, eurosToCents } from './money.js';

/** A cluster (entry point) of a plan, as commands give it. */
export const ClusterInput = z.object({
  key: ClusterKey.describe('Short key, e.g. civic-technologies.'),
  title: Text(200),
  description: OptionalText(2000).default(''),
});

export const DraftActionPlan = z.object({
  cityId: CityId,
  title: Text(300),
  vision: OptionalText(5000).default(''),
  clusters: z
    .array(ClusterInput)
    .max(30, 'at most 30 clusters')
    .default([])
    .refine((cs) => new Set(cs.map((c) => c.key)).size === cs.length, 'cluster keys must be unique'),
});

export const AddPlanCluster = ClusterInput;

export const RevisePlanVision = z.object({
  title: Text(300),
  vision: OptionalText(5000).default(''),
});

export const FundingLineInput = z.object({
  source: FundingSource,
  amount: EuroAmount.describe('Euros as a decimal string, e.g. "1500000" or "44000.50".'),
  programme: OptionalText(200).default(''),
});

export const AddPlanAction = z.object({
  title: Text(300),
  clusterKey: ClusterKey,
  phase: ActionPhase,
  summary: OptionalText(5000).default(''),
  budget: EuroAmount.describe('Euros as a decimal string.').nullish().transform((v) => v ?? null),
  responsibleBody: OptionalText(300).default(''),
  funding: z.array(FundingLineInput).max(20, 'at most 20 funding lines').default([]),
});

/** A date, with its format in the API's description. */
const Day = IsoDate.describe('YYYY-MM-DD');

export const ChangeActionStatus = z.object({
  status: ActionStatus,
  date: Day,
  note: OptionalText(2000).default(''),
});

export const RecordFundingSecured = z.object({
  source: FundingSource,
  amount: EuroAmount.refine((euros) => eurosToCents(euros) > 0, 'must be more than zero').describe(
    'Euros as a decimal string, e.g. "1500000".',
  ),
  programme: OptionalText(200).default(''),
  date: Day,
  note: OptionalText(2000).default(''),
});

export const DefineIndicator = z.object({
  name: Text(300),
  unit: OptionalText(60).default(''),
  baseline: z.number().finite().nullish().transform((v) => v ?? null),
  target: z.number().finite().nullish().transform((v) => v ?? null),
});

export const RecordIndicatorValue = z.object({
  date: Day,
  value: z.number().finite(),
  note: OptionalText(2000).default(''),
});

export const EndorseActionPlan = z.object({
  date: Day,
  body: Text(200).default('City Council').describe('Who endorsed it; "City Council" by default.'),
  note: OptionalText(2000).default(''),
});

type Out<T extends z.ZodType> = z.output<T>;

/** Drafting carries the network's facts, loaded by the use case, so `decide` stays pure. */
export type ActionPlanCommand =
  | { type: 'DraftActionPlan'; data: Out<typeof DraftActionPlan> & { networkId: string; network: NetworkSnapshot | null } }
  | { type: 'AddPlanCluster'; data: Out<typeof AddPlanCluster> }
  | { type: 'RevisePlanVision'; data: Out<typeof RevisePlanVision> }
  | { type: 'AddPlanAction'; data: Out<typeof AddPlanAction> & { actionId: string } }
  | { type: 'ChangeActionStatus'; data: Out<typeof ChangeActionStatus> & { actionId: string } }
  | { type: 'RecordFundingSecured'; data: Out<typeof RecordFundingSecured> & { actionId: string; fundingId: string } }
  | { type: 'DefineIndicator'; data: Out<typeof DefineIndicator> & { indicatorId: string; actionId: string | null } }
  | { type: 'RecordIndicatorValue'; data: Out<typeof RecordIndicatorValue> & { indicatorId: string } }
  | { type: 'EndorseActionPlan'; data: Out<typeof EndorseActionPlan> };

export { CityId };
