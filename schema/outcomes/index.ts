import { AsOfArg } from '../journeySupport.js';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { FundingSource } from '../../domain/actionPlan/events.js';
import { outcomeFilterSchema, outcomePeriod } from '../../projections/outcomes/filter.js';
import { entityId } from '../../src/application/ids.js';
import { inputTypeOf } from '../inputs.js';
import {
  actionRecords,
  attendanceRecords,
  fundingByClass,
  fundingBySource,
  fundingRecords,
  helixComposition,
  labelledRecords,
  meetingsHeld,
  meetingParticipants,
  participantsByCountry,
  meetingRecords,
  needFigures,
  needRecords,
  newcomerFigures,
  newcomerRecords,
  planFigures,
  planRecords,
  practicesLabelled,
  scopeOf,
  stakeholderRecords,
  transferFigures,
  practicesTransferred,
  transferRecords,
  type Scope,
} from '../../projections/outcomes/queries.js';
import { actionSummary, share } from '../../projections/outcomes/report.js';
import type { ReadModelStore } from '../../projections/types.js';
import { ActionPhaseEnum, ActionStatusEnum } from '../actionPlan/planAction.js';
import { PUBLIC_MIN_CITIES, PUBLIC_MIN_RECORDS, publicFunding } from '../../projections/openData/publicOutcomes.js';
import { ClassAmount, FundingSourceEnum, Money, SourceAmount, money } from '../money.js';
import { readModelsAsOf } from '../asOf.js';
import { builder } from '../builder.js';
// The NetworkKind enum the filter's kind maps to is registered there.
import '../network.js';
import { TransferStageEnum, TransferStatusEnum } from '../transfer.js';
import { CountryCities, CountryParticipants, HelixCount, OutcomeActionRecord, OutcomeAttendanceRecord, OutcomeFundingRecord, OutcomeMeetingRecord, OutcomeNeedRecord, OutcomeNewcomerRecord, OutcomePlanRecord, OutcomePracticeRecord, OutcomeStakeholderRecord, OutcomeTransferRecord, PhaseCount, PhaseStatusCount, StageCount, StatusCount , SECRETARIAT } from './records.js';

/** What every outcome figure is computed from: the read models of one moment and a filter. */
interface Figures {
  readonly db: ReadModelStore;
  readonly scope: Scope;
  /** Each figure is computed once per request, however many of its fields are asked. */
  readonly cache: Map<string, unknown>;
}

function memo<T>(f: Figures, key: string, compute: () => T): T {
  if (!f.cache.has(key)) f.cache.set(key, compute());
  return f.cache.get(key) as T;
}

const plans = (f: Figures) => memo(f, 'plans', () => planFigures(f.db, f.scope));
const actions = (f: Figures) => memo(f, 'actions', () => actionSummary(f.db, f.scope));
const funding = (f: Figures) => memo(f, 'funding', () => fundingBySource(f.db, f.scope));
const transfers = (f: Figures) => memo(f, 'transfers', () => transferFigures(f.db, f.scope));
const transferred = (f: Figures) => memo(f, 'transferred', () => practicesTransferred(f.db, f.scope));
const labelled = (f: Figures) => memo(f, 'labelled', () => practicesLabelled(f.db, f.scope));
const needs = (f: Figures) => memo(f, 'needs', () => needFigures(f.db, f.scope));
const held = (f: Figures) => memo(f, 'meetingsHeld', () => meetingsHeld(f.db, f.scope));
const participants = (f: Figures) => memo(f, 'meetingParticipants', () => meetingParticipants(f.db, f.scope));
const byCountry = (f: Figures) => memo(f, 'participantsByCountry', () => participantsByCountry(f.db, f.scope));
const newcomers = (f: Figures) => memo(f, 'newcomers', () => newcomerFigures(f.db, f.scope));



/** Which records the figures count: derived from the filter's zod schema (projections/outcomes/filter.ts). */
const OutcomeFilterArg = outcomeFilterSchema(entityId('Network'));
const OutcomeFilter = inputTypeOf(OutcomeFilterArg, 'OutcomeFilter', {
  description:
    'Which records the figures count. networkId, kind and theme select networks; country selects the partner a record belongs ' +
    'to; from/to (inclusive) select records by their own date (see each figure).',
});

const page = { defaultSize: 50, maxSize: 500 };

// ---------------------------------------------------------------- figures

const PlanOutcomes = builder.objectRef<Figures>('PlanOutcomes').implement({
  authScopes: SECRETARIAT,
  description: 'Integrated Action Plans: drafted (by day drafted) and endorsed by the city council (by endorsement date).',
  fields: (t) => ({
    drafted: t.int({ resolve: (f) => plans(f).drafted }),
    endorsed: t.int({ resolve: (f) => plans(f).endorsed }),
    records: t.connection({
      type: OutcomePlanRecord,
      description: 'The plans behind the figure: endorsed ones by default, drafted ones with endorsed: false.',
      args: { endorsed: t.arg.boolean({ required: false, defaultValue: true }) },
      resolve: (f, args) => resolveOffsetConnection({ args, ...page }, ({ limit, offset }) => planRecords(f.db, f.scope, args.endorsed ?? true, limit, offset)),
    }),
  }),
});

const ActionOutcomes = builder.objectRef<Figures>('ActionOutcomes').implement({
  authScopes: SECRETARIAT,
  description:
    'Actions of the plans by phase and current status. With from/to: actions whose current status dates from the period ' +
    '(planned: the day added). implementationRate = implemented / all actions counted.',
  fields: (t) => ({
    total: t.int({ resolve: (f) => actions(f).total }),
    implemented: t.int({ resolve: (f) => actions(f).implemented }),
    implementationRate: t.float({ nullable: true, resolve: (f) => actions(f).implementationRate }),
    byPhase: t.field({ type: [PhaseCount], resolve: (f) => actions(f).byPhase }),
    byStatus: t.field({ type: [StatusCount], resolve: (f) => actions(f).byStatus }),
    byPhaseAndStatus: t.field({ type: [PhaseStatusCount], resolve: (f) => actions(f).rows }),
    records: t.connection({
      type: OutcomeActionRecord,
      args: {
        phase: t.arg({ type: ActionPhaseEnum, required: false }),
        status: t.arg({ type: ActionStatusEnum, required: false }),
        addedAfterEndorsement: t.arg.boolean({ required: false }),
      },
      resolve: (f, args) => resolveOffsetConnection({ args, ...page }, ({ limit, offset }) => actionRecords(f.db, f.scope, args, limit, offset)),
    }),
  }),
});

const FundingOutcomes = builder.objectRef<Figures>('FundingOutcomes').implement({
  authScopes: SECRETARIAT,
  description: 'Funding mobilised: money recorded as secured for actions, by source (with from/to: by the date secured).',
  fields: (t) => ({
    total: t.field({ type: Money, resolve: (f) => ({ cents: funding(f).reduce((sum, r) => sum + BigInt(r.cents), 0n) }) }),
    bySource: t.field({ type: [SourceAmount], resolve: (f) => funding(f) }),
    byFund: t.field({
      type: [ClassAmount],
      description: 'By fund, whatever the channel: "total ERDF mobilised" counts UIA and URBACT money as ERDF.',
      resolve: (f) => memo(f, 'fundingByFund', () => fundingByClass(f.db, f.scope, 'fund')),
    }),
    byChannel: t.field({
      type: [ClassAmount],
      description: 'By the programme or initiative it came through (UIA, Horizon 2020...); records without a known channel are left out.',
      resolve: (f) => memo(f, 'fundingByChannel', () => fundingByClass(f.db, f.scope, 'channel')),
    }),
    records: t.connection({
      type: OutcomeFundingRecord,
      args: { source: t.arg({ type: FundingSourceEnum, required: false }) },
      resolve: (f, args) => resolveOffsetConnection({ args, ...page }, ({ limit, offset }) => fundingRecords(f.db, f.scope, args.source, limit, offset)),
    }),
  }),
});

const TransferOutcomes = builder.objectRef<Figures>('TransferOutcomes').implement({
  authScopes: SECRETARIAT,
  description: 'Transfers: started (by start date), completed and abandoned (by end date), in progress by stage. Country: the receiving city.',
  fields: (t) => ({
    started: t.int({ resolve: (f) => transfers(f).started }),
    completed: t.int({ resolve: (f) => transfers(f).completed }),
    abandoned: t.int({ resolve: (f) => transfers(f).abandoned }),
    inProgressByStage: t.field({ type: [StageCount], resolve: (f) => transfers(f).inProgressByStage }),
    records: t.connection({
      type: OutcomeTransferRecord,
      args: { status: t.arg({ type: TransferStatusEnum, required: false }), stage: t.arg({ type: TransferStageEnum, required: false }) },
      resolve: (f, args) => resolveOffsetConnection({ args, ...page }, ({ limit, offset }) => transferRecords(f.db, f.scope, args, limit, offset)),
    }),
  }),
});

const PracticeOutcomes = builder.objectRef<Figures>('PracticeOutcomes').implement({
  authScopes: SECRETARIAT,
  description:
    'Good practices: labelled (URBACT Good Practice label, by the day awarded; withdrawn ones left out) and transferred ' +
    '(distinct practices with a completed transfer, by completion date).',
  fields: (t) => ({
    labelled: t.int({ resolve: (f) => labelled(f) }),
    transferred: t.int({ resolve: (f) => transferred(f) }),
    labelledRecords: t.connection({
      type: OutcomePracticeRecord,
      resolve: (f, args) => resolveOffsetConnection({ args, ...page }, ({ limit, offset }) => labelledRecords(f.db, f.scope, limit, offset)),
    }),
    transferredRecords: t.connection({
      type: OutcomeTransferRecord,
      description: 'The completed transfers behind "transferred".',
      resolve: (f, args) =>
        resolveOffsetConnection({ args, ...page }, ({ limit, offset }) => transferRecords(f.db, f.scope, { status: 'completed' }, limit, offset)),
    }),
  }),
});

const NeedOutcomes = builder.objectRef<Figures>('LearningNeedOutcomes').implement({
  authScopes: SECRETARIAT,
  description: 'Learning and capacity-building needs raised (by day raised; withdrawn ones left out) and the share addressed.',
  fields: (t) => ({
    raised: t.int({ resolve: (f) => needs(f).raised }),
    addressed: t.int({ resolve: (f) => needs(f).addressed }),
    addressedShare: t.float({
      nullable: true,
      resolve: (f) => {
        const n = needs(f);
        return share(n.addressed, n.raised);
      },
    }),
    records: t.connection({
      type: OutcomeNeedRecord,
      args: { addressed: t.arg.boolean({ required: false }) },
      resolve: (f, args) => resolveOffsetConnection({ args, ...page }, ({ limit, offset }) => needRecords(f.db, f.scope, args.addressed, limit, offset)),
    }),
  }),
});

const MeetingOutcomes = builder.objectRef<Figures>('MeetingOutcomes').implement({
  authScopes: SECRETARIAT,
  description:
    'Meetings held (by start date) and their participants by the country of the city they came for. With a country: meetings ' +
    'someone from that country attended, and that country\'s participants.',
  fields: (t) => ({
    held: t.int({ resolve: (f) => held(f) }),
    participants: t.int({ resolve: (f) => participants(f) }),
    participantsByCountry: t.field({ type: [CountryParticipants], resolve: (f) => byCountry(f) }),
    records: t.connection({
      type: OutcomeMeetingRecord,
      resolve: (f, args) => resolveOffsetConnection({ args, ...page }, ({ limit, offset }) => meetingRecords(f.db, f.scope, limit, offset)),
    }),
    attendanceRecords: t.connection({
      type: OutcomeAttendanceRecord,
      resolve: (f, args) => resolveOffsetConnection({ args, ...page }, ({ limit, offset }) => attendanceRecords(f.db, f.scope, limit, offset)),
    }),
  }),
});

const NewcomerOutcomes = builder.objectRef<Figures>('NewcomerOutcomes').implement({
  authScopes: SECRETARIAT,
  description: 'Cities new to the programme, by the day they joined a network; a city in two networks counts once.',
  fields: (t) => ({
    cities: t.int({ resolve: (f) => newcomers(f).cities }),
    byCountry: t.field({ type: [CountryCities], resolve: (f) => newcomers(f).byCountry }),
    records: t.connection({
      type: OutcomeNewcomerRecord,
      resolve: (f, args) => resolveOffsetConnection({ args, ...page }, ({ limit, offset }) => newcomerRecords(f.db, f.scope, limit, offset)),
    }),
  }),
});

function helix(f: Figures) {
  return memo(f, 'helix', () => helixRows(f));
}

function helixRows(f: Figures) {
  const rows = helixComposition(f.db, f.scope);
  const total = rows.reduce((sum, r) => sum + r.stakeholders, 0);
  return { total, rows: rows.map((r) => ({ ...r, share: share(r.stakeholders, total) })) };
}

const LocalGroupOutcomes = builder.objectRef<Figures>('LocalGroupOutcomes').implement({
  authScopes: SECRETARIAT,
  description: 'URBACT Local Group stakeholders by helix type (with from/to: those added in the period).',
  fields: (t) => ({
    stakeholders: t.int({ resolve: (f) => helix(f).total }),
    byHelix: t.field({ type: [HelixCount], resolve: (f) => helix(f).rows }),
    records: t.connection({
      type: OutcomeStakeholderRecord,
      args: { helix: t.arg.string({ required: false }) },
      resolve: (f, args) => resolveOffsetConnection({ args, ...page }, ({ limit, offset }) => stakeholderRecords(f.db, f.scope, args.helix, limit, offset)),
    }),
  }),
});

const Outcomes = builder.objectRef<Figures>('Outcomes').implement({
  authScopes: SECRETARIAT,
  description: 'Programme-wide outcomes across networks, for the secretariat. Each figure drills down to its records.',
  fields: (t) => ({
    plans: t.field({ type: PlanOutcomes, resolve: (f) => f }),
    actions: t.field({ type: ActionOutcomes, resolve: (f) => f }),
    funding: t.field({ type: FundingOutcomes, resolve: (f) => f }),
    transfers: t.field({ type: TransferOutcomes, resolve: (f) => f }),
    practices: t.field({ type: PracticeOutcomes, resolve: (f) => f }),
    learningNeeds: t.field({ type: NeedOutcomes, resolve: (f) => f }),
    meetings: t.field({ type: MeetingOutcomes, resolve: (f) => f }),
    newcomers: t.field({ type: NewcomerOutcomes, resolve: (f) => f }),
    localGroups: t.field({ type: LocalGroupOutcomes, resolve: (f) => f }),
  }),
});

/** Headline figures anyone may read (issue 7, "public outcomes"): totals only, no records. */
const PublicFundingBySource = builder.objectRef<{ source: string; cents: number }>('PublicFundingBySource').implement({
  fields: (t) => ({
    source: t.field({ type: FundingSourceEnum, resolve: (r) => FundingSource.parse(r.source) }),
    amount: t.field({ type: Money, resolve: (r) => money(r.cents) }),
  }),
});

const PublicOutcomes = builder.objectRef<Figures>('PublicOutcomes').implement({
  description:
    'Headline outcomes of the whole programme, public: aggregates only, never the records of a city (no filters: differences of filtered figures could single one out).',
  fields: (t) => ({
    plansEndorsed: t.int({ resolve: (f) => plans(f).endorsed }),
    actions: t.int({ resolve: (f) => actions(f).total }),
    actionsImplemented: t.int({ resolve: (f) => actions(f).implemented }),
    implementationRate: t.float({ nullable: true, resolve: (f) => actions(f).implementationRate }),
    fundingMobilised: t.field({
      type: [PublicFundingBySource],
      description: `Per source, only where at least ${PUBLIC_MIN_RECORDS} records of ${PUBLIC_MIN_CITIES} cities make it up; rounded to 1,000 euros.`,
      resolve: (f) => publicFunding(f.db),
    }),
    practicesLabelled: t.int({ resolve: (f) => labelled(f) }),
    practicesTransferred: t.int({ resolve: (f) => transferred(f) }),
    meetingsHeld: t.int({ resolve: (f) => held(f) }),
    participants: t.int({ resolve: (f) => participants(f) }),
    newcomerCities: t.int({ resolve: (f) => newcomers(f).cities }),
  }),
});

const filterArgs = (t: Parameters<Parameters<typeof builder.queryFields>[0]>[0]) => ({
  filter: t.arg({ type: OutcomeFilter, required: false, validate: OutcomeFilterArg.nullish() }),
  asOf: t.arg({
    type: 'DateTime',
    required: false,
    validate: AsOfArg,
    description: "The figures as they stood at the end of this moment's day (UTC): the same figures as a period ending that day.",
  }),
  knownAt: t.arg({
    type: 'DateTime',
    required: false,
    validate: AsOfArg,
    description: 'The figures as the ledger knew them at this moment: facts recorded later (even backdated ones) are left out, so a report published then is reproduced exactly.',
  }),
});

builder.queryFields((t) => ({
  outcomes: t.field({
    type: Outcomes,
    description: 'Programme-wide outcomes, filterable by network (one, or by kind or theme), country and period. Secretariat only.',
    authScopes: SECRETARIAT,
    args: filterArgs(t),
    resolve: async (_root, args, context) => {
      const filter = OutcomeFilterArg.parse(args.filter ?? {});
      const period = outcomePeriod(filter, args.asOf);
      const db = await readModelsAsOf(context, period.worldTime, args.knownAt);
      return { db, scope: scopeOf(db, { ...filter, to: period.to }), cache: new Map() };
    },
  }),
  publicOutcomes: t.field({
    type: PublicOutcomes,
    description: 'Headline outcomes of the whole programme, public: totals only, as they stand now.',
    authScopes: { public: true },
    resolve: (_root, _args, context) => ({ db: context.readModels, scope: scopeOf(context.readModels, {}), cache: new Map() }),
  }),
}));
