import { describe, it } from 'vitest';
import { peerReviewDecider } from '../../domain/peerReview/decider.js';
import type { PeerReviewEvent } from '../../domain/peerReview/events.js';
import { createdOnceScenarios, deciderSpec } from '../support/deciderSpec.js';

const spec = deciderSpec(peerReviewDecider);

const request = {
  hostCityId: 'braga-pt',
  hostCityName: 'Braga',
  networkId: null,
  challenge: 'Keeping young people in the city',
  description: 'Young people leave Braga after their studies.',
  topics: ['youth', 'social innovation'],
  plannedFor: '2017-03-01',
};
const requested: PeerReviewEvent = { type: 'PeerReviewRequested', data: { ...request, hostCountry: 'PT' } };
const invited = (cityId: string, cityName: string, country: string): PeerReviewEvent => ({
  type: 'PeerReviewPeerInvited',
  data: { cityId, cityName, country, reviewer: '' },
});
const accepted = (cityId: string): PeerReviewEvent => ({ type: 'PeerReviewInvitationAnswered', data: { cityId, accepted: true, note: '' } });
const peers: PeerReviewEvent[] = [
  invited('torino-it', 'Torino', 'IT'),
  invited('gdansk-pl', 'Gdansk', 'PL'),
  invited('porto-pt', 'Porto', 'PT'),
];
const held: PeerReviewEvent = {
  type: 'PeerReviewHeld',
  data: { heldOn: '2017-03-02', place: 'Braga', peerCityIds: ['torino-it', 'gdansk-pl'] },
};
const ready = [requested, ...peers, accepted('torino-it'), accepted('gdansk-pl')];
const recorded: PeerReviewEvent = {
  type: 'PeerReviewRecommendationsRecorded',
  data: {
    recordedBy: 'torino-it',
    recommendations: [
      { recommendationId: 'R1', text: 'Open a social innovation hub for students', topics: ['youth'] },
      { recommendationId: 'R2', text: 'Link incubation to social inclusion', topics: [] },
    ],
    todos: [{ todoId: 'T1', text: 'Visit Torino Open Incet', owner: 'ULG coordinator', dueDate: '2017-06-01' }],
  },
};

describe('peer review decider', () => {
  describe('requests a review of the host city challenge', () => {
    createdOnceScenarios(spec, { first: 'requests it', command: { type: 'RequestPeerReview', data: request }, created: requested, twice: 'PEER_REVIEW_ALREADY_REQUESTED' });
  });

  describe('puts a review on a network only when the host is a partner of that open network', () => {
    const NETWORK = '01JABCDEFGHJKMNPQRSTVWXYZ0';
    const braga = { name: 'Braga', country: 'PT', role: 'partner' } as const;
    const network = { networkId: NETWORK, kind: 'actionPlanning', closed: false, startDate: '2015-01-01', endDate: '2018-12-31', partners: { 'braga-pt': braga } } as const;
    const inNetwork = { ...request, networkId: NETWORK };

    it('on the network of the host', () => {
      spec
        .given([])
        .when({ type: 'RequestPeerReview', data: { ...inNetwork, network } })
        .then([{ type: 'PeerReviewRequested', data: { ...inNetwork, hostCountry: 'PT' } }]);
    });

    it('not on a network the host is not a partner of', () => {
      spec
        .given([])
        .when({ type: 'RequestPeerReview', data: { ...inNetwork, network: { ...network, partners: { 'torino-it': { ...braga, name: 'Torino', country: 'IT' } } } } })
        .thenFails('NOT_A_PARTNER');
    });

    it('not on a closed network', () => {
      spec.given([]).when({ type: 'RequestPeerReview', data: { ...inNetwork, network: { ...network, closed: true } } }).thenFails('NETWORK_CLOSED');
    });

    it('not on a network never registered', () => {
      spec.given([]).when({ type: 'RequestPeerReview', data: { ...inNetwork, network: null } }).thenFails('NETWORK_NOT_FOUND');
    });
  });

  describe('invites peers, never the host itself nor twice', () => {
    it('invites a peer', () => {
      spec.given([requested]).when({ type: 'InvitePeer', data: { cityId: 'torino-it', cityName: 'Torino', reviewer: '' } }).then([invited('torino-it', 'Torino', 'IT')]);
    });

    it('not the host itself', () => {
      spec.given([requested]).when({ type: 'InvitePeer', data: { cityId: 'braga-pt', cityName: 'Braga', reviewer: '' } }).thenFails('HOST_CANNOT_REVIEW_ITSELF');
    });

    it('not twice', () => {
      spec.given(ready).when({ type: 'InvitePeer', data: { cityId: 'torino-it', cityName: 'Torino', reviewer: '' } }).thenFails('ALREADY_INVITED');
    });

    it('not to a review never requested', () => {
      spec.given([]).when({ type: 'InvitePeer', data: { cityId: 'torino-it', cityName: 'Torino', reviewer: '' } }).thenFails('PEER_REVIEW_NOT_FOUND');
    });
  });

  describe('lets invited peers answer; others cannot', () => {
    it('records the answer of an invited peer', () => {
      spec.given([requested, ...peers]).when({ type: 'AnswerInvitation', data: { cityId: 'torino-it', accept: true, note: '' } }).then([accepted('torino-it')]);
    });

    it('records nothing when the peer gives the same answer again', () => {
      spec.given(ready).when({ type: 'AnswerInvitation', data: { cityId: 'torino-it', accept: true, note: '' } }).thenNothing();
    });

    it('not from a city never invited', () => {
      spec.given([requested]).when({ type: 'AnswerInvitation', data: { cityId: 'wroclaw-pl', accept: true, note: '' } }).thenFails('NOT_INVITED');
    });
  });

  describe('holds a review only with at least two peers from other countries than the host', () => {
    it('holds it with two foreign peers who accepted', () => {
      spec.given(ready).when({ type: 'HoldPeerReview', data: { heldOn: '2017-03-02', place: 'Braga' } }).then([held]);
    });

    it('does not count a peer of the host country', () => {
      // Porto is Portuguese like the host: it does not count.
      spec
        .given([requested, ...peers, accepted('torino-it'), accepted('porto-pt')])
        .when({ type: 'HoldPeerReview', data: { heldOn: '2017-03-02', place: 'Braga' } })
        .thenFails('NOT_ENOUGH_FOREIGN_PEERS');
    });

    it('does not count a peer who did not accept', () => {
      // Invited is not enough: they must have accepted.
      spec.given([requested, ...peers, accepted('torino-it')]).when({ type: 'HoldPeerReview', data: { heldOn: '2017-03-02', place: '' } }).thenFails('NOT_ENOUGH_FOREIGN_PEERS');
    });

    it('once', () => {
      spec.given([...ready, held]).when({ type: 'HoldPeerReview', data: { heldOn: '2017-03-03', place: '' } }).thenFails('PEER_REVIEW_ALREADY_HELD');
    });
  });

  describe('records recommendations and to-dos after the review, numbered in order', () => {
    const { recordedBy: _r, ...rest } = recorded.data;
    const command = {
      peerCityId: 'torino-it',
      recommendations: rest.recommendations.map(({ text, topics }) => ({ text, topics })),
      todos: rest.todos.map(({ text, owner, dueDate }) => ({ text, owner, dueDate })),
    };

    it('not before the review was held', () => {
      spec.given(ready).when({ type: 'RecordRecommendations', data: command }).thenFails('PEER_REVIEW_NOT_HELD');
    });

    it('records them, numbered', () => {
      spec.given([...ready, held]).when({ type: 'RecordRecommendations', data: command }).then([recorded]);
    });

    it('numbers the next ones after those recorded', () => {
      spec
        .given([...ready, held, recorded])
        .when({ type: 'RecordRecommendations', data: { peerCityId: null, recommendations: [{ text: 'Third', topics: [] }], todos: [] } })
        .then([
          {
            type: 'PeerReviewRecommendationsRecorded',
            data: { recordedBy: null, recommendations: [{ recommendationId: 'R3', text: 'Third', topics: [] }], todos: [] },
          },
        ]);
    });

    it('not from a city that was not a peer', () => {
      spec.given([...ready, held]).when({ type: 'RecordRecommendations', data: { ...command, peerCityId: 'porto-pt' } }).thenFails('NOT_A_PEER');
    });
  });

  describe('follows up each recommendation', () => {
    const followUp = { recommendationId: 'R2', status: 'inProgress' as const, note: 'Incubator call launched', date: '2017-09-01' };

    it('records a follow-up', () => {
      spec.given([...ready, held, recorded]).when({ type: 'RecordFollowUp', data: followUp }).then([{ type: 'PeerReviewFollowUpRecorded', data: followUp }]);
    });

    it('not of a recommendation never recorded', () => {
      spec.given([...ready, held, recorded]).when({ type: 'RecordFollowUp', data: { ...followUp, recommendationId: 'R3' } }).thenFails('RECOMMENDATION_NOT_FOUND');
    });

    it('not before the review was held', () => {
      spec.given(ready).when({ type: 'RecordFollowUp', data: followUp }).thenFails('PEER_REVIEW_NOT_HELD');
    });
  });

  describe('cancels a review before it is held', () => {
    const cancelled: PeerReviewEvent = { type: 'PeerReviewCancelled', data: { reason: 'elections' } };

    it('cancels it', () => {
      spec.given([requested]).when({ type: 'CancelPeerReview', data: { reason: 'elections' } }).then([cancelled]);
    });

    it('takes nothing more once cancelled', () => {
      spec.given([requested, cancelled]).when({ type: 'InvitePeer', data: { cityId: 'torino-it', cityName: 'Torino', reviewer: '' } }).thenFails('PEER_REVIEW_CANCELLED');
    });

    it('not once held', () => {
      spec.given([...ready, held]).when({ type: 'CancelPeerReview', data: { reason: '' } }).thenFails('PEER_REVIEW_ALREADY_HELD');
    });
  });
});
