import type { Plugin } from 'graphql-yoga';
import { z } from 'zod';
import type { CalendarFeedRow } from '../../../projections/calendarFeed/calendarFeeds.js';
import {
  feedStillAllowed,
  findCalendarFeed,
  meetingsOf,
  meetingsOfCity,
  meetingsOfNetwork,
  personFeedScope,
} from '../../../projections/calendarFeed/calendarFeeds.js';
import { listNeedsAddressedBy } from '../../../projections/learningNeed/queries.js';
import type { MeetingRow } from '../../../projections/meeting/meetings.js';
import { countAttendees, findMeeting } from '../../../projections/meeting/queries.js';
import { findNetwork, listPartners } from '../../../projections/network/queries.js';
import type { ReadModelStore } from '../../../projections/types.js';
import { CityId, Ulid } from '../../../domain/shared/values.js';
import type { App } from '../../app.js';
import { calendarPaths, feedIdOfToken } from '../../application/calendarFeed.js';
import { renderCalendar, type FeedCalendar, type FeedMeeting } from './ics.js';
import { timeZoneOfCity } from './timeZones.js';

/**
 * GET /calendar/networks/<networkId>.ics   a network's public agenda
 * GET /calendar/cities/<cityId>.ics        a city's public agenda, across its networks
 * GET /calendar/meetings/<meetingId>.ics   one meeting (the default deep link of every event)
 * GET /calendar/private/<token>.ics        a private feed (network, city or person) with what
 *                                          members see; 410 once revoked
 * Public feeds carry only what the public `meetings` query shows.
 */

const FeedPath = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('networks'), id: Ulid }),
  z.object({ kind: z.literal('cities'), id: CityId }),
  z.object({ kind: z.literal('meetings'), id: Ulid }),
  z.object({ kind: z.literal('private'), id: z.string().min(1).max(200) }),
]);

/** The absolute address of a path on this API: PUBLIC_URL when set, else the address the request came to. */
function absoluteUrl(app: App, requestUrl: string, path: string): string {
  return `${app.config.publicUrl ?? new URL(requestUrl).origin}${path}`;
}

/** A meeting's page: MEETING_LINK_TEMPLATE when set, else its own calendar file on this API. */
function meetingLink(app: App, base: string, meetingId: string): string {
  return app.config.meetingLinkTemplate?.replaceAll('{meetingId}', encodeURIComponent(meetingId)) ?? `${base}${calendarPaths.meeting(meetingId)}`;
}

class FeedProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function feedMeetings(db: ReadModelStore, rows: readonly MeetingRow[], link: (id: string) => string, members: boolean): FeedMeeting[] {
  const networkNames = new Map<string, string>();
  const hostNames = new Map<string, string>();
  const networkName = (networkId: string) => {
    if (!networkNames.has(networkId)) {
      networkNames.set(networkId, findNetwork(db, networkId)?.name ?? 'a network');
      for (const partner of listPartners(db, networkId, true)) hostNames.set(partner.city_id, partner.name);
    }
    return networkNames.get(networkId)!;
  };
  return rows.map((row) => {
    const name = networkName(row.network_id);
    const hostCityId = row.host_city_id;
    const counts = members ? countAttendees(db, row.id) : undefined;
    return {
      id: row.id,
      title: row.title,
      kind: row.kind,
      status: row.status,
      startDate: row.start_date,
      endDate: row.end_date,
      networkName: name,
      host: hostCityId ? { cityId: hostCityId, name: hostNames.get(hostCityId) ?? cityNameOf(hostCityId) } : null,
      themes: JSON.parse(row.themes) as string[],
      guidingQuestions: JSON.parse(row.guiding_questions) as string[],
      rescheduleCount: row.reschedule_count,
      scheduledAt: row.scheduled_at,
      changedAt: [row.scheduled_at, row.held_at, row.cancelled_at].filter((at): at is string => !!at).sort().at(-1)!,
      cancelReason: row.cancel_reason,
      link: link(row.id),
      ...(members && counts
        ? {
            members: {
              attendees: counts.people,
              attendingCities: counts.cities,
              learnings: db.get<{ n: number }>('SELECT count(*) AS n FROM meeting_learnings WHERE meeting_id = ?', [row.id])!.n,
              needsAddressed: listNeedsAddressedBy(db, row.id).map((need) => need.description),
            },
          }
        : {}),
    };
  });
}

/** `torino-it` → `Torino` when the city is no partner (study visits go to other cities). */
function cityNameOf(cityId: string): string {
  const name = cityId.slice(0, cityId.lastIndexOf('-')).replaceAll('-', ' ');
  return name.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

function leadPartnerZone(db: ReadModelStore, networkId: string): string | undefined {
  const lead = listPartners(db, networkId).find((partner) => partner.role === 'leadPartner');
  return lead ? timeZoneOfCity(lead.city_id) : undefined;
}

function privateCalendar(db: ReadModelStore, feed: CalendarFeedRow, url: string, link: (id: string) => string): FeedCalendar {
  const label = feed.label ? ` (${feed.label})` : '';
  switch (feed.scope) {
    case 'network': {
      const network = findNetwork(db, feed.network_id!);
      return {
        name: `${network?.name ?? 'Network'}: meetings${label}`,
        description: `Meetings of ${network?.name ?? 'the network'}, with what members see. Private: do not share this address.`,
        url,
        ...optionalZone(leadPartnerZone(db, feed.network_id!)),
        meetings: feedMeetings(db, meetingsOfNetwork(db, feed.network_id!), link, true),
      };
    }
    case 'city':
      return {
        name: `${cityNameOf(feed.city_id!)}: meetings${label}`,
        description: `Meetings concerning ${cityNameOf(feed.city_id!)} in all its networks, with what members see. Private: do not share this address.`,
        url,
        ...optionalZone(timeZoneOfCity(feed.city_id!)),
        meetings: feedMeetings(db, meetingsOfCity(db, feed.city_id!), link, true),
      };
    case 'person':
      return {
        name: `My URBACT meetings${label}`,
        description: `Meetings of the networks and cities of ${feed.owner_subject}, with what members see. Private: do not share this address.`,
        url,
        meetings: feedMeetings(db, meetingsOf(db, personFeedScope(db, feed)), link, true),
      };
  }
}

const optionalZone = (timeZone: string | undefined) => (timeZone ? { timeZone } : {});

function calendarFor(app: App, path: z.output<typeof FeedPath>, requestUrl: string): { calendar: FeedCalendar; isPrivate: boolean } {
  const db = app.readModels;
  const base = app.config.publicUrl ?? new URL(requestUrl).origin;
  const link = (meetingId: string) => meetingLink(app, base, meetingId);
  const url = absoluteUrl(app, requestUrl, new URL(requestUrl).pathname);
  switch (path.kind) {
    case 'networks': {
      const network = findNetwork(db, path.id);
      if (!network) throw new FeedProblem(404, 'No such network');
      return {
        isPrivate: false,
        calendar: {
          name: `${network.name}: meetings`,
          description: `The public agenda of ${network.name}, an URBACT network.`,
          url,
          ...optionalZone(leadPartnerZone(db, path.id)),
          meetings: feedMeetings(db, meetingsOfNetwork(db, path.id), link, false),
        },
      };
    }
    case 'cities':
      return {
        isPrivate: false,
        calendar: {
          name: `${cityNameOf(path.id)}: meetings`,
          description: `The public agenda of ${cityNameOf(path.id)} in its URBACT networks.`,
          url,
          ...optionalZone(timeZoneOfCity(path.id)),
          meetings: feedMeetings(db, meetingsOfCity(db, path.id), link, false),
        },
      };
    case 'meetings': {
      const meeting = findMeeting(db, path.id);
      if (!meeting) throw new FeedProblem(404, 'No such meeting');
      const [event] = feedMeetings(db, [meeting], link, false);
      return { isPrivate: false, calendar: { name: event!.title, description: `${event!.title} (${event!.networkName})`, url, meetings: [event!] } };
    }
    case 'private': {
      const feedId = feedIdOfToken(path.id, app.config.jwtSecret);
      const feed = feedId ? findCalendarFeed(db, feedId) : undefined;
      if (!feed) throw new FeedProblem(404, 'No such calendar feed');
      if (feed.revoked_at) throw new FeedProblem(410, 'This calendar feed was revoked; its holder can issue a new one');
      if (!feedStillAllowed(db, feed)) throw new FeedProblem(410, 'The holder of this calendar feed no longer has access to what it showed');
      return { isPrivate: true, calendar: privateCalendar(db, feed, url, link) };
    }
  }
}

export function calendarFeedsPlugin(app: App): Plugin {
  return {
    onRequest({ url, request, endResponse, fetchAPI }) {
      const match = /^\/calendar\/([a-z]+)\/([^/]+)\.ics$/.exec(url.pathname);
      if (!match && !url.pathname.startsWith('/calendar/')) return;
      const text = (status: number, body: string, headers: Record<string, string> = {}) =>
        endResponse(new fetchAPI.Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } }));
      if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Use GET', { allow: 'GET, HEAD' });
      const parsed = FeedPath.safeParse(match ? { kind: match[1], id: decodeURIComponent(match[2]!) } : {});
      if (!parsed.success) {
        return text(404, 'Calendar feeds: /calendar/networks/<networkId>.ics, /calendar/cities/<cityId>.ics, /calendar/private/<token>.ics');
      }
      try {
        const { calendar, isPrivate } = calendarFor(app, parsed.data, request.url);
        const name = parsed.data.kind === 'private' ? 'meetings' : parsed.data.id;
        endResponse(
          new fetchAPI.Response(request.method === 'HEAD' ? null : renderCalendar(calendar), {
            status: 200,
            headers: {
              'content-type': 'text/calendar; charset=utf-8',
              'content-disposition': `inline; filename="${name}.ics"`,
              // A private feed's address is its secret: keep it out of shared caches and search engines.
              'cache-control': isPrivate ? 'private, no-cache' : 'public, max-age=300',
              ...(isPrivate ? { 'x-robots-tag': 'noindex', 'referrer-policy': 'no-referrer' } : {}),
            },
          }),
        );
      } catch (error) {
        if (error instanceof FeedProblem) return text(error.status, error.message);
        throw error;
      }
    },
  };
}
