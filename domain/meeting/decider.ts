import { z } from 'zod';
import { type NetworkSnapshot, requireNetworkOpen, requirePartner, requireSameNetwork, requireThematicGroup, requireWithinNetworkDates } from '../network/snapshot.js';
import type { Decider } from '../shared/decider.js';
import { RuleViolationError } from '../shared/errors.js';
import { CityId, CountryCode, DatePrecision, DatePrecisionInput, DateWording, IsoDate, OptionalText, periodProblem, Text, ThematicGroupId } from '../shared/values.js';
import { type MeetingEvent, MeetingKind, MeetingTextField } from './events.js';
import {
  AddTranslation,
  decideTranslation,
  languageOf,
  OptionalLanguage,
  OptionalTranslations,
  replacedTextLanguages,
  requireTranslations,
  sameTextLanguages,
  type TextLanguages,
  textLanguages,
  translated,
} from '../shared/language.js';

/** A list input that may be left out or sent as null; duplicates are dropped. */
const list = <T extends z.ZodType<string>>(item: T, max: number, what: string) =>
  z
    .array(item)
    .max(max, `at most ${max} ${what}`)
    .nullish()
    .transform((items) => [...new Set(items ?? [])] as z.output<T>[]);

/** Meeting themes are phrases as the agenda words them ("Local authorities broker and angel of change"). */
export const Themes = list(Text(200), 20, 'themes');
export const GuidingQuestions = list(Text(1000), 30, 'guiding questions');

/** Kinds that happen in a place, so they need a host city. */
export const KINDS_WITH_HOST: readonly MeetingKind[] = ['transnationalMeeting', 'studyVisit', 'localGroupWorkshop'];

/**
 * How exactly the dates are known. Left out, or `day`: the meeting's days. `month` or `year`: the
 * source gives only that, and startDate..endDate is the period (the first and last days of the month
 * or year) it took place in.
 */
export const ApproximateDates = z.object({
  datePrecision: DatePrecisionInput('day (the default), month or year: how exactly the source knows the dates.'),
  dateWording: DateWording('"Settembre 2017" or "right before the Tartu meeting"'),
});

/** A host outside the partnership. */
export const ExternalHostInput = z.object({
  name: Text(200).describe('e.g. Helsinki, or an organisation'),
  country: CountryCode.nullish().transform((c) => c ?? null),
});

/** Someone from outside the partnership who spoke at the meeting. */
export const SpeakerInput = z.object({
  name: Text(200),
  affiliation: OptionalText(300).default('').describe('Organisation or role, e.g. "Politecnico di Milano".'),
});

function checkPeriod(m: { startDate: string; endDate: string; datePrecision?: DatePrecision | undefined }, ctx: z.RefinementCtx) {
  if (m.endDate < m.startDate) {
    ctx.addIssue({ code: 'custom', message: 'endDate must not be before startDate', path: ['endDate'] });
    return;
  }
  const problem = periodProblem(m.startDate, m.endDate, m.datePrecision ?? 'day');
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['datePrecision'] });
}

/** What led to a meeting, e.g. a marketplace match. */
export const MeetingOriginInput = z.object({ kind: Text(60).describe('e.g. marketplaceMatch'), id: Text(200) });

const ScheduleMeetingFields = z.object({
  kind: MeetingKind,
  title: Text(300),
  hostCityId: CityId.nullish()
    .transform((city) => city ?? null)
    .describe('City key, e.g. torino-it; leave out for online meetings.'),
  startDate: IsoDate.describe('YYYY-MM-DD'),
  endDate: IsoDate.describe('YYYY-MM-DD; the start date for a one-day meeting.'),
  themes: Themes,
  guidingQuestions: GuidingQuestions,
  partnerCityIds: list(CityId, 30, 'partners').describe('The partners it is for; leave out for the whole network.'),
  ...ApproximateDates.shape,
  externalHost: ExternalHostInput.nullish()
    .transform((host) => host ?? undefined)
    .describe('The host when it is not a partner (a city visited on a field trip, an organisation); hostCityId may still name the city.'),
  thematicGroupId: ThematicGroupId.nullish()
    .transform((group) => group ?? undefined)
    .optional()
    .describe("The network's thematic group the meeting belongs to, if any."),
  titleLanguage: OptionalLanguage.describe('The language the title is written in (BCP 47, e.g. it, en): the original.'),
  titleTranslations: OptionalTranslations().describe('Translations of the title, each with its language; the title stays the original.'),
});

function checkSchedule(m: z.output<typeof ScheduleMeetingFields>, ctx: z.RefinementCtx) {
  checkPeriod(m, ctx);
  if (KINDS_WITH_HOST.includes(m.kind) && m.hostCityId === null) {
    ctx.addIssue({ code: 'custom', message: `a ${m.kind} needs a host city`, path: ['hostCityId'] });
  }
  if (m.kind === 'bilateralMeeting' && m.partnerCityIds.length !== 2) {
    ctx.addIssue({ code: 'custom', message: 'a bilateral meeting is between two partners', path: ['partnerCityIds'] });
  }
}

/** What a user asks for: a meeting without `origin` (only the system says where a meeting came from). */
export const ScheduleMeetingRequest = ScheduleMeetingFields.superRefine(checkSchedule);

export const ScheduleMeeting = ScheduleMeetingFields.extend({
  origin: MeetingOriginInput.nullish().transform((origin) => origin ?? null),
}).superRefine(checkSchedule);

export const RescheduleMeeting = z
  .object({
    startDate: IsoDate,
    endDate: IsoDate,
    reason: OptionalText(1000).default(''),
    ...ApproximateDates.shape,
  })
  .superRefine(checkPeriod);

export const CancelMeeting = z.object({ reason: OptionalText(1000).default('') });

export const MarkMeetingHeld = z.object({});

export const AttendeeInput = z.object({ name: Text(200), cityId: CityId.describe('The partner city the person came for.') });

export const RecordAttendance = z.object({
  attendees: z.array(AttendeeInput).min(1, 'name at least one attendee').max(300, 'at most 300 attendees at once'),
});

export const RecordLearning = z.object({
  lesson: Text(4000),
  theme: OptionalText(200)
    .nullish()
    .transform((theme) => (theme ? theme : null)),
  cityId: CityId.nullish()
    .transform((city) => city ?? null)
    .describe('The partner that learnt it; leave out for a lesson of the whole network.'),
  learntFrom: OptionalText(200)
    .nullish()
    .transform((from) => (from ? from : undefined))
    .describe('Where it was learnt from when not from a partner: the city visited, an invited expert\'s organisation.'),
  lessonLanguage: OptionalLanguage.describe('The language the lesson is written in (BCP 47, e.g. it, en): the original.'),
  lessonTranslations: OptionalTranslations().describe('Translations of the lesson, each with its language; the lesson stays the original.'),
});

/** Replaces what the meeting is about and the network's notes on it (give both; an empty text clears one). */
export const DescribeMeeting = z.object({
  description: OptionalText(4000)
    .default('')
    .describe('What the meeting is about: its programme and purpose, shown with the public agenda.'),
  notes: OptionalText(20000)
    .default('')
    .describe("The network's notes on the meeting (discussions, agreements, follow-up), for its members only."),
  speakers: z
    .array(SpeakerInput)
    .max(50, 'at most 50 speakers')
    .nullish()
    .transform((s) => s ?? undefined)
    .describe('Speakers from outside the partnership (invited experts), replacing those recorded; leave out to keep them.'),
  descriptionLanguage: OptionalLanguage.describe('The language the description is written in (BCP 47): the original. Left out, an unchanged description keeps its own.'),
  descriptionTranslations: OptionalTranslations().describe('Translations of the description, replacing those recorded; left out, an unchanged description keeps its own.'),
  notesLanguage: OptionalLanguage.describe('The language the notes are written in (BCP 47): the original. Left out, unchanged notes keep their own.'),
  notesTranslations: OptionalTranslations().describe('Translations of the notes, replacing those recorded; left out, unchanged notes keep their own.'),
});

/** Adds a translation of one of the meeting's texts later, keeping the original; one into the same language replaces the earlier. */
export const TranslateMeeting = AddTranslation.extend({
  field: MeetingTextField.describe('Which text: the title, the description, the notes, or a learning\'s lesson (give learningNumber).'),
  learningNumber: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((n) => n ?? undefined)
    .optional()
    .describe('The learning whose lesson is translated (field lesson only).'),
});

type WithNetwork<T> = T & { readonly network: NetworkSnapshot };

/** Fields the command may leave out (the zod output has them as `undefined`). */
type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

export type ScheduleMeetingData = Optional<z.output<typeof ScheduleMeeting>, 'datePrecision' | 'dateWording' | 'externalHost'>;

export type MeetingCommand =
  | { type: 'ScheduleMeeting'; data: WithNetwork<ScheduleMeetingData> }
  | { type: 'RescheduleMeeting'; data: WithNetwork<Optional<z.output<typeof RescheduleMeeting>, 'datePrecision' | 'dateWording'>> }
  | { type: 'CancelMeeting'; data: WithNetwork<z.output<typeof CancelMeeting>> }
  | { type: 'MarkMeetingHeld'; data: WithNetwork<object> }
  | { type: 'RecordAttendance'; data: WithNetwork<z.output<typeof RecordAttendance>> }
  | { type: 'RecordLearning'; data: WithNetwork<Optional<z.output<typeof RecordLearning>, 'learntFrom'>> }
  | {
      type: 'DescribeMeeting';
      data: WithNetwork<
        Optional<z.output<typeof DescribeMeeting>, 'speakers' | 'descriptionLanguage' | 'descriptionTranslations' | 'notesLanguage' | 'notesTranslations'>
      >;
    }
  | { type: 'TranslateMeeting'; data: WithNetwork<Optional<z.output<typeof TranslateMeeting>, 'learningNumber' | 'originalLanguage'>> };

export interface MeetingState {
  readonly status: 'unscheduled' | 'scheduled' | 'held' | 'cancelled';
  readonly networkId?: string;
  readonly kind?: MeetingKind;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly datePrecision?: DatePrecision;
  readonly dateWording?: string;
  /** `cityId|lowercased name` of everyone recorded as attending. */
  readonly attendees: readonly string[];
  readonly learningCount: number;
  readonly description: string;
  readonly notes: string;
  /** `name|affiliation` of each speaker, to tell a change from a repeat. */
  readonly speakers: readonly string[];
  /** The language and translations of each text written: `title`, `description`, `notes`, `lesson:<learningNumber>`. */
  readonly texts: Readonly<Record<string, TextLanguages>>;
}

const initialState = (): MeetingState => ({ status: 'unscheduled', attendees: [], learningCount: 0, description: '', notes: '', speakers: [], texts: {} });

/** The key of a text in `MeetingState.texts`. */
const textKey = (field: MeetingTextField, learningNumber?: number) => (field === 'lesson' ? `lesson:${learningNumber}` : field);
const speakerKey = (s: { name: string; affiliation: string }) => `${s.name}|${s.affiliation}`;

const attendeeKey = (a: { name: string; cityId: string }) => `${a.cityId}|${a.name.toLowerCase()}`;

/** Checks every command on an existing meeting shares: it exists, its network is the one given and open. */
function requireExisting(state: MeetingState, network: NetworkSnapshot): void {
  if (state.status === 'unscheduled') throw new RuleViolationError('MEETING_NOT_FOUND', 'The meeting does not exist');
  requireSameNetwork(network, state.networkId!);
  requireNetworkOpen(network);
}

function requireNotCancelled(state: MeetingState): void {
  if (state.status === 'cancelled') throw new RuleViolationError('MEETING_CANCELLED', 'The meeting was cancelled');
}

function requireHeld(state: MeetingState, what: string): void {
  requireNotCancelled(state);
  if (state.status !== 'held') {
    throw new RuleViolationError('MEETING_NOT_HELD', `${what} once the meeting has been held (mark it held first)`);
  }
}

function requireNotHeld(state: MeetingState): void {
  if (state.status === 'held') throw new RuleViolationError('MEETING_ALREADY_HELD', 'The meeting has already been held');
}

function decide(command: MeetingCommand, state: MeetingState): MeetingEvent[] {
  const { network } = command.data;
  switch (command.type) {
    case 'ScheduleMeeting': {
      if (state.status !== 'unscheduled') {
        throw new RuleViolationError('MEETING_ALREADY_SCHEDULED', 'The meeting is already scheduled');
      }
      requireNetworkOpen(network);
      const { network: _network, datePrecision, dateWording, externalHost, thematicGroupId, titleLanguage, titleTranslations, ...meeting } = command.data;
      if (thematicGroupId) requireThematicGroup(network, thematicGroupId);
      requireTranslations('The title', titleLanguage, titleTranslations);
      requireWithinNetworkDates(network, meeting.startDate, meeting.endDate, 'The meeting');
      for (const cityId of meeting.partnerCityIds) requirePartner(network, cityId, 'The meeting can only be for partners');
      if (meeting.kind === 'localGroupWorkshop' && meeting.hostCityId) {
        requirePartner(network, meeting.hostCityId, 'A local group workshop is held by a partner');
      }
      return [
        {
          type: 'MeetingScheduled',
          data: {
            networkId: network.networkId,
            ...meeting,
            ...(datePrecision ? { datePrecision } : {}),
            ...(dateWording ? { dateWording } : {}),
            ...(externalHost ? { externalHost } : {}),
            ...(thematicGroupId ? { thematicGroupId } : {}),
            ...languageOf('title', titleLanguage, titleTranslations),
          },
        },
      ];
    }
    case 'RescheduleMeeting': {
      requireExisting(state, network);
      requireNotCancelled(state);
      requireNotHeld(state);
      const { startDate, endDate, reason, datePrecision, dateWording } = command.data;
      requireWithinNetworkDates(network, startDate, endDate, 'The meeting');
      const same =
        startDate === state.startDate &&
        endDate === state.endDate &&
        datePrecision === state.datePrecision &&
        dateWording === state.dateWording;
      if (same) return [];
      return [
        {
          type: 'MeetingRescheduled',
          data: {
            startDate,
            endDate,
            previousStartDate: state.startDate!,
            previousEndDate: state.endDate!,
            reason,
            ...(datePrecision ? { datePrecision } : {}),
            ...(dateWording ? { dateWording } : {}),
          },
        },
      ];
    }
    case 'CancelMeeting':
      requireExisting(state, network);
      requireNotCancelled(state);
      requireNotHeld(state);
      return [{ type: 'MeetingCancelled', data: { reason: command.data.reason } }];
    case 'MarkMeetingHeld':
      requireExisting(state, network);
      requireNotCancelled(state);
      if (state.status === 'held') return [];
      return [{ type: 'MeetingHeld', data: {} }];
    case 'RecordAttendance': {
      requireExisting(state, network);
      requireHeld(state, 'Attendance is recorded');
      const seen = new Set(state.attendees);
      const attendees = [];
      for (const attendee of command.data.attendees) {
        requirePartner(network, attendee.cityId, `${attendee.name} cannot attend`);
        const key = attendeeKey(attendee);
        if (seen.has(key)) continue;
        seen.add(key);
        attendees.push({ name: attendee.name, cityId: attendee.cityId });
      }
      return attendees.length ? [{ type: 'AttendanceRecorded', data: { attendees } }] : [];
    }
    case 'RecordLearning': {
      requireExisting(state, network);
      requireHeld(state, 'Learnings are recorded');
      const { lesson, theme, cityId, learntFrom, lessonLanguage, lessonTranslations } = command.data;
      if (cityId !== null) requirePartner(network, cityId, 'Only partners record what they learnt');
      requireTranslations('The lesson', lessonLanguage, lessonTranslations);
      return [
        {
          type: 'LearningRecorded',
          data: {
            learningNumber: state.learningCount + 1,
            lesson,
            theme,
            cityId,
            ...(learntFrom ? { learntFrom } : {}),
            ...languageOf('lesson', lessonLanguage, lessonTranslations),
          },
        },
      ];
    }
    case 'DescribeMeeting': {
      requireExisting(state, network);
      requireNotCancelled(state);
      const { description, notes, speakers, descriptionLanguage, descriptionTranslations, notesLanguage, notesTranslations } = command.data;
      requireTranslations('The description', descriptionLanguage, descriptionTranslations);
      requireTranslations('The notes', notesLanguage, notesTranslations);
      const speakersChange = speakers !== undefined && speakers.map(speakerKey).join('\n') !== state.speakers.join('\n');
      const descriptionIn = replacedTextLanguages(description === state.description, state.texts.description, descriptionLanguage, descriptionTranslations);
      const notesIn = replacedTextLanguages(notes === state.notes, state.texts.notes, notesLanguage, notesTranslations);
      const languagesChange = !sameTextLanguages(descriptionIn, state.texts.description) || !sameTextLanguages(notesIn, state.texts.notes);
      if (description === state.description && notes === state.notes && !speakersChange && !languagesChange) return [];
      return [
        {
          type: 'MeetingDescribed',
          data: {
            description,
            notes,
            ...(speakersChange ? { speakers } : {}),
            ...languageOf('description', descriptionIn.language, descriptionIn.translations),
            ...languageOf('notes', notesIn.language, notesIn.translations),
          },
        },
      ];
    }
    case 'TranslateMeeting': {
      requireExisting(state, network);
      const { field, learningNumber, network: _network, ...translation } = command.data;
      if ((field === 'lesson') !== (learningNumber !== undefined)) {
        throw new RuleViolationError('LEARNING_NUMBER_MISMATCH', 'Give learningNumber with the field lesson, and only with it');
      }
      const current = state.texts[textKey(field, learningNumber)];
      if (!current && field === 'lesson') throw new RuleViolationError('LEARNING_NOT_FOUND', `The meeting has no learning ${learningNumber}`);
      const empty = (field === 'description' && !state.description) || (field === 'notes' && !state.notes);
      if (!current || empty) throw new RuleViolationError('NOTHING_TO_TRANSLATE', `The meeting has no ${field} to translate`);
      const added = decideTranslation(`The meeting's ${field}`, current, translation);
      return added ? [{ type: 'MeetingTextTranslated', data: { field, ...(learningNumber ? { learningNumber } : {}), ...added } }] : [];
    }
  }
}

function evolve(state: MeetingState, event: MeetingEvent): MeetingState {
  switch (event.type) {
    case 'MeetingScheduled':
      return {
        ...state,
        status: 'scheduled',
        networkId: event.data.networkId,
        kind: event.data.kind,
        startDate: event.data.startDate,
        endDate: event.data.endDate,
        datePrecision: event.data.datePrecision,
        dateWording: event.data.dateWording,
        texts: { ...state.texts, title: textLanguages(event.data.titleLanguage, event.data.titleTranslations) },
      };
    case 'MeetingRescheduled':
      return {
        ...state,
        startDate: event.data.startDate,
        endDate: event.data.endDate,
        datePrecision: event.data.datePrecision,
        dateWording: event.data.dateWording,
      };
    case 'MeetingCancelled':
      return { ...state, status: 'cancelled' };
    case 'MeetingHeld':
      return { ...state, status: 'held' };
    case 'AttendanceRecorded':
      return { ...state, attendees: [...state.attendees, ...event.data.attendees.map(attendeeKey)] };
    case 'LearningRecorded':
      return {
        ...state,
        learningCount: event.data.learningNumber,
        texts: {
          ...state.texts,
          [textKey('lesson', event.data.learningNumber)]: textLanguages(event.data.lessonLanguage, event.data.lessonTranslations),
        },
      };
    case 'MeetingDescribed':
      return {
        ...state,
        description: event.data.description,
        notes: event.data.notes,
        speakers: event.data.speakers ? event.data.speakers.map(speakerKey) : state.speakers,
        texts: {
          ...state.texts,
          description: textLanguages(event.data.descriptionLanguage, event.data.descriptionTranslations),
          notes: textLanguages(event.data.notesLanguage, event.data.notesTranslations),
        },
      };
    case 'MeetingTextTranslated': {
      const key = textKey(event.data.field, event.data.learningNumber);
      return { ...state, texts: { ...state.texts, [key]: translated(state.texts[key] ?? textLanguages(undefined, undefined), event.data) } };
    }
    default:
      return state;
  }
}

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = {
  category: 'meeting',
  initialState,
  decide,
  evolve,
};
