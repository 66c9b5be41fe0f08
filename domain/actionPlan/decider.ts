import { z } from 'zod';
import { type NetworkSnapshot, requirePartner, startingIn } from '../network/snapshot.js';
import type { Decider } from '../shared/decider.js';
import { NotFoundError, RuleViolationError } from '../shared/errors.js';
import { CityId, DatePrecision, DatePrecisionInput, DateWording, dayProblem, IsoDate, OptionalText, Text } from '../shared/values.js';
import { ActionPhase, type ActionPlanEvent, ActionStatus, ClusterKey, FundingSource, PlanActionTextField } from './events.js';
import { EuroAmount, eurosToCents } from './money.js';
import {
  AddTranslation,
  decideTranslation,
  languageOf,
  OptionalLanguage,
  OptionalTranslations,
  requireTranslations,
  type TextLanguages,
  textLanguages,
  translated,
} from '../shared/language.js';
import { classFields, classifyFunding, Fund, FundingChannel, FundingInstrument } from './funding.js';

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

/** Fund, channel and instrument (domain/actionPlan/funding.ts); `source` is the older single answer, still accepted. */
const FundingClassInput = {
  source: FundingSource.nullish().describe('The older single answer (ESF, ERDF, UIA, national, private, other); give fund and channel instead.'),
  fund: Fund.nullish().describe('Whose money it is: ERDF, ESF, euDirect (Horizon 2020), national, local... Implied by a channel of one fund (UIA: ERDF).'),
  channel: FundingChannel.nullish().describe('The programme or initiative it came through: UIA, URBACT, horizon2020, nationalOperationalProgramme...'),
  instrument: FundingInstrument.nullish().describe('How it is given: grant, loan, equity, prize, coFinancing.'),
};

export function checkFundingClass(line: Parameters<typeof classifyFunding>[0], ctx: z.RefinementCtx) {
  const result = classifyFunding(line);
  if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message, path: [result.path] });
}

/** The funding line as events record it: the old source beside what it does not say. */
function fundingClassOf(line: Parameters<typeof classifyFunding>[0]) {
  const result = classifyFunding(line);
  if (!result.ok) throw new RuleViolationError('FUNDING_CLASS_CONTRADICTS', result.message);
  return { source: result.source, ...classFields(result.source, result.class) };
}

export const FundingLineInput = z
  .object({
    ...FundingClassInput,
    amount: EuroAmount.describe('Euros as a decimal string, e.g. "1500000" or "44000.50".'),
    programme: OptionalText(200).default('').describe('The programme as the source names it, e.g. "PON Metro 2014-2020, axis 3.3.1B".'),
  })
  .superRefine(checkFundingClass);

export const AddPlanAction = z.object({
  title: Text(300),
  clusterKey: ClusterKey,
  phase: ActionPhase,
  summary: OptionalText(5000).default(''),
  budget: EuroAmount.describe('Euros as a decimal string.').nullish().transform((v) => v ?? null),
  responsibleBody: OptionalText(300).default(''),
  funding: z.array(FundingLineInput).max(20, 'at most 20 funding lines').default([]),
  titleLanguage: OptionalLanguage.describe('The language the title is written in (BCP 47, e.g. it, en): the original.'),
  titleTranslations: OptionalTranslations().describe('Translations of the title, each with its language; the title stays the original.'),
  summaryLanguage: OptionalLanguage.describe('The language the summary is written in (BCP 47): the original.'),
  summaryTranslations: OptionalTranslations().describe('Translations of the summary, each with its language; the summary stays the original.'),
});

/** Adds a translation of an action's title or summary later, keeping the original; one into the same language replaces the earlier. */
export const TranslatePlanAction = AddTranslation.extend({ field: PlanActionTextField.describe('Which text: the title or the summary.') });

/** A date, with its format in the API's description. */
const Day = IsoDate.describe('YYYY-MM-DD');

export const ChangeActionStatus = z.object({
  status: ActionStatus,
  date: Day,
  note: OptionalText(2000).default(''),
});

export const RecordFundingSecured = z
  .object({
    ...FundingClassInput,
    amount: EuroAmount.refine((euros) => eurosToCents(euros) > 0, 'must be more than zero').describe(
      'Euros as a decimal string, e.g. "1500000".',
    ),
    programme: OptionalText(200).default(''),
    date: Day,
    note: OptionalText(2000).default(''),
    datePrecision: DatePrecision.nullish()
      .transform((p) => (p && p !== 'day' ? p : undefined))
      .optional()
      .describe('day (the default), month or year; when not day, date is the last day of the month or year.'),
    dateWording: OptionalText(200)
      .nullish()
      .transform((w) => (w ? w : undefined))
      .optional()
      .describe('The date as the source words it, e.g. "2018".'),
  })
  .superRefine((f, ctx) => {
    const problem = f.datePrecision ? dayProblem(f.date, f.datePrecision) : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['datePrecision'] });
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

export const EndorseActionPlan = z
  .object({
    date: Day,
    body: Text(200).default('City Council').describe('Who endorsed it; "City Council" by default.'),
    note: OptionalText(2000).default(''),
    datePrecision: DatePrecisionInput('day (the default), month or year; when not day, date is the last day of the month or year.'),
    dateWording: DateWording('"with the end of BoostInno in 2018"'),
  })
  .superRefine((e, ctx) => {
    const problem = e.datePrecision ? dayProblem(e.date, e.datePrecision) : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['datePrecision'] });
  });

type Out<T extends z.ZodType> = z.output<T>;

/** Drafting carries the network's facts, loaded by the use case, so `decide` stays pure. */
export type ActionPlanCommand =
  | { type: 'DraftActionPlan'; data: Out<typeof DraftActionPlan> & { networkId: string; network: NetworkSnapshot | null } }
  | { type: 'AddPlanCluster'; data: Out<typeof AddPlanCluster> }
  | { type: 'RevisePlanVision'; data: Out<typeof RevisePlanVision> }
  | { type: 'AddPlanAction'; data: Out<typeof AddPlanAction> & { actionId: string } }
  | { type: 'TranslatePlanAction'; data: Omit<Out<typeof TranslatePlanAction>, 'originalLanguage'> & { originalLanguage?: string; actionId: string } }
  | { type: 'ChangeActionStatus'; data: Out<typeof ChangeActionStatus> & { actionId: string } }
  | { type: 'RecordFundingSecured'; data: Out<typeof RecordFundingSecured> & { actionId: string; fundingId: string } }
  | { type: 'DefineIndicator'; data: Out<typeof DefineIndicator> & { indicatorId: string; actionId: string | null } }
  | { type: 'RecordIndicatorValue'; data: Out<typeof RecordIndicatorValue> & { indicatorId: string } }
  | { type: 'EndorseActionPlan'; data: Omit<Out<typeof EndorseActionPlan>, 'datePrecision' | 'dateWording'> & Partial<Pick<Out<typeof EndorseActionPlan>, 'datePrecision' | 'dateWording'>> };

export { CityId };

export interface PlanActionState {
  readonly title: string;
  readonly status: ActionStatus;
  /** Date of the current status (null while planned and never changed). */
  readonly statusDate: string | null;
  /** The language and translations of the title and of the summary (absent when the summary is empty). */
  readonly texts?: Readonly<Partial<Record<PlanActionTextField, TextLanguages>>>;
}

export interface ActionPlanState {
  readonly status: 'none' | 'drafted';
  readonly networkId?: string;
  readonly cityId?: string;
  readonly endorsedOn: string | null;
  readonly clusters: readonly string[];
  readonly actions: Readonly<Record<string, PlanActionState>>;
  readonly indicators: readonly string[];
}

const initialState = (): ActionPlanState => ({ status: 'none', endorsedOn: null, clusters: [], actions: {}, indicators: [] });

/**
 * Which status an action may move to. Implemented is final (a plan reports what was done);
 * an abandoned action can be revived.
 */
export const allowedTransitions: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = {
  planned: ['inProgress', 'implemented', 'abandoned'],
  inProgress: ['implemented', 'abandoned'],
  implemented: [],
  abandoned: ['planned', 'inProgress'],
};

function requireDrafted(state: ActionPlanState, id = ''): void {
  if (state.status === 'none') throw new NotFoundError('ActionPlan', id);
}

function requireAction(state: ActionPlanState, actionId: string): PlanActionState {
  const action = state.actions[actionId];
  if (!action) throw new NotFoundError('PlanAction', actionId);
  return action;
}

function decide(command: ActionPlanCommand, state: ActionPlanState): ActionPlanEvent[] {
  switch (command.type) {
    case 'DraftActionPlan': {
      const { network, networkId, cityId, title, vision, clusters } = command.data;
      if (state.status !== 'none') {
        throw new RuleViolationError('PLAN_ALREADY_DRAFTED', `${cityId} already has an action plan in this network`);
      }
      const started = startingIn(network, networkId);
      const partner = requirePartner(started.network, cityId, 'A plan is drafted by a partner');
      const drafted = { ...started.facts, cityId, cityName: partner.name, country: partner.country, title, vision, clusters };
      return [{ type: 'ActionPlanDrafted', data: drafted }];
    }
    case 'AddPlanCluster': {
      requireDrafted(state);
      if (state.clusters.includes(command.data.key)) {
        throw new RuleViolationError('CLUSTER_EXISTS', `The plan already has a cluster "${command.data.key}"`);
      }
      return [{ type: 'PlanClusterAdded', data: command.data }];
    }
    case 'RevisePlanVision':
      requireDrafted(state);
      return [{ type: 'PlanVisionRevised', data: command.data }];
    case 'AddPlanAction': {
      requireDrafted(state);
      const { actionId, title, clusterKey, phase, summary, budget, responsibleBody, funding, titleLanguage, titleTranslations, summaryLanguage, summaryTranslations } =
        command.data;
      requireTranslations('The title', titleLanguage, titleTranslations);
      requireTranslations('The summary', summaryLanguage, summaryTranslations);
      if (!state.clusters.includes(clusterKey)) {
        throw new RuleViolationError('UNKNOWN_CLUSTER', `The plan has no cluster "${clusterKey}": add it first`);
      }
      const lower = title.toLowerCase();
      if (Object.values(state.actions).some((a) => a.title.toLowerCase() === lower)) {
        throw new RuleViolationError('ACTION_TITLE_TAKEN', `The plan already has an action "${title}"`);
      }
      if (state.actions[actionId]) throw new RuleViolationError('ACTION_EXISTS', `Action ${actionId} already exists`);
      return [
        {
          type: 'PlanActionAdded',
          data: {
            actionId,
            title,
            clusterKey,
            phase,
            summary,
            budgetCents: budget === null ? null : eurosToCents(budget),
            responsibleBody,
            funding: funding.map((f) => ({ ...fundingClassOf(f), amountCents: eurosToCents(f.amount), programme: f.programme })),
            addedAfterEndorsement: state.endorsedOn !== null,
            ...languageOf('title', titleLanguage, titleTranslations),
            ...languageOf('summary', summaryLanguage, summaryTranslations),
          },
        },
      ];
    }
    case 'TranslatePlanAction': {
      requireDrafted(state);
      const { actionId, field, ...translation } = command.data;
      const current = requireAction(state, actionId).texts?.[field];
      if (!current) throw new RuleViolationError('NOTHING_TO_TRANSLATE', `The action has no ${field} to translate`);
      const added = decideTranslation(`The action's ${field}`, current, translation);
      return added ? [{ type: 'PlanActionTextTranslated', data: { actionId, field, ...added } }] : [];
    }
    case 'ChangeActionStatus': {
      requireDrafted(state);
      const { actionId, status, date, note } = command.data;
      const action = requireAction(state, actionId);
      if (action.status === status) return [];
      if (!allowedTransitions[action.status].includes(status)) {
        throw new RuleViolationError(
          'STATUS_TRANSITION_NOT_ALLOWED',
          `An ${action.status} action cannot become ${status}` +
            (action.status === 'implemented' ? ': implemented is final' : ''),
        );
      }
      if (action.statusDate && date < action.statusDate) {
        throw new RuleViolationError('STATUS_DATE_BEFORE_PREVIOUS', `The date must not be before ${action.statusDate}, the date of the current status`);
      }
      return [{ type: 'ActionStatusChanged', data: { actionId, from: action.status, to: status, date, note } }];
    }
    case 'RecordFundingSecured': {
      requireDrafted(state);
      const action = requireAction(state, command.data.actionId);
      if (action.status === 'abandoned') {
        throw new RuleViolationError('ACTION_ABANDONED', `"${action.title}" is abandoned: revive it before recording funding`);
      }
      const { amount, source, fund, channel, instrument, datePrecision, dateWording, ...rest } = command.data;
      const line = fundingClassOf({ source, fund, channel, instrument });
      const when = { ...(datePrecision ? { datePrecision } : {}), ...(dateWording ? { dateWording } : {}) };
      return [{ type: 'FundingSecured', data: { ...rest, ...line, amountCents: eurosToCents(amount), ...when } }];
    }
    case 'DefineIndicator': {
      requireDrafted(state);
      if (command.data.actionId !== null) requireAction(state, command.data.actionId);
      if (state.indicators.includes(command.data.indicatorId)) {
        throw new RuleViolationError('INDICATOR_EXISTS', 'This indicator already exists');
      }
      return [{ type: 'IndicatorDefined', data: command.data }];
    }
    case 'RecordIndicatorValue': {
      requireDrafted(state);
      if (!state.indicators.includes(command.data.indicatorId)) throw new NotFoundError('Indicator', command.data.indicatorId);
      return [{ type: 'IndicatorValueRecorded', data: command.data }];
    }
    case 'EndorseActionPlan': {
      requireDrafted(state);
      if (state.endorsedOn !== null) {
        throw new RuleViolationError('PLAN_ALREADY_ENDORSED', `The plan was already endorsed on ${state.endorsedOn}`);
      }
      if (Object.keys(state.actions).length === 0) {
        throw new RuleViolationError('PLAN_HAS_NO_ACTIONS', 'A plan needs at least one action before the council endorses it');
      }
      const { datePrecision, dateWording, ...endorsement } = command.data;
      return [
        {
          type: 'ActionPlanEndorsed',
          data: { ...endorsement, ...(datePrecision ? { datePrecision } : {}), ...(dateWording ? { dateWording } : {}) },
        },
      ];
    }
  }
}

function evolve(state: ActionPlanState, event: ActionPlanEvent): ActionPlanState {
  switch (event.type) {
    case 'ActionPlanDrafted': {
      const { networkId, cityId, clusters } = event.data;
      return { ...state, status: 'drafted', networkId, cityId, clusters: clusters.map((c) => c.key) };
    }
    case 'PlanClusterAdded':
      return { ...state, clusters: [...state.clusters, event.data.key] };
    case 'PlanActionAdded':
      return {
        ...state,
        actions: {
          ...state.actions,
          [event.data.actionId]: {
            title: event.data.title,
            status: 'planned',
            statusDate: null,
            texts: {
              title: textLanguages(event.data.titleLanguage, event.data.titleTranslations),
              ...(event.data.summary ? { summary: textLanguages(event.data.summaryLanguage, event.data.summaryTranslations) } : {}),
            },
          },
        },
      };
    case 'PlanActionTextTranslated': {
      const action = state.actions[event.data.actionId];
      const current = action?.texts?.[event.data.field];
      if (!action || !current) return state;
      const texts = { ...action.texts, [event.data.field]: translated(current, event.data) };
      return { ...state, actions: { ...state.actions, [event.data.actionId]: { ...action, texts } } };
    }
    case 'ActionStatusChanged': {
      const action = state.actions[event.data.actionId];
      if (!action) return state;
      return {
        ...state,
        actions: { ...state.actions, [event.data.actionId]: { ...action, status: event.data.to, statusDate: event.data.date } },
      };
    }
    case 'IndicatorDefined':
      return { ...state, indicators: [...state.indicators, event.data.indicatorId] };
    case 'ActionPlanEndorsed':
      return { ...state, endorsedOn: event.data.date };
    default:
      return state;
  }
}

export const actionPlanDecider: Decider<ActionPlanCommand, ActionPlanEvent, ActionPlanState> = {
  category: 'actionPlan',
  initialState,
  decide,
  evolve,
};
