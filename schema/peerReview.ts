import { findNetworkSnapshot } from '../src/application/networkSnapshot.js';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { z } from 'zod';
import {
  AnswerInvitation,
  CancelPeerReview,
  HoldPeerReview,
  InvitePeer,
  RecordFollowUp,
  RecordRecommendations,
  RequestPeerReview,
} from '../domain/peerReview/commands.js';
import { MIN_FOREIGN_PEERS, peerReviewDecider } from '../domain/peerReview/decider.js';
import { FollowUpStatus } from '../domain/peerReview/events.js';
import type { PeerReviewCommand } from '../domain/peerReview/commands.js';
import { streamIdOf } from '../domain/shared/decider.js';
import { CityId, IsoDateTime } from '../domain/shared/values.js';
import type { FollowUpRow, PeerReviewPeerRow, PeerReviewRow, RecommendationRow, TodoRow } from '../projections/peerReview/peerReviews.js';
import { findPeerReview, findPeerReviews, followUpsOf, listPeerReviews, peersOfReview, recommendationsOfReview, todosOfReview } from '../projections/peerReview/queries.js';
import { findPartner } from '../projections/network/queries.js';
import type { CommandOptions } from '../src/commands/handleCommand.js';
import { fromSource, readModelsAsOf, sourceOf } from './asOf.js';
import { loadManyFrom } from './loaders.js';
import { builder, type Context } from './builder.js';
import { legacyCommandMutation, entityPayload } from './command.js';
import { entityId } from '../src/application/ids.js';

/**
 * Peer reviews: a host city asks peers from other countries to study a challenge; they give
 * recommendations and a to-do list; follow-ups record what the host did with each recommendation.
 * Everyone signed in reads them (what peers learn from each other is the point); the host city,
 * the network's lead expert and the secretariat run them; invited peers answer for their city.
 */

const ReviewStatusEnum = builder.enumType('PeerReviewStatus', {
  values: {
    requested: { description: 'Requested; peers are being invited.' },
    held: { description: 'The review took place.' },
    cancelled: { description: 'Cancelled before it took place.' },
  } as const,
});
const InvitationStatusEnum = builder.enumType('PeerReviewInvitationStatus', { values: ['invited', 'accepted', 'declined'] as const });
const FollowUpStatusEnum = builder.enumType('PeerReviewFollowUpStatus', {
  values: {
    planned: { description: 'The host plans to act on it.' },
    inProgress: { description: 'Being implemented.' },
    implemented: { description: 'Done.' },
    dropped: { description: 'The host decided not to act on it.' },
  } as const,
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
    date: t.exposeString('date'),
    recordedAt: t.exposeString('recorded_at'),
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
    dueDate: t.exposeString('due_date', { nullable: true }),
  }),
});

export const PeerReview = builder.node(builder.objectRef<PeerReviewRow>('PeerReview'), {
  description: "Peers from other countries study a host city's challenge and recommend what to do.",
  id: { resolve: (row) => row.id },
  loadMany: loadManyFrom(findPeerReviews),
  authScopes: { authenticated: true },
  fields: (t) => ({
    reviewId: t.exposeID('id'),
    hostCityId: t.exposeString('host_city_id'),
    hostCityName: t.exposeString('host_city_name'),
    hostCountry: t.exposeString('host_country'),
    networkId: t.exposeID('network_id', { nullable: true }),
    challenge: t.exposeString('challenge'),
    description: t.exposeString('description'),
    topics: t.stringList({ resolve: (row) => topicsOf(row.topics) }),
    plannedFor: t.exposeString('planned_for', { nullable: true }),
    status: t.field({ type: ReviewStatusEnum, resolve: (row) => row.status }),
    heldOn: t.exposeString('held_on', { nullable: true }),
    place: t.exposeString('place', { nullable: true }),
    requestedAt: t.exposeString('requested_at'),
    revision: t.exposeInt('revision'),
    peers: t.field({ type: [ReviewPeer], authScopes: { authenticated: true }, resolve: (row, _a, context) => peersOfReview(sourceOf(row, context), row.id) }),
    foreignPeersAccepted: t.int({
      description: `Peers from countries other than the host's who accepted; the review needs at least ${MIN_FOREIGN_PEERS}.`,
      authScopes: { authenticated: true },
      resolve: (row, _a, context) =>
        peersOfReview(sourceOf(row, context), row.id).filter((p) => p.status === 'accepted' && p.country !== row.host_country).length,
    }),
    recommendations: t.field({
      type: [Recommendation],
      authScopes: { authenticated: true },
      resolve: (row, _a, context) => fromSource(sourceOf(row, context), recommendationsOfReview(sourceOf(row, context), row.id)),
    }),
    todos: t.field({ type: [Todo], authScopes: { authenticated: true }, resolve: (row, _a, context) => todosOfReview(sourceOf(row, context), row.id) }),
  }),
});

builder.queryFields((t) => ({
  peerReview: t.field({
    type: PeerReview,
    nullable: true,
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: true, validate: entityId('PeerReview') }),
      asOf: t.arg.string({ required: false, validate: IsoDateTime.nullish() }),
    },
    resolve: async (_root, args, context) => {
      const db = await readModelsAsOf(context, args.asOf);
      return fromSource(db, findPeerReview(db, entityId('PeerReview').parse(args.id)) ?? null);
    },
  }),
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
function hostScopes(reviewId: string, context: Context) {
  const row = findPeerReview(context.readModels, reviewId);
  if (!row) return { secretariat: true };
  return { secretariat: true, coordinatorOf: row.host_city_id, ...(row.network_id ? { leadExpertOf: row.network_id } : {}) };
}

const ReviewTarget = z.object({ reviewId: entityId('PeerReview') });
const run = (reviewId: string, command: PeerReviewCommand, context: Context, options: CommandOptions) =>
  context.app.execute(peerReviewDecider, streamIdOf(peerReviewDecider.category, reviewId), command, options);

legacyCommandMutation({
  name: 'requestPeerReview',
  description: 'A host city asks for a peer review of a challenge. Its coordinators, its network\'s lead expert, or the secretariat.',
  input: (t) => ({
    hostCityId: t.id({ required: true }),
    hostCityName: t.string({ required: true }),
    networkId: t.id({ required: false }),
    challenge: t.string({ required: true, description: 'The challenge, in one line.' }),
    description: t.string({ required: false }),
    topics: t.stringList({ required: false }),
    plannedFor: t.string({ required: false, description: 'YYYY-MM-DD' }),
  }),
  schema: RequestPeerReview.extend({ networkId: entityId('Network').nullish().transform((v) => v ?? null) }),
  // The lead expert of the host's network: only when the host is an active partner of the network named.
  authScopes: ({ hostCityId, networkId }, context) => ({
    secretariat: true,
    coordinatorOf: hostCityId,
    ...(networkId && findPartner(context.readModels, networkId, hostCityId)?.status === 'active' ? { leadExpertOf: networkId } : {}),
  }),
  execute: async (input, { app }, options) => {
    const network = input.networkId ? await findNetworkSnapshot(app, input.networkId) : null;
    return app.execute(
      peerReviewDecider,
      { create: peerReviewDecider.category },
      { type: 'RequestPeerReview', data: { ...input, network } },
      options,
    );
  },
  ...reviewPayload,
});

legacyCommandMutation({
  name: 'invitePeerReviewer',
  description: 'Invites a peer city (and who comes for it) to a review. Counts toward the rule only if it is from another country than the host.',
  input: (t) => ({
    reviewId: t.id({ required: true }),
    cityId: t.id({ required: true }),
    cityName: t.string({ required: true }),
    reviewer: t.string({ required: false }),
  }),
  schema: ReviewTarget.extend(InvitePeer.shape),
  authScopes: ({ reviewId }, context) => hostScopes(reviewId, context),
  execute: ({ reviewId, ...data }, context, options) => run(reviewId, { type: 'InvitePeer', data }, context, options),
  ...reviewPayload,
});

legacyCommandMutation({
  name: 'answerPeerReviewInvitation',
  description: "An invited peer city accepts or declines. Its coordinators, or the secretariat.",
  input: (t) => ({
    reviewId: t.id({ required: true }),
    cityId: t.id({ required: true }),
    accept: t.boolean({ required: true }),
    note: t.string({ required: false }),
  }),
  schema: ReviewTarget.extend(AnswerInvitation.shape),
  authScopes: ({ cityId }) => ({ secretariat: true, coordinatorOf: cityId }),
  execute: ({ reviewId, ...data }, context, options) => run(reviewId, { type: 'AnswerInvitation', data }, context, options),
  ...reviewPayload,
});

legacyCommandMutation({
  name: 'holdPeerReview',
  description: `Records that the review took place: it needs at least ${MIN_FOREIGN_PEERS} peers from other countries than the host's who accepted.`,
  input: (t) => ({
    reviewId: t.id({ required: true }),
    heldOn: t.string({ required: true, description: 'YYYY-MM-DD' }),
    place: t.string({ required: false }),
  }),
  schema: ReviewTarget.extend(HoldPeerReview.shape),
  authScopes: ({ reviewId }, context) => hostScopes(reviewId, context),
  execute: ({ reviewId, ...data }, context, options) => run(reviewId, { type: 'HoldPeerReview', data }, context, options),
  ...reviewPayload,
});

const RecommendationInput = builder.inputType('PeerReviewRecommendationInput', {
  fields: (t) => ({ text: t.string({ required: true }), topics: t.stringList({ required: false }) }),
});
const TodoInput = builder.inputType('PeerReviewTodoInput', {
  fields: (t) => ({
    text: t.string({ required: true }),
    owner: t.string({ required: false }),
    dueDate: t.string({ required: false, description: 'YYYY-MM-DD' }),
  }),
});

legacyCommandMutation({
  name: 'recordPeerReviewRecommendations',
  description:
    'Records recommendations and to-dos after the review (numbered R1.., T1..). A peer city that took part (give peerCityId), the lead expert, or the secretariat.',
  input: (t) => ({
    reviewId: t.id({ required: true }),
    peerCityId: t.id({ required: false, description: 'The peer city recording.' }),
    recommendations: t.field({ type: [RecommendationInput], required: false }),
    todos: t.field({ type: [TodoInput], required: false }),
  }),
  schema: ReviewTarget.extend(RecordRecommendations.shape).refine((c) => c.recommendations.length + c.todos.length > 0, {
    message: 'record at least one recommendation or to-do',
    path: ['recommendations'],
  }),
  authScopes: ({ reviewId, peerCityId }, context) => {
    const row = findPeerReview(context.readModels, reviewId);
    return {
      secretariat: true,
      ...(peerCityId ? { coordinatorOf: peerCityId } : {}),
      ...(row?.network_id ? { leadExpertOf: row.network_id } : {}),
    };
  },
  execute: ({ reviewId, ...data }, context, options) => run(reviewId, { type: 'RecordRecommendations', data }, context, options),
  ...reviewPayload,
});

legacyCommandMutation({
  name: 'recordPeerReviewFollowUp',
  description: 'Records what the host did with a recommendation. The host city, its lead expert, or the secretariat.',
  input: (t) => ({
    reviewId: t.id({ required: true }),
    recommendationId: t.id({ required: true, description: 'R1, R2, ...' }),
    status: t.field({ type: FollowUpStatusEnum, required: true }),
    note: t.string({ required: false }),
    date: t.string({ required: true, description: 'YYYY-MM-DD' }),
  }),
  schema: ReviewTarget.extend(RecordFollowUp.shape),
  authScopes: ({ reviewId }, context) => hostScopes(reviewId, context),
  execute: ({ reviewId, ...data }, context, options) => run(reviewId, { type: 'RecordFollowUp', data }, context, options),
  ...reviewPayload,
});

legacyCommandMutation({
  name: 'cancelPeerReview',
  description: 'Cancels a review before it takes place.',
  input: (t) => ({ reviewId: t.id({ required: true }), reason: t.string({ required: false }) }),
  schema: ReviewTarget.extend(CancelPeerReview.shape),
  authScopes: ({ reviewId }, context) => hostScopes(reviewId, context),
  execute: ({ reviewId, ...data }, context, options) => run(reviewId, { type: 'CancelPeerReview', data }, context, options),
  ...reviewPayload,
});
