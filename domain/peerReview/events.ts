import { z } from 'zod';
import { personRef } from '../shared/personalData.js';
import { CityId, CountryCode, IsoDate, Topics, Ulid } from '../shared/values.js';
import type { MessagesOf } from '../shared/decider.js';

/** A review is requested, then held or cancelled. */
export const PeerReviewStatus = z.enum(['requested', 'held', 'cancelled']);
export const InvitationStatus = z.enum(['invited', 'accepted', 'declined']);
/** What the host did with a recommendation, last known. */
export const FollowUpStatus = z.enum(['planned', 'inProgress', 'implemented', 'dropped']);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

export const Recommendation = z.object({
  /** `R1`, `R2`, ... in the order recorded. */
  recommendationId: z.string(),
  text: z.string(),
  topics: Topics,
});

export const Todo = z.object({
  /** `T1`, `T2`, ... in the order recorded. */
  todoId: z.string(),
  text: z.string(),
  owner: personRef(z.string(), 'name'),
  dueDate: IsoDate.nullable(),
});

export const PeerReviewEventSchemas = {
  PeerReviewRequested: z.object({
    hostCityId: CityId,
    hostCityName: z.string(),
    hostCountry: CountryCode,
    networkId: Ulid.nullable(),
    challenge: z.string(),
    description: z.string(),
    topics: Topics,
    plannedFor: IsoDate.nullable(),
  }),
  PeerReviewPeerInvited: z.object({
    cityId: CityId,
    cityName: z.string(),
    country: CountryCode,
    /** Who comes for the city (a person, or a role). */
    reviewer: personRef(z.string(), 'name'),
  }),
  PeerReviewInvitationAnswered: z.object({ cityId: CityId, accepted: z.boolean(), note: z.string() }),
  PeerReviewHeld: z.object({
    heldOn: IsoDate,
    place: z.string(),
    /** The peers who took part: those who had accepted. */
    peerCityIds: z.array(CityId),
  }),
  PeerReviewRecommendationsRecorded: z.object({
    /** The peer city that recorded them, or null for the lead expert / secretariat. */
    recordedBy: CityId.nullable(),
    recommendations: z.array(Recommendation),
    todos: z.array(Todo),
  }),
  PeerReviewFollowUpRecorded: z.object({
    recommendationId: z.string(),
    status: FollowUpStatus,
    note: z.string(),
    date: IsoDate,
  }),
  PeerReviewCancelled: z.object({ reason: z.string() }),
} as const;

export type PeerReviewEvent = MessagesOf<typeof PeerReviewEventSchemas>;
export type PeerReviewEventOf<K extends PeerReviewEvent['type']> = Extract<PeerReviewEvent, { type: K }>;
