import { z } from 'zod';
import { CityId, OptionalText } from '../shared/values.js';
import { FeedScope, type FeedOwner } from './events.js';

/** The fields of issuing a feed; the network id is added by the use case (an id of the API). */
export const IssueCalendarFeedFields = z.object({
  scope: FeedScope.describe('network: one network\'s meetings; city: one city\'s, across its networks; person: yours.'),
  cityId: CityId.nullish()
    .transform((cityId) => cityId ?? null)
    .describe('The city of a city feed (and only of a city feed).'),
  label: OptionalText(100).default('').describe('Your name for the feed, e.g. "Phone calendar".'),
});

/** A network feed names its network, a city feed its city, a person feed neither. */
export function oneTarget<T extends z.ZodType<{ scope: FeedScope; networkId?: string | null; cityId?: string | null }>>(schema: T) {
  return schema.superRefine((input, ctx) => {
    const wants = { network: input.scope === 'network', city: input.scope === 'city' };
    if (wants.network !== Boolean(input.networkId)) {
      ctx.addIssue({ code: 'custom', path: ['networkId'], message: wants.network ? 'a network feed names its network' : `a ${input.scope} feed names no network` });
    }
    if (wants.city !== Boolean(input.cityId)) {
      ctx.addIssue({ code: 'custom', path: ['cityId'], message: wants.city ? 'a city feed names its city' : `a ${input.scope} feed names no city` });
    }
  });
}

export const RevokeCalendarFeed = z.object({
  reason: OptionalText(500).default('').describe('Why, for the record (e.g. "phone lost").'),
});

export type CalendarFeedCommand =
  | {
      type: 'IssueCalendarFeed';
      data: { scope: FeedScope; networkId: string | null; cityId: string | null; label: string; owner: FeedOwner };
    }
  | { type: 'RevokeCalendarFeed'; data: z.output<typeof RevokeCalendarFeed> & { revokedBy: string } };
