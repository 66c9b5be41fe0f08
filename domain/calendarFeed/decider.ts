import type { Decider } from '../shared/decider.js';
import { RuleViolationError } from '../shared/errors.js';
import type { CalendarFeedCommand } from './commands.js';
import type { CalendarFeedEvent, FeedOwner, FeedScope } from './events.js';

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
