import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { IssueCalendarFeedFields, oneTarget, RevokeCalendarFeed } from '../../domain/calendarFeed/decider.js';
import { calendarFeedDecider } from '../../domain/calendarFeed/decider.js';
import { streamIdOf } from '../../domain/shared/decider.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { Ulid } from '../../domain/shared/values.js';
import { ForbiddenError } from '../commands/errors.js';
import { entityId } from './ids.js';
import { loadNetworkSnapshot } from './networkSnapshot.js';
import { defineUseCase } from './useCase.js';

/**
 * Private calendar feeds: an address only its holder knows, which they (or the secretariat) can
 * revoke. The address carries the feed id and an HMAC of it under a server secret, so nothing
 * secret is stored in the log or the read models, and a retried issue returns the same address.
 */

export const issueCalendarFeed = defineUseCase(
  calendarFeedDecider,
  'issueCalendarFeed',
  oneTarget(
    IssueCalendarFeedFields.extend({
      networkId: entityId('Network')
        .nullish()
        .transform((networkId) => networkId ?? null)
        .describe('The network of a network feed (and only of a network feed).'),
    }),
  ),
  async (ledger, input, options) => {
    if (input.networkId) await loadNetworkSnapshot(ledger, input.networkId);
    const { subject, role, cityIds } = options.actor;
    return ledger.execute(
      calendarFeedDecider,
      { create: calendarFeedDecider.category },
      { type: 'IssueCalendarFeed', data: { ...input, owner: { subject, role, cityIds: [...cityIds] } } },
      options,
    );
  },
);

export const revokeCalendarFeed = defineUseCase(
  calendarFeedDecider,
  'revokeCalendarFeed',
  RevokeCalendarFeed.extend({ calendarFeedId: entityId('CalendarFeed') }),
  async (ledger, { calendarFeedId, reason }, options) => {
    const streamId = streamIdOf(calendarFeedDecider.category, calendarFeedId);
    const { state } = await ledger.load(calendarFeedDecider, streamId);
    if (state.status === 'unissued') throw new NotFoundError('CalendarFeed', calendarFeedId);
    const { actor } = options;
    if (actor.role !== 'secretariat' && actor.subject !== state.owner?.subject) {
      throw new ForbiddenError('Only the holder of a calendar feed, or the secretariat, revokes it');
    }
    return ledger.execute(calendarFeedDecider, streamId, { type: 'RevokeCalendarFeed', data: { reason, revokedBy: actor.subject } }, options);
  },
);

// ------------------------------------------------------------------ feed addresses

/** A key of its own, derived from the server secret, so feed addresses are no kind of bearer token. */
const feedKey = (secret: string) => createHash('sha256').update(`exchange-ledger/calendar-feed/v1\0${secret}`).digest();

const mac = (feedId: string, secret: string) => createHmac('sha256', feedKey(secret)).update(feedId).digest('base64url');

/** The secret part of a private feed's address: `<feed id>.<256-bit HMAC>`. */
export function calendarFeedToken(feedId: string, secret: string): string {
  return `${feedId}.${mac(feedId, secret)}`;
}

const FeedToken = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}\.[A-Za-z0-9_-]{43}$/);

/** The feed id a token names, or undefined when the token was not made with this server's secret. */
export function feedIdOfToken(token: string, secret: string): string | undefined {
  if (!FeedToken.safeParse(token).success) return undefined;
  const [feedId, given] = token.split('.') as [string, string];
  if (!Ulid.safeParse(feedId).success) return undefined;
  const expected = Buffer.from(mac(feedId, secret));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? feedId : undefined;
}

/** Paths of the feeds (the server serves them; the API gives them as absolute URLs). */
export const calendarPaths = {
  network: (networkId: string) => `/calendar/networks/${networkId}.ics`,
  city: (cityId: string) => `/calendar/cities/${cityId}.ics`,
  private: (token: string) => `/calendar/private/${token}.ics`,
  meeting: (meetingId: string) => `/calendar/meetings/${meetingId}.ics`,
};
