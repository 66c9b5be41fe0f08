import { z } from 'zod';
import { CityId, Topics } from '../shared/values.js';
import type { MessagesOf } from '../shared/decider.js';

/** What a city wants to learn, or a capacity it wants to build. */
export const NeedKind = z.enum(['learning', 'capacityBuilding']);
export type NeedKind = z.infer<typeof NeedKind>;

export const NeedPriority = z.enum(['low', 'medium', 'high']);
export type NeedPriority = z.infer<typeof NeedPriority>;

/** open: raised, not yet addressed; addressed: at least one meeting or peer addressed it. */
export const NeedStatus = z.enum(['open', 'addressed', 'closed', 'withdrawn']);
export type NeedStatus = z.infer<typeof NeedStatus>;

const NeedFields = z.object({
  kind: NeedKind,
  topics: Topics,
  description: z.string(),
  priority: NeedPriority,
});

export const LearningNeedEventSchemas = {
  LearningNeedRaised: NeedFields.extend({
    networkId: z.string(),
    cityId: CityId,
    /** The network's thematic group the need belongs to; absent when none (and in events before groups existed). */
    thematicGroupId: z.string().optional(),
  }),
  /** Only the fields that changed, with their values before the change. */
  LearningNeedRefined: z.object({
    changes: NeedFields.partial(),
    previous: NeedFields.partial(),
  }),
  /** Exactly one of meetingId and peerCityId is set. */
  LearningNeedAddressed: z.object({
    meetingId: z.string().nullable(),
    peerCityId: CityId.nullable(),
    note: z.string(),
  }),
  LearningNeedClosed: z.object({ note: z.string() }),
  LearningNeedWithdrawn: z.object({ reason: z.string() }),
} as const;

export type LearningNeedEvent = MessagesOf<typeof LearningNeedEventSchemas>;
export type LearningNeedEventOf<K extends LearningNeedEvent['type']> = Extract<LearningNeedEvent, { type: K }>;
