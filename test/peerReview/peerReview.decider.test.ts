import { describe, it } from 'vitest';
import { peerReviewDecider } from '../../domain/peerReview/decider.js';
import type { PeerReviewEvent } from '../../domain/peerReview/events.js';
import { deciderSpec } from '../support/deciderSpec.js';

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
  it('requests a review of the host city challenge', () => {
    spec.given([]).when({ type: 'RequestPeerReview', data: request }).then([requested]);
    spec.given([requested]).when({ type: 'RequestPeerReview', data: request }).thenFails('PEER_REVIEW_ALREADY_REQUESTED');
  });

  it('puts a review on a network only when the host is a partner of that open network', () => {
    const NETWORK = '01JABCDEFGHJKMNPQRSTVWXYZ0';
    const braga = { name: 'Braga', country: 'PT', role: 'partner' } as const;
    const network = { networkId: NETWORK, kind: 'actionPlanning', closed: false, startDate: '2015-01-01', endDate: '2018-12-31', partners: { 'braga-pt': braga } } as const;
    const inNetwork = { ...request, networkId: NETWORK };
    spec
      .given([])
      .when({ type: 'RequestPeerReview', data: { ...inNetwork, network } })
      .then([{ type: 'PeerReviewRequested', data: { ...inNetwork, hostCountry: 'PT' } }]);
    spec
      .given([])
      .when({ type: 'RequestPeerReview', data: { ...inNetwork, network: { ...network, partners: { 'torino-it': { ...braga, name: 'Torino', country: 'IT' } } } } })
      .thenFails('NOT_A_PARTNER');
    spec.given([]).when({ type: 'RequestPeerReview', data: { ...inNetwork, network: { ...network, closed: true } } }).thenFails('NETWORK_CLOSED');
    spec.given([]).when({ type: 'RequestPeerReview', data: { ...inNetwork, network: null } }).thenFails('NETWORK_NOT_FOUND');
  });

  it('invites peers, never the host itself nor twice', () => {
    spec.given([requested]).when({ type: 'InvitePeer', data: { cityId: 'torino-it', cityName: 'Torino', reviewer: '' } }).then([invited('torino-it', 'Torino', 'IT')]);
    spec.given([requested]).when({ type: 'InvitePeer', data: { cityId: 'braga-pt', cityName: 'Braga', reviewer: '' } }).thenFails('HOST_CANNOT_REVIEW_ITSELF');
    spec.given(ready).when({ type: 'InvitePeer', data: { cityId: 'torino-it', cityName: 'Torino', reviewer: '' } }).thenFails('ALREADY_INVITED');
    spec.given([]).when({ type: 'InvitePeer', data: { cityId: 'torino-it', cityName: 'Torino', reviewer: '' } }).thenFails('PEER_REVIEW_NOT_FOUND');
  });

  it('lets invited peers answer; others cannot', () => {
    spec.given([requested, ...peers]).when({ type: 'AnswerInvitation', data: { cityId: 'torino-it', accept: true, note: '' } }).then([accepted('torino-it')]);
    spec.given(ready).when({ type: 'AnswerInvitation', data: { cityId: 'torino-it', accept: true, note: '' } }).thenNothing();
    spec.given([requested]).when({ type: 'AnswerInvitation', data: { cityId: 'wroclaw-pl', accept: true, note: '' } }).thenFails('NOT_INVITED');
  });

  it('holds a review only with at least two peers from other countries than the host', () => {
    spec.given(ready).when({ type: 'HoldPeerReview', data: { heldOn: '2017-03-02', place: 'Braga' } }).then([held]);
    // Porto is Portuguese like the host: it does not count.
    spec
      .given([requested, ...peers, accepted('torino-it'), accepted('porto-pt')])
      .when({ type: 'HoldPeerReview', data: { heldOn: '2017-03-02', place: 'Braga' } })
      .thenFails('NOT_ENOUGH_FOREIGN_PEERS');
    // Invited is not enough: they must have accepted.
    spec.given([requested, ...peers, accepted('torino-it')]).when({ type: 'HoldPeerReview', data: { heldOn: '2017-03-02', place: '' } }).thenFails('NOT_ENOUGH_FOREIGN_PEERS');
    spec.given([...ready, held]).when({ type: 'HoldPeerReview', data: { heldOn: '2017-03-03', place: '' } }).thenFails('PEER_REVIEW_ALREADY_HELD');
  });

  it('records recommendations and to-dos after the review, numbered in order', () => {
    const { recordedBy: _r, ...rest } = recorded.data;
    const command = {
      peerCityId: 'torino-it',
      recommendations: rest.recommendations.map(({ text, topics }) => ({ text, topics })),
      todos: rest.todos.map(({ text, owner, dueDate }) => ({ text, owner, dueDate })),
    };
    spec.given(ready).when({ type: 'RecordRecommendations', data: command }).thenFails('PEER_REVIEW_NOT_HELD');
    spec.given([...ready, held]).when({ type: 'RecordRecommendations', data: command }).then([recorded]);
    spec
      .given([...ready, held, recorded])
      .when({ type: 'RecordRecommendations', data: { peerCityId: null, recommendations: [{ text: 'Third', topics: [] }], todos: [] } })
      .then([
        {
          type: 'PeerReviewRecommendationsRecorded',
          data: { recordedBy: null, recommendations: [{ recommendationId: 'R3', text: 'Third', topics: [] }], todos: [] },
        },
      ]);
    spec.given([...ready, held]).when({ type: 'RecordRecommendations', data: { ...command, peerCityId: 'porto-pt' } }).thenFails('NOT_A_PEER');
  });

  it('follows up each recommendation', () => {
    const followUp = { recommendationId: 'R2', status: 'inProgress' as const, note: 'Incubator call launched', date: '2017-09-01' };
    spec.given([...ready, held, recorded]).when({ type: 'RecordFollowUp', data: followUp }).then([{ type: 'PeerReviewFollowUpRecorded', data: followUp }]);
    spec.given([...ready, held, recorded]).when({ type: 'RecordFollowUp', data: { ...followUp, recommendationId: 'R3' } }).thenFails('RECOMMENDATION_NOT_FOUND');
    spec.given(ready).when({ type: 'RecordFollowUp', data: followUp }).thenFails('PEER_REVIEW_NOT_HELD');
  });

  it('cancels a review before it is held', () => {
    const cancelled: PeerReviewEvent = { type: 'PeerReviewCancelled', data: { reason: 'elections' } };
    spec.given([requested]).when({ type: 'CancelPeerReview', data: { reason: 'elections' } }).then([cancelled]);
    spec.given([requested, cancelled]).when({ type: 'InvitePeer', data: { cityId: 'torino-it', cityName: 'Torino', reviewer: '' } }).thenFails('PEER_REVIEW_CANCELLED');
    spec.given([...ready, held]).when({ type: 'CancelPeerReview', data: { reason: '' } }).thenFails('PEER_REVIEW_ALREADY_HELD');
  });
});
