import { z } from 'zod';
import type { Decider, MessagesOf } from '../shared/decider.js';
import { RuleViolationError } from '../shared/errors.js';
import { CityId, CountryCode, IsoDate, OptionalText, Subject, Text, ThematicGroupId, Topics } from '../shared/values.js';
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
import { type NetworkEvent, NetworkKind, type NetworkPhase, PartnerKind, PartnerRole } from './events.js';

export const RegisterNetwork = z
  .object({
    name: Text(200),
    kind: NetworkKind,
    theme: Text(300),
    topics: Topics.default([]),
    startDate: IsoDate.describe('YYYY-MM-DD'),
    endDate: IsoDate.describe('YYYY-MM-DD'),
  })
  .refine((c) => c.endDate > c.startDate, { message: 'endDate must be after startDate', path: ['endDate'] });

export const AssignLeadExpert = z.object({
  subject: Subject.describe("The expert's subject id, as in their token."),
  name: Text(200),
});

export const CloseNetwork = z.object({
  reason: OptionalText(1000).default(''),
});

export const JoinNetwork = z.object({
  cityId: CityId.describe('Stable city key: name and country code, e.g. torino-it.'),
  name: Text(200),
  country: CountryCode.describe('ISO 3166-1 alpha-2 code, e.g. IT.'),
  partnerKind: PartnerKind.default('city'),
  role: PartnerRole.default('partner'),
  newcomer: z.boolean().default(false).describe('New to the URBACT programme.'),
});

export const LeaveNetwork = z.object({
  cityId: CityId,
  reason: OptionalText(1000).default(''),
});

/** A public web address (http or https). */
export const WebUrl = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }));

export const RecordBaselineStudy = z
  .object({
    title: Text(300),
    date: IsoDate.describe("YYYY-MM-DD, within the network's dates."),
    summary: OptionalText(5000).default('').describe('A summary, or give the url (or both).'),
    url: WebUrl.nullish()
      .transform((url) => url ?? null)
      .describe('Where the study is published (http or https).'),
  })
  .refine((c) => c.summary !== '' || c.url !== null, {
    message: 'give a summary or the address of the study',
    path: ['summary'],
  });

export const StartImplementationPhase = z.object({
  startDate: IsoDate.describe("YYYY-MM-DD, within the network's dates, not before the baseline study."),
});

/** A lesson of the whole network, not learnt at one meeting (a network's general highlights). */
export const RecordNetworkLesson = z.object({
  lesson: Text(4000),
  theme: OptionalText(200)
    .nullish()
    .transform((theme) => (theme ? theme : null)),
  learntFrom: OptionalText(200)
    .nullish()
    .transform((from) => (from ? from : undefined))
    .describe('Where it was learnt from, when known: a partner, a city visited.'),
  lessonLanguage: OptionalLanguage.describe('The language the lesson is written in (BCP 47, e.g. it, en): the original.'),
  lessonTranslations: OptionalTranslations().describe('Translations of the lesson, each with its language; the lesson stays the original.'),
});

/** Adds a translation of a lesson of the network later, keeping the original; one into a language already translated replaces it. */
export const TranslateNetworkLesson = AddTranslation.extend({
  lessonNumber: z.number().int().positive().describe('The lesson, by its number within the network (NetworkLesson.number).'),
});

/** Defines a thematic group of the network, or changes it when the groupId is already defined. */
export const DefineThematicGroup = z.object({
  groupId: ThematicGroupId.describe('A short key, unique within the network, e.g. tourism; the same key again changes the group.'),
  name: Text(200),
  theme: Text(300),
  memberCities: z
    .array(CityId)
    .min(1, 'name at least one member city')
    .max(100, 'at most 100 member cities')
    .transform((cities) => [...new Set(cities)])
    .describe('Partner cities of the network that work in the group.'),
  description: OptionalText(4000).default(''),
});

/** The network's commands by type, as its events are: a command's data is what its schema parses. */
export const NetworkCommandSchemas = {
  RegisterNetwork,
  AssignLeadExpert,
  CloseNetwork,
  JoinNetwork,
  LeaveNetwork,
  RecordBaselineStudy,
  StartImplementationPhase,
  RecordNetworkLesson,
  TranslateNetworkLesson,
  DefineThematicGroup,
};

export type NetworkCommand = MessagesOf<typeof NetworkCommandSchemas>;

export interface NetworkState {
  readonly status: 'unregistered' | 'open' | 'closed';
  readonly kind?: NetworkKind;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly leadExpert?: { readonly subject: string; readonly name: string };
  /** Current partners by city id; partners who left are removed. */
  readonly partners: Readonly<Record<string, NetworkPartner>>;
  /** Activation (phase 1) from registration; implementation (phase 2) once started. */
  readonly phase: NetworkPhase;
  readonly baselineStudy?: { readonly title: string; readonly date: string; readonly summary: string; readonly url: string | null };
  readonly implementationStartDate?: string;
  /** How many lessons of the whole network are recorded (they are numbered). */
  readonly lessonCount?: number;
  /** The language and translations of each lesson, by its number. */
  readonly lessonLanguages?: Readonly<Record<number, TextLanguages>>;
  /** Thematic groups by groupId. */
  readonly thematicGroups?: Readonly<Record<string, ThematicGroup>>;
}

export interface ThematicGroup {
  readonly name: string;
  readonly theme: string;
  readonly memberCities: readonly string[];
  readonly description: string;
}

export interface NetworkPartner {
  readonly name: string;
  readonly country: string;
  readonly role: 'leadPartner' | 'partner';
}

/** For the network's state and for snapshots of it alike. */
export function isPartner(network: Pick<NetworkState, 'partners'>, cityId: string): boolean {
  return Object.hasOwn(network.partners, cityId);
}

const initialState = (): NetworkState => ({ status: 'unregistered', partners: {}, phase: 'activation' });

function requireWithinDates(state: NetworkState, date: string, what: string): void {
  if (date < state.startDate! || date > state.endDate!) {
    throw new RuleViolationError(
      'OUTSIDE_NETWORK_DATES',
      `${what} (${date}) must fall within the network's dates, ${state.startDate} to ${state.endDate}`,
    );
  }
}

function requireOpen(state: NetworkState): void {
  if (state.status === 'unregistered') throw new RuleViolationError('NETWORK_NOT_FOUND', 'The network does not exist');
  if (state.status === 'closed') throw new RuleViolationError('NETWORK_CLOSED', 'The network is closed: no more changes');
}

function decide(command: NetworkCommand, state: NetworkState): NetworkEvent[] {
  switch (command.type) {
    case 'RegisterNetwork':
      if (state.status !== 'unregistered') {
        throw new RuleViolationError('NETWORK_ALREADY_REGISTERED', 'The network is already registered');
      }
      return [{ type: 'NetworkRegistered', data: command.data }];
    case 'AssignLeadExpert': {
      requireOpen(state);
      if (state.leadExpert?.subject === command.data.subject) return [];
      return [
        {
          type: 'LeadExpertAssigned',
          data: { ...command.data, replaces: state.leadExpert?.subject ?? null },
        },
      ];
    }
    case 'CloseNetwork':
      requireOpen(state);
      return [{ type: 'NetworkClosed', data: command.data }];
    case 'JoinNetwork': {
      requireOpen(state);
      const { cityId, role } = command.data;
      if (isPartner(state, cityId)) {
        throw new RuleViolationError('ALREADY_PARTNER', `${command.data.name} is already a partner of this network`);
      }
      const lead = Object.entries(state.partners).find(([, p]) => p.role === 'leadPartner');
      if (role === 'leadPartner' && lead) {
        throw new RuleViolationError(
          'SECOND_LEAD_PARTNER',
          `${lead[1].name} is already the lead partner; a network has one lead partner`,
        );
      }
      return [{ type: 'PartnerJoined', data: command.data }];
    }
    case 'LeaveNetwork':
      requireOpen(state);
      if (!isPartner(state, command.data.cityId)) {
        throw new RuleViolationError('NOT_A_PARTNER', `${command.data.cityId} is not a partner of this network`);
      }
      return [{ type: 'PartnerLeft', data: command.data }];
    case 'RecordBaselineStudy': {
      requireOpen(state);
      if (state.phase !== 'activation') {
        throw new RuleViolationError(
          'ACTIVATION_PHASE_OVER',
          'The baseline study belongs to the activation phase, which ended when implementation started',
        );
      }
      requireWithinDates(state, command.data.date, 'The baseline study date');
      const current = state.baselineStudy;
      const next = command.data;
      if (current && current.title === next.title && current.date === next.date && current.summary === next.summary && current.url === next.url) {
        return [];
      }
      return [{ type: 'BaselineStudyRecorded', data: next }];
    }
    case 'StartImplementationPhase': {
      requireOpen(state);
      if (state.phase === 'implementation') {
        throw new RuleViolationError(
          'IMPLEMENTATION_ALREADY_STARTED',
          `The implementation phase already started on ${state.implementationStartDate}`,
        );
      }
      if (!state.baselineStudy) {
        throw new RuleViolationError(
          'BASELINE_STUDY_MISSING',
          'Record the baseline study first: it concludes the activation phase',
        );
      }
      requireWithinDates(state, command.data.startDate, 'The implementation phase start');
      if (command.data.startDate < state.baselineStudy.date) {
        throw new RuleViolationError(
          'IMPLEMENTATION_BEFORE_BASELINE',
          `The implementation phase cannot start before the baseline study (${state.baselineStudy.date})`,
        );
      }
      return [{ type: 'ImplementationPhaseStarted', data: command.data }];
    }
    case 'RecordNetworkLesson': {
      requireOpen(state);
      const { lesson, theme, learntFrom, lessonLanguage, lessonTranslations } = command.data;
      requireTranslations('The lesson', lessonLanguage, lessonTranslations);
      return [
        {
          type: 'NetworkLessonRecorded',
          data: {
            lessonNumber: (state.lessonCount ?? 0) + 1,
            lesson,
            theme,
            ...(learntFrom ? { learntFrom } : {}),
            ...languageOf('lesson', lessonLanguage, lessonTranslations),
          },
        },
      ];
    }
    case 'TranslateNetworkLesson': {
      requireOpen(state);
      const { lessonNumber, ...translation } = command.data;
      const current = state.lessonLanguages?.[lessonNumber];
      if (!current) throw new RuleViolationError('LESSON_NOT_FOUND', `The network has no lesson ${lessonNumber}`);
      const added = decideTranslation(`Lesson ${lessonNumber}`, current, translation);
      return added ? [{ type: 'NetworkLessonTranslated', data: { lessonNumber, ...added } }] : [];
    }
    case 'DefineThematicGroup': {
      requireOpen(state);
      const { groupId, ...group } = command.data;
      for (const cityId of group.memberCities) {
        if (!isPartner(state, cityId)) {
          throw new RuleViolationError('NOT_A_PARTNER', `Thematic group members are partners: ${cityId} is not a partner of this network`);
        }
      }
      const current = state.thematicGroups?.[groupId];
      if (current && JSON.stringify(current) === JSON.stringify(group)) return [];
      return [{ type: 'ThematicGroupDefined', data: { groupId, ...group } }];
    }
  }
}

function evolve(state: NetworkState, event: NetworkEvent): NetworkState {
  switch (event.type) {
    case 'NetworkRegistered':
      return {
        status: 'open',
        kind: event.data.kind,
        startDate: event.data.startDate,
        endDate: event.data.endDate,
        partners: {},
        phase: 'activation',
      };
    case 'LeadExpertAssigned':
      return { ...state, leadExpert: { subject: event.data.subject, name: event.data.name } };
    case 'NetworkClosed':
      return { ...state, status: 'closed' };
    case 'PartnerJoined': {
      const { cityId, name, country, role } = event.data;
      return { ...state, partners: { ...state.partners, [cityId]: { name, country, role } } };
    }
    case 'PartnerLeft': {
      const { [event.data.cityId]: _left, ...partners } = state.partners;
      return { ...state, partners };
    }
    case 'BaselineStudyRecorded':
      return { ...state, baselineStudy: event.data };
    case 'ImplementationPhaseStarted':
      return { ...state, phase: 'implementation', implementationStartDate: event.data.startDate };
    case 'NetworkLessonRecorded': {
      const { lessonNumber, lessonLanguage, lessonTranslations } = event.data;
      return { ...state, lessonCount: lessonNumber, lessonLanguages: { ...state.lessonLanguages, [lessonNumber]: textLanguages(lessonLanguage, lessonTranslations) } };
    }
    case 'NetworkLessonTranslated': {
      const { lessonNumber } = event.data;
      const current = state.lessonLanguages?.[lessonNumber] ?? textLanguages(undefined, undefined);
      return { ...state, lessonLanguages: { ...state.lessonLanguages, [lessonNumber]: translated(current, event.data) } };
    }
    case 'ThematicGroupDefined': {
      const { groupId, name, theme, memberCities, description } = event.data;
      return { ...state, thematicGroups: { ...state.thematicGroups, [groupId]: { name, theme, memberCities, description } } };
    }
    default:
      return state;
  }
}

export const networkDecider: Decider<NetworkCommand, NetworkEvent, NetworkState> = {
  category: 'network',
  initialState,
  decide,
  evolve,
};
