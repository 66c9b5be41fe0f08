import type { Decider } from '../shared/decider.js';
import { RuleViolationError } from '../shared/errors.js';
import type { MarketplaceCommandOf, SessionMatch, SessionPost } from './commands.js';
import { type MarketplaceEvent, type MarketplaceEventOf, matchIdOf, type MatchSide } from './events.js';
import { requireSession, type SessionFacts } from './session.js';
import { MATCH_CATEGORY } from './streams.js';

/**
 * One match of a session (`marketplaceMatch-<sessionId>_<needId>-<offerId>`): the two sides'
 * answers, the agreement, the meeting. It decides on the need and the offer (open? which city,
 * which country?) and the session (closed? other countries only?), read from their streams by the
 * use case, which declares that it read them: a withdrawal or a close appended meanwhile refuses
 * the answer's append, and it is decided again on what they became.
 */

/** What a match decides on, besides its own answers. */
export interface MatchFacts {
  readonly session: SessionFacts;
  /** The post named as the need (undefined when the session has no post of that id). */
  readonly need: SessionPost | undefined;
  readonly offer: SessionPost | undefined;
}

export type MatchCommand = MarketplaceCommandOf<'RespondToMatch' | 'ScheduleMatchMeeting'>;
export type MatchStreamCommand = MatchCommand & { readonly facts: MatchFacts };

export interface MatchStreamState {
  readonly match: SessionMatch | undefined;
}

function requirePost(found: SessionPost | undefined, id: string, side: MatchSide): SessionPost {
  if (!found || found.side !== side) {
    throw new RuleViolationError(side === 'need' ? 'NEED_NOT_FOUND' : 'OFFER_NOT_FOUND', `There is no ${side} ${id} in this session`);
  }
  return found;
}

export function decideMatch(command: MatchCommand, facts: MatchFacts, match: SessionMatch | undefined): MarketplaceEvent[] {
  const { session } = facts;
  switch (command.type) {
    case 'RespondToMatch': {
      requireSession(session);
      const { needId, offerId, cityId, accept, note, suggestion } = command.data;
      const need = requirePost(facts.need, needId, 'need');
      const offer = requirePost(facts.offer, offerId, 'offer');
      const matchId = matchIdOf(needId, offerId);
      if (!match && session.status === 'closed') {
        throw new RuleViolationError('SESSION_CLOSED', 'The session is closed: matches already under way can still be answered, new ones not');
      }
      if (need.cityId === offer.cityId) throw new RuleViolationError('SAME_CITY', 'A city cannot be matched with itself');
      if (session.otherCountryOnly && need.country === offer.country) {
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
      requireSession(session);
      const { matchId, meetingId, format, date, recordedIn } = command.data;
      if (!match) throw new RuleViolationError('MATCH_NOT_FOUND', `There is no match ${matchId} in this session`);
      if (match.status !== 'agreed') throw new RuleViolationError('MATCH_NOT_AGREED', 'Both sides must accept the match first');
      if (match.meetingId) throw new RuleViolationError('MEETING_ALREADY_SCHEDULED', 'A meeting is already scheduled for this match');
      // An agreed match's posts exist: both were read when it was answered.
      const need = facts.need!;
      const offer = facts.offer!;
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
  match: SessionMatch | undefined,
  data: MarketplaceEventOf<'MarketplaceMatchAccepted' | 'MarketplaceMatchDeclined'>['data'],
  answer: 'accepted' | 'declined',
): SessionMatch {
  const current: SessionMatch = match ?? { needId: data.needId, offerId: data.offerId, answers: {}, status: 'proposed', meetingId: null };
  return { ...current, answers: { ...current.answers, [data.side]: answer }, status: answer === 'declined' ? 'declined' : current.status };
}

/** A match after one of its events (any other event leaves it as it is). */
export function evolveMatch(match: SessionMatch | undefined, event: MarketplaceEvent): SessionMatch | undefined {
  switch (event.type) {
    case 'MarketplaceMatchAccepted':
      return answered(match, event.data, 'accepted');
    case 'MarketplaceMatchDeclined':
      return answered(match, event.data, 'declined');
    case 'MarketplaceMatchAgreed':
      return match && { ...match, status: 'agreed' };
    case 'MarketplaceMeetingScheduled':
      return match && { ...match, meetingId: event.data.meetingId };
    default:
      return match;
  }
}

/** The match an event is about, if it is a match's event. */
export function matchIdOfEvent(event: MarketplaceEvent): string | undefined {
  switch (event.type) {
    case 'MarketplaceMatchAccepted':
    case 'MarketplaceMatchDeclined':
    case 'MarketplaceMatchAgreed':
    case 'MarketplaceMeetingScheduled':
      return event.data.matchId;
    default:
      return undefined;
  }
}

export const matchDecider: Decider<MatchStreamCommand, MarketplaceEvent, MatchStreamState> = {
  category: MATCH_CATEGORY,
  initialState: () => ({ match: undefined }),
  decide: (command, state) => decideMatch(command, command.facts, state.match),
  evolve: (state, event) => {
    const match = evolveMatch(state.match, event);
    return match === state.match ? state : { match };
  },
};
