import {
  MatchAnswer,
  MatchStatus,
  MeetingFormat,
  NeedKind,
  OfferKind,
  PostStatus,
  SessionScope,
  SessionStatus,
} from '../../domain/marketplace/events.js';
import { enumOf } from '../inputs.js';

/** The marketplace's enums, one GraphQL type per zod enum of the domain. */

export const SessionScopeEnum = enumOf(SessionScope, 'MarketplaceSessionScope', {
  values: {
    network: "One network's session.",
    crossNetwork: 'A session across several networks.',
    programme: 'A session open to partners of every network.',
  },
});
export const SessionStatusEnum = enumOf(SessionStatus, 'MarketplaceSessionStatus');
export const OfferKindEnum = enumOf(OfferKind, 'MarketplaceOfferKind', {
  values: {
    practice: 'A practice of the catalogue.',
    experience: 'Experience the city can share, described in the offer.',
  },
});
export const NeedKindEnum = enumOf(NeedKind, 'MarketplaceNeedKind', {
  values: {
    learning: 'What the city wants to learn.',
    capacityBuilding: 'A capacity-building need (skills, resources).',
  },
});
export const PostStatusEnum = enumOf(PostStatus, 'MarketplacePostStatus');
export const MatchStatusEnum = enumOf(MatchStatus, 'MarketplaceMatchStatus', {
  values: {
    proposed: 'One side accepted; waiting for the other.',
    agreed: 'Both sides accepted.',
    declined: 'One side declined.',
  },
});
export const MatchAnswerEnum = enumOf(MatchAnswer, 'MarketplaceMatchAnswer');
export const MeetingFormatEnum = enumOf(MeetingFormat, 'MarketplaceMeetingFormat', {
  values: {
    bilateralMeeting: 'A bilateral meeting between the two cities.',
    siteVisit: 'A site visit to the city that gives (a study visit on the journey).',
  },
});
