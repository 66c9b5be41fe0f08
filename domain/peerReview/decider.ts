import { z } from 'zod';
import { countryOfCity } from '../marketplace/values.js';
import { type NetworkSnapshot, requireNetworkOpen, requirePartner, requireSameNetwork } from '../network/snapshot.js';
import type { Decider, MessagesOf } from '../shared/decider.js';
import { RuleViolationError } from '../shared/errors.js';
import { CityId, IsoDate, OptionalText, Text, Topics, Ulid } from '../shared/values.js';
import { FollowUpStatus, type PeerReviewEvent } from './events.js';

export const RequestPeerReview = z.object({
  hostCityId: CityId,
  hostCityName: Text(200),
  networkId: Ulid.nullish().transform((v) => v ?? null),
  /** The challenge the host wants peers to look at, in one line. */
  challenge: Text(300).describe('The challenge, in one line.'),
  description: OptionalText(4000).default(''),
  topics: Topics.default([]),
  plannedFor: IsoDate.describe('YYYY-MM-DD')
    .nullish()
    .transform((v) => v ?? null),
});

export const InvitePeer = z.object({
  cityId: CityId,
  cityName: Text(200),
  reviewer: OptionalText(200).default(''),
});

export const AnswerInvitation = z.object({
  cityId: CityId,
  accept: z.boolean(),
  note: OptionalText(1000).default(''),
});

export const HoldPeerReview = z.object({
  heldOn: IsoDate.describe('YYYY-MM-DD'),
  place: OptionalText(200).default(''),
});

export const RecommendationInput = z.object({ text: Text(2000), topics: Topics.default([]) });

export const TodoInput = z.object({
  text: Text(1000),
  owner: OptionalText(200).default(''),
  dueDate: IsoDate.describe('YYYY-MM-DD')
    .nullish()
    .transform((v) => v ?? null),
});

export const RecordRecommendations = z
  .object({
    /** The peer city recording; leave out when the lead expert or the secretariat records. */
    peerCityId: CityId.describe('The peer city recording.')
      .nullish()
      .transform((v) => v ?? null),
    recommendations: z.array(RecommendationInput).max(50, 'at most 50 recommendations at once').default([]),
    todos: z.array(TodoInput).max(100, 'at most 100 to-dos at once').default([]),
  })
  .refine((c) => c.recommendations.length + c.todos.length > 0, {
    message: 'record at least one recommendation or to-do',
    path: ['recommendations'],
  });

export const RecordFollowUp = z.object({
  recommendationId: z
    .string()
    .trim()
    .regex(/^R\d{1,4}$/, 'must be a recommendation id such as R1')
    .describe('R1, R2, ...'),
  status: FollowUpStatus,
  note: OptionalText(2000).default(''),
  date: IsoDate.describe('YYYY-MM-DD'),
});

export const CancelPeerReview = z.object({ reason: OptionalText(1000).default('') });

/** The peer review's commands by type, as its events are: a command's data is what its schema parses. */
export const PeerReviewCommandSchemas = {
  InvitePeer,
  AnswerInvitation,
  HoldPeerReview,
  RecordRecommendations,
  RecordFollowUp,
  CancelPeerReview,
};

export type PeerReviewCommand =
  | MessagesOf<typeof PeerReviewCommandSchemas>
  | {
      type: 'RequestPeerReview';
      /** `network`: the named network's facts (loaded by the application layer), null when none is named. */
      data: z.output<typeof RequestPeerReview> & { network?: NetworkSnapshot | null };
    };

/** Peers from countries other than the host's a review needs before it can be held. */
export const MIN_FOREIGN_PEERS = 2;

export interface ReviewPeer {
  readonly country: string;
  readonly status: 'invited' | 'accepted' | 'declined';
}

export interface PeerReviewState {
  readonly status: 'none' | 'requested' | 'held' | 'cancelled';
  readonly hostCityId?: string;
  readonly hostCountry?: string;
  readonly peers: Readonly<Record<string, ReviewPeer>>;
  /** Cities that took part in the review. */
  readonly participants: readonly string[];
  readonly recommendations: number;
  readonly todos: number;
}

const initialState = (): PeerReviewState => ({ status: 'none', peers: {}, participants: [], recommendations: 0, todos: 0 });

function requireRequested(state: PeerReviewState): void {
  if (state.status === 'none') throw new RuleViolationError('PEER_REVIEW_NOT_FOUND', 'The peer review does not exist');
  if (state.status === 'cancelled') throw new RuleViolationError('PEER_REVIEW_CANCELLED', 'The peer review was cancelled');
  if (state.status === 'held') throw new RuleViolationError('PEER_REVIEW_ALREADY_HELD', 'The peer review was already held');
}

function requireHeld(state: PeerReviewState): void {
  if (state.status === 'none') throw new RuleViolationError('PEER_REVIEW_NOT_FOUND', 'The peer review does not exist');
  if (state.status !== 'held') throw new RuleViolationError('PEER_REVIEW_NOT_HELD', 'The peer review has not been held yet');
}

function foreignAccepted(state: PeerReviewState): string[] {
  return Object.entries(state.peers)
    .filter(([, peer]) => peer.status === 'accepted' && peer.country !== state.hostCountry)
    .map(([cityId]) => cityId);
}

function decide(command: PeerReviewCommand, state: PeerReviewState): PeerReviewEvent[] {
  switch (command.type) {
    case 'RequestPeerReview': {
      if (state.status !== 'none') throw new RuleViolationError('PEER_REVIEW_ALREADY_REQUESTED', 'The peer review already exists');
      const { network, ...d } = command.data;
      // A review named after a network belongs to its journey: the host must be one of its partners.
      if (d.networkId) {
        if (!network) throw new RuleViolationError('NETWORK_NOT_FOUND', `Network ${d.networkId} does not exist`);
        requireSameNetwork(network, d.networkId);
        requireNetworkOpen(network);
        requirePartner(network, d.hostCityId, 'The host of a peer review of this network');
      }
      return [{ type: 'PeerReviewRequested', data: { ...d, hostCountry: countryOfCity(d.hostCityId) } }];
    }
    case 'InvitePeer': {
      requireRequested(state);
      const { cityId } = command.data;
      if (cityId === state.hostCityId) throw new RuleViolationError('HOST_CANNOT_REVIEW_ITSELF', 'The host city cannot be its own peer');
      const peer = state.peers[cityId];
      if (peer && peer.status !== 'declined') throw new RuleViolationError('ALREADY_INVITED', `${cityId} is already invited`);
      return [{ type: 'PeerReviewPeerInvited', data: { ...command.data, country: countryOfCity(cityId) } }];
    }
    case 'AnswerInvitation': {
      requireRequested(state);
      const { cityId, accept, note } = command.data;
      const peer = state.peers[cityId];
      if (!peer) throw new RuleViolationError('NOT_INVITED', `${cityId} was not invited to this peer review`);
      if (peer.status === (accept ? 'accepted' : 'declined')) return [];
      return [{ type: 'PeerReviewInvitationAnswered', data: { cityId, accepted: accept, note } }];
    }
    case 'HoldPeerReview': {
      requireRequested(state);
      const foreign = foreignAccepted(state);
      if (foreign.length < MIN_FOREIGN_PEERS) {
        throw new RuleViolationError(
          'NOT_ENOUGH_FOREIGN_PEERS',
          `A peer review needs at least ${MIN_FOREIGN_PEERS} peers from countries other than the host's (${state.hostCountry}) who accepted; it has ${foreign.length}`,
        );
      }
      const peerCityIds = Object.entries(state.peers)
        .filter(([, peer]) => peer.status === 'accepted')
        .map(([cityId]) => cityId);
      return [{ type: 'PeerReviewHeld', data: { ...command.data, peerCityIds } }];
    }
    case 'RecordRecommendations': {
      requireHeld(state);
      const { peerCityId, recommendations, todos } = command.data;
      if (peerCityId && !state.participants.includes(peerCityId)) {
        throw new RuleViolationError('NOT_A_PEER', `${peerCityId} did not take part in this peer review`);
      }
      return [
        {
          type: 'PeerReviewRecommendationsRecorded',
          data: {
            recordedBy: peerCityId,
            recommendations: recommendations.map((r, i) => ({ recommendationId: `R${state.recommendations + i + 1}`, ...r })),
            todos: todos.map((t, i) => ({ todoId: `T${state.todos + i + 1}`, ...t })),
          },
        },
      ];
    }
    case 'RecordFollowUp': {
      requireHeld(state);
      const n = Number(command.data.recommendationId.slice(1));
      if (!(n >= 1 && n <= state.recommendations)) {
        throw new RuleViolationError('RECOMMENDATION_NOT_FOUND', `There is no recommendation ${command.data.recommendationId}`);
      }
      return [{ type: 'PeerReviewFollowUpRecorded', data: command.data }];
    }
    case 'CancelPeerReview':
      requireRequested(state);
      return [{ type: 'PeerReviewCancelled', data: command.data }];
  }
}

function evolve(state: PeerReviewState, event: PeerReviewEvent): PeerReviewState {
  switch (event.type) {
    case 'PeerReviewRequested':
      return { ...state, status: 'requested', hostCityId: event.data.hostCityId, hostCountry: event.data.hostCountry };
    case 'PeerReviewPeerInvited':
      return { ...state, peers: { ...state.peers, [event.data.cityId]: { country: event.data.country, status: 'invited' } } };
    case 'PeerReviewInvitationAnswered': {
      const peer = state.peers[event.data.cityId];
      if (!peer) return state;
      return {
        ...state,
        peers: { ...state.peers, [event.data.cityId]: { ...peer, status: event.data.accepted ? 'accepted' : 'declined' } },
      };
    }
    case 'PeerReviewHeld':
      return { ...state, status: 'held', participants: event.data.peerCityIds };
    case 'PeerReviewRecommendationsRecorded':
      return {
        ...state,
        recommendations: state.recommendations + event.data.recommendations.length,
        todos: state.todos + event.data.todos.length,
      };
    case 'PeerReviewCancelled':
      return { ...state, status: 'cancelled' };
    default:
      return state;
  }
}

export const peerReviewDecider: Decider<PeerReviewCommand, PeerReviewEvent, PeerReviewState> = {
  category: 'peerreview',
  initialState,
  decide,
  evolve,
};
