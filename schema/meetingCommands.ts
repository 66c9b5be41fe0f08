import { InputValidationError } from '@pothos/plugin-validation';
import type { z } from 'zod';
import { ScheduleMeeting, type MeetingCommand } from '../domain/meeting/commands.js';
import { meetingDecider, type MeetingState } from '../domain/meeting/decider.js';
import { streamIdOf } from '../domain/shared/decider.js';
import { NotFoundError } from '../domain/shared/errors.js';
import type { App } from '../src/app.js';
import { loadNetworkSnapshot } from '../src/application/networkSnapshot.js';
import type { CommandOptions, CommandResult } from '../src/commands/handleCommand.js';

/**
 * Meeting commands as functions, for every module that needs them without going through the
 * GraphQL mutations (the marketplace schedules a bilateral meeting from an accepted match):
 *
 *   const result = await scheduleMeeting(app, networkId, {
 *     kind: 'bilateralMeeting', title: 'Impact funds: Torino and Gdansk', startDate: '2016-05-10', endDate: '2016-05-10',
 *     partnerCityIds: ['torino-it', 'gdansk-pl'], origin: { kind: 'marketplaceMatch', id: matchId },
 *   }, options);   // result.id is the meeting id
 *
 * Failures are the API's typed errors: InputValidationError, NotFoundError (network or meeting),
 * RuleViolationError (OUTSIDE_NETWORK_DATES, NOT_A_PARTNER, NETWORK_CLOSED, ...).
 */


export type ScheduleMeetingInput = z.input<typeof ScheduleMeeting>;

/** Schedules a meeting of any kind in a network; answers once the read models show it. */
export async function scheduleMeeting(
  app: App,
  networkId: string,
  input: ScheduleMeetingInput,
  options: CommandOptions,
): Promise<CommandResult<MeetingState>> {
  const parsed = ScheduleMeeting.safeParse(input);
  if (!parsed.success) throw new InputValidationError({ issues: parsed.error.issues });
  const network = await loadNetworkSnapshot(app, networkId);
  return app.execute(
    meetingDecider,
    { create: meetingDecider.category },
    { type: 'ScheduleMeeting', data: { ...parsed.data, network } },
    options,
  );
}

/** A command on an existing meeting, without the network snapshot (it is loaded here). */
export type MeetingChange = {
  [C in Exclude<MeetingCommand, { type: 'ScheduleMeeting' }> as C['type']]: { type: C['type']; data: Omit<C['data'], 'network'> };
}[Exclude<MeetingCommand, { type: 'ScheduleMeeting' }>['type']];

/** Reschedules, cancels, marks held, records attendance or a learning. */
export async function changeMeeting(
  app: App,
  meetingId: string,
  change: MeetingChange,
  options: CommandOptions,
): Promise<CommandResult<MeetingState>> {
  const streamId = streamIdOf(meetingDecider.category, meetingId);
  const { state } = await app.commands.load(meetingDecider, streamId);
  if (state.status === 'unscheduled') throw new NotFoundError('Meeting', meetingId);
  const network = await loadNetworkSnapshot(app, state.networkId!);
  const command = { type: change.type, data: { ...change.data, network } } as MeetingCommand;
  return app.execute(meetingDecider, streamId, command, options);
}
