import type { z } from 'zod';
import type { LearningNeedCommand } from '../learningNeed/decider.js';
import type { LearningNeedState } from '../learningNeed/decider.js';
import type { ScheduleMeeting } from '../meeting/decider.js';
import type { MeetingSnapshot } from '../meeting/snapshot.js';
import { isPartner } from '../network/decider.js';
import type { NetworkSnapshot } from '../network/snapshot.js';
import { NotFoundError } from '../shared/errors.js';
import type { Workflow } from '../shared/workflow.js';
import type { MarketplaceCommand, ScheduleMatchMeeting } from './decider.js';
import { marketplaceDecider, type SessionPost, type SessionState } from './decider.js';

/**
 * The meeting of an agreed match, a process across three aggregates. When both cities are partners
 * of the learning city's open network, the meeting is scheduled on that network's journey (a
 * bilateral meeting, or a study visit for a site visit), the session records it, and the journey's
 * learning need the marketplace need came from is addressed by it. Otherwise the session records
 * the meeting alone.
 *
 * A Workflow: given the facts loaded when the request came and what happened since, `decide` names
 * the next command and the aggregate it goes to; `evolve` takes in each outcome. A step that fails
 * ends the process with its error; a retry with the same idempotency key runs it again, and the
 * steps already done answer with their first result.
 */

export type MatchMeetingRequest = z.output<typeof ScheduleMatchMeeting>;

/** What the process decides on, loaded once when the request comes. */
export interface MatchMeetingFacts {
  readonly request: MatchMeetingRequest;
  readonly session: SessionState;
  /** The session already holds this request's events: a retry with the same idempotency key. */
  readonly retried: boolean;
  /** The network the learning city takes part through, if it has one and it is registered. */
  readonly network: NetworkSnapshot | null;
  /** The journey's learning need the marketplace need comes from, if any. */
  readonly learningNeed: { readonly learningNeedId: string; readonly status: LearningNeedState['status'] } | null;
  /** The id of the meeting when the marketplace records it alone. */
  readonly newMeetingId: string;
}

/** A command for one of the three aggregates. */
export type MatchMeetingCommand =
  | { readonly to: 'meeting'; readonly networkId: string; readonly schedule: z.input<typeof ScheduleMeeting> }
  | { readonly to: 'session'; readonly command: MarketplaceCommand }
  | { readonly to: 'learningNeed'; readonly learningNeedId: string; readonly command: LearningNeedCommand };

/** What came of each command. */
export type MatchMeetingEvent =
  | { readonly type: 'JourneyMeetingScheduled'; readonly data: { readonly meetingId: string; readonly meeting: MeetingSnapshot | null } }
  | { readonly type: 'MatchMeetingRecorded'; readonly data: { readonly meetingId: string; readonly recordedIn: RecordedIn } }
  | { readonly type: 'LearningNeedAddressed'; readonly data: { readonly learningNeedId: string } };

type RecordedIn = 'marketplace' | 'journey';

export interface MatchMeetingState {
  readonly journeyMeeting: { readonly meetingId: string; readonly meeting: MeetingSnapshot | null } | null;
  readonly recorded: { readonly meetingId: string; readonly recordedIn: RecordedIn } | null;
  readonly learningNeedAddressed: boolean;
}

/** The need and the offer of a match of the session. */
export function partiesOf(session: SessionState, matchId: string): { need: SessionPost; offer: SessionPost } | undefined {
  const match = session.matches.get(matchId);
  const need = match ? session.posts.get(match.needId) : undefined;
  const offer = match ? session.posts.get(match.offerId) : undefined;
  return need && offer ? { need, offer } : undefined;
}

const initialState = (): MatchMeetingState => ({ journeyMeeting: null, recorded: null, learningNeedAddressed: false });

const scheduleMatchMeeting = (request: MatchMeetingRequest, meetingId: string, recordedIn: RecordedIn): MarketplaceCommand => ({
  type: 'ScheduleMatchMeeting',
  data: { ...request, meetingId, recordedIn },
});
const recordInSession = (request: MatchMeetingRequest, meetingId: string, recordedIn: RecordedIn): MatchMeetingCommand => ({
  to: 'session',
  command: scheduleMatchMeeting(request, meetingId, recordedIn),
});

function onJourney(network: NetworkSnapshot | null, { need, offer }: { need: SessionPost; offer: SessionPost }): network is NetworkSnapshot {
  return network !== null && !network.closed && isPartner(network, need.cityId) && isPartner(network, offer.cityId);
}

function scheduleOnJourney(request: MatchMeetingRequest, network: NetworkSnapshot, { need, offer }: { need: SessionPost; offer: SessionPost }): MatchMeetingCommand {
  const siteVisit = request.format === 'siteVisit';
  return {
    to: 'meeting',
    networkId: network.networkId,
    schedule: {
      kind: siteVisit ? 'studyVisit' : 'bilateralMeeting',
      title: request.title ?? `${siteVisit ? 'Site visit' : 'Bilateral meeting'}: ${need.title}`,
      hostCityId: request.hostCityId ?? offer.cityId,
      startDate: request.date,
      endDate: request.date,
      themes: [],
      guidingQuestions: [],
      partnerCityIds: [need.cityId, offer.cityId],
      origin: { kind: 'marketplaceMatch', id: request.matchId },
    },
  };
}

/** A learning need a meeting can still address. */
const stillPending = (status: LearningNeedState['status']) => status === 'open' || status === 'addressed';

function decide(facts: MatchMeetingFacts, state: MatchMeetingState): MatchMeetingCommand | null {
  const { request, session, network } = facts;
  if (!state.journeyMeeting && !state.recorded) {
    // The marketplace's own rules first, so that nothing is scheduled for a match that cannot have it.
    if (!facts.retried) marketplaceDecider.decide(scheduleMatchMeeting(request, facts.newMeetingId, 'marketplace'), session);
    const parties = partiesOf(session, request.matchId);
    if (!parties) throw new NotFoundError('MarketplaceMatch', request.matchId);
    return onJourney(network, parties)
      ? scheduleOnJourney(request, network, parties)
      : recordInSession(request, facts.newMeetingId, 'marketplace');
  }
  if (!state.recorded) return recordInSession(request, state.journeyMeeting!.meetingId, 'journey');

  const parties = partiesOf(session, request.matchId);
  const learningNeed = facts.learningNeed;
  if (
    state.recorded.recordedIn !== 'journey' ||
    state.learningNeedAddressed ||
    !network ||
    !parties ||
    !learningNeed ||
    learningNeed.learningNeedId !== parties.need.learningNeedId ||
    !stillPending(learningNeed.status)
  ) {
    return null;
  }
  // The journey's learning need records the meeting that addresses it.
  return {
    to: 'learningNeed',
    learningNeedId: learningNeed.learningNeedId,
    command: {
      type: 'AddressLearningNeed',
      data: {
        meetingId: state.recorded.meetingId,
        peerCityId: null,
        note: `Marketplace match with ${parties.offer.cityId}`,
        meeting: state.journeyMeeting?.meeting ?? null,
        network,
      },
    },
  };
}

function evolve(state: MatchMeetingState, event: MatchMeetingEvent): MatchMeetingState {
  switch (event.type) {
    case 'JourneyMeetingScheduled':
      return { ...state, journeyMeeting: event.data };
    case 'MatchMeetingRecorded':
      return { ...state, recorded: event.data };
    case 'LearningNeedAddressed':
      return { ...state, learningNeedAddressed: true };
  }
}

export const matchMeetingWorkflow: Workflow<MatchMeetingFacts, MatchMeetingCommand, MatchMeetingEvent, MatchMeetingState> = {
  initialState,
  decide,
  evolve,
};
