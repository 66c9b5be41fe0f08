import { z } from 'zod';
import { personRef } from '../shared/personalData.js';
import { CityId } from '../shared/values.js';

/**
 * What a calendar feed shows: one network's meetings, one city's meetings across its networks,
 * or the meetings of the person who holds it (the networks they lead, the cities they coordinate).
 */
export const FeedScope = z.enum(['network', 'city', 'person']);
export type FeedScope = z.infer<typeof FeedScope>;

/** Who the feed was issued to, as their token said then; access is checked again at every read. */
export const FeedOwner = z.object({
  subject: personRef(z.string(), 'subject'),
  role: z.string(),
  cityIds: z.array(z.string()),
});
export type FeedOwner = z.infer<typeof FeedOwner>;

export const CalendarFeedEventSchemas = {
  /** A private feed was issued; its address is derived from its id with a server secret (never stored). */
  CalendarFeedIssued: z.object({
    scope: FeedScope,
    /** Set for network feeds only. */
    networkId: z.string().nullable(),
    /** Set for city feeds only. */
    cityId: CityId.nullable(),
    /** The holder's name for it, e.g. "Phone calendar". */
    label: z.string(),
    owner: FeedOwner,
  }),
  /** The feed's address stops working, for good. */
  CalendarFeedRevoked: z.object({
    reason: z.string(),
    /** Subject of who revoked it: the holder or the secretariat. */
    revokedBy: personRef(z.string(), 'subject'),
  }),
} as const;

type Schemas = typeof CalendarFeedEventSchemas;
export type CalendarFeedEvent = { [K in keyof Schemas]: { type: K; data: z.infer<Schemas[K]> } }[keyof Schemas];
export type CalendarFeedEventOf<K extends CalendarFeedEvent['type']> = Extract<CalendarFeedEvent, { type: K }>;
