import { z } from 'zod';
import type { MeetingSnapshot } from '../meeting/snapshot.js';
import { type NetworkSnapshot, requireNetworkOpen, requirePartner, requireSameNetwork, requireThematicGroup } from '../network/snapshot.js';
import type { Decider } from '../shared/decider.js';
import { RuleViolationError } from '../shared/errors.js';
import { CityId, OptionalText, Text, ThematicGroupId, Topics, Ulid } from '../shared/values.js';
import { type LearningNeedEvent, type LearningNeedEventOf, NeedKind, NeedPriority } from './events.js';

const NeedTopics = Topics.refine((topics) => topics.length > 0, 'name at least one topic');

export const RaiseLearningNeed = z.object({
  cityId: CityId.describe('The partner city raising the need.'),
  kind: NeedKind,
  topics: NeedTopics.describe('At least one short keyword, e.g. "impact finance".'),
  description: Text(2000),
  priority: NeedPriority.default('medium').describe('Defaults to medium.'),
  thematicGroupId: ThematicGroupId.nullish()
    .transform((group) => group ?? undefined)
    .optional()
    .describe("The network's thematic group the need belongs to, if any; the city must be one of its members."),
});

export const RefineLearningNeed = z
  .object({
    kind: NeedKind.nullish(),
    topics: NeedTopics.nullish(),
    description: Text(2000).nullish(),
    priority: NeedPriority.nullish(),
  })
  .refine((r) => r.kind != null || r.topics != null || r.description != null || r.priority != null, {
    message: 'change at least one of kind, topics, description, priority',
    path: ['description'],
  });

/** Fields of AddressLearningNeed without its rule, for schemas that extend it; apply `oneAddressee`. */
export const AddressLearningNeedFields = z.object({
  meetingId: Ulid.nullish().describe('Either a meeting...'),
  peerCityId: CityId.nullish().describe('...or a peer partner city, e.g. gdansk-pl.'),
  note: OptionalText(2000).default(''),
});

/** Exactly one of meetingId and peerCityId. */
export function oneAddressee<T extends z.ZodType<{ meetingId?: string | null; peerCityId?: string | null }>>(schema: T): T {
  return schema.refine((a) => (a.meetingId == null) !== (a.peerCityId == null), {
    message: 'name either the meeting or the peer (partner city) that addressed the need',
    path: ['meetingId'],
  }) as T;
}

export const AddressLearningNeed = oneAddressee(AddressLearningNeedFields);

export const CloseLearningNeed = z.object({ note: OptionalText(2000).default('') });
export const WithdrawLearningNeed = z.object({ reason: OptionalText(2000).default('') });

type WithNetwork<T> = T & { readonly network: NetworkSnapshot };

export type LearningNeedCommand =
  | { type: 'RaiseLearningNeed'; data: WithNetwork<z.output<typeof RaiseLearningNeed>> }
  | { type: 'RefineLearningNeed'; data: WithNetwork<z.output<typeof RefineLearningNeed>> }
  | {
      type: 'AddressLearningNeed';
      /** `meeting` is the snapshot of `meetingId` when a meeting addressed the need. */
      data: WithNetwork<z.output<typeof AddressLearningNeed>> & { readonly meeting?: MeetingSnapshot | null };
    }
  | { type: 'CloseLearningNeed'; data: WithNetwork<z.output<typeof CloseLearningNeed>> }
  | { type: 'WithdrawLearningNeed'; data: WithNetwork<z.output<typeof WithdrawLearningNeed>> };

export interface LearningNeedState {
  readonly status: 'unraised' | 'open' | 'addressed' | 'closed' | 'withdrawn';
  readonly networkId?: string;
  readonly cityId?: string;
  readonly kind?: NeedKind;
  readonly topics?: readonly string[];
  readonly description?: string;
  readonly priority?: NeedPriority;
  /** `meeting:<id>` and `peer:<cityId>` of everything that addressed the need. */
  readonly addressedBy: readonly string[];
}

const initialState = (): LearningNeedState => ({ status: 'unraised', addressedBy: [] });

/** Every change to a raised need: it exists, is still pending, and its network is open. */
function requireChangeable(state: LearningNeedState, network: NetworkSnapshot): void {
  if (state.status === 'unraised') throw new RuleViolationError('LEARNING_NEED_NOT_FOUND', 'The learning need does not exist');
  requireSameNetwork(network, state.networkId!);
  requireNetworkOpen(network);
  if (state.status === 'closed') throw new RuleViolationError('LEARNING_NEED_CLOSED', 'The learning need is closed');
  if (state.status === 'withdrawn') throw new RuleViolationError('LEARNING_NEED_WITHDRAWN', 'The learning need was withdrawn');
}

const sameTopics = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && a.every((t, i) => t === b[i]);

function decide(command: LearningNeedCommand, state: LearningNeedState): LearningNeedEvent[] {
  const { network } = command.data;
  switch (command.type) {
    case 'RaiseLearningNeed': {
      if (state.status !== 'unraised') throw new RuleViolationError('LEARNING_NEED_ALREADY_RAISED', 'The learning need already exists');
      requireNetworkOpen(network);
      const { network: _network, thematicGroupId, ...need } = command.data;
      requirePartner(network, need.cityId, 'Only partners raise learning needs');
      if (thematicGroupId) {
        const group = requireThematicGroup(network, thematicGroupId);
        if (!group.memberCities.includes(need.cityId)) {
          throw new RuleViolationError('NOT_A_GROUP_MEMBER', `${need.cityId} is not a member of the thematic group ${group.name}`);
        }
      }
      return [{ type: 'LearningNeedRaised', data: { networkId: network.networkId, ...need, ...(thematicGroupId ? { thematicGroupId } : {}) } }];
    }
    case 'RefineLearningNeed': {
      requireChangeable(state, network);
      requirePartner(network, state.cityId!, 'The need belongs to a former partner');
      const changes: LearningNeedEventOf<'LearningNeedRefined'>['data']['changes'] = {};
      const previous: LearningNeedEventOf<'LearningNeedRefined'>['data']['previous'] = {};
      const { kind, topics, description, priority } = command.data;
      if (kind != null && kind !== state.kind) [changes.kind, previous.kind] = [kind, state.kind];
      if (topics != null && !sameTopics(topics, state.topics)) [changes.topics, previous.topics] = [topics, [...(state.topics ?? [])]];
      if (description != null && description !== state.description) {
        [changes.description, previous.description] = [description, state.description];
      }
      if (priority != null && priority !== state.priority) [changes.priority, previous.priority] = [priority, state.priority];
      if (Object.keys(changes).length === 0) return [];
      return [{ type: 'LearningNeedRefined', data: { changes, previous } }];
    }
    case 'AddressLearningNeed': {
      requireChangeable(state, network);
      const { meetingId, peerCityId, note, meeting } = command.data;
      let key: string;
      if (meetingId) {
        if (!meeting || meeting.meetingId !== meetingId) {
          throw new RuleViolationError('MEETING_NOT_FOUND', `Meeting ${meetingId} does not exist`);
        }
        if (meeting.networkId !== state.networkId) {
          throw new RuleViolationError('MEETING_NOT_IN_NETWORK', 'The meeting belongs to another network');
        }
        if (meeting.status === 'cancelled') {
          throw new RuleViolationError('MEETING_CANCELLED', 'A cancelled meeting addressed nothing');
        }
        key = `meeting:${meetingId}`;
      } else {
        requirePartner(network, peerCityId!, 'Peers who address a need are partners');
        if (peerCityId === state.cityId) {
          throw new RuleViolationError('PEER_IS_SAME_CITY', 'A need is addressed by another partner, not by the city that raised it');
        }
        key = `peer:${peerCityId}`;
      }
      if (state.addressedBy.includes(key)) return [];
      return [
        { type: 'LearningNeedAddressed', data: { meetingId: meetingId ?? null, peerCityId: peerCityId ?? null, note } },
      ];
    }
    case 'CloseLearningNeed':
      requireChangeable(state, network);
      if (state.status !== 'addressed') {
        throw new RuleViolationError(
          'LEARNING_NEED_NOT_ADDRESSED',
          'Link the meetings or peers that addressed the need before closing it, or withdraw it',
        );
      }
      return [{ type: 'LearningNeedClosed', data: { note: command.data.note } }];
    case 'WithdrawLearningNeed':
      requireChangeable(state, network);
      return [{ type: 'LearningNeedWithdrawn', data: { reason: command.data.reason } }];
  }
}

function evolve(state: LearningNeedState, event: LearningNeedEvent): LearningNeedState {
  switch (event.type) {
    case 'LearningNeedRaised': {
      const { networkId, cityId, kind, topics, description, priority } = event.data;
      return { ...state, status: 'open', networkId, cityId, kind, topics, description, priority };
    }
    case 'LearningNeedRefined': {
      const { kind, topics, description, priority } = event.data.changes;
      return {
        ...state,
        ...(kind !== undefined ? { kind } : {}),
        ...(topics !== undefined ? { topics } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(priority !== undefined ? { priority } : {}),
      };
    }
    case 'LearningNeedAddressed': {
      const key = event.data.meetingId ? `meeting:${event.data.meetingId}` : `peer:${event.data.peerCityId}`;
      return { ...state, status: 'addressed', addressedBy: [...state.addressedBy, key] };
    }
    case 'LearningNeedClosed':
      return { ...state, status: 'closed' };
    case 'LearningNeedWithdrawn':
      return { ...state, status: 'withdrawn' };
    default:
      return state;
  }
}

export const learningNeedDecider: Decider<LearningNeedCommand, LearningNeedEvent, LearningNeedState> = {
  category: 'learningneed',
  initialState,
  decide,
  evolve,
};
