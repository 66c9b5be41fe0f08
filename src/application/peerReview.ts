import {
  AnswerInvitation,
  CancelPeerReview,
  HoldPeerReview,
  InvitePeer,
  RecordFollowUp,
  RecordRecommendations,
  RequestPeerReview,
} from '../../domain/peerReview/decider.js';
import { peerReviewDecider } from '../../domain/peerReview/decider.js';
import { aggregate } from './aggregate.js';
import { asId, entityId } from './ids.js';
import { findNetworkSnapshot } from './networkSnapshot.js';
import { defineUseCase } from './useCase.js';

/**
 * Peer reviews: a host city asks peers from other countries to study a challenge; they give
 * recommendations and a to-do list; follow-ups record what the host did with each recommendation.
 */

const ReviewTarget = { reviewId: entityId('PeerReview') };

// Only the request decides on another aggregate (the network named, if any); later commands on the review alone.
const reviews = aggregate(peerReviewDecider);

export const requestPeerReview = defineUseCase(
  'requestPeerReview',
  RequestPeerReview.extend({ networkId: entityId('Network').nullish().transform((id) => id ?? null) }),
  async (ledger, data, options) => {
    const network = data.networkId ? await findNetworkSnapshot(ledger, data.networkId) : null;
    return reviews.create(ledger, { type: 'RequestPeerReview', data: { ...data, network } }, options);
  },
);

export const invitePeerReviewer = defineUseCase(
  'invitePeerReviewer',
  InvitePeer.extend(ReviewTarget),
  (ledger, { reviewId, ...data }, options) => reviews.change(ledger, reviewId, { type: 'InvitePeer', data }, options),
);

export const answerPeerReviewInvitation = defineUseCase(
  'answerPeerReviewInvitation',
  AnswerInvitation.extend(ReviewTarget),
  (ledger, { reviewId, ...data }, options) => reviews.change(ledger, reviewId, { type: 'AnswerInvitation', data }, options),
);

export const holdPeerReview = defineUseCase(
  'holdPeerReview',
  HoldPeerReview.extend(ReviewTarget),
  (ledger, { reviewId, ...data }, options) => reviews.change(ledger, reviewId, { type: 'HoldPeerReview', data }, options),
);

export const recordPeerReviewRecommendations = defineUseCase(
  'recordPeerReviewRecommendations',
  RecordRecommendations.extend(ReviewTarget),
  (ledger, { reviewId, ...data }, options) => reviews.change(ledger, reviewId, { type: 'RecordRecommendations', data }, options),
);

export const recordPeerReviewFollowUp = defineUseCase(
  'recordPeerReviewFollowUp',
  RecordFollowUp.extend({ ...ReviewTarget, recommendationId: asId(RecordFollowUp.shape.recommendationId) }),
  (ledger, { reviewId, ...data }, options) => reviews.change(ledger, reviewId, { type: 'RecordFollowUp', data }, options),
);

export const cancelPeerReview = defineUseCase(
  'cancelPeerReview',
  CancelPeerReview.extend(ReviewTarget),
  (ledger, { reviewId, ...data }, options) => reviews.change(ledger, reviewId, { type: 'CancelPeerReview', data }, options),
);
