import { cityPostsDecider } from '../../domain/marketplace/cityPosts.js';
import type { MatchFacts } from '../../domain/marketplace/match.js';
import { marketplaceDecider } from '../../domain/marketplace/decider.js';
import type { SessionFacts } from '../../domain/marketplace/session.js';
import { cityPostsStream, sessionStream } from '../../domain/marketplace/streams.js';
import { findPost } from '../../projections/marketplace/queries.js';
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

/**
 * The city that posted a post of this session, from the read models: a post never changes city, so
 * the read model is a safe index (as for a plan's action, `changeHolder`). The decision itself is
 * made on the city's stream, which must hold the post. A post the read models of this server do
 * not show yet is not found: the caller retries once it is there.
 */
export function cityOfPost(ledger: Ledger, sessionId: string, postId: string): string | undefined {
  const row = findPost(ledger.readModels, postId);
  return row?.session_id === sessionId ? row.city_id : undefined;
}

/** A post as its city's stream holds it, with that stream's revision. */
async function postOn(ledger: Ledger, sessionId: string, cityId: string | undefined, postId: string) {
  if (cityId === undefined) return { post: undefined, dependency: undefined };
  const streamId = cityPostsStream(sessionId, cityId);
  const loaded = await ledger.load(cityPostsDecider, streamId);
  return { post: loaded.state.posts.get(postId), dependency: readAt(streamId, loaded) };
}

/**
 * What a match decides on: the session and its two posts, each read from its own (small) stream,
 * and the dependencies on those streams, so that a close or a withdrawal appended meanwhile makes
 * the answer be decided again.
 */
export async function matchFactsOf(
  ledger: Ledger,
  sessionId: string,
  need: { readonly id: string; readonly cityId: string | undefined },
  offer: { readonly id: string; readonly cityId: string | undefined },
): Promise<{ facts: MatchFacts; dependsOn: StreamDependency[] }> {
  const session = await loadSession(ledger, sessionId);
  const needRead = await postOn(ledger, sessionId, need.cityId, need.id);
  const offerRead = await postOn(ledger, sessionId, offer.cityId, offer.id);
  const dependsOn = [readAt(sessionStream(sessionId), session)];
  for (const dependency of [needRead.dependency, offerRead.dependency]) {
    if (dependency && !dependsOn.some((known) => known.streamId === dependency.streamId)) dependsOn.push(dependency);
  }
  return { facts: { session: session.state, need: needRead.post, offer: offerRead.post }, dependsOn };
}
