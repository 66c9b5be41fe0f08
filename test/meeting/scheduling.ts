import { meetingDecider, type ScheduleMeetingData } from '../../domain/meeting/decider.js';
import { deciderSpec } from '../support/deciderSpec.js';
import { network, NETWORK_ID } from '../support/networkSnapshot.js';

/** The scenario of a meeting scheduled: given nothing, when it is scheduled, then it is, as asked. */
export function expectScheduled(meeting: Omit<ScheduleMeetingData, 'network'>): void {
  deciderSpec(meetingDecider)
    .given([])
    .when({ type: 'ScheduleMeeting', data: { ...meeting, network } })
    .then([{ type: 'MeetingScheduled', data: { networkId: NETWORK_ID, ...meeting } }]);
}
