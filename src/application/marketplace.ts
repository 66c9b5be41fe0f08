import { ulid } from 'ulid';
import { z } from 'zod';
import { learningNeedDecider, type LearningNeedState } from '../../domain/learningNeed/decider.js';
import { claimOf, postDecider, type PostCommand } from '../../domain/marketplace/posts.js';
import {
  CloseSession,
  OpenSession,
  PostNeed,
  PostOffer,
  RespondToMatch,
  ScheduleMatchMeeting,
  WithdrawPost,
  sessionOfOneMatch,
  type LearningNeedSnapshot,
  type MarketplaceCommandOf,
  type NetworkSnapshot as SessionNetworkSnapshot,
  type ParticipantSnapshot,
  type PracticeSnapshot,
} from '../../domain/marketplace/decider.js';
import { marketplaceDecider, type MarketplaceCommand, type SessionState } from '../../domain/marketplace/decider.js';
import { MatchId, matchIdOf, pairOfMatch, type MarketplaceEventOf } from '../../domain/marketplace/events.js';
import { matchDecider } from '../../domain/marketplace/match.js';
import { sessionDecider, type SessionFacts } from '../../domain/marketplace/session.js';
import { matchStream, postStream, sessionOfStream, sessionStream, type Claim } from '../../domain/marketplace/streams.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { matchMeetingWorkflow, partiesOf, type MatchMeetingFacts, type MatchMeetingRequest } from '../../domain/marketplace/matchMeetingWorkflow.js';
import { meetingSnapshotOf } from '../../domain/meeting/snapshot.js';
import { networkDecider } from '../../domain/network/decider.js';
import { practiceDecider } from '../../domain/practice/decider.js';
import { streamIdOf } from '../../domain/shared/decider.js';
import { DependentCommand, type CommandOptions, type CommandResult } from '../commands/handleCommand.js';
import { aggregate } from './aggregate.js';
import { asId, entityId, optionalEntityId } from './ids.js';
import type { Ledger } from './ledger.js';
import { loadSession, matchFactsOf, preparePost } from './marketplaceStreams.js';
import { findPost, marketplaceDirectory } from '../../projections/marketplace/queries.js';
import { findNetworkSnapshot } from './networkSnapshot.js';
import { scheduleMeeting } from './meeting.js';
import { defineUseCase } from './useCase.js';

/**
 * Marketplace sessions: cities post offers ("give") and needs ("use"), both sides of a match accept
 * it, and an agreed match leads to a bilateral meeting or a site visit.
 *
 * A session's events are spread over small streams (docs/marketplace.md, "Streams"): the session's,
 * each post's, each claim's ("a practice offered once per session"), each match's; a command reads
 * the ones it decides on and declares them
 * (`DependentCommand`). A session written before that, all in its own stream (`singleStream`),
 * keeps running there with the single-stream decider, made of the same rules.
 */

/** A result answers for the session (the payload's `session`), whichever of its streams was written. */
const ofSession = <S>(sessionId: string, result: CommandResult<S>): CommandResult<S> => ({ ...result, id: sessionId });

async function networkStatuses(ledger: Ledger, networkIds: readonly string[]): Promise<Record<string, SessionNetworkSnapshot>> {
  const result: Record<string, SessionNetworkSnapshot> = {};
  for (const id of networkIds) {
    const { state } = await ledger.load(networkDecider, streamIdOf(networkDecider.category, id));
    result[id] = state.status;
  }
  return result;
}

/** How a city takes part in a session: as a current partner of one of its networks (the first). */
async function participantOf(ledger: Ledger, session: SessionFacts, cityId: string): Promise<ParticipantSnapshot | null> {
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
const sessions = aggregate(sessionDecider, SessionTarget);
/** A session written in one stream, before the re-cut. */
const singleStreamSessions = aggregate(marketplaceDecider, SessionTarget);

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

export const closeMarketplaceSession = sessions.define(
  'closeMarketplaceSession',
  CloseSession.extend(SessionTarget),
  async (ledger, { sessionId, ...data }, options): Promise<CommandResult<unknown>> => {
    const close: MarketplaceCommandOf<'CloseSession'> = { type: 'CloseSession', data };
    const session = await loadSession(ledger, sessionId);
    if (session.state.singleStream) return singleStreamSessions.change(ledger, sessionId, close, options);
    return sessions.change(ledger, sessionId, close, options);
  },
);

/**
 * Runs a post command on its post's stream, decided on the session and on the holder of what it
 * claims as they are at the append (a close, or another post of the practice, appended meanwhile
 * makes it be decided again, and refused); `post` builds the command for the city's participation,
 * read again with the session on every attempt.
 */
async function onPostStream(
  ledger: Ledger,
  sessionId: string,
  postId: string,
  claim: Claim | undefined,
  options: CommandOptions,
  post: (session: SessionFacts) => Promise<PostCommand>,
): Promise<CommandResult<unknown>> {
  const session = await loadSession(ledger, sessionId);
  if (session.state.singleStream) return singleStreamSessions.change(ledger, sessionId, await post(session.state), options);
  const command = new DependentCommand(() => preparePost(ledger, sessionId, claim, post));
  return ofSession(sessionId, await ledger.execute(postDecider, postStream(sessionId, postId), command, options));
}

export const postMarketplaceOffer = defineUseCase(
  postDecider,
  'postMarketplaceOffer',
  PostOffer.extend({
    ...SessionTarget,
    practiceId: optionalEntityId('GoodPractice').describe('A practice of the catalogue of the same city.'),
  }),
  (ledger, { sessionId, ...data }, options) => {
    const offerId = ulid();
    return onPostStream(ledger, sessionId, offerId, data.practiceId ? { practiceId: data.practiceId } : undefined, options, async (session) => ({
      type: 'PostOffer',
      data: { ...data, offerId, participant: await participantOf(ledger, session, data.cityId), practice: await practiceSnapshot(ledger, data.practiceId) },
    }));
  },
);

export const postMarketplaceNeed = defineUseCase(
  postDecider,
  'postMarketplaceNeed',
  PostNeed.extend({
    ...SessionTarget,
    learningNeedId: optionalEntityId('LearningNeed').describe("A learning need of the city's journey."),
  }),
  (ledger, { sessionId, ...data }, options) => {
    const needId = ulid();
    return onPostStream(ledger, sessionId, needId, data.learningNeedId ? { learningNeedId: data.learningNeedId } : undefined, options, async (session) => ({
      type: 'PostNeed',
      data: { ...data, needId, participant: await participantOf(ledger, session, data.cityId), learningNeed: await learningNeedSnapshot(ledger, data.learningNeedId) },
    }));
  },
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

/** A post is withdrawn on its own stream, named by the session and the post's id; its claim is released with it. */
export const withdrawMarketplacePost = defineUseCase(
  postDecider,
  'withdrawMarketplacePost',
  WithdrawPost.extend({ ...SessionTarget, postId: PostId }),
  async (ledger, { sessionId, ...data }, options) => {
    // What a post claims never changes: read once, from the post's stream.
    const { state: post } = await ledger.load(postDecider, postStream(sessionId, data.postId));
    return onPostStream(ledger, sessionId, data.postId, post && claimOf(post), options, async () => ({ type: 'WithdrawPost', data }));
  },
);

// ---------------------------------------------------------------- matches

/**
 * A side answers a match (usually a suggestion), named by its id (`<needId>-<offerId>`, bare or
 * global: a suggestion's `matchId`); the session is the one the need was posted in. The answer is
 * decided on the match's stream, on the session and the two posts read from theirs.
 */
export const respondToMarketplaceMatch = defineUseCase(
  matchDecider,
  'respondToMarketplaceMatch',
  RespondToMatch.omit({ needId: true, offerId: true }).extend({
    matchId: entityId('MarketplaceMatch', MatchId).describe("The match's id, or a suggestion's matchId (the match it becomes)."),
  }),
  async (ledger, { matchId, ...answer }, options): Promise<CommandResult<unknown>> => {
    const { needId, offerId } = pairOfMatch(matchId);
    const sessionId = findPost(ledger.readModels, needId)?.session_id;
    if (sessionId === undefined) throw new NotFoundError('MarketplaceMatch', matchId);
    const suggestion = marketplaceDirectory(ledger.readModels).suggestionFor(sessionId, needId, offerId);
    const respond: MarketplaceCommandOf<'RespondToMatch'> = { type: 'RespondToMatch', data: { needId, offerId, ...answer, suggestion } };
    const session = await loadSession(ledger, sessionId);
    if (session.state.singleStream) return singleStreamSessions.change(ledger, sessionId, respond, options);
    const command = new DependentCommand(async () => {
      const { facts, dependsOn } = await matchFactsOf(ledger, sessionId, needId, offerId);
      return { command: { ...respond, facts }, dependsOn };
    });
    return ofSession(sessionId, await ledger.execute(matchDecider, matchStream(sessionId, matchIdOf(needId, offerId)), command, options));
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

/**
 * Where the match meeting workflow finds the match, and where it records the meeting: the match's
 * stream (its posts read from their own streams), or, for a session written in one stream, that stream.
 */
interface MatchRecord {
  readonly session: SessionState;
  readonly retried: boolean;
  record(command: MarketplaceCommand, options: CommandOptions): Promise<CommandResult<unknown>>;
}

async function matchRecordOf(ledger: Ledger, sessionId: string, matchId: string, key: string | undefined): Promise<MatchRecord> {
  const session = await loadSession(ledger, sessionId);
  if (session.state.singleStream) {
    const whole = await ledger.load(marketplaceDecider, sessionStream(sessionId));
    return {
      session: whole.state,
      retried: key !== undefined && whole.recorded(key),
      record: (command, options) => singleStreamSessions.change(ledger, sessionId, command, options),
    };
  }
  const streamId = matchStream(sessionId, matchId);
  const match = await ledger.load(matchDecider, streamId);
  const { needId, offerId } = pairOfMatch(matchId);
  const { facts } = await matchFactsOf(ledger, sessionId, needId, offerId);
  return {
    session: sessionOfOneMatch(session.state, matchId, match.state.match, facts),
    retried: key !== undefined && match.recorded(key),
    // The posts' facts a meeting needs (cities, network, title) never change: nothing to depend on.
    record: async (command, options) =>
      ofSession(sessionId, await ledger.execute(matchDecider, streamId, { ...(command as MarketplaceCommandOf<'ScheduleMatchMeeting'>), facts }, options)),
  };
}

/** Runs the match meeting workflow: loads its facts, then sends each command it decides on. */
async function runMatchMeeting(
  ledger: Ledger,
  sessionId: string,
  request: MatchMeetingRequest,
  options: CommandOptions,
): Promise<CommandResult<unknown>> {
  const { decide, evolve, initialState } = matchMeetingWorkflow;
  const key = options.idempotency?.key;
  const match = await matchRecordOf(ledger, sessionId, request.matchId, key);
  const need = partiesOf(match.session, request.matchId)?.need;
  const learningNeedId = need?.learningNeedId;
  const facts: MatchMeetingFacts = {
    request,
    session: match.session,
    retried: match.retried,
    network: need?.networkId ? await findNetworkSnapshot(ledger, need.networkId) : null,
    learningNeed: learningNeedId ? { learningNeedId, status: (await loadLearningNeed(ledger, learningNeedId)).status } : null,
    newMeetingId: ulid(),
  };

  let state = initialState();
  let recorded: CommandResult<unknown> | undefined;
  for (let step = decide(facts, state); step; step = decide(facts, state)) {
    switch (step.to) {
      case 'meeting': {
        const scheduled = await scheduleMeeting(ledger, step.networkId, step.schedule, stepOptions(options, 'meeting'));
        const meeting = meetingSnapshotOf(scheduled.id, scheduled.state) ?? null;
        state = evolve(state, { type: 'JourneyMeetingScheduled', data: { meetingId: scheduled.id, meeting } });
        break;
      }
      case 'session': {
        const result = await match.record(step.command, options);
        recorded = result;
        // What the session recorded: on a retry, the first attempt's meeting.
        const scheduled = result.events.find(
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
export const scheduleMarketplaceMeeting = defineUseCase(
  matchDecider,
  'scheduleMarketplaceMeeting',
  ScheduleMatchMeeting.extend({ ...SessionTarget, matchId: entityId('MarketplaceMatch', MatchId) }),
  (ledger, { sessionId, ...request }, options) => runMatchMeeting(ledger, sessionId, request, options),
);
