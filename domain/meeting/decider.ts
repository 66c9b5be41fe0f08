import { z } from 'zod';
import { type NetworkSnapshot, requireNetworkOpen, requirePartner, requireSameNetwork, requireWithinNetworkDates } from '../network/snapshot.js';
import type { Decider } from '../shared/decider.js';
import { RuleViolationError } from '../shared/errors.js';
import { CityId, IsoDate, OptionalText, Text } from '../shared/values.js';
import { type MeetingEvent, MeetingKind } from './events.js';

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
});

function checkSchedule(m: z.output<typeof ScheduleMeetingFields>, ctx: z.RefinementCtx) {
  if (m.endDate < m.startDate) {
    ctx.addIssue({ code: 'custom', message: 'endDate must not be before startDate', path: ['endDate'] });
  }
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
  })
  .refine((r) => r.endDate >= r.startDate, { message: 'endDate must not be before startDate', path: ['endDate'] });

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
  cityId: CityId.describe('The partner that learnt it.'),
});

/** Replaces what the meeting is about and the network's notes on it (give both; an empty text clears one). */
export const DescribeMeeting = z.object({
  description: OptionalText(4000)
    .default('')
    .describe('What the meeting is about: its programme and purpose, shown with the public agenda.'),
  notes: OptionalText(20000)
    .default('')
    .describe("The network's notes on the meeting (discussions, agreements, follow-up), for its members only."),
});

type WithNetwork<T> = T & { readonly network: NetworkSnapshot };

export type ScheduleMeetingData = z.output<typeof ScheduleMeeting>;

export type MeetingCommand =
  | { type: 'ScheduleMeeting'; data: WithNetwork<ScheduleMeetingData> }
  | { type: 'RescheduleMeeting'; data: WithNetwork<z.output<typeof RescheduleMeeting>> }
  | { type: 'CancelMeeting'; data: WithNetwork<z.output<typeof CancelMeeting>> }
  | { type: 'MarkMeetingHeld'; data: WithNetwork<object> }
  | { type: 'RecordAttendance'; data: WithNetwork<z.output<typeof RecordAttendance>> }
  | { type: 'RecordLearning'; data: WithNetwork<z.output<typeof RecordLearning>> }
  | { type: 'DescribeMeeting'; data: WithNetwork<z.output<typeof DescribeMeeting>> };

export interface MeetingState {
  readonly status: 'unscheduled' | 'scheduled' | 'held' | 'cancelled';
  readonly networkId?: string;
  readonly kind?: MeetingKind;
  readonly startDate?: string;
  readonly endDate?: string;
  /** `cityId|lowercased name` of everyone recorded as attending. */
  readonly attendees: readonly string[];
  readonly learningCount: number;
  readonly description: string;
  readonly notes: string;
}

const initialState = (): MeetingState => ({ status: 'unscheduled', attendees: [], learningCount: 0, description: '', notes: '' });

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
      const { network: _network, ...meeting } = command.data;
      requireWithinNetworkDates(network, meeting.startDate, meeting.endDate, 'The meeting');
      for (const cityId of meeting.partnerCityIds) requirePartner(network, cityId, 'The meeting can only be for partners');
      if (meeting.kind === 'localGroupWorkshop' && meeting.hostCityId) {
        requirePartner(network, meeting.hostCityId, 'A local group workshop is held by a partner');
      }
      return [{ type: 'MeetingScheduled', data: { networkId: network.networkId, ...meeting } }];
    }
    case 'RescheduleMeeting': {
      requireExisting(state, network);
      requireNotCancelled(state);
      requireNotHeld(state);
      const { startDate, endDate, reason } = command.data;
      requireWithinNetworkDates(network, startDate, endDate, 'The meeting');
      if (startDate === state.startDate && endDate === state.endDate) return [];
      return [
        {
          type: 'MeetingRescheduled',
          data: { startDate, endDate, previousStartDate: state.startDate!, previousEndDate: state.endDate!, reason },
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
      const { lesson, theme, cityId } = command.data;
      requirePartner(network, cityId, 'Only partners record what they learnt');
      return [{ type: 'LearningRecorded', data: { learningNumber: state.learningCount + 1, lesson, theme, cityId } }];
    }
    case 'DescribeMeeting': {
      requireExisting(state, network);
      requireNotCancelled(state);
      const { description, notes } = command.data;
      if (description === state.description && notes === state.notes) return [];
      return [{ type: 'MeetingDescribed', data: { description, notes } }];
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
      };
    case 'MeetingRescheduled':
      return { ...state, startDate: event.data.startDate, endDate: event.data.endDate };
    case 'MeetingCancelled':
      return { ...state, status: 'cancelled' };
    case 'MeetingHeld':
      return { ...state, status: 'held' };
    case 'AttendanceRecorded':
      return { ...state, attendees: [...state.attendees, ...event.data.attendees.map(attendeeKey)] };
    case 'LearningRecorded':
      return { ...state, learningCount: event.data.learningNumber };
    case 'MeetingDescribed':
      return { ...state, description: event.data.description, notes: event.data.notes };
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
