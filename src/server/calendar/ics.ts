import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { countryOfCityId, timeZoneOfCity } from './timeZones.js';

/**
 * RFC 5545 calendars of meetings (ical-generator). Meetings are recorded by day, so each event is
 * a whole-day event on the meeting's days (DTEND is the day after the last, as the RFC wants).
 * An event keeps its UID for life; SEQUENCE grows with every reschedule and with a cancellation,
 * and a cancelled meeting stays in the feed with STATUS:CANCELLED, so subscribed calendars update
 * the event they already have instead of adding a second one.
 */

/** What members see beyond the public agenda. */
export interface MembersView {
  readonly attendees: number;
  readonly attendingCities: number;
  readonly learnings: number;
  readonly needsAddressed: readonly string[];
}

export interface FeedMeeting {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly status: 'scheduled' | 'held' | 'cancelled';
  readonly startDate: string;
  readonly endDate: string;
  readonly networkName: string;
  /** The host city; null for online meetings. */
  readonly host: { readonly cityId: string; readonly name: string } | null;
  readonly themes: readonly string[];
  readonly guidingQuestions: readonly string[];
  readonly rescheduleCount: number;
  readonly scheduledAt: string;
  readonly changedAt: string;
  readonly cancelReason: string | null;
  /** The meeting's page (deep link). */
  readonly link: string;
  /** Only in private feeds. */
  readonly members?: MembersView;
}

export interface FeedCalendar {
  readonly name: string;
  readonly description: string;
  /** The feed's own address. */
  readonly url: string;
  /** The time zone of the feed's place (a city's, a network lead partner's), when it has one. */
  readonly timeZone?: string;
  readonly meetings: readonly FeedMeeting[];
}

const KIND_LABELS: Readonly<Record<string, string>> = {
  transnationalMeeting: 'Transnational meeting',
  thematicSeminar: 'Thematic seminar',
  studyVisit: 'Study visit',
  bilateralMeeting: 'Bilateral meeting',
  webinar: 'Webinar',
  localGroupWorkshop: 'Local group (ULG) workshop',
  marketplaceSession: 'Marketplace session',
};

/** A vendor property (RFC 5545 3.8.8.2) with the place's IANA time zone: whole-day dates carry none. */
export const TIME_ZONE_PROPERTY = 'X-EXCHANGE-LEDGER-TZID';

/** UID of a meeting's event, the same in every feed and for the meeting's whole life. */
export const meetingUid = (meetingId: string) => `meeting-${meetingId}@exchange-ledger`;

/** RFC 5545 SEQUENCE: one more for every reschedule, and one more once cancelled. */
export const meetingSequence = (meeting: Pick<FeedMeeting, 'rescheduleCount' | 'status'>) =>
  meeting.rescheduleCount + (meeting.status === 'cancelled' ? 1 : 0);

const dayAfter = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000);

function placeOf(meeting: FeedMeeting): string {
  return meeting.host ? `${meeting.host.name}, ${countryOfCityId(meeting.host.cityId)}` : 'Online';
}

function descriptionOf(meeting: FeedMeeting, zone: string | undefined): string {
  const kind = KIND_LABELS[meeting.kind] ?? meeting.kind;
  const lines = [`${kind} of ${meeting.networkName}${meeting.host ? `, hosted by ${placeOf(meeting)}` : ', online'}.`];
  if (meeting.status === 'cancelled') lines.push(`Cancelled${meeting.cancelReason ? `: ${meeting.cancelReason}` : '.'}`);
  if (meeting.rescheduleCount > 0) lines.push(`Rescheduled ${meeting.rescheduleCount} time(s).`);
  if (meeting.themes.length) lines.push(`Themes: ${meeting.themes.join('; ')}`);
  if (meeting.guidingQuestions.length) lines.push('Guiding questions:', ...meeting.guidingQuestions.map((q) => `- ${q}`));
  const members = meeting.members;
  if (members) {
    lines.push(`Attendance: ${members.attendees} people from ${members.attendingCities} cities. Lessons learnt: ${members.learnings}.`);
    if (members.needsAddressed.length) lines.push('Learning needs addressed:', ...members.needsAddressed.map((n) => `- ${n}`));
  }
  if (zone) lines.push(`Local time: ${zone}`);
  lines.push(`Details: ${meeting.link}`);
  return lines.join('\n');
}

/** The calendar as iCalendar text. `stamp` is DTSTAMP (when the feed was generated). */
export function renderCalendar(feed: FeedCalendar, stamp: Date = new Date()): string {
  const calendar = ical({
    name: feed.name,
    description: feed.description,
    prodId: { company: 'Exchange Ledger', product: 'Meetings', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    url: feed.url,
    // Calendar clients poll feeds; an hour keeps them close to the ledger without hammering it.
    ttl: 3600,
    // Written by hand: ical-generator's own time zone option would shift whole-day dates.
    x: feed.timeZone ? [{ key: 'X-WR-TIMEZONE', value: feed.timeZone }] : [],
  });
  for (const meeting of feed.meetings) {
    const zone = meeting.host ? timeZoneOfCity(meeting.host.cityId) : undefined;
    calendar.createEvent({
      id: meetingUid(meeting.id),
      sequence: meetingSequence(meeting),
      stamp,
      created: new Date(meeting.scheduledAt),
      lastModified: new Date(meeting.changedAt),
      start: new Date(`${meeting.startDate}T00:00:00Z`),
      end: dayAfter(meeting.endDate),
      allDay: true,
      summary: meeting.title,
      description: descriptionOf(meeting, zone),
      location: placeOf(meeting),
      url: meeting.link,
      status: meeting.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      categories: [{ name: KIND_LABELS[meeting.kind] ?? meeting.kind }, ...meeting.themes.map((name) => ({ name }))],
      x: zone ? [{ key: TIME_ZONE_PROPERTY, value: zone }] : [],
    });
  }
  return calendar.toString();
}
