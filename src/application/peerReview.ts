import {
  AnswerInvitation,
  CancelPeerReview,
  HoldPeerReview,
  InvitePeer,
  RecordFollowUp,
  RecordRecommendations,
  RequestPeerReview,
  type PeerReviewCommand,
} from '../../domain/peerReview/commands.js';
import { peerReviewDecider } from '../../domain/peerReview/decider.js';
import { streamIdOf } from '../../domain/shared/decider.js';
import type { CommandOptions } from '../commands/handleCommand.js';
import { asId, entityId } from './ids.js';
import type { Ledger } from './ledger.js';
import { findNetworkSnapshot } from './networkSnapshot.js';
import { defineUseCase } from './useCase.js';

/**
 * Peer reviews: a host city asks peers from other countries to study a challenge; they give
 * recommendations and a to-do list; follow-ups record what the host did with each recommendation.
 */

const ReviewTarget = { reviewId: entityId('PeerReview') };

// Only the request decides on another aggregate (the network named); later commands need the review alone.
const onReview = (ledger: Ledger, reviewId: string, command: PeerReviewCommand, options: CommandOptions) =>
  ledger.execute(peerReviewDecider, streamIdOf(peerReviewDecider.category, reviewId), command, options);

export const requestPeerReview = defineUseCase(
  'requestPeerReview',
  RequestPeerReview.extend({ networkId: entityId('Network').nullish().transform((id) => id ?? null) }),
  async (ledger, data, options) => {
    const network = data.networkId ? await findNetworkSnapshot(ledger, data.networkId) : null;
    return ledger.execute(
      peerReviewDecider,
      { create: peerReviewDecider.category },
      { type: 'RequestPeerReview', data: { ...data, network } },
      options,
    );
  },
);

export const invitePeerReviewer = defineUseCase(
  'invitePeerReviewer',
  InvitePeer.extend(ReviewTarget),
  (ledger, { reviewId, ...data }, options) => onReview(ledger, reviewId, { type: 'InvitePeer', data }, options),
);

export const answerPeerReviewInvitation = defineUseCase(
  'answerPeerReviewInvitation',
  AnswerInvitation.extend(ReviewTarget),
  (ledger, { reviewId, ...data }, options) => onReview(ledger, reviewId, { type: 'AnswerInvitation', data }, options),
);

export const holdPeerReview = defineUseCase(
  'holdPeerReview',
  HoldPeerReview.extend(ReviewTarget),
  (ledger, { reviewId, ...data }, options) => onReview(ledger, reviewId, { type: 'HoldPeerReview', data }, options),
);

export const recordPeerReviewRecommendations = defineUseCase(
  'recordPeerReviewRecommendations',
  RecordRecommendations.extend(ReviewTarget),
  (ledger, { reviewId, ...data }, options) => onReview(ledger, reviewId, { type: 'RecordRecommendations', data }, options),
);

export const recordPeerReviewFollowUp = defineUseCase(
  'recordPeerReviewFollowUp',
  RecordFollowUp.extend({ ...ReviewTarget, recommendationId: asId(RecordFollowUp.shape.recommendationId) }),
  (ledger, { reviewId, ...data }, options) => onReview(ledger, reviewId, { type: 'RecordFollowUp', data }, options),
);

export const cancelPeerReview = defineUseCase(
  'cancelPeerReview',
  CancelPeerReview.extend(ReviewTarget),
  (ledger, { reviewId, ...data }, options) => onReview(ledger, reviewId, { type: 'CancelPeerReview', data }, options),
);
