import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import {
  CancelMeeting,
  RecordAttendance,
  RecordLearning,
  RescheduleMeeting,
  ScheduleMeeting,
  ScheduleMeetingRequest,
  type MeetingCommand,
  type ScheduleMeetingData,
} from '../../domain/meeting/decider.js';
import { meetingDecider, type MeetingState } from '../../domain/meeting/decider.js';
import type { CommandOptions, CommandResult } from '../commands/handleCommand.js';
import { entityId } from './ids.js';
import type { Ledger } from './ledger.js';
import { inNetwork } from './networkSnapshot.js';
import { defineUseCase } from './useCase.js';

/**
 * Meetings of a network: scheduled, rescheduled, cancelled, held; then attendance and learnings.
 *
 * Other capabilities schedule meetings too (the marketplace schedules a bilateral meeting from an
 * accepted match) with `scheduleMeeting`:
 *
 *   const result = await scheduleMeeting(ledger, networkId, {
 *     kind: 'bilateralMeeting', title: 'Impact funds: Torino and Gdansk', startDate: '2016-05-10', endDate: '2016-05-10',
 *     partnerCityIds: ['torino-it', 'gdansk-pl'], origin: { kind: 'marketplaceMatch', id: matchId },
 *   }, options);   // result.id is the meeting id
 *
 * Failures are the API's typed errors: InputValidationError, NotFoundError (network or meeting),
 * RuleViolationError (OUTSIDE_NETWORK_DATES, NOT_A_PARTNER, NETWORK_CLOSED, ...).
 */

const meeting = inNetwork(meetingDecider, 'Meeting', (state) => (state.status === 'unscheduled' ? undefined : state.networkId));
const MeetingTarget = z.object({ meetingId: entityId('Meeting') });

function schedule(ledger: Ledger, networkId: string, data: ScheduleMeetingData, options: CommandOptions) {
  return meeting.create(ledger, networkId, (network) => ({ type: 'ScheduleMeeting', data: { ...data, network } }), options);
}

export type ScheduleMeetingInput = z.input<typeof ScheduleMeeting>;

/** Schedules a meeting of any kind in a network, validating the input; answers once the read models show it. */
export async function scheduleMeeting(
  ledger: Ledger,
  networkId: string,
  input: ScheduleMeetingInput,
  options: CommandOptions,
): Promise<CommandResult<MeetingState>> {
  const parsed = ScheduleMeeting.safeParse(input);
  if (!parsed.success) throw new InputValidationError({ issues: parsed.error.issues });
  return schedule(ledger, networkId, parsed.data, options);
}

/** A command on an existing meeting, without the network snapshot (it is loaded here). */
export type MeetingChange = {
  [C in Exclude<MeetingCommand, { type: 'ScheduleMeeting' }> as C['type']]: { type: C['type']; data: Omit<C['data'], 'network'> };
}[Exclude<MeetingCommand, { type: 'ScheduleMeeting' }>['type']];

/** Reschedules, cancels, marks held, records attendance or a learning. */
export function changeMeeting(
  ledger: Ledger,
  meetingId: string,
  change: MeetingChange,
  options: CommandOptions,
): Promise<CommandResult<MeetingState>> {
  return meeting.change(ledger, meetingId, (network) => ({ type: change.type, data: { ...change.data, network } }) as MeetingCommand, options);
}

/** The `scheduleMeeting` mutation's use case (the name `scheduleMeeting` is the function above, for other modules). */
// Without `origin`: only the system says where a meeting came from (the marketplace's matches).
export const scheduleMeetingUseCase = defineUseCase(
  'scheduleMeeting',
  ScheduleMeetingRequest.extend({ networkId: entityId('Network') }),
  (ledger, { networkId, ...data }, options) => schedule(ledger, networkId, { ...data, origin: null }, options),
);

export const rescheduleMeeting = defineUseCase(
  'rescheduleMeeting',
  RescheduleMeeting.extend(MeetingTarget.shape),
  (ledger, { meetingId, ...data }, options) => changeMeeting(ledger, meetingId, { type: 'RescheduleMeeting', data }, options),
);

export const cancelMeeting = defineUseCase(
  'cancelMeeting',
  MeetingTarget.extend(CancelMeeting.shape),
  (ledger, { meetingId, ...data }, options) => changeMeeting(ledger, meetingId, { type: 'CancelMeeting', data }, options),
);

export const markMeetingHeld = defineUseCase(
  'markMeetingHeld',
  MeetingTarget,
  (ledger, { meetingId }, options) => changeMeeting(ledger, meetingId, { type: 'MarkMeetingHeld', data: {} }, options),
);

export const recordAttendance = defineUseCase(
  'recordAttendance',
  MeetingTarget.extend(RecordAttendance.shape),
  (ledger, { meetingId, ...data }, options) => changeMeeting(ledger, meetingId, { type: 'RecordAttendance', data }, options),
);

export const recordLearning = defineUseCase(
  'recordLearning',
  MeetingTarget.extend(RecordLearning.shape),
  (ledger, { meetingId, ...data }, options) => changeMeeting(ledger, meetingId, { type: 'RecordLearning', data }, options),
);
