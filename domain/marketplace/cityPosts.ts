import { Map as PersistentMap } from 'immutable';
import type { Decider } from '../shared/decider.js';
import { RuleViolationError } from '../shared/errors.js';
import type { MarketplaceCommandOf, SessionPost } from './commands.js';
import type { MarketplaceEvent } from './events.js';
import { requireOpen, type SessionFacts } from './session.js';
import { CITY_POSTS_CATEGORY } from './streams.js';
import { countryOfCity } from './values.js';

/**
 * One city's offers and needs in one session (`marketplacePosts-<sessionId>_<cityId>`). Its rules
 * (a practice offered once, a learning need posted once, per session) are the city's alone: a
 * practice and a learning need belong to one city, which alone may post them. The session's facts
 * come with the command; the use case declares that it read them (see `DependentCommand`).
 */

export interface PostsState {
  readonly posts: PersistentMap<string, SessionPost>;
  /** The open offer of each practice offered (one per practice and session). */
  readonly openOfferOfPractice: PersistentMap<string, string>;
  /** The open need of each learning need posted (one per learning need and session). */
  readonly openNeedOfLearningNeed: PersistentMap<string, string>;
}

export type PostCommand = MarketplaceCommandOf<'PostOffer' | 'PostNeed' | 'WithdrawPost'>;
/** A post command with the session's facts it was decided on. */
export type CityPostsCommand = PostCommand & { readonly session: SessionFacts };

export const noPosts = (): PostsState => ({ posts: PersistentMap(), openOfferOfPractice: PersistentMap(), openNeedOfLearningNeed: PersistentMap() });

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

export function decidePosts(command: PostCommand, session: SessionFacts, state: PostsState): MarketplaceEvent[] {
  switch (command.type) {
    case 'PostOffer': {
      requireOpen(session);
      const { offerId, participant, practice, cityId, practiceId, ...d } = command.data;
      requireParticipant(session, cityId, participant);
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
      const kind = practiceId ? 'practice' : 'experience';
      const where = { cityId, cityName: participant.name, country: countryOfCity(cityId), networkId: participant.networkId };
      return [{ type: 'MarketplaceOfferPosted', data: { offerId, ...where, kind, practiceId, title, description, topics, contact } }];
    }
    case 'PostNeed': {
      requireOpen(session);
      const { needId, participant, learningNeed, cityId, learningNeedId, kind, ...d } = command.data;
      requireParticipant(session, cityId, participant);
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
      const where = { cityId, cityName: participant.name, country: countryOfCity(cityId), networkId: participant.networkId };
      return [{ type: 'MarketplaceNeedPosted', data: { needId, ...where, kind, learningNeedId, title, description, topics } }];
    }
    case 'WithdrawPost': {
      requireOpen(session);
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

export const cityPostsDecider: Decider<CityPostsCommand, MarketplaceEvent, PostsState> = {
  category: CITY_POSTS_CATEGORY,
  initialState: noPosts,
  decide: (command, state) => decidePosts(command, command.session, state),
  evolve: evolvePosts,
  // A city may post thousands of times in one session: its state is kept on disk like a session's was.
  snapshots: { version: 1, maps: ['posts', 'openOfferOfPractice', 'openNeedOfLearningNeed'] },
};
