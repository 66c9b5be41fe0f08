import {
  requireNetworkOpen,
  requirePartner,
  requireSameNetwork,
  requireWithinNetworkDates,
  type NetworkSnapshot,
} from '../network/snapshot.js';
import type { Decider } from '../shared/decider.js';
import { RuleViolationError } from '../shared/errors.js';
import type { MeetingCommand } from './commands.js';
import type { MeetingEvent, MeetingKind } from './events.js';

export interface MeetingState {
  readonly status: 'unscheduled' | 'scheduled' | 'held' | 'cancelled';
  readonly networkId?: string;
  readonly kind?: MeetingKind;
  readonly startDate?: string;
  readonly endDate?: string;
  /** `cityId|lowercased name` of everyone recorded as attending. */
  readonly attendees: readonly string[];
  readonly learningCount: number;
}

const initialState = (): MeetingState => ({ status: 'unscheduled', attendees: [], learningCount: 0 });

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
