import { describe, it } from 'vitest';
import type { MarketplaceCommand } from '../../domain/marketplace/decider.js';
import { marketplaceDecider } from '../../domain/marketplace/decider.js';
import type { MarketplaceEvent } from '../../domain/marketplace/events.js';
import { deciderSpec } from '../support/deciderSpec.js';
import {
  MEETING,
  NEED_GDANSK,
  NEED_TORINO,
  NETWORK,
  OFFER_GDANSK,
  OFFER_STRASBOURG,
  OFFER_TORINO,
  OTHER_NETWORK,
  PRACTICE_GDANSK,
  acceptedByNeed,
  acceptedByOffer,
  agreed,
  matchId,
  meetingScheduled,
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

describe('marketplace sessions', () => {
  describe('opens a session for one network, across networks, or for the programme', () => {
    it('for one network', () => {
      spec.given([]).when(openSession()).then([opened]);
    });

    it('across networks', () => {
      spec
        .given([])
        .when(openSession({ networkIds: [NETWORK, OTHER_NETWORK], networks: { [NETWORK]: 'open', [OTHER_NETWORK]: 'open' } }))
        .then([{ type: 'MarketplaceSessionOpened', data: { ...opened.data, scope: 'crossNetwork', networkIds: [NETWORK, OTHER_NETWORK] } as never }]);
    });

    it('for the programme', () => {
      spec
        .given([])
        .when(openSession({ networkIds: [], networks: {} }))
        .then([{ type: 'MarketplaceSessionOpened', data: { ...opened.data, scope: 'programme', networkIds: [] } as never }]);
    });

    it('once', () => {
      spec.given([opened]).when(openSession()).thenFails('SESSION_ALREADY_OPENED');
    });
  });

  describe('opens sessions only for registered, open networks', () => {
    it('not for a network never registered', () => {
      spec.given([]).when(openSession({ networks: {} })).thenFails('NETWORK_NOT_FOUND');
    });

    it('not for a closed network', () => {
      spec.given([]).when(openSession({ networks: { [NETWORK]: 'closed' } })).thenFails('NETWORK_CLOSED');
    });
  });

  describe('closes a session once; then no new posts', () => {
    it('closes an open session', () => {
      spec.given([opened]).when({ type: 'CloseSession', data: { reason: 'end of the meeting' } }).then([closed]);
    });

    it('does not close it twice', () => {
      spec.given([opened, closed]).when({ type: 'CloseSession', data: { reason: '' } }).thenFails('SESSION_CLOSED');
    });

    it('does not close a session never opened', () => {
      spec.given([]).when({ type: 'CloseSession', data: { reason: '' } }).thenFails('SESSION_NOT_FOUND');
    });

    it('takes no new posts once closed', () => {
      spec.given([opened, closed]).when(postNeed()).thenFails('SESSION_CLOSED');
    });
  });
});

describe('offers ("give")', () => {
  describe('posts experience with its own text', () => {
    it('posts it', () => {
      spec.given([opened]).when(postExperience()).then([offerStrasbourg]);
    });

    it('needs a title and a description', () => {
      spec.given([opened]).when(postExperience({ title: null })).thenFails('OFFER_NEEDS_TEXT');
    });

    it('does not post the same offer twice', () => {
      spec.given([opened, offerStrasbourg]).when(postExperience()).thenFails('POST_ALREADY_EXISTS');
    });
  });

  describe('posts a practice of the catalogue, taking its text and topics', () => {
    it('takes the text and topics of the practice', () => {
      spec.given([opened]).when(postPractice()).then([offerGdansk]);
    });

    it('adds the topics given to the practice\'s', () => {
      spec
        .given([opened])
        .when(postPractice({ topics: ['innovation in public administration'] }))
        .then([{ ...offerGdansk, data: { ...offerGdansk.data, topics: ['mapping', 'innovation in public administration'] } } as MarketplaceEvent]);
    });
  });

  describe('offers only existing, own, active practices, once per session', () => {
    it('not a practice missing from the catalogue', () => {
      spec.given([opened]).when(postPractice({ practice: null })).thenFails('PRACTICE_NOT_FOUND');
    });

    it("not another city's practice", () => {
      spec.given([opened]).when(postPractice({ cityId: 'torino-it', participant: participant('Torino') })).thenFails('PRACTICE_OF_ANOTHER_CITY');
    });

    it('not a withdrawn practice', () => {
      spec.given([opened]).when(postPractice({ practice: { ...gdanskPractice, withdrawn: true } })).thenFails('PRACTICE_WITHDRAWN');
    });

    it('not a practice already offered in the session', () => {
      spec.given([opened, offerGdansk]).when(postPractice({ offerId: OFFER_TORINO })).thenFails('PRACTICE_ALREADY_OFFERED');
    });

    it('again once its offer was withdrawn', () => {
      const withdrawn: MarketplaceEvent = { type: 'MarketplacePostWithdrawn', data: { postId: OFFER_GDANSK, side: 'offer', cityId: 'gdansk-pl', reason: '' } };
      spec
        .given([opened, offerGdansk, withdrawn])
        .when(postPractice({ offerId: OFFER_TORINO }))
        .then([{ ...offerGdansk, data: { ...offerGdansk.data, offerId: OFFER_TORINO } } as MarketplaceEvent]);
    });
  });

  describe('takes posts only from cities of the session', () => {
    it('not from a city that is not a partner', () => {
      spec.given([opened]).when(postExperience({ participant: null })).thenFails('CITY_NOT_IN_SESSION');
    });

    it('not in a session never opened', () => {
      spec.given([]).when(postExperience()).thenFails('SESSION_NOT_FOUND');
    });
  });
});

describe('needs ("use")', () => {
  describe('posts a need with its own text and topics', () => {
    it('posts it', () => {
      spec.given([opened]).when(postNeed()).then([needTorino]);
    });

    it('needs a title', () => {
      spec.given([opened]).when(postNeed({ title: null })).thenFails('NEED_NEEDS_TEXT');
    });

    it('not from a city that is not a partner', () => {
      spec.given([opened]).when(postNeed({ participant: null })).thenFails('CITY_NOT_IN_SESSION');
    });
  });

  describe('posts a learning need of the journey, taking its text and topics', () => {
    const LN = '01JLEARN1NGNEED00000000001';
    const learningNeed = {
      learningNeedId: LN,
      cityId: 'torino-it',
      title: 'How to develop new impact funds?',
      description: 'How to develop new impact funds?',
      topics: ['impact finance', 'social enterprises'],
      closed: false,
    };

    it('takes the text and topics of the learning need', () => {
      spec
        .given([opened])
        .when(postNeed({ learningNeedId: LN, learningNeed, title: null, description: null, topics: [] }))
        .then([
          {
            type: 'MarketplaceNeedPosted',
            data: { ...needTorino.data, learningNeedId: LN, description: 'How to develop new impact funds?', topics: ['impact finance', 'social enterprises'] } as never,
          },
        ]);
    });

    it('not a learning need that does not exist', () => {
      spec.given([opened]).when(postNeed({ learningNeedId: LN, learningNeed: null })).thenFails('LEARNING_NEED_NOT_FOUND');
    });

    it("not another city's learning need", () => {
      spec.given([opened]).when(postNeed({ learningNeedId: LN, learningNeed: { ...learningNeed, cityId: 'gdansk-pl' } })).thenFails('LEARNING_NEED_OF_ANOTHER_CITY');
    });

    it('not a closed learning need', () => {
      spec.given([opened]).when(postNeed({ learningNeedId: LN, learningNeed: { ...learningNeed, closed: true } })).thenFails('LEARNING_NEED_CLOSED');
    });

    it('not a learning need already posted in the session', () => {
      const postedLn: MarketplaceEvent = { ...needTorino, data: { ...needTorino.data, learningNeedId: LN } } as MarketplaceEvent;
      spec.given([opened, postedLn]).when(postNeed({ needId: NEED_GDANSK, learningNeedId: LN, learningNeed })).thenFails('LEARNING_NEED_ALREADY_POSTED');
    });
  });

  describe('withdraws a post once', () => {
    const withdrawn: MarketplaceEvent = { type: 'MarketplacePostWithdrawn', data: { postId: NEED_TORINO, side: 'need', cityId: 'torino-it', reason: 'solved' } };

    it('withdraws an open post', () => {
      spec.given(posted).when({ type: 'WithdrawPost', data: { postId: NEED_TORINO, reason: 'solved' } }).then([withdrawn]);
    });

    it('does nothing for a post already withdrawn', () => {
      spec.given([...posted, withdrawn]).when({ type: 'WithdrawPost', data: { postId: NEED_TORINO, reason: '' } }).thenNothing();
    });

    it('not a post missing from the session', () => {
      spec.given(posted).when({ type: 'WithdrawPost', data: { postId: NEED_GDANSK, reason: '' } }).thenFails('POST_NOT_FOUND');
    });
  });
});

describe('matches: both sides accept or decline', () => {
  describe('records the first answer with the suggestion that explained it, and agrees when both accepted', () => {
    const suggestion = { score: 0.9, sharedTopics: ['impact finance'], matchedTerms: ['impact', 'funds'] };

    it('records the first answer with its suggestion', () => {
      spec
        .given(posted)
        .when(respond('torino-it', true, { suggestion }))
        .then([{ ...acceptedByNeed, data: { ...acceptedByNeed.data, suggestion } } as MarketplaceEvent]);
    });

    it('agrees when the other side accepts too', () => {
      spec.given([...posted, acceptedByNeed]).when(respond('strasbourg-fr', true, { suggestion })).then([acceptedByOffer, agreed]);
    });

    it('does nothing when a side accepts again', () => {
      spec.given([...posted, acceptedByNeed]).when(respond('torino-it', true)).thenNothing();
    });
  });

  describe('lets either side decline, which ends the match', () => {
    const declined: MarketplaceEvent = { type: 'MarketplaceMatchDeclined', data: { ...pair, side: 'offer', cityId: 'strasbourg-fr', note: 'no capacity', suggestion: null } };

    it('records the decline', () => {
      spec.given([...posted, acceptedByNeed]).when(respond('strasbourg-fr', false, { note: 'no capacity' })).then([declined]);
    });

    it('refuses to accept a declined match', () => {
      spec.given([...posted, acceptedByNeed, declined]).when(respond('torino-it', true)).thenFails('MATCH_DECLINED');
    });

    it('does nothing when the side declines again', () => {
      spec.given([...posted, acceptedByNeed, declined]).when(respond('strasbourg-fr', false)).thenNothing();
    });

    it('refuses to decline a match both sides agreed to', () => {
      spec.given([...posted, acceptedByNeed, acceptedByOffer, agreed]).when(respond('torino-it', false)).thenFails('MATCH_ALREADY_AGREED');
    });
  });

  describe('applies the hard filters: not the same city, another country when the session asks', () => {
    const otherItalian: MarketplaceEvent = {
      ...offerStrasbourg,
      data: { ...offerStrasbourg.data, offerId: OFFER_TORINO, cityId: 'milano-it', cityName: 'Milano', country: 'IT' },
    } as MarketplaceEvent;

    it('never matches a city with itself', () => {
      const gdanskNeed: MarketplaceEvent = { ...needTorino, data: { ...needTorino.data, needId: NEED_GDANSK, cityId: 'gdansk-pl', cityName: 'Gdansk', country: 'PL' } } as MarketplaceEvent;
      spec.given([opened, offerGdansk, gdanskNeed]).when(respond('gdansk-pl', true, { needId: NEED_GDANSK, offerId: OFFER_GDANSK })).thenFails('SAME_CITY');
    });

    it('matches cities of different countries only when the session asks', () => {
      const strict: MarketplaceEvent = { ...opened, data: { ...opened.data, otherCountryOnly: true } } as MarketplaceEvent;
      spec.given([strict, otherItalian, needTorino]).when(respond('torino-it', true, { offerId: OFFER_TORINO })).thenFails('SAME_COUNTRY');
    });

    it('matches cities of the same country otherwise', () => {
      spec.given([opened, otherItalian, needTorino]).when(respond('torino-it', true, { offerId: OFFER_TORINO })).then([
        { type: 'MarketplaceMatchAccepted', data: { ...pair, matchId: `${NEED_TORINO}-${OFFER_TORINO}`, offerId: OFFER_TORINO, offerCityId: 'milano-it', side: 'need', cityId: 'torino-it', note: '', suggestion: null } },
      ]);
    });
  });

  describe('answers only for the two cities, on existing open posts', () => {
    it('not for a third city', () => {
      spec.given(posted).when(respond('gdansk-pl', true)).thenFails('NOT_PARTY_TO_MATCH');
    });

    it('not for a need missing from the session', () => {
      spec.given(posted).when(respond('torino-it', true, { needId: NEED_GDANSK })).thenFails('NEED_NOT_FOUND');
    });

    it('not for an offer missing from the session', () => {
      spec.given(posted).when(respond('torino-it', true, { offerId: OFFER_GDANSK })).thenFails('OFFER_NOT_FOUND');
    });

    it('not for a need given as the offer', () => {
      spec.given(posted).when(respond('torino-it', true, { offerId: NEED_TORINO })).thenFails('OFFER_NOT_FOUND');
    });

    it('not for a withdrawn post', () => {
      const withdrawn: MarketplaceEvent = { type: 'MarketplacePostWithdrawn', data: { postId: OFFER_STRASBOURG, side: 'offer', cityId: 'strasbourg-fr', reason: '' } };
      spec.given([...posted, withdrawn]).when(respond('torino-it', true)).thenFails('POST_WITHDRAWN');
    });
  });

  describe('after closing, lets matches under way be answered, but starts no new ones', () => {
    it('starts no new match', () => {
      spec.given([...posted, closed]).when(respond('torino-it', true)).thenFails('SESSION_CLOSED');
    });

    it('lets a match under way be agreed', () => {
      spec.given([...posted, acceptedByNeed, closed]).when(respond('strasbourg-fr', true)).then([acceptedByOffer, agreed]);
    });
  });
});

describe('from match to meeting', () => {
  const schedule = (over: Partial<Data<'ScheduleMatchMeeting'>> = {}): MarketplaceCommand => ({
    type: 'ScheduleMatchMeeting',
    data: { matchId, format: 'siteVisit', date: '2016-05-10', hostCityId: null, title: null, meetingId: MEETING, recordedIn: 'journey', ...over },
  });
  const agreedMatch = [...posted, acceptedByNeed, acceptedByOffer, agreed];
  const scheduled = meetingScheduled;

  describe('schedules a site visit to the giving city, or a bilateral meeting, once both agreed', () => {
    it('a site visit to the giving city', () => {
      spec.given(agreedMatch).when(schedule()).then([scheduled]);
    });

    it('a bilateral meeting, with the host and title given', () => {
      spec
        .given(agreedMatch)
        .when(schedule({ format: 'bilateralMeeting', hostCityId: 'torino-it', title: 'Impact funds', recordedIn: 'marketplace' }))
        .then([{ type: 'MarketplaceMeetingScheduled', data: { ...scheduled.data, format: 'bilateralMeeting', hostCityId: 'torino-it', title: 'Impact funds', recordedIn: 'marketplace' } }]);
    });
  });

  describe('refuses before agreement, elsewhere than the two cities, a site visit away from the giver, or twice', () => {
    it('not before both sides agreed', () => {
      spec.given([...posted, acceptedByNeed]).when(schedule()).thenFails('MATCH_NOT_AGREED');
    });

    it('not for a match missing from the session', () => {
      spec.given(posted).when(schedule()).thenFails('MATCH_NOT_FOUND');
    });

    it('not hosted by a third city', () => {
      spec.given(agreedMatch).when(schedule({ hostCityId: 'gdansk-pl', format: 'bilateralMeeting' })).thenFails('HOST_NOT_IN_MATCH');
    });

    it('not a site visit away from the giving city', () => {
      spec.given(agreedMatch).when(schedule({ hostCityId: 'torino-it' })).thenFails('SITE_VISIT_AT_GIVING_CITY');
    });

    it('not twice', () => {
      spec.given([...agreedMatch, scheduled]).when(schedule()).thenFails('MEETING_ALREADY_SCHEDULED');
    });
  });
});
