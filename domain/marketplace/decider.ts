import { Map as PersistentMap } from 'immutable';
import type { Decider } from '../shared/decider.js';
import { decidePosts, evolvePosts, noPosts, viewOfPosts, type PostsState } from './posts.js';
import type { MarketplaceCommand, SessionMatch, SessionPost } from './commands.js';
import { type MarketplaceEvent, matchIdOf } from './events.js';
import { decideMatch, evolveMatch, matchIdOfEvent } from './match.js';
import { decideSession, evolveSession, noSession, type SessionFacts } from './session.js';
import { SESSION_CATEGORY } from './streams.js';

export * from './commands.js';

/**
 * A session as one stream held it before the re-cut of issue 11 (docs/marketplace.md, "Streams"):
 * the session, every post and every match in `marketplace-<sessionId>`. Sessions written that way
 * keep running on it; new sessions run on the session, post, claim and match deciders, whose
 * rules this one is made of (`decidePosts` asks this state's maps what the post's and the claim's
 * streams answer there), so the rules are the same in both layouts.
 *
 * A session may hold 100,000 posts: its collections are persistent maps, so that folding one
 * event costs the same whatever the session's size, and every question a command asks is a lookup.
 */
export interface SessionState extends SessionFacts, PostsState {
  readonly matches: PersistentMap<string, SessionMatch>;
}

const initialState = (): SessionState => ({ ...noSession, ...noPosts(), matches: PersistentMap() });

function decide(command: MarketplaceCommand, state: SessionState): MarketplaceEvent[] {
  switch (command.type) {
    case 'OpenSession':
    case 'CloseSession':
      return decideSession(command, state);
    case 'PostOffer':
    case 'PostNeed':
    case 'WithdrawPost':
      return decidePosts(command, state, viewOfPosts(state));
    case 'RespondToMatch': {
      const { needId, offerId } = command.data;
      const match = state.matches.get(matchIdOf(needId, offerId));
      return decideMatch(command, { session: state, need: state.posts.get(needId), offer: state.posts.get(offerId) }, match);
    }
    case 'ScheduleMatchMeeting': {
      const match = state.matches.get(command.data.matchId);
      const facts = { session: state, need: match && state.posts.get(match.needId), offer: match && state.posts.get(match.offerId) };
      return decideMatch(command, facts, match);
    }
  }
}

function evolve(state: SessionState, event: MarketplaceEvent): SessionState {
  const matchId = matchIdOfEvent(event);
  if (matchId === undefined) return evolvePosts(evolveSession(state, event), event);
  const before = state.matches.get(matchId);
  const after = evolveMatch(before, event);
  return after === before || !after ? state : { ...state, matches: state.matches.set(matchId, after) };
}

export const marketplaceDecider: Decider<MarketplaceCommand, MarketplaceEvent, SessionState> = {
  category: SESSION_CATEGORY,
  initialState,
  decide,
  evolve,
  // A session may hold 100,000 posts: its state is kept on disk, so a start does not fold them all.
  snapshots: { version: 1, maps: ['posts', 'matches', 'openOfferOfPractice', 'openNeedOfLearningNeed'] },
};

/**
 * The session as one match sees it, in the single-stream shape (the match meeting workflow decides
 * on that shape): the session's facts, the match, and its two posts.
 */
export function sessionOfOneMatch(
  session: SessionFacts,
  matchId: string,
  match: SessionMatch | undefined,
  posts: { readonly need?: SessionPost | undefined; readonly offer?: SessionPost | undefined },
): SessionState {
  const { status, scope, networkIds, otherCountryOnly } = session;
  const known = match ? [[match.needId, posts.need] as const, [match.offerId, posts.offer] as const] : [];
  return {
    ...initialState(),
    status,
    ...(scope ? { scope } : {}),
    networkIds,
    otherCountryOnly,
    posts: PersistentMap(known.filter((entry): entry is readonly [string, SessionPost] => entry[1] !== undefined)),
    matches: match ? PersistentMap([[matchId, match]]) : PersistentMap(),
  };
}
