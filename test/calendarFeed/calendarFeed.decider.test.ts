import { describe, it } from 'vitest';
import { calendarFeedDecider } from '../../domain/calendarFeed/decider.js';
import type { CalendarFeedEvent } from '../../domain/calendarFeed/events.js';
import { deciderSpec } from '../support/deciderSpec.js';

const spec = deciderSpec(calendarFeedDecider);
const owner = { subject: 'coordinator:torino', role: 'cityCoordinator', cityIds: ['torino-it'] };
const cityFeed = { scope: 'city' as const, networkId: null, cityId: 'torino-it', label: 'Phone', owner };
const issued: CalendarFeedEvent = { type: 'CalendarFeedIssued', data: cityFeed };
const revoked: CalendarFeedEvent = { type: 'CalendarFeedRevoked', data: { reason: 'phone lost', revokedBy: owner.subject } };

describe('calendar feed decider', () => {
  describe('IssueCalendarFeed', () => {
    it('issues a feed to its holder', () => {
      spec.given([]).when({ type: 'IssueCalendarFeed', data: cityFeed }).then([issued]);
    });
    it('issues a person feed, which names no network or city', () => {
      const person = { ...cityFeed, scope: 'person' as const, cityId: null };
      spec.given([]).when({ type: 'IssueCalendarFeed', data: person }).then([{ type: 'CalendarFeedIssued', data: person }]);
    });
    it('refuses to issue the same feed twice', () => {
      spec.given([issued]).when({ type: 'IssueCalendarFeed', data: cityFeed }).thenFails('CALENDAR_FEED_ALREADY_ISSUED');
    });
    it('refuses a network feed without its network', () => {
      spec.given([]).when({ type: 'IssueCalendarFeed', data: { ...cityFeed, scope: 'network', cityId: null } }).thenFails('CALENDAR_FEED_TARGET');
    });
    it('refuses a person feed that names a city', () => {
      spec.given([]).when({ type: 'IssueCalendarFeed', data: { ...cityFeed, scope: 'person' } }).thenFails('CALENDAR_FEED_TARGET');
    });
  });

  describe('RevokeCalendarFeed', () => {
    it('revokes an active feed', () => {
      spec.given([issued]).when({ type: 'RevokeCalendarFeed', data: { reason: 'phone lost', revokedBy: owner.subject } }).then([revoked]);
    });
    it('refuses to revoke a feed twice', () => {
      spec.given([issued, revoked]).when({ type: 'RevokeCalendarFeed', data: { reason: '', revokedBy: owner.subject } }).thenFails('CALENDAR_FEED_ALREADY_REVOKED');
    });
    it('refuses to revoke a feed never issued', () => {
      spec.given([]).when({ type: 'RevokeCalendarFeed', data: { reason: '', revokedBy: owner.subject } }).thenFails('CALENDAR_FEED_NOT_ISSUED');
    });
  });
});
