import { describe, expect, it } from 'vitest';
import { AddressLearningNeed, RaiseLearningNeed, RefineLearningNeed } from '../../domain/learningNeed/commands.js';
import { learningNeedDecider } from '../../domain/learningNeed/decider.js';
import type { LearningNeedEvent } from '../../domain/learningNeed/events.js';
import { deciderSpec } from '../support/deciderSpec.js';
import { closedNetwork, network, NETWORK_ID, OTHER_NETWORK_ID, otherNetwork, onlyGdansk } from '../journey/fixtures.js';

const spec = deciderSpec(learningNeedDecider);
const need = {
  cityId: 'torino-it',
  kind: 'learning' as const,
  topics: ['impact funds', 'finance'],
  description: 'How to develop new impact funds?',
  priority: 'high' as const,
};
const raised: LearningNeedEvent = { type: 'LearningNeedRaised', data: { networkId: NETWORK_ID, ...need } };
const MEETING_ID = '01JMEETING0000000000000000';
const meeting = { meetingId: MEETING_ID, networkId: NETWORK_ID, status: 'held' as const };
const byMeeting: LearningNeedEvent = { type: 'LearningNeedAddressed', data: { meetingId: MEETING_ID, peerCityId: null, note: '' } };
const closed: LearningNeedEvent = { type: 'LearningNeedClosed', data: { note: 'learnt' } };
const withdrawn: LearningNeedEvent = { type: 'LearningNeedWithdrawn', data: { reason: 'no longer a priority' } };
const leftNetwork = onlyGdansk;

describe('learning need decider', () => {
  it('lets a partner raise a need', () => {
    spec.given([]).when({ type: 'RaiseLearningNeed', data: { ...need, network } }).then([raised]);
    spec.given([raised]).when({ type: 'RaiseLearningNeed', data: { ...need, network } }).thenFails('LEARNING_NEED_ALREADY_RAISED');
  });

  it('refuses a need from a city that is not a partner, or in a closed network', () => {
    spec.given([]).when({ type: 'RaiseLearningNeed', data: { ...need, cityId: 'lviv-ua', network } }).thenFails('NOT_A_PARTNER');
    spec.given([]).when({ type: 'RaiseLearningNeed', data: { ...need, network: closedNetwork } }).thenFails('NETWORK_CLOSED');
  });

  it('refines a need, recording only what changed and what it was', () => {
    spec
      .given([raised])
      .when({ type: 'RefineLearningNeed', data: { description: 'How to develop new impact funds with banks?', priority: 'high', network } })
      .then([
        {
          type: 'LearningNeedRefined',
          data: {
            changes: { description: 'How to develop new impact funds with banks?' },
            previous: { description: 'How to develop new impact funds?' },
          },
        },
      ]);
    spec.given([raised]).when({ type: 'RefineLearningNeed', data: { topics: ['impact funds', 'finance'], network } }).thenNothing();
    spec.given([raised]).when({ type: 'RefineLearningNeed', data: { priority: 'low', network: closedNetwork } }).thenFails('NETWORK_CLOSED');
    spec.given([raised]).when({ type: 'RefineLearningNeed', data: { priority: 'low', network: leftNetwork } }).thenFails('NOT_A_PARTNER');
    spec.given([raised, withdrawn]).when({ type: 'RefineLearningNeed', data: { priority: 'low', network } }).thenFails('LEARNING_NEED_WITHDRAWN');
    spec.given([]).when({ type: 'RefineLearningNeed', data: { priority: 'low', network } }).thenFails('LEARNING_NEED_NOT_FOUND');
    spec.given([raised]).when({ type: 'RefineLearningNeed', data: { priority: 'low', network: otherNetwork } }).thenFails('NETWORK_MISMATCH');
  });

  it('links the meetings that addressed a need, each once', () => {
    spec.given([raised]).when({ type: 'AddressLearningNeed', data: { meetingId: MEETING_ID, note: '', meeting, network } }).then([byMeeting]);
    spec.given([raised, byMeeting]).when({ type: 'AddressLearningNeed', data: { meetingId: MEETING_ID, note: '', meeting, network } }).thenNothing();
    spec
      .given([raised])
      .when({ type: 'AddressLearningNeed', data: { meetingId: MEETING_ID, note: '', meeting: { ...meeting, networkId: OTHER_NETWORK_ID }, network } })
      .thenFails('MEETING_NOT_IN_NETWORK');
    spec
      .given([raised])
      .when({ type: 'AddressLearningNeed', data: { meetingId: MEETING_ID, note: '', meeting: { ...meeting, status: 'cancelled' }, network } })
      .thenFails('MEETING_CANCELLED');
    spec.given([raised]).when({ type: 'AddressLearningNeed', data: { meetingId: MEETING_ID, note: '', meeting: null, network } }).thenFails('MEETING_NOT_FOUND');
  });

  it('links the peers that addressed a need: other partners', () => {
    spec.given([raised]).when({ type: 'AddressLearningNeed', data: { peerCityId: 'gdansk-pl', note: 'site visit', network } }).then([
      { type: 'LearningNeedAddressed', data: { meetingId: null, peerCityId: 'gdansk-pl', note: 'site visit' } },
    ]);
    spec.given([raised]).when({ type: 'AddressLearningNeed', data: { peerCityId: 'lviv-ua', note: '', network } }).thenFails('NOT_A_PARTNER');
    spec.given([raised]).when({ type: 'AddressLearningNeed', data: { peerCityId: 'torino-it', note: '', network } }).thenFails('PEER_IS_SAME_CITY');
    spec.given([raised]).when({ type: 'AddressLearningNeed', data: { peerCityId: 'gdansk-pl', note: '', network: closedNetwork } }).thenFails('NETWORK_CLOSED');
  });

  it('closes an addressed need, and nothing changes after', () => {
    spec.given([raised, byMeeting]).when({ type: 'CloseLearningNeed', data: { note: 'learnt', network } }).then([closed]);
    spec.given([raised]).when({ type: 'CloseLearningNeed', data: { note: '', network } }).thenFails('LEARNING_NEED_NOT_ADDRESSED');
    spec.given([raised, byMeeting, closed]).when({ type: 'CloseLearningNeed', data: { note: '', network } }).thenFails('LEARNING_NEED_CLOSED');
    spec
      .given([raised, byMeeting, closed])
      .when({ type: 'AddressLearningNeed', data: { peerCityId: 'gdansk-pl', note: '', network } })
      .thenFails('LEARNING_NEED_CLOSED');
    spec.given([raised, byMeeting]).when({ type: 'CloseLearningNeed', data: { note: '', network: closedNetwork } }).thenFails('NETWORK_CLOSED');
  });

  it('withdraws a need once', () => {
    spec.given([raised]).when({ type: 'WithdrawLearningNeed', data: { reason: 'no longer a priority', network } }).then([withdrawn]);
    spec.given([raised, withdrawn]).when({ type: 'WithdrawLearningNeed', data: { reason: '', network } }).thenFails('LEARNING_NEED_WITHDRAWN');
    spec.given([raised]).when({ type: 'WithdrawLearningNeed', data: { reason: '', network: closedNetwork } }).thenFails('NETWORK_CLOSED');
  });

  it('validates input', () => {
    expect(RaiseLearningNeed.safeParse({ ...need, topics: [] }).success).toBe(false);
    expect(RaiseLearningNeed.parse({ ...need, priority: undefined, topics: ['Finance', 'finance'] })).toMatchObject({
      priority: 'medium',
      topics: ['finance'],
    });
    expect(RefineLearningNeed.safeParse({}).success).toBe(false);
    expect(AddressLearningNeed.safeParse({ note: 'x' }).success).toBe(false);
    expect(AddressLearningNeed.safeParse({ meetingId: MEETING_ID, peerCityId: 'gdansk-pl' }).success).toBe(false);
  });
});
