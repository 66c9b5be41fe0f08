import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarFeedToken } from '../../src/application/calendarFeed.js';
import { eventTypes, expectRefused, issuePaths, mutate, query, setUpNetwork, when, type NetworkSetup } from '../support/api.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

const LINK = 'https://exchange.example.eu/meetings/{meetingId}';
const FEED_FIELDS = 'calendarFeed { calendarFeedId scope networkId cityId label active url revokedAt }';

interface ParsedEvent {
  uid: string;
  summary: string;
  start: string;
  end: string;
  allDay: boolean;
  sequence: number;
  status: string;
  location: string;
  url: string;
  timeZone: string | null;
  description: string;
  categories: string[];
}

/** Parses an iCalendar text with ical.js (a parser independent of the generator). */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events: ParsedEvent[] = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate,
      sequence: event.sequence,
      status: String(vevent.getFirstPropertyValue('status')),
      location: event.location,
      url: String(vevent.getFirstPropertyValue('url')),
      timeZone: (vevent.getFirstPropertyValue('x-exchange-ledger-tzid') as string | null) ?? null,
      description: event.description,
      categories: vevent.getAllProperties('categories').flatMap((p) => p.getValues() as string[]),
    };
  });
  return {
    name: String(calendar.getFirstPropertyValue('x-wr-calname')),
    timeZone: (calendar.getFirstPropertyValue('x-wr-timezone') as string | null) ?? null,
    version: String(calendar.getFirstPropertyValue('version')),
    events,
  };
}

describe('iCalendar feeds', () => {
  let t: TestApp;
  let n: NetworkSetup;
  const meetings: Record<'gdansk' | 'webinar' | 'bilbao', string> = { gdansk: '', webinar: '', bilbao: '' };

  const get = (path: string) => fetch(path.startsWith('http') ? path : `${t.url}${path}`);
  const feed = async (path: string) => {
    const response = await get(path);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    return { response, calendar: parseCalendar(await response.text()) };
  };
  const eventOf = (calendar: ReturnType<typeof parseCalendar>, meetingId: string) => calendar.events.find((e) => e.uid === `meeting-${meetingId}@exchange-ledger`)!;
  const issue = (input: Record<string, unknown>, token: string | undefined) => mutate(t, 'issueCalendarFeed', input, token, FEED_FIELDS);

  beforeAll(async () => {
    t = await startTestApp({ MEETING_LINK_TEMPLATE: LINK });
    n = await setUpNetwork(t);
    const schedule = async (input: Record<string, unknown>) => {
      const result = await mutate(t, 'scheduleMeeting', { networkId: n.networkId, ...input }, n.expert);
      expect(result.__typename, JSON.stringify(result)).toBe('ScheduleMeetingPayload');
      return result.aggregateId as string;
    };
    meetings.gdansk = await schedule({
      kind: 'transnationalMeeting',
      title: 'Starting BoostInno journey',
      hostCityId: 'gdansk-pl',
      startDate: '2015-11-08',
      endDate: '2015-11-10',
      themes: ['Social innovation', 'Impact finance'],
      guidingQuestions: ['How can a city broker social innovation?'],
    });
    meetings.webinar = await schedule({ kind: 'webinar', title: 'Impact funds webinar', startDate: '2016-02-17', endDate: '2016-02-17' });
    meetings.bilbao = await schedule({ kind: 'studyVisit', title: 'Study visit to Bilbao', hostCityId: 'bilbao-es', startDate: '2016-05-10', endDate: '2016-05-11' });
    await mutate(t, 'markMeetingHeld', { meetingId: meetings.gdansk }, n.expert);
    await mutate(t, 'recordAttendance', { meetingId: meetings.gdansk, attendees: [{ name: 'Marco Rossi', cityId: 'torino-it' }] }, n.expert);
    await mutate(t, 'recordLearning', { meetingId: meetings.gdansk, cityId: 'torino-it', lesson: 'A city can broker impact funds' }, n.expert);
  });
  afterAll(async () => t?.close());

  describe('public feeds', () => {
    it("serve a network's agenda as RFC 5545 whole-day events with place, time zone and deep link", async () => {
      const { response, calendar } = await feed(`/calendar/networks/${n.networkId}.ics`);
      expect(response.headers.get('cache-control')).toMatch(/^public/);
      expect(calendar.version).toBe('2.0');
      expect(calendar.name).toBe('BoostInno: meetings');
      expect(calendar.timeZone).toBe('Europe/Rome');
      expect(calendar.events).toHaveLength(3);
      expect(eventOf(calendar, meetings.gdansk)).toMatchObject({
        summary: 'Starting BoostInno journey',
        start: '2015-11-08',
        end: '2015-11-11',
        allDay: true,
        sequence: 0,
        status: 'CONFIRMED',
        location: 'Gdansk, PL',
        url: `https://exchange.example.eu/meetings/${meetings.gdansk}`,
        timeZone: 'Europe/Warsaw',
        categories: ['Transnational meeting', 'social innovation', 'impact finance'].map((c) => expect.stringMatching(new RegExp(c, 'i'))),
      });
      expect(eventOf(calendar, meetings.gdansk).description).toContain('How can a city broker social innovation?');
      expect(eventOf(calendar, meetings.webinar)).toMatchObject({ location: 'Online', timeZone: null, start: '2016-02-17', end: '2016-02-18' });
      expect(eventOf(calendar, meetings.bilbao)).toMatchObject({ location: 'Bilbao, ES', timeZone: 'Europe/Madrid' });
    });

    it('carry only public data: no attendance, lessons or needs', async () => {
      const text = await (await get(`/calendar/networks/${n.networkId}.ics`)).text();
      expect(text).not.toMatch(/Attendance|Lessons learnt|Marco Rossi|broker impact funds/);
    });

    it("serve a city's agenda across its networks, and one meeting on its own", async () => {
      const { calendar } = await feed('/calendar/cities/torino-it.ics');
      expect(calendar.name).toBe('Torino: meetings');
      expect(calendar.timeZone).toBe('Europe/Rome');
      expect(calendar.events.map((e) => e.summary)).toEqual(['Starting BoostInno journey', 'Impact funds webinar', 'Study visit to Bilbao']);
      const one = await feed(`/calendar/meetings/${meetings.webinar}.ics`);
      expect(one.calendar.events.map((e) => e.summary)).toEqual(['Impact funds webinar']);
    });

    it('answer 404 for unknown or malformed addresses and 405 for writes', async () => {
      expect((await get(`/calendar/networks/01J0000000000000000000000Z.ics`)).status).toBe(404);
      expect((await get('/calendar/networks/not-an-id.ics')).status).toBe(404);
      expect((await get('/calendar/cities/Turin.ics')).status).toBe(404);
      expect((await get('/calendar/elsewhere/x.ics')).status).toBe(404);
      expect((await fetch(`${t.url}/calendar/cities/torino-it.ics`, { method: 'POST' })).status).toBe(405);
    });

    it('keep the UID when a meeting is rescheduled or cancelled, raising SEQUENCE and marking it CANCELLED', async () => {
      const before = eventOf((await feed(`/calendar/networks/${n.networkId}.ics`)).calendar, meetings.webinar);
      await mutate(t, 'rescheduleMeeting', { meetingId: meetings.webinar, startDate: '2016-02-24', endDate: '2016-02-24', reason: 'speaker ill' }, n.expert);
      const moved = eventOf((await feed(`/calendar/networks/${n.networkId}.ics`)).calendar, meetings.webinar);
      expect(moved).toMatchObject({ uid: before.uid, sequence: before.sequence + 1, start: '2016-02-24', status: 'CONFIRMED' });
      await mutate(t, 'cancelMeeting', { meetingId: meetings.webinar, reason: 'no speaker' }, n.expert);
      const cancelled = eventOf((await feed(`/calendar/networks/${n.networkId}.ics`)).calendar, meetings.webinar);
      expect(cancelled).toMatchObject({ uid: before.uid, sequence: before.sequence + 2, status: 'CANCELLED' });
      expect(cancelled.description).toContain('Cancelled: no speaker');
    });

    it('are linked from the API', async () => {
      const data = await query(t, `query($id: ID!) { network(id: $id) { calendarUrl partners { cityId calendarUrl } } }`, { id: n.networkId });
      expect(data.network.calendarUrl).toBe(`${t.url}/calendar/networks/${n.networkId}.ics`);
      expect(data.network.partners.find((p: { cityId: string }) => p.cityId === 'torino-it').calendarUrl).toBe(`${t.url}/calendar/cities/torino-it.ics`);
      await feed(data.network.calendarUrl);
    });
  });

  describe('private feeds', () => {
    it('are issued to members as an unguessable address that shows what members see', async () => {
      const issued = await issue({ scope: 'network', networkId: n.networkId, label: 'Phone' }, n.torino);
      expect(issued).toMatchObject({ __typename: 'IssueCalendarFeedPayload', calendarFeed: { scope: 'network', networkId: n.networkId, label: 'Phone', active: true } });
      const url = issued.calendarFeed.url as string;
      expect(url).toMatch(new RegExp(`^${t.url}/calendar/private/${issued.calendarFeed.calendarFeedId}\\.[A-Za-z0-9_-]{43}\\.ics$`));
      const { response, calendar } = await feed(url);
      expect(response.headers.get('cache-control')).toBe('private, no-cache');
      expect(calendar.name).toBe('BoostInno: meetings (Phone)');
      expect(eventOf(calendar, meetings.gdansk).description).toContain('Attendance: 1 people from 1 cities. Lessons learnt: 1.');
    });

    it('return the same address on a retry with the same idempotency key', async () => {
      const input = { scope: 'person', idempotencyKey: 'feed-retry' };
      const first = await issue(input, n.expert);
      const retry = await issue(input, n.expert);
      expect(retry).toMatchObject({ replayed: true, calendarFeed: { url: first.calendarFeed.url } });
    });

    it('refuse a forged, altered or foreign-secret address', async () => {
      const issued = await issue({ scope: 'city', cityId: 'torino-it' }, n.torino);
      const url = issued.calendarFeed.url as string;
      const token = /private\/(.+)\.ics$/.exec(url)![1]!;
      const altered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
      expect((await get(`/calendar/private/${altered}.ics`)).status).toBe(404);
      expect((await get(`/calendar/private/${calendarFeedToken(issued.calendarFeed.calendarFeedId, 'another-secret-of-at-least-32-chars!')}.ics`)).status).toBe(404);
      expect((await get(`/calendar/private/${issued.calendarFeed.calendarFeedId}.ics`)).status).toBe(404);
      expect((await get(url)).status).toBe(200);
    });

    it('are listed to their holder only', async () => {
      const mine = await query(t, '{ myCalendarFeeds { calendarFeedId scope url } }', {}, n.torino);
      expect(mine.myCalendarFeeds.length).toBeGreaterThanOrEqual(2);
      expect(mine.myCalendarFeeds.every((f: { url: string }) => f.url.includes('/calendar/private/'))).toBe(true);
      const theirs = await query(t, '{ myCalendarFeeds { calendarFeedId } }', {}, n.gdansk);
      expect(theirs.myCalendarFeeds).toEqual([]);
      const anonymous = await t.gql('{ myCalendarFeeds { calendarFeedId } }');
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('refuse bad input with typed errors, writing nothing', async () => {
      const noNetwork = await expectRefused(t, 'issueCalendarFeed', { scope: 'network' }, n.torino, 'InputValidationError');
      expect(issuePaths(noNetwork)).toEqual(['networkId']);
      const both = await expectRefused(t, 'issueCalendarFeed', { scope: 'person', cityId: 'torino-it', networkId: n.networkId }, n.torino, 'InputValidationError');
      expect(issuePaths(both).sort()).toEqual(['cityId', 'networkId']);
      const bad = await expectRefused(t, 'issueCalendarFeed', { scope: 'city', cityId: 'Turin', label: 'x'.repeat(101) }, n.torino, 'InputValidationError');
      expect(issuePaths(bad).sort()).toEqual(['cityId', 'label']);
      await expectRefused(t, 'revokeCalendarFeed', { calendarFeedId: 'nope' }, n.torino, 'InputValidationError');
      await expectRefused(t, 'issueCalendarFeed', { scope: 'network', networkId: '01J0000000000000000000000Z' }, n.secretariat, 'NotFoundError');
      await expectRefused(t, 'revokeCalendarFeed', { calendarFeedId: '01J0000000000000000000000Z' }, n.secretariat, 'NotFoundError');
    });

    it('are issued only to those who may read what they show', async () => {
      await expectRefused(t, 'issueCalendarFeed', { scope: 'network', networkId: n.networkId }, n.lviv, 'ForbiddenError');
      await expectRefused(t, 'issueCalendarFeed', { scope: 'network', networkId: n.networkId }, n.otherExpert, 'ForbiddenError');
      await expectRefused(t, 'issueCalendarFeed', { scope: 'city', cityId: 'gdansk-pl' }, n.torino, 'ForbiddenError');
      await expectRefused(t, 'issueCalendarFeed', { scope: 'person' }, undefined, 'ForbiddenError');
    });

    it('are revoked by their holder or the secretariat, and answer 410 from then on', async () => {
      const issued = await issue({ scope: 'city', cityId: 'torino-it', label: 'Laptop' }, n.torino);
      const { calendarFeedId, url } = issued.calendarFeed as { calendarFeedId: string; url: string };
      await expectRefused(t, 'revokeCalendarFeed', { calendarFeedId }, n.gdansk, 'ForbiddenError');
      await expectRefused(t, 'revokeCalendarFeed', { calendarFeedId }, n.expert, 'ForbiddenError');
      expect((await get(url)).status).toBe(200);
      const revoked = await when(t, {
        query: `mutation($input: RevokeCalendarFeedInput!) { revokeCalendarFeed(input: $input) { __typename ... on RevokeCalendarFeedPayload { ${FEED_FIELDS} } } }`,
        variables: { input: { calendarFeedId, reason: 'laptop stolen' } },
        token: n.torino,
      });
      expect(eventTypes(revoked)).toEqual(['CalendarFeedRevoked']);
      expect(revoked.data!.revokeCalendarFeed.calendarFeed).toMatchObject({ active: false, url: null });
      const gone = await get(url);
      expect(gone.status).toBe(410);
      expect(await gone.text()).toMatch(/revoked/);
      await expectRefused(t, 'revokeCalendarFeed', { calendarFeedId }, n.torino, 'RuleViolationError', 'CALENDAR_FEED_ALREADY_REVOKED');

      const other = await issue({ scope: 'person' }, n.gdansk);
      const bySecretariat = await mutate(t, 'revokeCalendarFeed', { calendarFeedId: other.calendarFeed.calendarFeedId, reason: 'offboarding' }, n.secretariat, FEED_FIELDS);
      expect(bySecretariat.calendarFeed.active).toBe(false);
      expect((await get(other.calendarFeed.url)).status).toBe(410);
      const listed = await query(t, '{ myCalendarFeeds(includeRevoked: true) { calendarFeedId active } }', {}, n.gdansk);
      expect(listed.myCalendarFeeds).toContainEqual({ calendarFeedId: other.calendarFeed.calendarFeedId, active: false });
    });

    it("follow access: a replaced lead expert's feeds stop showing the network", async () => {
      const person = await issue({ scope: 'person', label: 'expert' }, n.expert);
      const network = await issue({ scope: 'network', networkId: n.networkId }, n.expert);
      expect((await feed(person.calendarFeed.url)).calendar.events).toHaveLength(3);
      const assigned = await mutate(t, 'assignLeadExpert', { networkId: n.networkId, subject: 'expert:successor', name: 'Successor' }, n.secretariat);
      expect(assigned.__typename).toBe('AssignLeadExpertPayload');
      expect((await feed(person.calendarFeed.url)).calendar.events).toHaveLength(0);
      expect((await get(network.calendarFeed.url)).status).toBe(410);
    });
  });
});
