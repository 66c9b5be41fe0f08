import type { MarketplaceEvent, MarketplaceEventOf } from '../../domain/marketplace/events.js';

/** Ids and events shared by the marketplace specs (BoostInno's exchange, 2016). */
export const NETWORK = '01JBOOSTINNO0000000000000A';
export const OTHER_NETWORK = '01JINTERACTIVE000000000000';
export const NEED_TORINO = '01JNEED0000000000000000001';
export const NEED_GDANSK = '01JNEED0000000000000000002';
export const OFFER_STRASBOURG = '01JOFFER000000000000000001';
export const OFFER_GDANSK = '01JOFFER000000000000000002';
export const OFFER_TORINO = '01JOFFER000000000000000003';
export const PRACTICE_GDANSK = '01JPRACT1CE000000000000001';

export const opened: MarketplaceEvent = {
  type: 'MarketplaceSessionOpened',
  data: {
    title: 'BoostInno marketplace, Gdansk',
    description: '',
    scope: 'network',
    networkIds: [NETWORK],
    otherCountryOnly: false,
    heldOn: '2016-03-14',
    place: 'Gdansk',
  },
};

export const offerStrasbourg: MarketplaceEvent = {
  type: 'MarketplaceOfferPosted',
  data: {
    offerId: OFFER_STRASBOURG,
    cityId: 'strasbourg-fr',
    cityName: 'Strasbourg',
    country: 'FR',
    networkId: NETWORK,
    kind: 'experience',
    practiceId: null,
    title: 'Local currency and impact funds',
    description: 'Public support to a local currency, the Stück, and new funds for social enterprises.',
    topics: ['impact finance', 'social economy'],
    contact: null,
  },
};

export const offerGdansk: MarketplaceEvent = {
  type: 'MarketplaceOfferPosted',
  data: {
    offerId: OFFER_GDANSK,
    cityId: 'gdansk-pl',
    cityName: 'Gdansk',
    country: 'PL',
    networkId: NETWORK,
    kind: 'practice',
    practiceId: PRACTICE_GDANSK,
    title: 'Creative mapping',
    description: 'Horizontal management based on creative mapping of challenges and resources.',
    topics: ['mapping'],
    contact: null,
  },
};

export const needTorino: MarketplaceEvent = {
  type: 'MarketplaceNeedPosted',
  data: {
    needId: NEED_TORINO,
    cityId: 'torino-it',
    cityName: 'Torino',
    country: 'IT',
    networkId: NETWORK,
    kind: 'learning',
    learningNeedId: null,
    title: 'How to develop new impact funds?',
    description: 'How to develop new impact funds for social enterprises',
    topics: ['impact finance'],
  },
};

export const matchId = `${NEED_TORINO}-${OFFER_STRASBOURG}`;
export const pair = {
  matchId,
  needId: NEED_TORINO,
  offerId: OFFER_STRASBOURG,
  needCityId: 'torino-it',
  offerCityId: 'strasbourg-fr',
};

export const acceptedByNeed: MarketplaceEvent = { type: 'MarketplaceMatchAccepted', data: { ...pair, side: 'need', cityId: 'torino-it', note: '', suggestion: null } };
export const acceptedByOffer: MarketplaceEvent = { type: 'MarketplaceMatchAccepted', data: { ...pair, side: 'offer', cityId: 'strasbourg-fr', note: '', suggestion: null } };
export const agreed: MarketplaceEvent = { type: 'MarketplaceMatchAgreed', data: { matchId, needId: NEED_TORINO, offerId: OFFER_STRASBOURG } };

export const MEETING = '01JMEET1NG0000000000000001';

/** A site visit to Strasbourg, on BoostInno's journey. */
export const meetingScheduled: MarketplaceEventOf<'MarketplaceMeetingScheduled'> = {
  type: 'MarketplaceMeetingScheduled',
  data: {
    matchId,
    needId: NEED_TORINO,
    offerId: OFFER_STRASBOURG,
    meetingId: MEETING,
    format: 'siteVisit',
    date: '2016-05-10',
    hostCityId: 'strasbourg-fr',
    networkId: NETWORK,
    title: 'Site visit: How to develop new impact funds?',
    recordedIn: 'journey',
  },
};
