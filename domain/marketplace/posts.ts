import { Map as PersistentMap } from 'immutable';
import type { Decider } from '../shared/decider.js';
import { RuleViolationError } from '../shared/errors.js';
import type { MarketplaceCommandOf, SessionPost } from './commands.js';
import type { MarketplaceEvent } from './events.js';
import { requireOpen, type SessionFacts } from './session.js';
import { CLAIM_CATEGORY, POST_CATEGORY, type Claim } from './streams.js';
import { countryOfCity } from './values.js';

/**
 * A session's offers and needs. Each post has its own stream
 * (`marketplacePost-<sessionId>_<postId>`), and each rule across posts ("a practice offered once,
 * a learning need posted once, per session") a claim's stream (`marketplaceClaim-...`) holding
 * which post holds the practice (the learning need). The use case reads the session and the claim,
 * passes what they hold with the command, declares that it read them (see `DependentCommand`), and
 * appends the claim's events (`claimDecider`) with the post's.
 */

/** What a post decision asks about the session's other posts. */
export interface PostsView {
  /** The post of this id in the session, if any. */
  readonly post: (postId: string) => SessionPost | undefined;
  /** The open offer of a practice, the open need of a learning need, if any. */
  readonly holderOf: (claim: Claim) => string | undefined;
}

/** The session's posts as one stream folds them (the single-stream layout, before the re-cut). */
export interface PostsState {
  readonly posts: PersistentMap<string, SessionPost>;
  /** The open offer of each practice offered (one per practice and session). */
  readonly openOfferOfPractice: PersistentMap<string, string>;
  /** The open need of each learning need posted (one per learning need and session). */
  readonly openNeedOfLearningNeed: PersistentMap<string, string>;
}

export type PostCommand = MarketplaceCommandOf<'PostOffer' | 'PostNeed' | 'WithdrawPost'>;
/** A post command with the session's facts and the holder of its claim, as the use case read them. */
export type PostStreamCommand = PostCommand & { readonly session: SessionFacts; readonly claimHolder: string | undefined };

export const noPosts = (): PostsState => ({ posts: PersistentMap(), openOfferOfPractice: PersistentMap(), openNeedOfLearningNeed: PersistentMap() });

export const viewOfPosts = (state: PostsState): PostsView => ({
  post: (postId) => state.posts.get(postId),
  holderOf: (claim) => ('practiceId' in claim ? state.openOfferOfPractice.get(claim.practiceId) : state.openNeedOfLearningNeed.get(claim.learningNeedId)),
});

/** What a post claims for the session, if anything. */
export function claimOf(post: { readonly practiceId: string | null; readonly learningNeedId: string | null }): Claim | undefined {
  if (post.practiceId) return { practiceId: post.practiceId };
  if (post.learningNeedId) return { learningNeedId: post.learningNeedId };
  return undefined;
}

function requireParticipant(session: SessionFacts, cityId: string, participant: { name: string } | null): asserts participant {
  if (!participant) {
    throw new RuleViolationError(
      'CITY_NOT_IN_SESSION',
      session.scope === 'programme'
        ? `${cityId} is not a partner of any network`
        : `${cityId} is not a partner of the session's network${session.networkIds.length > 1 ? 's' : ''}`,
    );
  }
}

export function decidePosts(command: PostCommand, session: SessionFacts, posts: PostsView): MarketplaceEvent[] {
  switch (command.type) {
    case 'PostOffer': {
      requireOpen(session);
      const { offerId, participant, practice, cityId, practiceId, ...d } = command.data;
      requireParticipant(session, cityId, participant);
      if (posts.post(offerId)) throw new RuleViolationError('POST_ALREADY_EXISTS', `There is already a post ${offerId}`);
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
        if (posts.holderOf({ practiceId }) !== undefined) throw new RuleViolationError('PRACTICE_ALREADY_OFFERED', 'The practice is already offered in this session');
        title ??= practice.title;
        description ??= practice.summary;
        topics = [...new Set([...practice.topics, ...topics])];
        contact ??= practice.contact;
      }
      if (!title || !description) {
        throw new RuleViolationError('OFFER_NEEDS_TEXT', 'Describe the experience offered (title and description), or offer a practice of the catalogue');
      }
      const kind = practiceId ? 'practice' : 'experience';
      const where = { cityId, cityName: participant.name, country: countryOfCity(cityId), networkId: participant.networkId };
      return [{ type: 'MarketplaceOfferPosted', data: { offerId, ...where, kind, practiceId, title, description, topics, contact } }];
    }
    case 'PostNeed': {
      requireOpen(session);
      const { needId, participant, learningNeed, cityId, learningNeedId, kind, ...d } = command.data;
      requireParticipant(session, cityId, participant);
      if (posts.post(needId)) throw new RuleViolationError('POST_ALREADY_EXISTS', `There is already a post ${needId}`);
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
        if (posts.holderOf({ learningNeedId }) !== undefined) throw new RuleViolationError('LEARNING_NEED_ALREADY_POSTED', 'The learning need is already posted in this session');
        title ??= learningNeed.title;
        description ??= learningNeed.description || learningNeed.title;
        topics = [...new Set([...learningNeed.topics, ...topics])];
      }
      if (!title) throw new RuleViolationError('NEED_NEEDS_TEXT', 'Say what the city needs (a title), or refer to a learning need');
      description ??= title;
      const where = { cityId, cityName: participant.name, country: countryOfCity(cityId), networkId: participant.networkId };
      return [{ type: 'MarketplaceNeedPosted', data: { needId, ...where, kind, learningNeedId, title, description, topics } }];
    }
    case 'WithdrawPost': {
      requireOpen(session);
      const found = posts.post(command.data.postId);
      if (!found) throw new RuleViolationError('POST_NOT_FOUND', `There is no offer or need ${command.data.postId} in this session`);
      if (!found.open) return [];
      return [
        {
          type: 'MarketplacePostWithdrawn',
          data: { postId: command.data.postId, side: found.side, cityId: found.cityId, reason: command.data.reason },
        },
      ];
    }
  }
}

/** The posts after one of their events (any other event leaves them as they are). */
export function evolvePosts<S extends PostsState>(state: S, event: MarketplaceEvent): S {
  switch (event.type) {
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
    default:
      return state;
  }
}

/** The post an event posts, with its id. */
function postedBy(event: MarketplaceEvent): readonly [string, SessionPost] | undefined {
  const where = (d: { cityId: string; country: string; networkId: string | null; title: string }) => ({ cityId: d.cityId, country: d.country, networkId: d.networkId, title: d.title, open: true });
  if (event.type === 'MarketplaceOfferPosted') return [event.data.offerId, { side: 'offer', ...where(event.data), practiceId: event.data.practiceId, learningNeedId: null }];
  if (event.type === 'MarketplaceNeedPosted') return [event.data.needId, { side: 'need', ...where(event.data), practiceId: null, learningNeedId: event.data.learningNeedId }];
  return undefined;
}

/** One post's stream: the post, once posted (its id is in the stream's name). */
export const postDecider: Decider<PostStreamCommand, MarketplaceEvent, SessionPost | undefined> = {
  category: POST_CATEGORY,
  initialState: () => undefined,
  decide: (command, post) => decidePosts(command, command.session, { post: () => post, holderOf: () => command.claimHolder }),
  evolve: (post, event) => {
    if (event.type === 'MarketplacePostWithdrawn') return post && { ...post, open: false };
    return postedBy(event)?.[1] ?? post;
  },
};

/**
 * A claim's stream: which open post holds the practice (the learning need) in the session. Its
 * "command" is what was decided on the post's stream, appended with it in one transaction: a post
 * taking a claim another post took meanwhile is refused (the post is then decided again on the
 * claim's new holder, and refused `PRACTICE_ALREADY_OFFERED`).
 */
export const claimDecider: Decider<readonly MarketplaceEvent[], MarketplaceEvent, string | undefined> = {
  category: CLAIM_CATEGORY,
  initialState: () => undefined,
  decide: (decided, holder) =>
    decided.flatMap((event): MarketplaceEvent[] => {
      const posted = postedBy(event);
      if (posted) {
        if (holder !== undefined) throw new RuleViolationError('CLAIM_ALREADY_TAKEN', `The post ${holder} holds it in this session`);
        return [{ type: 'MarketplaceClaimTaken', data: { postId: posted[0] } }];
      }
      if (event.type === 'MarketplacePostWithdrawn' && event.data.postId === holder) return [{ type: 'MarketplaceClaimReleased', data: { postId: holder } }];
      return [];
    }),
  evolve: (holder, event) => {
    if (event.type === 'MarketplaceClaimTaken') return event.data.postId;
    if (event.type === 'MarketplaceClaimReleased' && event.data.postId === holder) return undefined;
    return holder;
  },
};
