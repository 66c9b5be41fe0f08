import type { MarketplaceEvent } from '../../domain/marketplace/events.js';
import type { MatchFacts } from '../../domain/marketplace/match.js';
import { marketplaceDecider } from '../../domain/marketplace/decider.js';
import { claimDecider, postDecider, type PostCommand, type PostStreamCommand } from '../../domain/marketplace/posts.js';
import type { SessionFacts } from '../../domain/marketplace/session.js';
import { claimStream, postStream, sessionStream, type Claim } from '../../domain/marketplace/streams.js';
import type { LoadedAggregate, StreamDependency } from '../commands/handleCommand.js';
import type { Ledger } from './ledger.js';

/**
 * What the marketplace's use cases read from the session's streams (docs/marketplace.md,
 * "Streams"), and the dependencies they declare on what they read.
 */

/** The session's facts, and whether it was written in one stream (its posts in the session's stream). */
export interface SessionRead extends SessionFacts {
  readonly singleStream: boolean;
}

/**
 * Reads the session's own stream with the single-stream decider: a re-cut session's stream holds
 * two events; a session written in one stream is folded as it always was (kept folded, and
 * snapshotted on disk), so telling the layouts apart costs such a session nothing more.
 */
export async function loadSession(ledger: Ledger, sessionId: string): Promise<LoadedAggregate<SessionRead>> {
  const loaded = await ledger.load(marketplaceDecider, sessionStream(sessionId));
  const { status, scope, networkIds, otherCountryOnly, posts } = loaded.state;
  return { ...loaded, state: { status, ...(scope ? { scope } : {}), networkIds, otherCountryOnly, singleStream: posts.size > 0 } };
}

/** The decision read this stream at this revision: its append is refused if the stream moved. */
export const readAt = (streamId: string, loaded: LoadedAggregate<unknown>): StreamDependency => ({ streamId, revision: loaded.revision });

/** A post as its own stream holds it, with that stream's revision. */
async function postOn(ledger: Ledger, sessionId: string, postId: string) {
  const streamId = postStream(sessionId, postId);
  const loaded = await ledger.load(postDecider, streamId);
  return { post: loaded.state, dependency: readAt(streamId, loaded) };
}

/**
 * What a match decides on: the session and its two posts, each read from its own (small) stream,
 * and the dependencies on those streams, so that a close or a withdrawal appended meanwhile makes
 * the answer be decided again.
 */
export async function matchFactsOf(ledger: Ledger, sessionId: string, needId: string, offerId: string): Promise<{ facts: MatchFacts; dependsOn: StreamDependency[] }> {
  const session = await loadSession(ledger, sessionId);
  const need = await postOn(ledger, sessionId, needId);
  const offer = await postOn(ledger, sessionId, offerId);
  return { facts: { session: session.state, need: need.post, offer: offer.post }, dependsOn: [readAt(sessionStream(sessionId), session), need.dependency, offer.dependency] };
}

/**
 * A post command on its post's stream, as the use case sends it: decided on the session and on the
 * holder of what it claims (a practice, a learning need), both read again at every attempt and
 * declared; the claim's events are appended with the post's (`claimDecider`).
 */
export async function preparePost(
  ledger: Ledger,
  sessionId: string,
  claim: Claim | undefined,
  build: (session: SessionFacts) => Promise<PostCommand>,
): Promise<{ command: PostStreamCommand; dependsOn: StreamDependency[] }> {
  const session = await loadSession(ledger, sessionId);
  const dependsOn = [readAt(sessionStream(sessionId), session)];
  const command = await build(session.state);
  if (!claim) return { command: { ...command, session: session.state, claimHolder: undefined }, dependsOn };
  const streamId = claimStream(sessionId, claim);
  const holder = await ledger.load(claimDecider, streamId);
  dependsOn.push({ ...readAt(streamId, holder), append: (decided) => claimDecider.decide(decided as MarketplaceEvent[], holder.state) });
  return { command: { ...command, session: session.state, claimHolder: holder.state }, dependsOn };
}
