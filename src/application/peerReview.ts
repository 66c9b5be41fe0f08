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
import { asId, entityId, optionalEntityId } from './ids.js';
import { findNetworkSnapshot } from './networkSnapshot.js';

/**
 * Peer reviews: a host city asks peers from other countries to study a challenge; they give
 * recommendations and a to-do list; follow-ups record what the host did with each recommendation.
 */

// Only the request decides on another aggregate (the network named, if any); later commands on the review alone.
const reviews = aggregate(peerReviewDecider, { reviewId: entityId('PeerReview') });

export const requestPeerReview = reviews.define(
  'requestPeerReview',
  RequestPeerReview.extend({ networkId: optionalEntityId('Network') }),
  async (ledger, data, options) => {
    const network = data.networkId ? await findNetworkSnapshot(ledger, data.networkId) : null;
    return reviews.create(ledger, { type: 'RequestPeerReview', data: { ...data, network } }, options);
  },
);

export const invitePeerReviewer = reviews.useCase('invitePeerReviewer', InvitePeer.extend(reviews.target), 'InvitePeer');

export const answerPeerReviewInvitation = reviews.useCase('answerPeerReviewInvitation', AnswerInvitation.extend(reviews.target), 'AnswerInvitation');

export const holdPeerReview = reviews.useCase('holdPeerReview', HoldPeerReview.extend(reviews.target), 'HoldPeerReview');

export const recordPeerReviewRecommendations = reviews.useCase('recordPeerReviewRecommendations', RecordRecommendations.extend(reviews.target), 'RecordRecommendations');

export const recordPeerReviewFollowUp = reviews.useCase(
  'recordPeerReviewFollowUp',
  RecordFollowUp.extend({ ...reviews.target, recommendationId: asId(RecordFollowUp.shape.recommendationId) }),
  'RecordFollowUp',
);

export const cancelPeerReview = reviews.useCase('cancelPeerReview', CancelPeerReview.extend(reviews.target), 'CancelPeerReview');
