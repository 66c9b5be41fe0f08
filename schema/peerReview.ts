import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { RecommendationInput, TodoInput } from '../domain/peerReview/decider.js';
import { MIN_FOREIGN_PEERS } from '../domain/peerReview/decider.js';
import { FollowUpStatus, InvitationStatus, PeerReviewStatus } from '../domain/peerReview/events.js';
import { CityId } from '../domain/shared/values.js';
import type { FollowUpRow, PeerReviewPeerRow, PeerReviewRow, RecommendationRow, TodoRow } from '../projections/peerReview/peerReviews.js';
import { findPeerReview, findPeerReviews, followUpsOf, listPeerReviews, peersOfReview, recommendationsOfReview, todosOfReview } from '../projections/peerReview/queries.js';
import { findPartner } from '../projections/network/queries.js';
import { entityId } from '../src/application/ids.js';
import {
  answerPeerReviewInvitation,
  cancelPeerReview,
  holdPeerReview,
  invitePeerReviewer,
  recordPeerReviewFollowUp,
  recordPeerReviewRecommendations,
  requestPeerReview,
} from '../src/application/peerReview.js';
import { entityField, fromSource, sourceOf } from './asOf.js';
import { rowNode } from './loaders.js';
import { builder, type Context } from './builder.js';
import { commandMutation, entityPayload } from './command.js';
import { enumOf, inputName } from './inputs.js';

/**
 * Peer reviews: a host city asks peers from other countries to study a challenge; they give
 * recommendations and a to-do list; follow-ups record what the host did with each recommendation.
 * Everyone signed in reads them (what peers learn from each other is the point); the host city,
 * the network's lead expert and the secretariat run them; invited peers answer for their city.
 */

const ReviewStatusEnum = enumOf(PeerReviewStatus, 'PeerReviewStatus', {
  values: {
    requested: 'Requested; peers are being invited.',
    held: 'The review took place.',
    cancelled: 'Cancelled before it took place.',
  },
});
const InvitationStatusEnum = enumOf(InvitationStatus, 'PeerReviewInvitationStatus');
const FollowUpStatusEnum = enumOf(FollowUpStatus, 'PeerReviewFollowUpStatus', {
  values: {
    planned: 'The host plans to act on it.',
    inProgress: 'Being implemented.',
    implemented: 'Done.',
    dropped: 'The host decided not to act on it.',
  },
});

const topicsOf = (json: string) => JSON.parse(json) as string[];

const ReviewPeer = builder.objectRef<PeerReviewPeerRow>('PeerReviewPeer').implement({
  fields: (t) => ({
    cityId: t.exposeString('city_id'),
    cityName: t.exposeString('city_name'),
    country: t.exposeString('country'),
    reviewer: t.exposeString('reviewer', { description: 'Who comes for the city.' }),
    status: t.field({ type: InvitationStatusEnum, resolve: (row) => row.status }),
    note: t.exposeString('note', { nullable: true }),
    tookPart: t.boolean({ resolve: (row) => row.took_part === 1 }),
  }),
});

const FollowUp = builder.objectRef<FollowUpRow>('PeerReviewFollowUp').implement({
  fields: (t) => ({
    status: t.field({ type: FollowUpStatusEnum, resolve: (row) => FollowUpStatus.parse(row.status) }),
    note: t.exposeString('note'),
    date: t.expose('date', { type: 'Date' }),
    recordedAt: t.expose('recorded_at', { type: 'DateTime' }),
  }),
});

const Recommendation = builder.objectRef<RecommendationRow>('PeerReviewRecommendation').implement({
  fields: (t) => ({
    recommendationId: t.exposeID('recommendation_id', { description: 'R1, R2, ... in the order recorded.' }),
    text: t.exposeString('text'),
    topics: t.stringList({ resolve: (row) => topicsOf(row.topics) }),
    recordedBy: t.exposeString('recorded_by', { nullable: true, description: 'The peer city that recorded it.' }),
    status: t.field({
      type: FollowUpStatusEnum,
      nullable: true,
      description: 'What the host did with it, last known; null before any follow-up.',
      resolve: (row) => (row.follow_up_status ? FollowUpStatus.parse(row.follow_up_status) : null),
    }),
    followUps: t.field({
      type: [FollowUp],
      resolve: (row, _a, context) => followUpsOf(sourceOf(row, context), row.review_id, row.recommendation_id),
    }),
  }),
});

const Todo = builder.objectRef<TodoRow>('PeerReviewTodo').implement({
  fields: (t) => ({
    todoId: t.exposeID('todo_id', { description: 'T1, T2, ...' }),
    text: t.exposeString('text'),
    owner: t.exposeString('owner'),
    dueDate: t.expose('due_date', { type: 'Date', nullable: true }),
  }),
});

export const PeerReview = rowNode(builder.objectRef<PeerReviewRow>('PeerReview'), 'reviewId', findPeerReviews, {
  description: "Peers from other countries study a host city's challenge and recommend what to do.",
  authScopes: { authenticated: true },
  fields: (t) => ({
    hostCityId: t.exposeString('host_city_id'),
    hostCityName: t.exposeString('host_city_name'),
    hostCountry: t.exposeString('host_country'),
    networkId: t.exposeID('network_id', { nullable: true }),
    challenge: t.exposeString('challenge'),
    description: t.exposeString('description'),
    topics: t.stringList({ resolve: (row) => topicsOf(row.topics) }),
    plannedFor: t.exposeString('planned_for', { nullable: true }),
    status: t.field({ type: ReviewStatusEnum, resolve: (row) => row.status }),
    heldOn: t.expose('held_on', { type: 'Date', nullable: true }),
    place: t.exposeString('place', { nullable: true }),
    requestedAt: t.expose('requested_at', { type: 'DateTime' }),
    revision: t.exposeInt('revision'),
    peers: t.field({ type: [ReviewPeer], nullable: true, authScopes: { authenticated: true }, resolve: (row, _a, context) => peersOfReview(sourceOf(row, context), row.id) }),
    foreignPeersAccepted: t.int({
      nullable: true,
      description: `Peers from countries other than the host's who accepted; the review needs at least ${MIN_FOREIGN_PEERS}.`,
      authScopes: { authenticated: true },
      resolve: (row, _a, context) =>
        peersOfReview(sourceOf(row, context), row.id).filter((p) => p.status === 'accepted' && p.country !== row.host_country).length,
    }),
    recommendations: t.field({
      type: [Recommendation],
      nullable: true,
      authScopes: { authenticated: true },
      resolve: (row, _a, context) => fromSource(sourceOf(row, context), recommendationsOfReview(sourceOf(row, context), row.id)),
    }),
    todos: t.field({ type: [Todo], nullable: true, authScopes: { authenticated: true }, resolve: (row, _a, context) => todosOfReview(sourceOf(row, context), row.id) }),
  }),
});

builder.queryFields((t) => ({
  peerReview: entityField(t, { type: PeerReview, find: findPeerReview, authScopes: { authenticated: true } }),
  peerReviews: t.connection({
    type: PeerReview,
    authScopes: { authenticated: true },
    args: {
      hostCityId: t.arg.string({ required: false, validate: CityId.nullish() }),
      peerCityId: t.arg.string({ required: false, validate: CityId.nullish() }),
      networkId: t.arg.id({ required: false, validate: entityId('Network').nullish() }),
      status: t.arg({ type: ReviewStatusEnum, required: false }),
    },
    resolve: (_root, args, context) => {
      const filter = { ...args, networkId: args.networkId ? entityId('Network').parse(args.networkId) : null };
      return resolveOffsetConnection({ args, defaultSize: 50, maxSize: 200 }, ({ limit, offset }) =>
        listPeerReviews(context.readModels, filter, limit, offset),
      );
    },
  }),
}));

const reviewPayload = entityPayload('peerReview', PeerReview, findPeerReview);

/** The host city's coordinators, the network's lead expert and the secretariat run a review. */
function hostScopes({ reviewId }: { reviewId: string }, context: Context) {
  const row = findPeerReview(context.readModels, reviewId);
  if (!row) return { secretariat: true };
  return { secretariat: true, coordinatorOf: row.host_city_id, ...(row.network_id ? { leadExpertOf: row.network_id } : {}) };
}

commandMutation({
  useCase: requestPeerReview,
  description: 'A host city asks for a peer review of a challenge. Its coordinators, its network\'s lead expert, or the secretariat.',
  // The lead expert of the host's network: only when the host is an active partner of the network named.
  authScopes: ({ hostCityId, networkId }, context) => ({
    secretariat: true,
    coordinatorOf: hostCityId,
    ...(networkId && findPartner(context.readModels, networkId, hostCityId)?.status === 'active' ? { leadExpertOf: networkId } : {}),
  }),
  ...reviewPayload,
});

commandMutation({
  useCase: invitePeerReviewer,
  description: 'Invites a peer city (and who comes for it) to a review. Counts toward the rule only if it is from another country than the host.',
  authScopes: hostScopes,
  ...reviewPayload,
});

commandMutation({
  useCase: answerPeerReviewInvitation,
  description: "An invited peer city accepts or declines. Its coordinators, or the secretariat.",
  authScopes: ({ cityId }) => ({ secretariat: true, coordinatorOf: cityId }),
  ...reviewPayload,
});

commandMutation({
  useCase: holdPeerReview,
  description: `Records that the review took place: it needs at least ${MIN_FOREIGN_PEERS} peers from other countries than the host's who accepted.`,
  authScopes: hostScopes,
  ...reviewPayload,
});

inputName(RecommendationInput, 'PeerReviewRecommendationInput');
inputName(TodoInput, 'PeerReviewTodoInput');

commandMutation({
  useCase: recordPeerReviewRecommendations,
  description:
    'Records recommendations and to-dos after the review (numbered R1.., T1..). A peer city that took part (give peerCityId), the lead expert, or the secretariat.',
  authScopes: ({ reviewId, peerCityId }, context) => {
    const row = findPeerReview(context.readModels, reviewId);
    return {
      secretariat: true,
      ...(peerCityId ? { coordinatorOf: peerCityId } : {}),
      ...(row?.network_id ? { leadExpertOf: row.network_id } : {}),
    };
  },
  ...reviewPayload,
});

commandMutation({
  useCase: recordPeerReviewFollowUp,
  description: 'Records what the host did with a recommendation. The host city, its lead expert, or the secretariat.',
  authScopes: hostScopes,
  ...reviewPayload,
});

commandMutation({
  useCase: cancelPeerReview,
  description: 'Cancels a review before it takes place.',
  authScopes: hostScopes,
  ...reviewPayload,
});
