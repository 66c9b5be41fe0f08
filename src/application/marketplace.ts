import { ulid } from 'ulid';
import { z } from 'zod';
import { learningNeedDecider, type LearningNeedState } from '../../domain/learningNeed/decider.js';
import {
  CloseSession,
  OpenSession,
  PostNeed,
  PostOffer,
  RespondToMatch,
  ScheduleMatchMeeting,
  WithdrawPost,
  type LearningNeedSnapshot,
  type NetworkSnapshot as SessionNetworkSnapshot,
  type ParticipantSnapshot,
  type PracticeSnapshot,
} from '../../domain/marketplace/decider.js';
import { marketplaceDecider, type MarketplaceCommand, type SessionState } from '../../domain/marketplace/decider.js';
import { MatchId, pairOfMatch, type MarketplaceEventOf } from '../../domain/marketplace/events.js';
import { sessionOfStream } from '../../domain/marketplace/streams.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { matchMeetingWorkflow, partiesOf, type MatchMeetingFacts, type MatchMeetingRequest } from '../../domain/marketplace/matchMeetingWorkflow.js';
import { meetingSnapshotOf } from '../../domain/meeting/snapshot.js';
import { networkDecider } from '../../domain/network/decider.js';
import { practiceDecider } from '../../domain/practice/decider.js';
import { streamIdOf } from '../../domain/shared/decider.js';
import type { CommandOptions, CommandResult } from '../commands/handleCommand.js';
import { aggregate } from './aggregate.js';
import { asId, entityId, optionalEntityId } from './ids.js';
import type { Ledger } from './ledger.js';
import { findPost, marketplaceDirectory } from '../../projections/marketplace/queries.js';
import { findNetworkSnapshot } from './networkSnapshot.js';
import { scheduleMeeting } from './meeting.js';

/**
 * Marketplace sessions: cities post offers ("give") and needs ("use"), both sides of a match accept
 * it, and an agreed match leads to a bilateral meeting or a site visit.
 */

const loadSession = (ledger: Ledger, sessionId: string) =>
  ledger.load(marketplaceDecider, streamIdOf(marketplaceDecider.category, sessionId));

async function networkStatuses(ledger: Ledger, networkIds: readonly string[]): Promise<Record<string, SessionNetworkSnapshot>> {
  const result: Record<string, SessionNetworkSnapshot> = {};
  for (const id of networkIds) {
    const { state } = await ledger.load(networkDecider, streamIdOf(networkDecider.category, id));
    result[id] = state.status;
  }
  return result;
}

/** How a city takes part in a session: as a current partner of one of its networks (the first). */
async function participantOf(ledger: Ledger, session: SessionState, cityId: string): Promise<ParticipantSnapshot | null> {
  if (session.status === 'none') return null;
  if (session.networkIds.length === 0) {
    const name = marketplaceDirectory(ledger.readModels).partnerName(cityId);
    return name === undefined ? null : { name, networkId: null };
  }
  for (const networkId of session.networkIds) {
    const { state } = await ledger.load(networkDecider, streamIdOf(networkDecider.category, networkId));
    const partner = state.partners[cityId];
    if (partner) return { name: partner.name, networkId };
  }
  return null;
}

async function practiceSnapshot(ledger: Ledger, practiceId: string | null): Promise<PracticeSnapshot | null> {
  if (!practiceId) return null;
  const { state } = await ledger.load(practiceDecider, streamIdOf(practiceDecider.category, practiceId));
  if (state.status === 'none') return null;
  return {
    practiceId,
    cityId: state.cityId!,
    title: state.title!,
    summary: state.summary!,
    topics: state.topics ?? [],
    contact: state.contact ?? null,
    withdrawn: state.status === 'withdrawn',
  };
}

async function loadLearningNeed(ledger: Ledger, learningNeedId: string): Promise<LearningNeedState> {
  const { state } = await ledger.load(learningNeedDecider, streamIdOf(learningNeedDecider.category, learningNeedId));
  return state;
}

/** A learning need of the journey, as a marketplace need uses it. */
async function learningNeedSnapshot(ledger: Ledger, learningNeedId: string | null): Promise<LearningNeedSnapshot | null> {
  if (!learningNeedId) return null;
  const state = await loadLearningNeed(ledger, learningNeedId);
  if (state.status === 'unraised') return null;
  const description = state.description ?? '';
  return {
    learningNeedId,
    cityId: state.cityId!,
    title: description.length > 200 ? `${description.slice(0, 197)}...` : description,
    description,
    topics: state.topics ?? [],
    closed: state.status === 'closed' || state.status === 'withdrawn',
  };
}

// ---------------------------------------------------------------- sessions and posts

const SessionTarget = { sessionId: entityId('MarketplaceSession') };

/** Whether a recorded event is one of the session's (what its live board watches). */
export function isEventOfSession(event: { readonly streamId: string }, sessionId: string): boolean {
  return sessionOfStream(event.streamId) === sessionId;
}

// A session may span several networks: it decides on the snapshots its commands carry.
const sessions = aggregate(marketplaceDecider, SessionTarget);

export const openMarketplaceSession = sessions.define(
  'openMarketplaceSession',
  OpenSession.extend({
    networkIds: z
      .array(entityId('Network'))
      .max(20, 'at most 20 networks')
      .nullish()
      .transform((ids) => [...new Set(ids ?? [])])
      .describe('One network, several, or none for a programme-wide session.'),
  }),
  async (ledger, data, options) =>
    sessions.create(ledger, { type: 'OpenSession', data: { ...data, networks: await networkStatuses(ledger, data.networkIds) } }, options),
);

export const closeMarketplaceSession = sessions.useCase('closeMarketplaceSession', CloseSession.extend(SessionTarget), 'CloseSession');

/** Posts to a session as the city takes part in it (see participantOf); `post` builds the command for that participant. */
async function postTo(
  ledger: Ledger,
  sessionId: string,
  cityId: string,
  options: CommandOptions,
  post: (participant: ParticipantSnapshot | null) => Promise<MarketplaceCommand>,
): Promise<CommandResult<SessionState>> {
  const session = await loadSession(ledger, sessionId);
  const participant = await participantOf(ledger, session.state, cityId);
  return sessions.change(ledger, sessionId, await post(participant), options);
}

export const postMarketplaceOffer = sessions.define(
  'postMarketplaceOffer',
  PostOffer.extend({
    ...SessionTarget,
    practiceId: optionalEntityId('GoodPractice').describe('A practice of the catalogue of the same city.'),
  }),
  (ledger, { sessionId, ...data }, options) =>
    postTo(ledger, sessionId, data.cityId, options, async (participant) => ({
      type: 'PostOffer',
      data: { ...data, offerId: ulid(), participant, practice: await practiceSnapshot(ledger, data.practiceId) },
    })),
);

export const postMarketplaceNeed = sessions.define(
  'postMarketplaceNeed',
  PostNeed.extend({
    ...SessionTarget,
    learningNeedId: optionalEntityId('LearningNeed').describe("A learning need of the city's journey."),
  }),
  (ledger, { sessionId, ...data }, options) =>
    postTo(ledger, sessionId, data.cityId, options, async (participant) => ({
      type: 'PostNeed',
      data: { ...data, needId: ulid(), participant, learningNeed: await learningNeedSnapshot(ledger, data.learningNeedId) },
    })),
);

/** An offer's or a need's id: bare, or the global id of either. */
const PostId = asId(
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      for (const type of ['MarketplaceOffer', 'MarketplaceNeed']) {
        const parsed = entityId(type).safeParse(value);
        if (parsed.success) return parsed.data;
      }
      ctx.addIssue({ code: 'custom', message: 'must be the id of an offer or a need' });
      return z.NEVER;
    }),
);

export const withdrawMarketplacePost = sessions.useCase(
  'withdrawMarketplacePost',
  WithdrawPost.extend({ ...SessionTarget, postId: PostId }),
  'WithdrawPost',
);

// ---------------------------------------------------------------- matches

/**
 * A side answers a match (usually a suggestion), named by its id (`<needId>-<offerId>`, bare or
 * global: a suggestion's `matchId`); the session is the one the need was posted in.
 */
export const respondToMarketplaceMatch = sessions.define(
  'respondToMarketplaceMatch',
  RespondToMatch.omit({ needId: true, offerId: true }).extend({
    matchId: entityId('MarketplaceMatch', MatchId).describe("The match's id, or a suggestion's matchId (the match it becomes)."),
  }),
  (ledger, { matchId, ...answer }, options) => {
    const { needId, offerId } = pairOfMatch(matchId);
    const sessionId = findPost(ledger.readModels, needId)?.session_id;
    if (sessionId === undefined) throw new NotFoundError('MarketplaceMatch', matchId);
    const suggestion = marketplaceDirectory(ledger.readModels).suggestionFor(sessionId, needId, offerId);
    return sessions.change(ledger, sessionId, { type: 'RespondToMatch', data: { needId, offerId, ...answer, suggestion } }, options);
  },
);

// ---------------------------------------------------------------- the match meeting (a workflow)

/** A step on another aggregate than the session: the request's idempotency key, suffixed with the aggregate. */
function stepOptions(options: CommandOptions, aggregate: string): CommandOptions {
  const { actor, correlationId, occurredAt, idempotency } = options;
  return {
    actor,
    ...(correlationId ? { correlationId } : {}),
    ...(occurredAt ? { occurredAt } : {}),
    ...(idempotency ? { idempotency: { key: `${idempotency.key}:${aggregate}`, fingerprint: idempotency.fingerprint } } : {}),
  };
}

/** Runs the match meeting workflow: loads its facts, then sends each command it decides on. */
async function runMatchMeeting(
  ledger: Ledger,
  sessionId: string,
  request: MatchMeetingRequest,
  options: CommandOptions,
): Promise<CommandResult<SessionState>> {
  const { decide, evolve, initialState } = matchMeetingWorkflow;
  const session = await loadSession(ledger, sessionId);
  const key = options.idempotency?.key;
  const need = partiesOf(session.state, request.matchId)?.need;
  const learningNeedId = need?.learningNeedId;
  const facts: MatchMeetingFacts = {
    request,
    session: session.state,
    retried: key !== undefined && session.recorded(key),
    network: need?.networkId ? await findNetworkSnapshot(ledger, need.networkId) : null,
    learningNeed: learningNeedId ? { learningNeedId, status: (await loadLearningNeed(ledger, learningNeedId)).status } : null,
    newMeetingId: ulid(),
  };

  let state = initialState();
  let recorded: CommandResult<SessionState> | undefined;
  for (let step = decide(facts, state); step; step = decide(facts, state)) {
    switch (step.to) {
      case 'meeting': {
        const scheduled = await scheduleMeeting(ledger, step.networkId, step.schedule, stepOptions(options, 'meeting'));
        const meeting = meetingSnapshotOf(scheduled.id, scheduled.state) ?? null;
        state = evolve(state, { type: 'JourneyMeetingScheduled', data: { meetingId: scheduled.id, meeting } });
        break;
      }
      case 'session': {
        recorded = await sessions.change(ledger, sessionId, step.command, options);
        // What the session recorded: on a retry, the first attempt's meeting.
        const scheduled = recorded.events.find(
          (event): event is MarketplaceEventOf<'MarketplaceMeetingScheduled'> => event.type === 'MarketplaceMeetingScheduled',
        );
        if (!scheduled) throw new Error('The session recorded no meeting for the match');
        const { meetingId, recordedIn } = scheduled.data;
        state = evolve(state, { type: 'MatchMeetingRecorded', data: { meetingId, recordedIn } });
        break;
      }
      case 'learningNeed': {
        const streamId = streamIdOf(learningNeedDecider.category, step.learningNeedId);
        await ledger.execute(learningNeedDecider, streamId, step.command, stepOptions(options, 'learningNeed'));
        state = evolve(state, { type: 'LearningNeedAddressed', data: { learningNeedId: step.learningNeedId } });
        break;
      }
    }
  }
  if (!recorded) throw new Error('The match meeting workflow ended without the session recording the meeting');
  return recorded;
}

/**
 * Schedules the meeting of an agreed match: on the journey of the learning city's network when both
 * cities are its partners (and the journey's learning need records it), else in the marketplace.
 */
export const scheduleMarketplaceMeeting = sessions.define(
  'scheduleMarketplaceMeeting',
  ScheduleMatchMeeting.extend({ ...SessionTarget, matchId: entityId('MarketplaceMatch', MatchId) }),
  (ledger, { sessionId, ...request }, options) => runMatchMeeting(ledger, sessionId, request, options),
);
