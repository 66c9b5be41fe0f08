import { streamIdOf } from '../shared/decider.js';

/**
 * Where a session's events live. Before issue 11 one stream per session (`marketplace-<sessionId>`)
 * held everything; the re-cut (docs/marketplace.md, "Streams") keeps that stream for the session
 * alone and gives each post, each match, and each claim of the rule "once per session" (a
 * practice's, a learning need's) a stream of its own, so that no stream grows with the session nor
 * with a city's posts. Every such stream id starts with the session's id (a ULID, 26 characters),
 * so the read models and the live board find a session's events by their stream, and a post's
 * stream is found from the session and the post's id alone.
 */
export const SESSION_CATEGORY = 'marketplace';
export const POST_CATEGORY = 'marketplacePost';
export const CLAIM_CATEGORY = 'marketplaceClaim';
export const MATCH_CATEGORY = 'marketplaceMatch';

const ULID_LENGTH = 26;
const CATEGORIES: readonly string[] = [SESSION_CATEGORY, POST_CATEGORY, CLAIM_CATEGORY, MATCH_CATEGORY];

/** What a post claims for the session: its practice (an offer), its learning need (a need). */
export type Claim = { readonly practiceId: string } | { readonly learningNeedId: string };

export const sessionStream = (sessionId: string) => streamIdOf(SESSION_CATEGORY, sessionId);
/** One offer or need of a session: posted, maybe withdrawn. */
export const postStream = (sessionId: string, postId: string) => streamIdOf(POST_CATEGORY, `${sessionId}_${postId}`);
/** Which post holds a practice (a learning need) in a session: "once per session" is decided on it. */
export const claimStream = (sessionId: string, claim: Claim) =>
  streamIdOf(CLAIM_CATEGORY, 'practiceId' in claim ? `${sessionId}_practice_${claim.practiceId}` : `${sessionId}_learningNeed_${claim.learningNeedId}`);
/** One match (`<needId>-<offerId>`) of a session: its answers, agreement and meeting. */
export const matchStream = (sessionId: string, matchId: string) => streamIdOf(MATCH_CATEGORY, `${sessionId}_${matchId}`);

/** The session a marketplace stream belongs to (of any layout), or undefined for another stream. */
export function sessionOfStream(streamId: string): string | undefined {
  const dash = streamId.indexOf('-');
  if (dash < 0 || !CATEGORIES.includes(streamId.slice(0, dash))) return undefined;
  const id = streamId.slice(dash + 1);
  return id.length === ULID_LENGTH || id[ULID_LENGTH] === '_' ? id.slice(0, ULID_LENGTH) : undefined;
}
