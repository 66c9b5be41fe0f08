import { Map as PersistentMap } from 'immutable';
import { z } from 'zod';
import type { Decider } from '../shared/decider.js';
import { RuleViolationError } from '../shared/errors.js';
import { CityId, IsoDate, OptionalText, Text, Topics, Ulid } from '../shared/values.js';
import { type MarketplaceEvent, type MarketplaceEventOf, MatchId, matchIdOf, type MatchSide, MeetingFormat, NeedKind, type SessionScope, type SuggestionSnapshot } from './events.js';
import { Contact, countryOfCity } from './values.js';

export const OpenSession = z.object({
  title: Text(200),
  description: OptionalText(4000).default(''),
  /** One network, several (a cross-network session), or none (open to the whole programme). */
  networkIds: z
    .array(Ulid)
    .max(20, 'at most 20 networks')
    .default([])
    .transform((ids) => [...new Set(ids)]),
  otherCountryOnly: z.boolean().default(false).describe('Hard filter: match only cities of different countries.'),
  heldOn: IsoDate.describe('YYYY-MM-DD')
    .nullish()
    .transform((v) => v ?? null),
  place: OptionalText(200).default(''),
});

export const CloseSession = z.object({ reason: OptionalText(1000).default('') });

export const PostOffer = z.object({
  cityId: CityId,
  /** A practice of the catalogue; without it the offer is the city's experience, described here. */
  practiceId: Ulid.nullish().transform((v) => v ?? null),
  title: Text(200).nullish(),
  description: Text(4000).nullish(),
  topics: Topics.default([]),
  contact: Contact.nullish().transform((v) => v ?? null),
});

export const PostNeed = z.object({
  cityId: CityId,
  kind: NeedKind.default('learning'),
  /** A learning need of the city's journey; its text and topics are used unless given here. */
  learningNeedId: Ulid.nullish().transform((v) => v ?? null),
  title: Text(200).nullish(),
  description: Text(4000).nullish(),
  topics: Topics.default([]),
});

export const WithdrawPost = z.object({ postId: Ulid, reason: OptionalText(1000).default('') });

export const RespondToMatch = z.object({
  needId: Ulid,
  offerId: Ulid,
  /** The city answering: the one with the need, or the one with the offer. */
  cityId: CityId.describe('The city answering.'),
  accept: z.boolean(),
  note: OptionalText(1000).default(''),
});

export const ScheduleMatchMeeting = z.object({
  matchId: MatchId,
  format: MeetingFormat,
  date: IsoDate.describe('YYYY-MM-DD'),
  /** Defaults to the city that gives (a site visit is always there). */
  hostCityId: CityId.describe('Defaults to the city that gives.')
    .nullish()
    .transform((v) => v ?? null),
  title: Text(200).nullish(),
});

/** A network's state as the session needs it, loaded by the application layer. */
export type NetworkSnapshot = 'open' | 'closed' | 'unregistered';

/** How the city takes part: null when it is not a partner of the session's networks. */
export interface ParticipantSnapshot {
  readonly name: string;
  readonly networkId: string | null;
}

export interface PracticeSnapshot {
  readonly practiceId: string;
  readonly cityId: string;
  readonly title: string;
  readonly summary: string;
  readonly topics: readonly string[];
  readonly contact: z.output<typeof Contact> | null;
  readonly withdrawn: boolean;
}

/** A learning need of the city's journey (issue 3), when the need refers to one. */
export interface LearningNeedSnapshot {
  readonly learningNeedId: string;
  readonly cityId: string;
  readonly title: string;
  readonly description: string;
  readonly topics: readonly string[];
  readonly closed: boolean;
}

export type MarketplaceCommand =
  | {
      type: 'OpenSession';
      data: z.output<typeof OpenSession> & { networks: Readonly<Record<string, NetworkSnapshot>> };
    }
  | { type: 'CloseSession'; data: z.output<typeof CloseSession> }
  | {
      type: 'PostOffer';
      data: z.output<typeof PostOffer> & {
        offerId: string;
        participant: ParticipantSnapshot | null;
        practice: PracticeSnapshot | null;
      };
    }
  | {
      type: 'PostNeed';
      data: z.output<typeof PostNeed> & {
        needId: string;
        participant: ParticipantSnapshot | null;
        learningNeed: LearningNeedSnapshot | null;
      };
    }
  | { type: 'WithdrawPost'; data: z.output<typeof WithdrawPost> }
  | { type: 'RespondToMatch'; data: z.output<typeof RespondToMatch> & { suggestion: SuggestionSnapshot | null } }
  | {
      type: 'ScheduleMatchMeeting';
      data: z.output<typeof ScheduleMatchMeeting> & { meetingId: string; recordedIn: 'marketplace' | 'journey' };
    };

export interface SessionPost {
  readonly side: MatchSide;
  readonly cityId: string;
  readonly country: string;
  readonly networkId: string | null;
  readonly title: string;
  readonly open: boolean;
  readonly practiceId: string | null;
  readonly learningNeedId: string | null;
}

export interface SessionMatch {
  readonly needId: string;
  readonly offerId: string;
  readonly answers: Readonly<Partial<Record<MatchSide, 'accepted' | 'declined'>>>;
  readonly status: 'proposed' | 'agreed' | 'declined';
  readonly meetingId: string | null;
}

/**
 * A session may hold 100,000 posts: its collections are persistent maps, so that folding one
 * event costs the same whatever the session's size (spreading a record per event made the fold
 * quadratic), and every question a command asks is a lookup, never a scan of the posts.
 */
export interface SessionState {
  readonly status: 'none' | 'open' | 'closed';
  readonly scope?: SessionScope;
  readonly networkIds: readonly string[];
  readonly otherCountryOnly: boolean;
  readonly posts: PersistentMap<string, SessionPost>;
  readonly matches: PersistentMap<string, SessionMatch>;
  /** The open offer of each practice offered (one per practice and session). */
  readonly openOfferOfPractice: PersistentMap<string, string>;
  /** The open need of each learning need posted (one per learning need and session). */
  readonly openNeedOfLearningNeed: PersistentMap<string, string>;
}

const initialState = (): SessionState => ({
  status: 'none',
  networkIds: [],
  otherCountryOnly: false,
  posts: PersistentMap(),
  matches: PersistentMap(),
  openOfferOfPractice: PersistentMap(),
  openNeedOfLearningNeed: PersistentMap(),
});

function requireSession(state: SessionState): void {
  if (state.status === 'none') throw new RuleViolationError('SESSION_NOT_FOUND', 'The marketplace session does not exist');
}

function requireOpen(state: SessionState): void {
  requireSession(state);
  if (state.status === 'closed') throw new RuleViolationError('SESSION_CLOSED', 'The marketplace session is closed: no new offers, needs or matches');
}

function requireParticipant(state: SessionState, cityId: string, participant: { name: string } | null): asserts participant {
  if (!participant) {
    throw new RuleViolationError(
      'CITY_NOT_IN_SESSION',
      state.scope === 'programme'
        ? `${cityId} is not a partner of any network`
        : `${cityId} is not a partner of the session's network${state.networkIds.length > 1 ? 's' : ''}`,
    );
  }
}

function post(state: SessionState, id: string, side: MatchSide): SessionPost {
  const found = state.posts.get(id);
  if (!found || found.side !== side) {
    throw new RuleViolationError(side === 'need' ? 'NEED_NOT_FOUND' : 'OFFER_NOT_FOUND', `There is no ${side} ${id} in this session`);
  }
  return found;
}

function decide(command: MarketplaceCommand, state: SessionState): MarketplaceEvent[] {
  switch (command.type) {
    case 'OpenSession': {
      if (state.status !== 'none') throw new RuleViolationError('SESSION_ALREADY_OPENED', 'The session is already open');
      const { networks, ...data } = command.data;
      for (const networkId of data.networkIds) {
        const status = networks[networkId] ?? 'unregistered';
        if (status === 'unregistered') throw new RuleViolationError('NETWORK_NOT_FOUND', `There is no network ${networkId}`);
        if (status === 'closed') throw new RuleViolationError('NETWORK_CLOSED', `The network ${networkId} is closed`);
      }
      const scope: SessionScope = data.networkIds.length === 0 ? 'programme' : data.networkIds.length === 1 ? 'network' : 'crossNetwork';
      return [{ type: 'MarketplaceSessionOpened', data: { ...data, scope } }];
    }
    case 'CloseSession':
      requireOpen(state);
      return [{ type: 'MarketplaceSessionClosed', data: command.data }];
    case 'PostOffer': {
      requireOpen(state);
      const { offerId, participant, practice, cityId, practiceId, ...d } = command.data;
      requireParticipant(state, cityId, participant);
      if (state.posts.has(offerId)) throw new RuleViolationError('POST_ALREADY_EXISTS', `There is already a post ${offerId}`);
      let title = d.title ?? null;
      let description = d.description ?? null;
      let topics = d.topics;
      let contact = d.contact;
      if (practiceId) {
        if (!practice || practice.practiceId !== practiceId) {
          throw new RuleViolationError('PRACTICE_NOT_FOUND', `There is no practice ${practiceId} in the catalogue`);
        }
        if (practice.cityId !== cityId) {
          throw new RuleViolationError('PRACTICE_OF_ANOTHER_CITY', `The practice belongs to ${practice.cityId}: a city offers its own practices`);
        }
        if (practice.withdrawn) throw new RuleViolationError('PRACTICE_WITHDRAWN', 'The practice was withdrawn from the catalogue');
        if (state.openOfferOfPractice.has(practiceId)) throw new RuleViolationError('PRACTICE_ALREADY_OFFERED', 'The practice is already offered in this session');
        title ??= practice.title;
        description ??= practice.summary;
        topics = [...new Set([...practice.topics, ...topics])];
        contact ??= practice.contact;
      }
      if (!title || !description) {
        throw new RuleViolationError('OFFER_NEEDS_TEXT', 'Describe the experience offered (title and description), or offer a practice of the catalogue');
      }
      return [
        {
          type: 'MarketplaceOfferPosted',
          data: {
            offerId,
            cityId,
            cityName: participant.name,
            country: countryOfCity(cityId),
            networkId: participant.networkId,
            kind: practiceId ? 'practice' : 'experience',
            practiceId,
            title,
            description,
            topics,
            contact,
          },
        },
      ];
    }
    case 'PostNeed': {
      requireOpen(state);
      const { needId, participant, learningNeed, cityId, learningNeedId, kind, ...d } = command.data;
      requireParticipant(state, cityId, participant);
      if (state.posts.has(needId)) throw new RuleViolationError('POST_ALREADY_EXISTS', `There is already a post ${needId}`);
      let title = d.title ?? null;
      let description = d.description ?? null;
      let topics = d.topics;
      if (learningNeedId) {
        if (!learningNeed || learningNeed.learningNeedId !== learningNeedId) {
          throw new RuleViolationError('LEARNING_NEED_NOT_FOUND', `There is no learning need ${learningNeedId}`);
        }
        if (learningNeed.cityId !== cityId) {
          throw new RuleViolationError('LEARNING_NEED_OF_ANOTHER_CITY', `The learning need is ${learningNeed.cityId}'s: a city posts its own needs`);
        }
        if (learningNeed.closed) throw new RuleViolationError('LEARNING_NEED_CLOSED', 'The learning need is already closed');
        if (state.openNeedOfLearningNeed.has(learningNeedId)) throw new RuleViolationError('LEARNING_NEED_ALREADY_POSTED', 'The learning need is already posted in this session');
        title ??= learningNeed.title;
        description ??= learningNeed.description || learningNeed.title;
        topics = [...new Set([...learningNeed.topics, ...topics])];
      }
      if (!title) throw new RuleViolationError('NEED_NEEDS_TEXT', 'Say what the city needs (a title), or refer to a learning need');
      description ??= title;
      return [
        {
          type: 'MarketplaceNeedPosted',
          data: {
            needId,
            cityId,
            cityName: participant.name,
            country: countryOfCity(cityId),
            networkId: participant.networkId,
            kind,
            learningNeedId,
            title,
            description,
            topics,
          },
        },
      ];
    }
    case 'WithdrawPost': {
      requireOpen(state);
      const found = state.posts.get(command.data.postId);
      if (!found) throw new RuleViolationError('POST_NOT_FOUND', `There is no offer or need ${command.data.postId} in this session`);
      if (!found.open) return [];
      return [
        {
          type: 'MarketplacePostWithdrawn',
          data: { postId: command.data.postId, side: found.side, cityId: found.cityId, reason: command.data.reason },
        },
      ];
    }
    case 'RespondToMatch': {
      requireSession(state);
      const { needId, offerId, cityId, accept, note, suggestion } = command.data;
      const need = post(state, needId, 'need');
      const offer = post(state, offerId, 'offer');
      const matchId = matchIdOf(needId, offerId);
      const match = state.matches.get(matchId);
      if (!match && state.status === 'closed') {
        throw new RuleViolationError('SESSION_CLOSED', 'The session is closed: matches already under way can still be answered, new ones not');
      }
      if (need.cityId === offer.cityId) throw new RuleViolationError('SAME_CITY', 'A city cannot be matched with itself');
      if (state.otherCountryOnly && need.country === offer.country) {
        throw new RuleViolationError('SAME_COUNTRY', 'This session matches cities of different countries only');
      }
      const side: MatchSide | undefined = cityId === need.cityId ? 'need' : cityId === offer.cityId ? 'offer' : undefined;
      if (!side) throw new RuleViolationError('NOT_PARTY_TO_MATCH', `${cityId} has neither the need nor the offer of this match`);
      if (match?.status === 'declined') {
        if (!accept && match.answers[side] === 'declined') return [];
        throw new RuleViolationError('MATCH_DECLINED', 'The match was declined');
      }
      const pair = { matchId, needId, offerId, needCityId: need.cityId, offerCityId: offer.cityId };
      if (!accept) {
        if (match?.status === 'agreed') throw new RuleViolationError('MATCH_ALREADY_AGREED', 'Both sides already agreed to this match');
        return [{ type: 'MarketplaceMatchDeclined', data: { ...pair, side, cityId, note, suggestion: match ? null : suggestion } }];
      }
      if (!need.open || !offer.open) throw new RuleViolationError('POST_WITHDRAWN', 'The need or the offer was withdrawn');
      if (match?.answers[side] === 'accepted') return [];
      const accepted: MarketplaceEvent = {
        type: 'MarketplaceMatchAccepted',
        data: { ...pair, side, cityId, note, suggestion: match ? null : suggestion },
      };
      const other: MatchSide = side === 'need' ? 'offer' : 'need';
      return match?.answers[other] === 'accepted'
        ? [accepted, { type: 'MarketplaceMatchAgreed', data: { matchId, needId, offerId } }]
        : [accepted];
    }
    case 'ScheduleMatchMeeting': {
      requireSession(state);
      const { matchId, meetingId, format, date, recordedIn } = command.data;
      const match = state.matches.get(matchId);
      if (!match) throw new RuleViolationError('MATCH_NOT_FOUND', `There is no match ${matchId} in this session`);
      if (match.status !== 'agreed') throw new RuleViolationError('MATCH_NOT_AGREED', 'Both sides must accept the match first');
      if (match.meetingId) throw new RuleViolationError('MEETING_ALREADY_SCHEDULED', 'A meeting is already scheduled for this match');
      const need = state.posts.get(match.needId)!;
      const offer = state.posts.get(match.offerId)!;
      const hostCityId = command.data.hostCityId ?? offer.cityId;
      if (hostCityId !== need.cityId && hostCityId !== offer.cityId) {
        throw new RuleViolationError('HOST_NOT_IN_MATCH', 'The meeting is hosted by one of the two cities of the match');
      }
      if (format === 'siteVisit' && hostCityId !== offer.cityId) {
        throw new RuleViolationError('SITE_VISIT_AT_GIVING_CITY', 'A site visit goes to the city that gives, to see the practice where it happens');
      }
      const label = format === 'siteVisit' ? 'Site visit' : 'Bilateral meeting';
      return [
        {
          type: 'MarketplaceMeetingScheduled',
          data: {
            matchId,
            needId: match.needId,
            offerId: match.offerId,
            meetingId,
            format,
            date,
            hostCityId,
            networkId: need.networkId,
            title: command.data.title ?? `${label}: ${need.title}`,
            recordedIn,
          },
        },
      ];
    }
  }
}

function answered(
  state: SessionState,
  data: MarketplaceEventOf<'MarketplaceMatchAccepted' | 'MarketplaceMatchDeclined'>['data'],
  answer: 'accepted' | 'declined',
): SessionState {
  const match: SessionMatch = state.matches.get(data.matchId) ?? {
    needId: data.needId,
    offerId: data.offerId,
    answers: {},
    status: 'proposed',
    meetingId: null,
  };
  return {
    ...state,
    matches: state.matches.set(data.matchId, {
      ...match,
      answers: { ...match.answers, [data.side]: answer },
      status: answer === 'declined' ? 'declined' : match.status,
    }),
  };
}

/** The session with one more post, open. */
function evolve(state: SessionState, event: MarketplaceEvent): SessionState {
  switch (event.type) {
    case 'MarketplaceSessionOpened':
      return { ...state, status: 'open', scope: event.data.scope, networkIds: event.data.networkIds, otherCountryOnly: event.data.otherCountryOnly };
    case 'MarketplaceSessionClosed':
      return { ...state, status: 'closed' };
    case 'MarketplaceOfferPosted': {
      const d = event.data;
      return {
        ...state,
        posts: state.posts.set(d.offerId, { side: 'offer', cityId: d.cityId, country: d.country, networkId: d.networkId, title: d.title, open: true, practiceId: d.practiceId, learningNeedId: null }),
        openOfferOfPractice: d.practiceId ? state.openOfferOfPractice.set(d.practiceId, d.offerId) : state.openOfferOfPractice,
      };
    }
    case 'MarketplaceNeedPosted': {
      const d = event.data;
      return {
        ...state,
        posts: state.posts.set(d.needId, { side: 'need', cityId: d.cityId, country: d.country, networkId: d.networkId, title: d.title, open: true, practiceId: null, learningNeedId: d.learningNeedId }),
        openNeedOfLearningNeed: d.learningNeedId ? state.openNeedOfLearningNeed.set(d.learningNeedId, d.needId) : state.openNeedOfLearningNeed,
      };
    }
    case 'MarketplacePostWithdrawn': {
      const postId = event.data.postId;
      const found = state.posts.get(postId);
      if (!found) return state;
      return {
        ...state,
        posts: state.posts.set(postId, { ...found, open: false }),
        openOfferOfPractice: found.practiceId && state.openOfferOfPractice.get(found.practiceId) === postId ? state.openOfferOfPractice.delete(found.practiceId) : state.openOfferOfPractice,
        openNeedOfLearningNeed:
          found.learningNeedId && state.openNeedOfLearningNeed.get(found.learningNeedId) === postId ? state.openNeedOfLearningNeed.delete(found.learningNeedId) : state.openNeedOfLearningNeed,
      };
    }
    case 'MarketplaceMatchAccepted':
      return answered(state, event.data, 'accepted');
    case 'MarketplaceMatchDeclined':
      return answered(state, event.data, 'declined');
    case 'MarketplaceMatchAgreed': {
      const match = state.matches.get(event.data.matchId);
      return match ? { ...state, matches: state.matches.set(event.data.matchId, { ...match, status: 'agreed' }) } : state;
    }
    case 'MarketplaceMeetingScheduled': {
      const match = state.matches.get(event.data.matchId);
      return match ? { ...state, matches: state.matches.set(event.data.matchId, { ...match, meetingId: event.data.meetingId }) } : state;
    }
    default:
      return state;
  }
}

export const marketplaceDecider: Decider<MarketplaceCommand, MarketplaceEvent, SessionState> = {
  category: 'marketplace',
  initialState,
  decide,
  evolve,
  // A session may hold 100,000 posts: its state is kept on disk, so a start does not fold them all.
  snapshots: { version: 1, maps: ['posts', 'matches', 'openOfferOfPractice', 'openNeedOfLearningNeed'] },
};
