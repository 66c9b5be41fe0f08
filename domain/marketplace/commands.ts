/** The marketplace's commands (the inputs they decide on) and the facts of other aggregates they carry. */
import { z } from 'zod';
import { CityId, IsoDate, OptionalText, Text, Topics, Ulid } from '../shared/values.js';
import { MatchId, type MatchSide, MeetingFormat, NeedKind, type SuggestionSnapshot } from './events.js';
import { Contact } from './values.js';

export const OpenSession = z.object({
  title: Text(200),
  description: OptionalText(4000).default(''),
  /** One network, several (a cross-network session), or none (open to the whole programme). */
  networkIds: z
    .array(Ulid)
    .max(20, 'at most 20 networks')
    .default([])
    .transform((ids) => [...new Set(ids)]),
  otherCountryOnly: z.boolean().default(false).describe('Hard filter: match only cities of different countries.'),
  heldOn: IsoDate.describe('YYYY-MM-DD')
    .nullish()
    .transform((v) => v ?? null),
  place: OptionalText(200).default(''),
});

export const CloseSession = z.object({ reason: OptionalText(1000).default('') });

export const PostOffer = z.object({
  cityId: CityId,
  /** A practice of the catalogue; without it the offer is the city's experience, described here. */
  practiceId: Ulid.nullish().transform((v) => v ?? null),
  title: Text(200).nullish(),
  description: Text(4000).nullish(),
  topics: Topics.default([]),
  contact: Contact.nullish().transform((v) => v ?? null),
});

export const PostNeed = z.object({
  cityId: CityId,
  kind: NeedKind.default('learning'),
  /** A learning need of the city's journey; its text and topics are used unless given here. */
  learningNeedId: Ulid.nullish().transform((v) => v ?? null),
  title: Text(200).nullish(),
  description: Text(4000).nullish(),
  topics: Topics.default([]),
});

export const WithdrawPost = z.object({ postId: Ulid, reason: OptionalText(1000).default('') });

export const RespondToMatch = z.object({
  needId: Ulid,
  offerId: Ulid,
  /** The city answering: the one with the need, or the one with the offer. */
  cityId: CityId.describe('The city answering.'),
  accept: z.boolean(),
  note: OptionalText(1000).default(''),
});

export const ScheduleMatchMeeting = z.object({
  matchId: MatchId,
  format: MeetingFormat,
  date: IsoDate.describe('YYYY-MM-DD'),
  /** Defaults to the city that gives (a site visit is always there). */
  hostCityId: CityId.describe('Defaults to the city that gives.')
    .nullish()
    .transform((v) => v ?? null),
  title: Text(200).nullish(),
});

/** A network's state as the session needs it, loaded by the application layer. */
export type NetworkSnapshot = 'open' | 'closed' | 'unregistered';

/** How the city takes part: null when it is not a partner of the session's networks. */
export interface ParticipantSnapshot {
  readonly name: string;
  readonly networkId: string | null;
}

export interface PracticeSnapshot {
  readonly practiceId: string;
  readonly cityId: string;
  readonly title: string;
  readonly summary: string;
  readonly topics: readonly string[];
  readonly contact: z.output<typeof Contact> | null;
  readonly withdrawn: boolean;
}

/** A learning need of the city's journey (issue 3), when the need refers to one. */
export interface LearningNeedSnapshot {
  readonly learningNeedId: string;
  readonly cityId: string;
  readonly title: string;
  readonly description: string;
  readonly topics: readonly string[];
  readonly closed: boolean;
}

export type MarketplaceCommand =
  | {
      type: 'OpenSession';
      data: z.output<typeof OpenSession> & { networks: Readonly<Record<string, NetworkSnapshot>> };
    }
  | { type: 'CloseSession'; data: z.output<typeof CloseSession> }
  | {
      type: 'PostOffer';
      data: z.output<typeof PostOffer> & {
        offerId: string;
        participant: ParticipantSnapshot | null;
        practice: PracticeSnapshot | null;
      };
    }
  | {
      type: 'PostNeed';
      data: z.output<typeof PostNeed> & {
        needId: string;
        participant: ParticipantSnapshot | null;
        learningNeed: LearningNeedSnapshot | null;
      };
    }
  | { type: 'WithdrawPost'; data: z.output<typeof WithdrawPost> }
  | { type: 'RespondToMatch'; data: z.output<typeof RespondToMatch> & { suggestion: SuggestionSnapshot | null } }
  | {
      type: 'ScheduleMatchMeeting';
      data: z.output<typeof ScheduleMatchMeeting> & { meetingId: string; recordedIn: 'marketplace' | 'journey' };
    };

export interface SessionPost {
  readonly side: MatchSide;
  readonly cityId: string;
  readonly country: string;
  readonly networkId: string | null;
  readonly title: string;
  readonly open: boolean;
  readonly practiceId: string | null;
  readonly learningNeedId: string | null;
}

export interface SessionMatch {
  readonly needId: string;
  readonly offerId: string;
  readonly answers: Readonly<Partial<Record<MatchSide, 'accepted' | 'declined'>>>;
  readonly status: 'proposed' | 'agreed' | 'declined';
  readonly meetingId: string | null;
}

/** The command of this type. */
export type MarketplaceCommandOf<T extends MarketplaceCommand['type']> = Extract<MarketplaceCommand, { type: T }>;
