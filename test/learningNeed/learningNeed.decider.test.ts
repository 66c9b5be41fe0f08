import { describe, expect, it } from 'vitest';
import { AddressLearningNeed, RaiseLearningNeed, RefineLearningNeed } from '../../domain/learningNeed/decider.js';
import { learningNeedDecider } from '../../domain/learningNeed/decider.js';
import type { LearningNeedEvent } from '../../domain/learningNeed/events.js';
import { deciderSpec } from '../support/deciderSpec.js';
import { closedNetwork, network, NETWORK_ID, OTHER_NETWORK_ID, otherNetwork, onlyGdansk } from '../support/networkSnapshot.js';

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
const withGroup = {
  ...network,
  thematicGroups: { finance: { name: 'Impact finance', theme: 'finance', memberCities: ['torino-it', 'gdansk-pl'], description: '' } },
};

describe('learning need decider', () => {
  describe('RaiseLearningNeed', () => {
    it('lets a partner raise a need', () => {
      spec.given([]).when({ type: 'RaiseLearningNeed', data: { ...need, network } }).then([raised]);
    });
    it('refuses to raise the same need twice', () => {
      spec.given([raised]).when({ type: 'RaiseLearningNeed', data: { ...need, network } }).thenFails('LEARNING_NEED_ALREADY_RAISED');
    });
    it('refuses a need from a city that is not a partner', () => {
      spec.given([]).when({ type: 'RaiseLearningNeed', data: { ...need, cityId: 'lviv-ua', network } }).thenFails('NOT_A_PARTNER');
    });
    it('lets a partner raise a need of a thematic group it is a member of', () => {
      spec
        .given([])
        .when({ type: 'RaiseLearningNeed', data: { ...need, thematicGroupId: 'finance', network: withGroup } })
        .then([{ type: 'LearningNeedRaised', data: { networkId: NETWORK_ID, ...need, thematicGroupId: 'finance' } }]);
    });
    it('refuses a need of a thematic group the network does not have', () => {
      spec.given([]).when({ type: 'RaiseLearningNeed', data: { ...need, thematicGroupId: 'tourism', network: withGroup } }).thenFails('THEMATIC_GROUP_NOT_FOUND');
    });
    it('refuses a need of a thematic group the city is not a member of', () => {
      spec
        .given([])
        .when({ type: 'RaiseLearningNeed', data: { ...need, cityId: 'barcelona-es', thematicGroupId: 'finance', network: withGroup } })
        .thenFails('NOT_A_GROUP_MEMBER');
    });
    it('refuses a need in a closed network', () => {
      spec.given([]).when({ type: 'RaiseLearningNeed', data: { ...need, network: closedNetwork } }).thenFails('NETWORK_CLOSED');
    });
  });

  describe('RefineLearningNeed', () => {
    it('records only what changed and what it was', () => {
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
    });
    it('records nothing when nothing changes', () => {
      spec.given([raised]).when({ type: 'RefineLearningNeed', data: { topics: ['impact funds', 'finance'], network } }).thenNothing();
    });
    it('refuses in a closed network', () => {
      spec.given([raised]).when({ type: 'RefineLearningNeed', data: { priority: 'low', network: closedNetwork } }).thenFails('NETWORK_CLOSED');
    });
    it('refuses once the city left the network', () => {
      spec.given([raised]).when({ type: 'RefineLearningNeed', data: { priority: 'low', network: leftNetwork } }).thenFails('NOT_A_PARTNER');
    });
    it('refuses a withdrawn need', () => {
      spec.given([raised, withdrawn]).when({ type: 'RefineLearningNeed', data: { priority: 'low', network } }).thenFails('LEARNING_NEED_WITHDRAWN');
    });
    it('refuses a need never raised', () => {
      spec.given([]).when({ type: 'RefineLearningNeed', data: { priority: 'low', network } }).thenFails('LEARNING_NEED_NOT_FOUND');
    });
    it("refuses another network's facts", () => {
      spec.given([raised]).when({ type: 'RefineLearningNeed', data: { priority: 'low', network: otherNetwork } }).thenFails('NETWORK_MISMATCH');
    });
  });

  describe('AddressLearningNeed by a meeting', () => {
    it('links the meeting', () => {
      spec.given([raised]).when({ type: 'AddressLearningNeed', data: { meetingId: MEETING_ID, note: '', meeting, network } }).then([byMeeting]);
    });
    it('links each meeting once', () => {
      spec.given([raised, byMeeting]).when({ type: 'AddressLearningNeed', data: { meetingId: MEETING_ID, note: '', meeting, network } }).thenNothing();
    });
    it("refuses another network's meeting", () => {
      spec
        .given([raised])
        .when({ type: 'AddressLearningNeed', data: { meetingId: MEETING_ID, note: '', meeting: { ...meeting, networkId: OTHER_NETWORK_ID }, network } })
        .thenFails('MEETING_NOT_IN_NETWORK');
    });
    it('refuses a cancelled meeting', () => {
      spec
        .given([raised])
        .when({ type: 'AddressLearningNeed', data: { meetingId: MEETING_ID, note: '', meeting: { ...meeting, status: 'cancelled' }, network } })
        .thenFails('MEETING_CANCELLED');
    });
    it('refuses a meeting that does not exist', () => {
      spec.given([raised]).when({ type: 'AddressLearningNeed', data: { meetingId: MEETING_ID, note: '', meeting: null, network } }).thenFails('MEETING_NOT_FOUND');
    });
  });

  describe('AddressLearningNeed by a peer', () => {
    it('links another partner', () => {
      spec.given([raised]).when({ type: 'AddressLearningNeed', data: { peerCityId: 'gdansk-pl', note: 'site visit', network } }).then([
        { type: 'LearningNeedAddressed', data: { meetingId: null, peerCityId: 'gdansk-pl', note: 'site visit' } },
      ]);
    });
    it('refuses a city that is not a partner', () => {
      spec.given([raised]).when({ type: 'AddressLearningNeed', data: { peerCityId: 'lviv-ua', note: '', network } }).thenFails('NOT_A_PARTNER');
    });
    it("refuses the need's own city", () => {
      spec.given([raised]).when({ type: 'AddressLearningNeed', data: { peerCityId: 'torino-it', note: '', network } }).thenFails('PEER_IS_SAME_CITY');
    });
    it('refuses in a closed network', () => {
      spec.given([raised]).when({ type: 'AddressLearningNeed', data: { peerCityId: 'gdansk-pl', note: '', network: closedNetwork } }).thenFails('NETWORK_CLOSED');
    });
  });

  describe('CloseLearningNeed', () => {
    it('closes an addressed need', () => {
      spec.given([raised, byMeeting]).when({ type: 'CloseLearningNeed', data: { note: 'learnt', network } }).then([closed]);
    });
    it('refuses a need nothing addressed', () => {
      spec.given([raised]).when({ type: 'CloseLearningNeed', data: { note: '', network } }).thenFails('LEARNING_NEED_NOT_ADDRESSED');
    });
    it('refuses to close twice', () => {
      spec.given([raised, byMeeting, closed]).when({ type: 'CloseLearningNeed', data: { note: '', network } }).thenFails('LEARNING_NEED_CLOSED');
    });
    it('refuses to address a closed need', () => {
      spec
        .given([raised, byMeeting, closed])
        .when({ type: 'AddressLearningNeed', data: { peerCityId: 'gdansk-pl', note: '', network } })
        .thenFails('LEARNING_NEED_CLOSED');
    });
    it('refuses in a closed network', () => {
      spec.given([raised, byMeeting]).when({ type: 'CloseLearningNeed', data: { note: '', network: closedNetwork } }).thenFails('NETWORK_CLOSED');
    });
  });

  describe('WithdrawLearningNeed', () => {
    it('withdraws a need', () => {
      spec.given([raised]).when({ type: 'WithdrawLearningNeed', data: { reason: 'no longer a priority', network } }).then([withdrawn]);
    });
    it('refuses to withdraw twice', () => {
      spec.given([raised, withdrawn]).when({ type: 'WithdrawLearningNeed', data: { reason: '', network } }).thenFails('LEARNING_NEED_WITHDRAWN');
    });
    it('refuses in a closed network', () => {
      spec.given([raised]).when({ type: 'WithdrawLearningNeed', data: { reason: '', network: closedNetwork } }).thenFails('NETWORK_CLOSED');
    });
  });

  describe('input', () => {
    it('a need names at least one topic', () => {
      expect(RaiseLearningNeed.safeParse({ ...need, topics: [] }).success).toBe(false);
    });
    it('priority defaults to medium; topics are lower-cased and deduplicated', () => {
      expect(RaiseLearningNeed.parse({ ...need, priority: undefined, topics: ['Finance', 'finance'] })).toMatchObject({
        priority: 'medium',
        topics: ['finance'],
      });
    });
    it('a refinement changes something', () => {
      expect(RefineLearningNeed.safeParse({}).success).toBe(false);
    });
    it('a need is addressed by a meeting or a peer', () => {
      expect(AddressLearningNeed.safeParse({ note: 'x' }).success).toBe(false);
    });
    it('a need is not addressed by a meeting and a peer at once', () => {
      expect(AddressLearningNeed.safeParse({ meetingId: MEETING_ID, peerCityId: 'gdansk-pl' }).success).toBe(false);
    });
  });
});
