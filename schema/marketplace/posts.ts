import type { ObjectFieldBuilder, ObjectRef } from '@pothos/core';
import { NeedKind, OfferKind } from '../../domain/marketplace/events.js';
import { findPost, findPosts, findSession, meetingsOfNeed, postSuggestions } from '../../projections/marketplace/queries.js';
import type { PostRow } from '../../projections/marketplace/sessions.js';
import { findPractice } from '../../projections/practice/queries.js';
import { postMarketplaceNeed, postMarketplaceOffer, withdrawMarketplacePost } from '../../src/application/marketplace.js';
import { sourceOf } from '../asOf.js';
import type { Context, Types } from '../builder.js';
import { commandMutation, type CommandPayload, type PayloadFieldBuilder } from '../command.js';
import { rowNode } from '../loaders.js';
import { GoodPractice, PracticeContact } from '../practice.js';
import { readersOfSessionOf } from './access.js';
import { NeedKindEnum, OfferKindEnum, PostStatusEnum } from './enums.js';
import { ScheduledMeeting } from './matches.js';
import { MarketplaceNeed, MarketplaceOffer, MarketplaceSession, MatchSuggestionRef } from './refs.js';
import { sessionOf, sessionPayload } from './session.js';
import { MatchingArgs, suggestionsOf } from './suggestions.js';

/** Offers ("give") and needs ("use") posted in a session. */

/**
 * An offer or a need as a node: a post of its `side` (posts of both sides share a table), read by the
 * readers of its session, with the fields posts share; `suggestions` says what the matcher pairs it with.
 */
function postNode(
  ref: ObjectRef<Types, PostRow>,
  side: PostRow['side'],
  idField: string,
  config: { description: string; suggestions: string; fields: (t: ObjectFieldBuilder<Types, PostRow>) => Record<string, unknown> },
): void {
  rowNode(ref, idField, findPosts, {
    description: config.description,
    accept: (row) => row.side === side,
    authScopes: readersOfSessionOf,
    fields: (t) => ({
      session: t.field({ type: MarketplaceSession, resolve: sessionOf }),
      cityId: t.exposeString('city_id'),
      cityName: t.exposeString('city_name'),
      country: t.exposeString('country'),
      networkId: t.exposeID('network_id', { nullable: true }),
      title: t.exposeString('title'),
      description: t.exposeString('description'),
      topics: t.stringList({ resolve: (row) => JSON.parse(row.topics) as string[] }),
      status: t.field({ type: PostStatusEnum, resolve: (row) => row.status }),
      postedAt: t.expose('posted_at', { type: 'DateTime' }),
      suggestions: t.field({
        type: [MatchSuggestionRef],
        description: config.suggestions,
        args: { limit: t.arg.int({ required: false, validate: MatchingArgs.limit }) },
        resolve: (row, args, context) => {
          const db = sourceOf(row, context);
          return suggestionsOf(db, row.session_id, postSuggestions(db, findSession(db, row.session_id)!, row, args.limit ?? 5));
        },
      }),
      ...config.fields(t),
    }),
  });
}

postNode(MarketplaceOffer, 'offer', 'offerId', {
  description: 'An offer ("give"): a practice of the catalogue, or experience a city can share.',
  suggestions: 'Needs of other cities this offer answers, best first.',
  fields: (t) => ({
    kind: t.field({ type: OfferKindEnum, resolve: (row) => OfferKind.parse(row.kind) }),
    practice: t.field({
      type: GoodPractice,
      nullable: true,
      resolve: (row, _a, context) => (row.practice_id ? (findPractice(sourceOf(row, context), row.practice_id) ?? null) : null),
    }),
    contact: t.field({ type: PracticeContact, nullable: true, resolve: (row) => (row.contact ? JSON.parse(row.contact) : null) }),
  }),
});

postNode(MarketplaceNeed, 'need', 'needId', {
  description: 'A need ("use"): what a city wants to learn, or a capacity it wants to build.',
  suggestions: 'Offers that could answer this need, best first.',
  fields: (t) => ({
    kind: t.field({ type: NeedKindEnum, resolve: (row) => NeedKind.parse(row.kind) }),
    learningNeedId: t.exposeID('learning_need_id', { nullable: true, description: "The learning need of the city's journey it comes from." }),
    meetings: t.field({
      type: [ScheduledMeeting],
      description: 'Bilateral meetings and site visits scheduled for this need from agreed matches.',
      resolve: (row, _a, context) => meetingsOfNeed(sourceOf(row, context), row.id),
    }),
  }),
});

// ---------------------------------------------------------------- mutations

/** The id of the post the command created (also on an idempotent replay). */
function postIdOf(events: readonly { type: string; data: unknown }[]): string | undefined {
  for (const e of events) {
    const d = e.data as { offerId?: string; needId?: string };
    if (e.type === 'MarketplaceOfferPosted') return d.offerId;
    if (e.type === 'MarketplaceNeedPosted') return d.needId;
  }
  return undefined;
}

/** The session, and the post the command created as `field`. */
const postPayload = (field: 'offer' | 'need', type: typeof MarketplaceOffer) => (t: PayloadFieldBuilder) => ({
  ...sessionPayload(t),
  [field]: t.field({
    type,
    nullable: true,
    resolve: (payload: CommandPayload, _a: unknown, context: Context) => {
      const postId = postIdOf(payload.events);
      return postId ? (findPost(context.readModels, postId) ?? null) : null;
    },
  }),
});

/** A city posts for itself: its coordinators, or the secretariat. */
const forItsCity = ({ cityId }: { cityId: string }) => ({ secretariat: true, coordinatorOf: cityId });

commandMutation({
  useCase: postMarketplaceOffer,
  description:
    'A city posts an offer ("give"): one of its practices of the catalogue (text and topics taken from it), or its experience described here. Its coordinators, or the secretariat.',
  authScopes: forItsCity,
  payload: postPayload('offer', MarketplaceOffer),
});

commandMutation({
  useCase: postMarketplaceNeed,
  description:
    "A city posts a need (\"use\"): a learning need of its journey (text and topics taken from it), or one described here. Its coordinators, or the secretariat.",
  authScopes: forItsCity,
  payload: postPayload('need', MarketplaceNeed),
});

commandMutation({
  useCase: withdrawMarketplacePost,
  description: "Withdraws an offer or a need from the session. The city's coordinators, or the secretariat.",
  authScopes: ({ postId }, context) => {
    const post = findPost(context.readModels, postId);
    return post ? { secretariat: true, coordinatorOf: post.city_id } : { secretariat: true };
  },
  payload: sessionPayload,
});
