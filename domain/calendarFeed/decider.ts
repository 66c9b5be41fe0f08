import { z } from 'zod';
import type { Decider } from '../shared/decider.js';
import { RuleViolationError } from '../shared/errors.js';
import { CityId, OptionalText } from '../shared/values.js';
import { type CalendarFeedEvent, type FeedOwner, FeedScope } from './events.js';

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

export interface CalendarFeedState {
  readonly status: 'unissued' | 'active' | 'revoked';
  readonly scope?: FeedScope;
  readonly owner?: FeedOwner;
}

const initialState = (): CalendarFeedState => ({ status: 'unissued' });

function decide(command: CalendarFeedCommand, state: CalendarFeedState): CalendarFeedEvent[] {
  switch (command.type) {
    case 'IssueCalendarFeed': {
      if (state.status !== 'unissued') throw new RuleViolationError('CALENDAR_FEED_ALREADY_ISSUED', 'This calendar feed was already issued');
      const { scope, networkId, cityId } = command.data;
      if ((scope === 'network') !== Boolean(networkId) || (scope === 'city') !== Boolean(cityId)) {
        throw new RuleViolationError('CALENDAR_FEED_TARGET', 'A network feed names a network, a city feed a city, a person feed neither');
      }
      return [{ type: 'CalendarFeedIssued', data: command.data }];
    }
    case 'RevokeCalendarFeed': {
      if (state.status === 'unissued') throw new RuleViolationError('CALENDAR_FEED_NOT_ISSUED', 'There is no such calendar feed');
      if (state.status === 'revoked') throw new RuleViolationError('CALENDAR_FEED_ALREADY_REVOKED', 'The calendar feed was already revoked');
      return [{ type: 'CalendarFeedRevoked', data: command.data }];
    }
  }
}

function evolve(state: CalendarFeedState, event: CalendarFeedEvent): CalendarFeedState {
  switch (event.type) {
    case 'CalendarFeedIssued':
      return { status: 'active', scope: event.data.scope, owner: event.data.owner };
    case 'CalendarFeedRevoked':
      return { ...state, status: 'revoked' };
  }
}

/** Private calendar feeds: issued to a person, revoked by them or the secretariat. */
export const calendarFeedDecider: Decider<CalendarFeedCommand, CalendarFeedEvent, CalendarFeedState> = {
  category: 'calendarFeed',
  initialState,
  evolve,
  decide,
};
