import type { MeetingState } from './decider.js';
import type { MeetingStatus } from './events.js';

/** The facts about a meeting a learning need decides on when it is linked to that meeting. */
export interface MeetingSnapshot {
  readonly meetingId: string;
  readonly networkId: string;
  readonly status: MeetingStatus;
}

export function meetingSnapshotOf(meetingId: string, state: MeetingState): MeetingSnapshot | undefined {
  if (state.status === 'unscheduled') return undefined;
  return { meetingId, networkId: state.networkId!, status: state.status };
}
