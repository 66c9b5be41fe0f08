import type { NetworkSnapshot } from '../network/snapshot.js';
import { z } from 'zod';
import { CityId, IsoDate, OptionalText, Text, Topics, Ulid } from '../shared/values.js';
import { FollowUpStatus } from './events.js';

export const RequestPeerReview = z.object({
  hostCityId: CityId,
  hostCityName: Text(200),
  networkId: Ulid.nullish().transform((v) => v ?? null),
  /** The challenge the host wants peers to look at, in one line. */
  challenge: Text(300).describe('The challenge, in one line.'),
  description: OptionalText(4000).default(''),
  topics: Topics.default([]),
  plannedFor: IsoDate.describe('YYYY-MM-DD')
    .nullish()
    .transform((v) => v ?? null),
});

export const InvitePeer = z.object({
  cityId: CityId,
  cityName: Text(200),
  reviewer: OptionalText(200).default(''),
});

export const AnswerInvitation = z.object({
  cityId: CityId,
  accept: z.boolean(),
  note: OptionalText(1000).default(''),
});

export const HoldPeerReview = z.object({
  heldOn: IsoDate.describe('YYYY-MM-DD'),
  place: OptionalText(200).default(''),
});

export const RecommendationInput = z.object({ text: Text(2000), topics: Topics.default([]) });

export const TodoInput = z.object({
  text: Text(1000),
  owner: OptionalText(200).default(''),
  dueDate: IsoDate.describe('YYYY-MM-DD')
    .nullish()
    .transform((v) => v ?? null),
});

export const RecordRecommendations = z
  .object({
    /** The peer city recording; leave out when the lead expert or the secretariat records. */
    peerCityId: CityId.describe('The peer city recording.')
      .nullish()
      .transform((v) => v ?? null),
    recommendations: z.array(RecommendationInput).max(50, 'at most 50 recommendations at once').default([]),
    todos: z.array(TodoInput).max(100, 'at most 100 to-dos at once').default([]),
  })
  .refine((c) => c.recommendations.length + c.todos.length > 0, {
    message: 'record at least one recommendation or to-do',
    path: ['recommendations'],
  });

export const RecordFollowUp = z.object({
  recommendationId: z
    .string()
    .trim()
    .regex(/^R\d{1,4}$/, 'must be a recommendation id such as R1')
    .describe('R1, R2, ...'),
  status: FollowUpStatus,
  note: OptionalText(2000).default(''),
  date: IsoDate.describe('YYYY-MM-DD'),
});

export const CancelPeerReview = z.object({ reason: OptionalText(1000).default('') });

export type PeerReviewCommand =
  | {
      type: 'RequestPeerReview';
      /** `network`: the named network's facts (loaded by the application layer), null when none is named. */
      data: z.output<typeof RequestPeerReview> & { network?: NetworkSnapshot | null };
    }
  | { type: 'InvitePeer'; data: z.output<typeof InvitePeer> }
  | { type: 'AnswerInvitation'; data: z.output<typeof AnswerInvitation> }
  | { type: 'HoldPeerReview'; data: z.output<typeof HoldPeerReview> }
  | { type: 'RecordRecommendations'; data: z.output<typeof RecordRecommendations> }
  | { type: 'RecordFollowUp'; data: z.output<typeof RecordFollowUp> }
  | { type: 'CancelPeerReview'; data: z.output<typeof CancelPeerReview> };
