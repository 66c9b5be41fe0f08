import { actionPlanDecider } from '../../domain/actionPlan/decider.js';
import { calendarFeedDecider } from '../../domain/calendarFeed/decider.js';
import { dataSubjectDecider } from '../../domain/dataSubject/decider.js';
import { learningNeedDecider } from '../../domain/learningNeed/decider.js';
import { localGroupDecider } from '../../domain/localGroup/decider.js';
import { marketplaceDecider } from '../../domain/marketplace/decider.js';
import { meetingDecider } from '../../domain/meeting/decider.js';
import { networkDecider } from '../../domain/network/decider.js';
import { peerReviewDecider } from '../../domain/peerReview/decider.js';
import { practiceDecider } from '../../domain/practice/decider.js';
import { transferDecider } from '../../domain/transfer/decider.js';
import { LOG_IDENTITY_CATEGORY } from './logIdentity.js';

/** Idempotency reservations: technical streams that expire (docs/personal-data.md#retention). */
export const IDEMPOTENCY_CATEGORY = 'idempotency';

/**
 * The stream categories this application writes: its aggregates', the idempotency keys' and the
 * log identity's. On a shared EventStoreDB the subscription asks the server for these alone.
 * test/eventStore/ownedStreams.test.ts fails when a decider's category or a stream the
 * application writes is missing here.
 */
export const OWNED_CATEGORIES: readonly string[] = [
  actionPlanDecider.category,
  calendarFeedDecider.category,
  dataSubjectDecider.category,
  learningNeedDecider.category,
  localGroupDecider.category,
  marketplaceDecider.category,
  meetingDecider.category,
  networkDecider.category,
  peerReviewDecider.category,
  practiceDecider.category,
  transferDecider.category,
  IDEMPOTENCY_CATEGORY,
  LOG_IDENTITY_CATEGORY,
];

/** Stream name prefixes of the owned categories (`network-`, ...). */
export const OWNED_STREAM_PREFIXES: readonly string[] = OWNED_CATEGORIES.map((category) => `${category}-`);
