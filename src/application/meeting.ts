import { z } from 'zod';
import {
  CancelMeeting,
  DescribeMeeting,
  RecordAttendance,
  RecordLearning,
  RescheduleMeeting,
  ScheduleMeeting,
  ScheduleMeetingRequest,
  type ScheduleMeetingData,
  TranslateMeeting,
} from '../../domain/meeting/decider.js';
import { meetingDecider, type MeetingState } from '../../domain/meeting/decider.js';
import { ValidationError } from '../commands/errors.js';
import type { CommandOptions, CommandResult } from '../commands/handleCommand.js';
import { entityId } from './ids.js';
import type { Ledger } from './ledger.js';
import { inNetwork } from './networkSnapshot.js';

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
 * Failures are the API's typed errors: ValidationError, NotFoundError (network or meeting),
 * RuleViolationError (OUTSIDE_NETWORK_DATES, NOT_A_PARTNER, NETWORK_CLOSED, ...).
 */

const meeting = inNetwork(meetingDecider, 'Meeting', 'meetingId', (state) =>
  state.status === 'unscheduled' ? undefined : state.networkId,
);
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
  if (!parsed.success) throw new ValidationError(parsed.error.issues);
  return schedule(ledger, networkId, parsed.data, options);
}

/** The `scheduleMeeting` mutation's use case (the name `scheduleMeeting` is the function above, for other modules). */
// Without `origin`: only the system says where a meeting came from (the marketplace's matches).
export const scheduleMeetingUseCase = meeting.define(
  'scheduleMeeting',
  ScheduleMeetingRequest.extend({ networkId: entityId('Network') }),
  (ledger, { networkId, ...data }, options) => schedule(ledger, networkId, { ...data, origin: null }, options),
);

export const rescheduleMeeting = meeting.useCase('rescheduleMeeting', RescheduleMeeting.extend(MeetingTarget.shape), 'RescheduleMeeting');

export const cancelMeeting = meeting.useCase('cancelMeeting', MeetingTarget.extend(CancelMeeting.shape), 'CancelMeeting');

export const markMeetingHeld = meeting.useCase('markMeetingHeld', MeetingTarget, 'MarkMeetingHeld');

export const recordAttendance = meeting.useCase('recordAttendance', MeetingTarget.extend(RecordAttendance.shape), 'RecordAttendance');

export const recordLearning = meeting.useCase('recordLearning', MeetingTarget.extend(RecordLearning.shape), 'RecordLearning');

export const describeMeeting = meeting.useCase('describeMeeting', MeetingTarget.extend(DescribeMeeting.shape), 'DescribeMeeting');

export const translateMeeting = meeting.useCase('translateMeeting', MeetingTarget.extend(TranslateMeeting.shape), 'TranslateMeeting');
