import { streamIdOf } from '../shared/decider.js';

/**
 * Where a session's events live. Before issue 11 one stream per session (`marketplace-<sessionId>`)
 * held everything; the re-cut (docs/marketplace.md, "Streams") keeps that stream for the session
 * alone and gives each city's posts in a session, and each match, a stream of its own, so that no
 * stream grows with the session. Every such stream id starts with the session's id (a ULID, 26
 * characters), so the read models and the live board find a session's events by their stream.
 */
export const SESSION_CATEGORY = 'marketplace';
export const CITY_POSTS_CATEGORY = 'marketplacePosts';
export const MATCH_CATEGORY = 'marketplaceMatch';

const ULID_LENGTH = 26;
const CATEGORIES: readonly string[] = [SESSION_CATEGORY, CITY_POSTS_CATEGORY, MATCH_CATEGORY];

export const sessionStream = (sessionId: string) => streamIdOf(SESSION_CATEGORY, sessionId);
/** One city's offers and needs in one session: its duplicate-post rules are decided on this small stream. */
export const cityPostsStream = (sessionId: string, cityId: string) => streamIdOf(CITY_POSTS_CATEGORY, `${sessionId}_${cityId}`);
/** One match (`<needId>-<offerId>`) of a session: its answers, agreement and meeting. */
export const matchStream = (sessionId: string, matchId: string) => streamIdOf(MATCH_CATEGORY, `${sessionId}_${matchId}`);

/** The session a marketplace stream belongs to (of any layout), or undefined for another stream. */
export function sessionOfStream(streamId: string): string | undefined {
  const dash = streamId.indexOf('-');
  if (dash < 0 || !CATEGORIES.includes(streamId.slice(0, dash))) return undefined;
  const id = streamId.slice(dash + 1);
  return id.length === ULID_LENGTH || id[ULID_LENGTH] === '_' ? id.slice(0, ULID_LENGTH) : undefined;
}
