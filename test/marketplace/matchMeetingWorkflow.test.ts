import { describe, it } from 'vitest';
import { marketplaceDecider } from '../../domain/marketplace/decider.js';
import type { MarketplaceEvent } from '../../domain/marketplace/events.js';
import {
  matchMeetingWorkflow,
  type MatchMeetingCommand,
  type MatchMeetingEvent,
  type MatchMeetingFacts,
} from '../../domain/marketplace/matchMeetingWorkflow.js';
import type { NetworkSnapshot } from '../../domain/network/snapshot.js';
import { fold } from '../../domain/shared/decider.js';
import { network } from '../support/networkSnapshot.js';
import { workflowSpec } from '../support/workflowSpec.js';
import {
  MEETING,
  NETWORK,
  acceptedByNeed,
  acceptedByOffer,
  agreed,
  matchId,
  meetingScheduled,
  needTorino,
  offerStrasbourg,
  opened,
} from './fixtures.js';

const spec = workflowSpec(matchMeetingWorkflow);

const LEARNING_NEED = '01JLEARN1NGNEED00000000001';
const NEW_MEETING = '01JMEET1NG0000000000000002';

const needFromJourney: MarketplaceEvent = { ...needTorino, data: { ...needTorino.data, learningNeedId: LEARNING_NEED } } as MarketplaceEvent;
const agreedMatch: MarketplaceEvent[] = [opened, offerStrasbourg, needFromJourney, acceptedByNeed, acceptedByOffer, agreed];

// The marketplace's BoostInno: Torino and Strasbourg are its partners.
const boostInno: NetworkSnapshot = {
  ...network,
  networkId: NETWORK,
  partners: {
    'torino-it': { name: 'Torino', country: 'IT', role: 'partner' },
    'strasbourg-fr': { name: 'Strasbourg', country: 'FR', role: 'partner' },
  },
};

const siteVisit = { matchId, format: 'siteVisit', date: '2016-05-10', hostCityId: null, title: null } as const;
const bilateral = { matchId, format: 'bilateralMeeting', date: '2016-06-01', hostCityId: 'torino-it', title: 'Impact funds' } as const;

/** The facts of a site visit asked for the agreed match, on BoostInno's journey. */
const facts = (over: Partial<MatchMeetingFacts> = {}): MatchMeetingFacts => ({
  request: siteVisit,
  session: fold(marketplaceDecider, agreedMatch),
  retried: false,
  network: boostInno,
  learningNeed: { learningNeedId: LEARNING_NEED, status: 'open' },
  newMeetingId: NEW_MEETING,
  ...over,
});

const meetingSnapshot = { meetingId: MEETING, networkId: NETWORK, status: 'scheduled' } as const;
const onJourney: MatchMeetingEvent = { type: 'JourneyMeetingScheduled', data: { meetingId: MEETING, meeting: meetingSnapshot } };
const recordedOnJourney: MatchMeetingEvent = { type: 'MatchMeetingRecorded', data: { meetingId: MEETING, recordedIn: 'journey' } };
const needAddressed: MatchMeetingEvent = { type: 'LearningNeedAddressed', data: { learningNeedId: LEARNING_NEED } };

const studyVisit: Extract<MatchMeetingCommand, { to: 'meeting' }> = {
  to: 'meeting',
  networkId: NETWORK,
  schedule: {
    kind: 'studyVisit',
    title: 'Site visit: How to develop new impact funds?',
    hostCityId: 'strasbourg-fr',
    startDate: '2016-05-10',
    endDate: '2016-05-10',
    themes: [],
    guidingQuestions: [],
    partnerCityIds: ['torino-it', 'strasbourg-fr'],
    origin: { kind: 'marketplaceMatch', id: matchId },
  },
};

const addressLearningNeed: MatchMeetingCommand = {
  to: 'learningNeed',
  learningNeedId: LEARNING_NEED,
  command: {
    type: 'AddressLearningNeed',
    data: { meetingId: MEETING, peerCityId: null, note: 'Marketplace match with strasbourg-fr', meeting: meetingSnapshot, network: boostInno },
  },
};

const recordIn = (meetingId: string, recordedIn: 'marketplace' | 'journey', request: MatchMeetingFacts['request'] = siteVisit) =>
  ({ to: 'session', command: { type: 'ScheduleMatchMeeting', data: { ...request, meetingId, recordedIn } } }) as const;

describe('the match meeting: on the journey when both cities are partners of the open network', () => {
  it('schedules a site visit as a study visit of the network, at the giving city', () => {
    spec.given([]).when(facts()).thenSends(studyVisit);
  });

  it('schedules a bilateral meeting with the host and title asked for', () => {
    spec
      .given([])
      .when(facts({ request: bilateral }))
      .thenSends({
        ...studyVisit,
        schedule: { ...studyVisit.schedule, kind: 'bilateralMeeting', title: 'Impact funds', hostCityId: 'torino-it', startDate: '2016-06-01', endDate: '2016-06-01' },
      });
  });

  it('then has the session record the journey meeting', () => {
    spec.given([onJourney]).when(facts()).thenSends(recordIn(MEETING, 'journey'));
  });

  it('then addresses the learning need the marketplace need came from with the meeting', () => {
    spec
      .given([onJourney, recordedOnJourney])
      .when(facts())
      .thenSends(addressLearningNeed);
  });

  it('addresses a learning need other meetings already addressed', () => {
    spec
      .given([onJourney, recordedOnJourney])
      .when(facts({ learningNeed: { learningNeedId: LEARNING_NEED, status: 'addressed' } }))
      .thenSends(addressLearningNeed);
  });

  it('completes once the learning need is addressed', () => {
    spec.given([onJourney, recordedOnJourney, needAddressed]).when(facts()).thenCompletes();
  });

  it('leaves a closed learning need alone', () => {
    spec.given([onJourney, recordedOnJourney]).when(facts({ learningNeed: { learningNeedId: LEARNING_NEED, status: 'closed' } })).thenCompletes();
  });

  it('leaves a withdrawn learning need alone', () => {
    spec.given([onJourney, recordedOnJourney]).when(facts({ learningNeed: { learningNeedId: LEARNING_NEED, status: 'withdrawn' } })).thenCompletes();
  });

  it('completes after the session recorded it when the need came from no learning need', () => {
    spec.given([onJourney, recordedOnJourney]).when(facts({ learningNeed: null })).thenCompletes();
  });
});

describe('the match meeting: in the marketplace alone otherwise', () => {
  const recordedInMarketplace: MatchMeetingEvent = { type: 'MatchMeetingRecorded', data: { meetingId: NEW_MEETING, recordedIn: 'marketplace' } };

  it('has the session record the meeting when the network is closed', () => {
    spec.given([]).when(facts({ network: { ...boostInno, closed: true } })).thenSends(recordIn(NEW_MEETING, 'marketplace'));
  });

  it('has the session record the meeting when the giving city is not a partner of the network', () => {
    const withoutStrasbourg = { ...boostInno, partners: { 'torino-it': boostInno.partners['torino-it']! } };
    spec.given([]).when(facts({ network: withoutStrasbourg })).thenSends(recordIn(NEW_MEETING, 'marketplace'));
  });

  it('has the session record the meeting when the learning city takes part through no network', () => {
    spec.given([]).when(facts({ network: null })).thenSends(recordIn(NEW_MEETING, 'marketplace'));
  });

  it('completes without touching the learning need once the session recorded it', () => {
    spec.given([recordedInMarketplace]).when(facts({ network: null })).thenCompletes();
  });
});

describe("the match meeting: the session's rules come first, so nothing is scheduled for a match that cannot have it", () => {
  it('refuses a match both sides have not agreed to', () => {
    spec
      .given([])
      .when(facts({ session: fold(marketplaceDecider, agreedMatch.slice(0, 4)) }))
      .thenFails('MATCH_NOT_AGREED');
  });

  it('refuses a site visit away from the giving city', () => {
    spec.given([]).when(facts({ request: { ...siteVisit, hostCityId: 'torino-it' } })).thenFails('SITE_VISIT_AT_GIVING_CITY');
  });

  it('refuses a second meeting for the match', () => {
    spec
      .given([])
      .when(facts({ session: fold(marketplaceDecider, [...agreedMatch, meetingScheduled]) }))
      .thenFails('MEETING_ALREADY_SCHEDULED');
  });
});

describe('the match meeting: a retry with the same idempotency key', () => {
  const scheduledSession = fold(marketplaceDecider, [...agreedMatch, meetingScheduled]);

  it('sends the first step again, whose aggregate answers with its first result', () => {
    spec.given([]).when(facts({ session: scheduledSession, retried: true })).thenSends(studyVisit);
  });

  it('reports a match the session does not have as not found', () => {
    spec.given([]).when(facts({ session: fold(marketplaceDecider, [opened]), retried: true })).thenFails('NOT_FOUND');
  });
});
