import { z } from 'zod';
import type { MeetingSnapshot } from '../meeting/snapshot.js';
import type { NetworkSnapshot } from '../network/snapshot.js';
import { CityId, OptionalText, Text, Topics, Ulid } from '../shared/values.js';
import { NeedKind, NeedPriority } from './events.js';

const NeedTopics = Topics.refine((topics) => topics.length > 0, 'name at least one topic');

export const RaiseLearningNeed = z.object({
  cityId: CityId.describe('The partner city raising the need.'),
  kind: NeedKind,
  topics: NeedTopics.describe('At least one short keyword, e.g. "impact finance".'),
  description: Text(2000),
  priority: NeedPriority.default('medium').describe('Defaults to medium.'),
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
