import { z } from 'zod';
import { CityId, CountryCode, IsoDate, Topics, Ulid } from '../shared/values.js';
import { Contact } from './values.js';
import type { MessagesOf } from '../shared/decider.js';

/** A network's own session, one across several networks, or one open to the whole programme. */
export const SessionScope = z.enum(['network', 'crossNetwork', 'programme']);
export type SessionScope = z.infer<typeof SessionScope>;

/** "Give": a labelled or candidate good practice from the catalogue, or experience a city can share. */
export const OfferKind = z.enum(['practice', 'experience']);
/** "Use": a learning need (what to learn) or a capacity-building need (skills, resources). */
export const NeedKind = z.enum(['learning', 'capacityBuilding']);
export const MatchSide = z.enum(['need', 'offer']);
export type MatchSide = z.infer<typeof MatchSide>;
/** How an agreed match meets: a bilateral meeting, or a site visit to the city that gives. */
export const MeetingFormat = z.enum(['bilateralMeeting', 'siteVisit']);
export type MeetingFormat = z.infer<typeof MeetingFormat>;

/** A session takes posts and new matches while open. */
export const SessionStatus = z.enum(['open', 'closed']);
/** A post stays open until its city withdraws it. */
export const PostStatus = z.enum(['open', 'withdrawn']);
/** What one side of a match answered. */
export const MatchAnswer = z.enum(['accepted', 'declined']);
/** A match is proposed once one side accepted, agreed once both did, declined when either declined. */
export const MatchStatus = z.enum(['proposed', 'agreed', 'declined']);

const Poster = {
  cityId: CityId,
  cityName: z.string(),
  country: CountryCode,
  /** The network the city takes part through (null in a programme-wide session). */
  networkId: Ulid.nullable(),
};

const MatchPair = {
  /** `<needId>-<offerId>`: one match per pair. */
  matchId: z.string(),
  needId: Ulid,
  offerId: Ulid,
  needCityId: CityId,
  offerCityId: CityId,
};

/** Why the pair was suggested, as the matcher explained it when the first side answered. */
export const SuggestionSnapshot = z.object({
  score: z.number(),
  sharedTopics: z.array(z.string()),
  matchedTerms: z.array(z.string()),
});
export type SuggestionSnapshot = z.infer<typeof SuggestionSnapshot>;

export const MarketplaceEventSchemas = {
  MarketplaceSessionOpened: z.object({
    title: z.string(),
    description: z.string(),
    scope: SessionScope,
    networkIds: z.array(Ulid),
    /** Hard filter: matches only between cities of different countries. */
    otherCountryOnly: z.boolean(),
    heldOn: IsoDate.nullable(),
    place: z.string(),
  }),
  MarketplaceSessionClosed: z.object({ reason: z.string() }),
  MarketplaceOfferPosted: z.object({
    offerId: Ulid,
    ...Poster,
    kind: OfferKind,
    practiceId: Ulid.nullable(),
    title: z.string(),
    description: z.string(),
    topics: Topics,
    contact: Contact.nullable(),
  }),
  MarketplaceNeedPosted: z.object({
    needId: Ulid,
    ...Poster,
    kind: NeedKind,
    /** The learning need of the city's journey this need comes from, if any. */
    learningNeedId: Ulid.nullable(),
    title: z.string(),
    description: z.string(),
    topics: Topics,
  }),
  MarketplacePostWithdrawn: z.object({ postId: Ulid, side: MatchSide, cityId: CityId, reason: z.string() }),
  /**
   * In a claim's stream (a practice's, a learning need's, in one session): this post is now its
   * open offer (need), appended with the post. Bookkeeping of the rule "once per session": the read
   * models and the board ignore it.
   */
  MarketplaceClaimTaken: z.object({ postId: Ulid }),
  /** In a claim's stream: the post holding it was withdrawn, appended with the withdrawal. */
  MarketplaceClaimReleased: z.object({ postId: Ulid }),
  MarketplaceMatchAccepted: z.object({
    ...MatchPair,
    side: MatchSide,
    cityId: CityId,
    note: z.string(),
    /** Present on the first answer to a pair. */
    suggestion: SuggestionSnapshot.nullable(),
  }),
  MarketplaceMatchDeclined: z.object({
    ...MatchPair,
    side: MatchSide,
    cityId: CityId,
    note: z.string(),
    suggestion: SuggestionSnapshot.nullable(),
  }),
  /** Both sides accepted. */
  MarketplaceMatchAgreed: z.object({ matchId: z.string(), needId: Ulid, offerId: Ulid }),
  MarketplaceMeetingScheduled: z.object({
    matchId: z.string(),
    needId: Ulid,
    offerId: Ulid,
    meetingId: Ulid,
    format: MeetingFormat,
    date: IsoDate,
    hostCityId: CityId,
    /** The journey (network) the meeting is on: the learning city's network. */
    networkId: Ulid.nullable(),
    title: z.string(),
    /** `journey` when the meeting was also scheduled on the network's journey (issue 3's meetings). */
    recordedIn: z.enum(['marketplace', 'journey']),
  }),
} as const;

export type MarketplaceEvent = MessagesOf<typeof MarketplaceEventSchemas>;
export type MarketplaceEventOf<K extends MarketplaceEvent['type']> = Extract<MarketplaceEvent, { type: K }>;

export function matchIdOf(needId: string, offerId: string): string {
  return `${needId}-${offerId}`;
}

export const MatchId = z
  .string()
  .trim()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}-[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a match id (<needId>-<offerId>)');

export function pairOfMatch(matchId: string): { needId: string; offerId: string } {
  const [needId = '', offerId = ''] = matchId.split('-');
  return { needId, offerId };
}
