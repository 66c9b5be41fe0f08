import { describe, it } from 'vitest';
import type { MarketplaceCommand } from '../../domain/marketplace/commands.js';
import { marketplaceDecider } from '../../domain/marketplace/decider.js';
import type { MarketplaceEvent } from '../../domain/marketplace/events.js';
import { deciderSpec } from '../support/deciderSpec.js';
import {
  NEED_GDANSK,
  NEED_TORINO,
  NETWORK,
  OFFER_GDANSK,
  OFFER_STRASBOURG,
  OFFER_TORINO,
  OTHER_NETWORK,
  PRACTICE_GDANSK,
  matchId,
  needTorino,
  offerGdansk,
  offerStrasbourg,
  opened,
  pair,
} from './fixtures.js';

const spec = deciderSpec(marketplaceDecider);
const closed: MarketplaceEvent = { type: 'MarketplaceSessionClosed', data: { reason: 'end of the meeting' } };
const participant = (name: string) => ({ name, networkId: NETWORK });

type Data<T extends MarketplaceCommand['type']> = Extract<MarketplaceCommand, { type: T }>['data'];
const openSession = (over: Partial<Data<'OpenSession'>> = {}): MarketplaceCommand => ({
  type: 'OpenSession',
  data: {
    title: 'BoostInno marketplace, Gdansk',
    description: '',
    networkIds: [NETWORK],
    otherCountryOnly: false,
    heldOn: '2016-03-14',
    place: 'Gdansk',
    networks: { [NETWORK]: 'open' },
    ...over,
  },
});
const postExperience = (over: Partial<Data<'PostOffer'>> = {}): MarketplaceCommand => ({
  type: 'PostOffer',
  data: {
    offerId: OFFER_STRASBOURG,
    cityId: 'strasbourg-fr',
    practiceId: null,
    title: 'Local currency and impact funds',
    description: 'Public support to a local currency, the Stück, and new funds for social enterprises.',
    topics: ['impact finance', 'social economy'],
    contact: null,
    participant: participant('Strasbourg'),
    practice: null,
    ...over,
  },
});
const gdanskPractice = {
  practiceId: PRACTICE_GDANSK,
  cityId: 'gdansk-pl',
  title: 'Creative mapping',
  summary: 'Horizontal management based on creative mapping of challenges and resources.',
  topics: ['mapping'],
  contact: null,
  withdrawn: false,
};
const postPractice = (over: Partial<Data<'PostOffer'>> = {}): MarketplaceCommand => ({
  type: 'PostOffer',
  data: {
    offerId: OFFER_GDANSK,
    cityId: 'gdansk-pl',
    practiceId: PRACTICE_GDANSK,
    title: null,
    description: null,
    topics: [],
    contact: null,
    participant: participant('Gdansk'),
    practice: gdanskPractice,
    ...over,
  },
});
const postNeed = (over: Partial<Data<'PostNeed'>> = {}): MarketplaceCommand => ({
  type: 'PostNeed',
  data: {
    needId: NEED_TORINO,
    cityId: 'torino-it',
    kind: 'learning',
    learningNeedId: null,
    title: 'How to develop new impact funds?',
    description: 'How to develop new impact funds for social enterprises',
    topics: ['impact finance'],
    participant: participant('Torino'),
    learningNeed: null,
    ...over,
  },
});
const respond = (cityId: string, accept: boolean, over: Partial<Data<'RespondToMatch'>> = {}): MarketplaceCommand => ({
  type: 'RespondToMatch',
  data: { needId: NEED_TORINO, offerId: OFFER_STRASBOURG, cityId, accept, note: '', suggestion: null, ...over },
});
const posted = [opened, offerStrasbourg, needTorino];
const acceptedByNeed: MarketplaceEvent = { type: 'MarketplaceMatchAccepted', data: { ...pair, side: 'need', cityId: 'torino-it', note: '', suggestion: null } };
const acceptedByOffer: MarketplaceEvent = { type: 'MarketplaceMatchAccepted', data: { ...pair, side: 'offer', cityId: 'strasbourg-fr', note: '', suggestion: null } };
const agreed: MarketplaceEvent = { type: 'MarketplaceMatchAgreed', data: { matchId, needId: NEED_TORINO, offerId: OFFER_STRASBOURG } };

describe('marketplace sessions', () => {
  it('opens a session for one network, across networks, or for the programme', () => {
    spec.given([]).when(openSession()).then([opened]);
    spec
      .given([])
      .when(openSession({ networkIds: [NETWORK, OTHER_NETWORK], networks: { [NETWORK]: 'open', [OTHER_NETWORK]: 'open' } }))
      .then([{ type: 'MarketplaceSessionOpened', data: { ...opened.data, scope: 'crossNetwork', networkIds: [NETWORK, OTHER_NETWORK] } as never }]);
    spec
      .given([])
      .when(openSession({ networkIds: [], networks: {} }))
      .then([{ type: 'MarketplaceSessionOpened', data: { ...opened.data, scope: 'programme', networkIds: [] } as never }]);
    spec.given([opened]).when(openSession()).thenFails('SESSION_ALREADY_OPENED');
  });

  it('opens sessions only for registered, open networks', () => {
    spec.given([]).when(openSession({ networks: {} })).thenFails('NETWORK_NOT_FOUND');
    spec.given([]).when(openSession({ networks: { [NETWORK]: 'closed' } })).thenFails('NETWORK_CLOSED');
  });

  it('closes a session once; then no new posts', () => {
    spec.given([opened]).when({ type: 'CloseSession', data: { reason: 'end of the meeting' } }).then([closed]);
    spec.given([opened, closed]).when({ type: 'CloseSession', data: { reason: '' } }).thenFails('SESSION_CLOSED');
    spec.given([]).when({ type: 'CloseSession', data: { reason: '' } }).thenFails('SESSION_NOT_FOUND');
    spec.given([opened, closed]).when(postNeed()).thenFails('SESSION_CLOSED');
  });
});

describe('offers ("give")', () => {
  it('posts experience with its own text', () => {
    spec.given([opened]).when(postExperience()).then([offerStrasbourg]);
    spec.given([opened]).when(postExperience({ title: null })).thenFails('OFFER_NEEDS_TEXT');
    spec.given([opened, offerStrasbourg]).when(postExperience()).thenFails('POST_ALREADY_EXISTS');
  });

  it('posts a practice of the catalogue, taking its text and topics', () => {
    spec.given([opened]).when(postPractice()).then([offerGdansk]);
    spec
      .given([opened])
      .when(postPractice({ topics: ['innovation in public administration'] }))
      .then([{ ...offerGdansk, data: { ...offerGdansk.data, topics: ['mapping', 'innovation in public administration'] } } as MarketplaceEvent]);
  });

  it('offers only existing, own, active practices, once per session', () => {
    spec.given([opened]).when(postPractice({ practice: null })).thenFails('PRACTICE_NOT_FOUND');
    spec.given([opened]).when(postPractice({ cityId: 'torino-it', participant: participant('Torino') })).thenFails('PRACTICE_OF_ANOTHER_CITY');
    spec.given([opened]).when(postPractice({ practice: { ...gdanskPractice, withdrawn: true } })).thenFails('PRACTICE_WITHDRAWN');
    spec.given([opened, offerGdansk]).when(postPractice({ offerId: OFFER_TORINO })).thenFails('PRACTICE_ALREADY_OFFERED');
  });

  it('takes posts only from cities of the session', () => {
    spec.given([opened]).when(postExperience({ participant: null })).thenFails('CITY_NOT_IN_SESSION');
    spec.given([]).when(postExperience()).thenFails('SESSION_NOT_FOUND');
  });
});

describe('needs ("use")', () => {
  it('posts a need with its own text and topics', () => {
    spec.given([opened]).when(postNeed()).then([needTorino]);
    spec.given([opened]).when(postNeed({ title: null })).thenFails('NEED_NEEDS_TEXT');
    spec.given([opened]).when(postNeed({ participant: null })).thenFails('CITY_NOT_IN_SESSION');
  });

  it('posts a learning need of the journey, taking its text and topics', () => {
    const LN = '01JLEARN1NGNEED00000000001';
    const learningNeed = {
      learningNeedId: LN,
      cityId: 'torino-it',
      title: 'How to develop new impact funds?',
      description: 'How to develop new impact funds?',
      topics: ['impact finance', 'social enterprises'],
      closed: false,
    };
    spec
      .given([opened])
      .when(postNeed({ learningNeedId: LN, learningNeed, title: null, description: null, topics: [] }))
      .then([
        {
          type: 'MarketplaceNeedPosted',
          data: { ...needTorino.data, learningNeedId: LN, description: 'How to develop new impact funds?', topics: ['impact finance', 'social enterprises'] } as never,
        },
      ]);
    spec.given([opened]).when(postNeed({ learningNeedId: LN, learningNeed: null })).thenFails('LEARNING_NEED_NOT_FOUND');
    spec.given([opened]).when(postNeed({ learningNeedId: LN, learningNeed: { ...learningNeed, cityId: 'gdansk-pl' } })).thenFails('LEARNING_NEED_OF_ANOTHER_CITY');
    spec.given([opened]).when(postNeed({ learningNeedId: LN, learningNeed: { ...learningNeed, closed: true } })).thenFails('LEARNING_NEED_CLOSED');
    const postedLn: MarketplaceEvent = { ...needTorino, data: { ...needTorino.data, learningNeedId: LN } } as MarketplaceEvent;
    spec.given([opened, postedLn]).when(postNeed({ needId: NEED_GDANSK, learningNeedId: LN, learningNeed })).thenFails('LEARNING_NEED_ALREADY_POSTED');
  });

  it('withdraws a post once', () => {
    const withdrawn: MarketplaceEvent = { type: 'MarketplacePostWithdrawn', data: { postId: NEED_TORINO, side: 'need', cityId: 'torino-it', reason: 'solved' } };
    spec.given(posted).when({ type: 'WithdrawPost', data: { postId: NEED_TORINO, reason: 'solved' } }).then([withdrawn]);
    spec.given([...posted, withdrawn]).when({ type: 'WithdrawPost', data: { postId: NEED_TORINO, reason: '' } }).thenNothing();
    spec.given(posted).when({ type: 'WithdrawPost', data: { postId: NEED_GDANSK, reason: '' } }).thenFails('POST_NOT_FOUND');
  });
});

describe('matches: both sides accept or decline', () => {
  it('records the first answer with the suggestion that explained it, and agrees when both accepted', () => {
    const suggestion = { score: 0.9, sharedTopics: ['impact finance'], matchedTerms: ['impact', 'funds'] };
    spec
      .given(posted)
      .when(respond('torino-it', true, { suggestion }))
      .then([{ ...acceptedByNeed, data: { ...acceptedByNeed.data, suggestion } } as MarketplaceEvent]);
    spec.given([...posted, acceptedByNeed]).when(respond('strasbourg-fr', true, { suggestion })).then([acceptedByOffer, agreed]);
    spec.given([...posted, acceptedByNeed]).when(respond('torino-it', true)).thenNothing();
  });

  it('lets either side decline, which ends the match', () => {
    const declined: MarketplaceEvent = { type: 'MarketplaceMatchDeclined', data: { ...pair, side: 'offer', cityId: 'strasbourg-fr', note: 'no capacity', suggestion: null } };
    spec.given([...posted, acceptedByNeed]).when(respond('strasbourg-fr', false, { note: 'no capacity' })).then([declined]);
    spec.given([...posted, acceptedByNeed, declined]).when(respond('torino-it', true)).thenFails('MATCH_DECLINED');
    spec.given([...posted, acceptedByNeed, declined]).when(respond('strasbourg-fr', false)).thenNothing();
    spec.given([...posted, acceptedByNeed, acceptedByOffer, agreed]).when(respond('torino-it', false)).thenFails('MATCH_ALREADY_AGREED');
  });

  it('applies the hard filters: not the same city, another country when the session asks', () => {
    const gdanskNeed: MarketplaceEvent = { ...needTorino, data: { ...needTorino.data, needId: NEED_GDANSK, cityId: 'gdansk-pl', cityName: 'Gdansk', country: 'PL' } } as MarketplaceEvent;
    spec.given([opened, offerGdansk, gdanskNeed]).when(respond('gdansk-pl', true, { needId: NEED_GDANSK, offerId: OFFER_GDANSK })).thenFails('SAME_CITY');
    const strict: MarketplaceEvent = { ...opened, data: { ...opened.data, otherCountryOnly: true } } as MarketplaceEvent;
    const otherItalian: MarketplaceEvent = {
      ...offerStrasbourg,
      data: { ...offerStrasbourg.data, offerId: OFFER_TORINO, cityId: 'milano-it', cityName: 'Milano', country: 'IT' },
    } as MarketplaceEvent;
    spec.given([strict, otherItalian, needTorino]).when(respond('torino-it', true, { offerId: OFFER_TORINO })).thenFails('SAME_COUNTRY');
    spec.given([opened, otherItalian, needTorino]).when(respond('torino-it', true, { offerId: OFFER_TORINO })).then([
      { type: 'MarketplaceMatchAccepted', data: { ...pair, matchId: `${NEED_TORINO}-${OFFER_TORINO}`, offerId: OFFER_TORINO, offerCityId: 'milano-it', side: 'need', cityId: 'torino-it', note: '', suggestion: null } },
    ]);
  });

  it('answers only for the two cities, on existing open posts', () => {
    spec.given(posted).when(respond('gdansk-pl', true)).thenFails('NOT_PARTY_TO_MATCH');
    spec.given(posted).when(respond('torino-it', true, { needId: NEED_GDANSK })).thenFails('NEED_NOT_FOUND');
    spec.given(posted).when(respond('torino-it', true, { offerId: OFFER_GDANSK })).thenFails('OFFER_NOT_FOUND');
    spec.given(posted).when(respond('torino-it', true, { offerId: NEED_TORINO })).thenFails('OFFER_NOT_FOUND');
    const withdrawn: MarketplaceEvent = { type: 'MarketplacePostWithdrawn', data: { postId: OFFER_STRASBOURG, side: 'offer', cityId: 'strasbourg-fr', reason: '' } };
    spec.given([...posted, withdrawn]).when(respond('torino-it', true)).thenFails('POST_WITHDRAWN');
  });

  it('after closing, lets matches under way be answered, but starts no new ones', () => {
    spec.given([...posted, closed]).when(respond('torino-it', true)).thenFails('SESSION_CLOSED');
    spec.given([...posted, acceptedByNeed, closed]).when(respond('strasbourg-fr', true)).then([acceptedByOffer, agreed]);
  });
});

describe('from match to meeting', () => {
  const MEETING = '01JMEET1NG0000000000000001';
  const schedule = (over: Partial<Data<'ScheduleMatchMeeting'>> = {}): MarketplaceCommand => ({
    type: 'ScheduleMatchMeeting',
    data: { matchId, format: 'siteVisit', date: '2016-05-10', hostCityId: null, title: null, meetingId: MEETING, recordedIn: 'journey', ...over },
  });
  const agreedMatch = [...posted, acceptedByNeed, acceptedByOffer, agreed];
  const scheduled: MarketplaceEvent = {
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

  it('schedules a site visit to the giving city, or a bilateral meeting, once both agreed', () => {
    spec.given(agreedMatch).when(schedule()).then([scheduled]);
    spec
      .given(agreedMatch)
      .when(schedule({ format: 'bilateralMeeting', hostCityId: 'torino-it', title: 'Impact funds', recordedIn: 'marketplace' }))
      .then([{ type: 'MarketplaceMeetingScheduled', data: { ...scheduled.data, format: 'bilateralMeeting', hostCityId: 'torino-it', title: 'Impact funds', recordedIn: 'marketplace' } }]);
  });

  it('refuses before agreement, elsewhere than the two cities, a site visit away from the giver, or twice', () => {
    spec.given([...posted, acceptedByNeed]).when(schedule()).thenFails('MATCH_NOT_AGREED');
    spec.given(posted).when(schedule()).thenFails('MATCH_NOT_FOUND');
    spec.given(agreedMatch).when(schedule({ hostCityId: 'gdansk-pl', format: 'bilateralMeeting' })).thenFails('HOST_NOT_IN_MATCH');
    spec.given(agreedMatch).when(schedule({ hostCityId: 'torino-it' })).thenFails('SITE_VISIT_AT_GIVING_CITY');
    spec.given([...agreedMatch, scheduled]).when(schedule()).thenFails('MEETING_ALREADY_SCHEDULED');
  });
});
