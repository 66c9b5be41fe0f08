import { networksProjection } from './network/networks.js';
import { partnersProjection } from './network/partners.js';
import { networkPhasesProjection } from './network/phases.js';
import { networkLessonsProjection } from './network/lessons.js';
import { thematicGroupsProjection } from './network/thematicGroups.js';
import { meetingsProjection } from './meeting/meetings.js';
import { localGroupsProjection } from './localGroup/localGroups.js';
import { learningNeedsProjection } from './learningNeed/learningNeeds.js';
import { actionPlansProjection } from './actionPlan/actionPlans.js';
import { transfersProjection } from './transfer/transfers.js';
import { outcomeNetworksProjection } from './outcomes/networks.js';
import { outcomePlansProjection } from './outcomes/plans.js';
import { outcomeTransfersProjection } from './outcomes/transfers.js';
import { outcomeLocalGroupsProjection, outcomeMeetingsProjection, outcomeNeedsProjection, outcomePracticesProjection } from './outcomes/exchange.js';
import { practicesProjection } from './practice/practices.js';
import { marketplaceProjection } from './marketplace/sessions.js';
import { peerReviewsProjection } from './peerReview/peerReviews.js';
import { calendarFeedsProjection } from './calendarFeed/calendarFeeds.js';
import type { Projection } from './types.js';

/** The read models the secretariat's outcome figures are computed from. */
export const outcomeProjections: readonly Projection[] = [
  outcomeNetworksProjection,
  outcomePlansProjection,
  outcomeTransfersProjection,
  outcomeNeedsProjection,
  outcomeMeetingsProjection,
  outcomeLocalGroupsProjection,
  outcomePracticesProjection,
];

/** Every read model the API serves. Each capability adds its projections here (one line each). */
export const allProjections: readonly Projection[] = [
  networksProjection,
  partnersProjection,
  networkPhasesProjection,
  networkLessonsProjection,
  thematicGroupsProjection,
  meetingsProjection,
  localGroupsProjection,
  learningNeedsProjection,
  actionPlansProjection,
  transfersProjection,
  ...outcomeProjections,
  practicesProjection,
  marketplaceProjection,
  peerReviewsProjection,
  calendarFeedsProjection,
];

