import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { meetingDecider } from '../../domain/meeting/decider.js';
import { streamIdOf } from '../../domain/shared/decider.js';
import { systemActor } from '../../src/auth/actor.js';
import { scheduleMeeting } from '../../src/application/meeting.js';
import { torinoTransnationalMeeting } from '../support/boostInno.js';
import { useTestApp } from '../support/testApp.js';
import { expectRefused, given, issuePaths, mutate, networkHistory, query, queryErrors, setUpNetwork, useNetworkSetup, when } from '../support/api.js';

const MEETING_FIELDS = 'meeting { id meetingId kind title hostCityId startDate endDate themes guidingQuestions partnerCityIds status revision }';

const MEETING = `query($id: ID!) { meeting(id: $id) {
  title kind status host { name } themes attendeeCount attendingCityCount
  attendance { nodes { name cityId partner { name } } }
  learnings { nodes { number lesson theme cityId partner { name } } }
} }`;

describe('meetings through the API', () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);
  let torinoMeeting: string;
  const tnm = () => ({
    networkId: n.networkId,
    ...torinoTransnationalMeeting,
    guidingQuestions: ['How can a city broker social innovation?'],
  });

  it('lets the lead expert schedule a meeting; its agenda is public', async () => {
    const scheduled = await mutate(t, 'scheduleMeeting', tnm(), n.expert, MEETING_FIELDS);
    expect(scheduled).toMatchObject({
      __typename: 'ScheduleMeetingPayload',
      revision: 0,
      meeting: {
        kind: 'transnationalMeeting',
        hostCityId: 'torino-it',
        startDate: '2016-02-17',
        endDate: '2016-02-19',
        themes: ['Local authorities broker and angel of change', 'Circular Economy'],
        partnerCityIds: [],
        status: 'scheduled',
      },
    });
    torinoMeeting = scheduled.meeting.id;
    expect(scheduled.meeting.meetingId).toBe(scheduled.aggregateId);
    const read = await query(t, `query($id: ID!) { meeting(id: $id) { title host { name } themes status } }`, { id: scheduled.aggregateId });
    expect(read.meeting).toEqual({ title: 'Transnational BoostInno meeting', host: { name: 'Torino' }, themes: tnm().themes, status: 'scheduled' });
  });

  it('refuses bad input with typed errors, writing nothing', async () => {
    const dates = await expectRefused(t, 'scheduleMeeting', { ...tnm(), endDate: '2016-02-16' }, n.expert, 'InputValidationError');
    expect(issuePaths(dates)).toEqual(['endDate']);
    const host = await expectRefused(t, 'scheduleMeeting', { ...tnm(), hostCityId: null }, n.expert, 'InputValidationError');
    expect(issuePaths(host)).toEqual(['hostCityId']);
    const bilateral = await expectRefused(t, 'scheduleMeeting', { ...tnm(), kind: 'bilateralMeeting', partnerCityIds: ['torino-it'] }, n.expert, 'InputValidationError');
    expect(issuePaths(bilateral)).toEqual(['partnerCityIds']);
    const title = await expectRefused(t, 'scheduleMeeting', { ...tnm(), title: ' ', networkId: 'nope' }, n.expert, 'InputValidationError');
    expect(issuePaths(title)).toEqual(expect.arrayContaining(['title', 'networkId']));
    await expectRefused(t, 'rescheduleMeeting', { meetingId: torinoMeeting, startDate: '2016-03-01', endDate: 'soon' }, n.expert, 'InputValidationError');
    await expectRefused(t, 'cancelMeeting', { meetingId: 'not-an-id' }, n.expert, 'InputValidationError');
    await expectRefused(t, 'markMeetingHeld', { meetingId: 'not-an-id' }, n.expert, 'InputValidationError');
    await expectRefused(t, 'recordAttendance', { meetingId: torinoMeeting, attendees: [] }, n.expert, 'InputValidationError');
    await expectRefused(t, 'recordAttendance', { meetingId: torinoMeeting, attendees: [{ name: 'Anna', cityId: 'Gdansk' }] }, n.expert, 'InputValidationError');
    await expectRefused(t, 'recordLearning', { meetingId: torinoMeeting, lesson: '', cityId: 'torino-it' }, n.expert, 'InputValidationError');
  });

  it('refuses roles without the scope', async () => {
    for (const token of [n.otherExpert, n.gdansk, undefined]) {
      await expectRefused(t, 'scheduleMeeting', tnm(), token, 'ForbiddenError');
      await expectRefused(t, 'rescheduleMeeting', { meetingId: torinoMeeting, startDate: '2016-03-01', endDate: '2016-03-02' }, token, 'ForbiddenError');
      await expectRefused(t, 'cancelMeeting', { meetingId: torinoMeeting }, token, 'ForbiddenError');
      await expectRefused(t, 'markMeetingHeld', { meetingId: torinoMeeting }, token, 'ForbiddenError');
      await expectRefused(t, 'recordAttendance', { meetingId: torinoMeeting, attendees: [{ name: 'Anna', cityId: 'gdansk-pl' }] }, token, 'ForbiddenError');
      await expectRefused(t, 'recordLearning', { meetingId: torinoMeeting, lesson: 'x', cityId: 'gdansk-pl' }, token, 'ForbiddenError');
    }
  });

  it('enforces the rules: network dates, partners only, held before attendance', async () => {
    await expectRefused(t, 'scheduleMeeting', { ...tnm(), startDate: '2015-08-01', endDate: '2015-08-02' }, n.expert, 'RuleViolationError', 'OUTSIDE_NETWORK_DATES');
    await expectRefused(
      t,
      'scheduleMeeting',
      { ...tnm(), kind: 'bilateralMeeting', hostCityId: null, partnerCityIds: ['torino-it', 'lviv-ua'] },
      n.expert,
      'RuleViolationError',
      'NOT_A_PARTNER',
    );
    await expectRefused(t, 'scheduleMeeting', { ...tnm(), networkId: ulid() }, n.secretariat, 'NotFoundError');
    await expectRefused(t, 'markMeetingHeld', { meetingId: ulid() }, n.secretariat, 'NotFoundError');
    await expectRefused(t, 'rescheduleMeeting', { meetingId: torinoMeeting, startDate: '2018-05-30', endDate: '2018-06-02' }, n.expert, 'RuleViolationError', 'OUTSIDE_NETWORK_DATES');
    await expectRefused(t, 'recordAttendance', { meetingId: torinoMeeting, attendees: [{ name: 'Anna', cityId: 'gdansk-pl' }] }, n.expert, 'RuleViolationError', 'MEETING_NOT_HELD');
  });

  it('reschedules, marks held, records attendance and learnings; members read them', async () => {
    const moved = await mutate(t, 'rescheduleMeeting', { meetingId: torinoMeeting, startDate: '2016-02-18', endDate: '2016-02-20', reason: 'venue' }, n.expert, MEETING_FIELDS);
    expect(moved.meeting).toMatchObject({ startDate: '2016-02-18', endDate: '2016-02-20', revision: 1 });
    expect((await mutate(t, 'markMeetingHeld', { meetingId: torinoMeeting }, n.expert, MEETING_FIELDS)).meeting.status).toBe('held');
    expect((await mutate(t, 'markMeetingHeld', { meetingId: torinoMeeting }, n.expert)).revision).toBe(2);
    const attendance = await mutate(
      t,
      'recordAttendance',
      { meetingId: torinoMeeting, attendees: [{ name: 'Anna Kowalska', cityId: 'gdansk-pl' }, { name: 'Marco Rossi', cityId: 'torino-it' }, { name: 'Marco Rossi', cityId: 'torino-it' }] },
      n.expert,
    );
    expect(attendance.__typename).toBe('RecordAttendancePayload');
    await expectRefused(t, 'recordAttendance', { meetingId: torinoMeeting, attendees: [{ name: 'Aldo de Moor', cityId: 'amsterdam-nl' }] }, n.expert, 'RuleViolationError', 'NOT_A_PARTNER');
    const learning = await mutate(
      t,
      'recordLearning',
      { meetingId: torinoMeeting, lesson: 'A city can act as broker between social enterprises and investors', theme: 'brokerage', cityId: 'gdansk-pl' },
      n.expert,
    );
    expect(learning.__typename).toBe('RecordLearningPayload');
    await expectRefused(t, 'recordLearning', { meetingId: torinoMeeting, lesson: 'x', cityId: 'lviv-ua' }, n.expert, 'RuleViolationError', 'NOT_A_PARTNER');
    await expectRefused(t, 'rescheduleMeeting', { meetingId: torinoMeeting, startDate: '2016-03-01', endDate: '2016-03-02' }, n.expert, 'RuleViolationError', 'MEETING_ALREADY_HELD');
    await expectRefused(t, 'cancelMeeting', { meetingId: torinoMeeting }, n.expert, 'RuleViolationError', 'MEETING_ALREADY_HELD');

    for (const token of [n.gdansk, n.expert, n.secretariat]) {
      const read = await query(t, MEETING, { id: torinoMeeting }, token);
      expect(read.meeting).toMatchObject({
        status: 'held',
        attendeeCount: 2,
        attendingCityCount: 2,
        attendance: { nodes: [{ name: 'Anna Kowalska', cityId: 'gdansk-pl', partner: { name: 'Gdansk' } }, { name: 'Marco Rossi', cityId: 'torino-it', partner: { name: 'Torino' } }] },
        learnings: { nodes: [{ number: 1, theme: 'brokerage', cityId: 'gdansk-pl', partner: { name: 'Gdansk' } }] },
      });
    }
  });

  it('keeps attendance and learnings from the public and from other networks', async () => {
    for (const token of [undefined, n.lviv, n.otherExpert]) {
      const res = await t.gql(MEETING, { id: torinoMeeting }, token);
      expect(res.data!.meeting).toMatchObject({ title: 'Transnational BoostInno meeting', attendeeCount: null, attendance: null, learnings: null });
      expect(new Set(res.errors!.map((e) => e.extensions!.code))).toEqual(new Set(['FORBIDDEN']));
    }
  });

  it('cancels a scheduled meeting, and lists meetings with filters', async () => {
    const webinar = await mutate(
      t,
      'scheduleMeeting',
      { networkId: n.networkId, kind: 'webinar', title: 'Impact finance', startDate: '2016-04-01', endDate: '2016-04-01', themes: ['Impact finance'] },
      n.secretariat,
    );
    const cancelled = await mutate(t, 'cancelMeeting', { meetingId: webinar.aggregateId, reason: 'speaker ill' }, n.expert, 'meeting { status cancelReason }');
    expect(cancelled.meeting).toEqual({ status: 'cancelled', cancelReason: 'speaker ill' });
    await expectRefused(t, 'cancelMeeting', { meetingId: webinar.aggregateId }, n.expert, 'RuleViolationError', 'MEETING_CANCELLED');
    await expectRefused(t, 'markMeetingHeld', { meetingId: webinar.aggregateId }, n.expert, 'RuleViolationError', 'MEETING_CANCELLED');

    const LIST = `query($networkId: ID!, $kind: MeetingKind, $topic: String, $cityId: ID, $from: Date, $to: Date, $includeCancelled: Boolean) {
      meetings(networkId: $networkId, kind: $kind, topic: $topic, cityId: $cityId, from: $from, to: $to, includeCancelled: $includeCancelled, first: 10) {
        nodes { title status } pageInfo { hasNextPage } } }`;
    const titles = async (vars: Record<string, unknown>) =>
      (await query(t, LIST, { networkId: n.networkId, ...vars })).meetings.nodes.map((m: { title: string }) => m.title);
    expect(await titles({})).toEqual(['Transnational BoostInno meeting']);
    expect(await titles({ includeCancelled: true })).toEqual(['Transnational BoostInno meeting', 'Impact finance']);
    expect(await titles({ includeCancelled: true, kind: 'webinar' })).toEqual(['Impact finance']);
    expect(await titles({ topic: 'CIRCULAR' })).toEqual(['Transnational BoostInno meeting']);
    expect(await titles({ from: '2016-03-01' })).toEqual([]);
    expect(await titles({ cityId: 'gdansk-pl', to: '2016-12-31' })).toEqual(['Transnational BoostInno meeting']);
    expect(await queryErrors(t, LIST, { networkId: n.networkId, from: 'March' })).not.toEqual([]);
  });

  it('lets a city coordinator schedule and run its own local group workshop, not another city\'s', async () => {
    const workshop = { networkId: n.networkId, kind: 'localGroupWorkshop', title: 'ULG: co-designing the plan', hostCityId: 'torino-it', startDate: '2016-10-05', endDate: '2016-10-05' };
    const scheduled = await mutate(t, 'scheduleMeeting', workshop, n.torino);
    expect(scheduled.__typename).toBe('ScheduleMeetingPayload');
    expect((await mutate(t, 'markMeetingHeld', { meetingId: scheduled.aggregateId }, n.torino)).__typename).toBe('MarkMeetingHeldPayload');
    await expectRefused(t, 'scheduleMeeting', workshop, n.gdansk, 'ForbiddenError');
    await expectRefused(t, 'markMeetingHeld', { meetingId: torinoMeeting }, n.torino, 'ForbiddenError');
  });

  it('exports scheduleMeeting for other modules (the marketplace schedules a bilateral meeting)', async () => {
    const result = await scheduleMeeting(
      t.app,
      n.networkId,
      {
        kind: 'bilateralMeeting',
        title: 'Impact funds: Torino and Gdansk',
        startDate: '2016-05-10',
        endDate: '2016-05-10',
        partnerCityIds: ['torino-it', 'gdansk-pl'],
        origin: { kind: 'marketplaceMatch', id: 'match-1' },
      },
      { actor: systemActor },
    );
    const read = await query(t, `query($id: ID!) { meeting(id: $id) { kind partnerCityIds origin { kind id } } }`, { id: result.id });
    expect(read.meeting).toEqual({ kind: 'bilateralMeeting', partnerCityIds: ['torino-it', 'gdansk-pl'], origin: { kind: 'marketplaceMatch', id: 'match-1' } });
    await expect(scheduleMeeting(t.app, n.networkId, { kind: 'bilateralMeeting', title: 'x', startDate: '2016-05-10', endDate: '2016-05-10' }, { actor: systemActor })).rejects.toMatchObject({
      name: expect.stringContaining('ValidationError'),
    });
  });

  it('refuses meetings of a closed network', async () => {
    const other = await setUpNetwork(t, 'Interactive Cities');
    const scheduled = await mutate(t, 'scheduleMeeting', { ...tnm(), networkId: other.networkId }, other.expert);
    await mutate(t, 'closeNetwork', { networkId: other.networkId }, other.secretariat);
    await expectRefused(t, 'scheduleMeeting', { ...tnm(), networkId: other.networkId }, other.secretariat, 'RuleViolationError', 'NETWORK_CLOSED');
    await expectRefused(t, 'markMeetingHeld', { meetingId: scheduled.aggregateId }, other.secretariat, 'RuleViolationError', 'NETWORK_CLOSED');
  });
});

describe('describing a meeting: given events, when a request, then response and new events', () => {
  const t = useTestApp();
  const at = '2016-01-10T09:00:00Z';
  const DESCRIBE = `mutation($input: DescribeMeetingInput!) { describeMeeting(input: $input) {
    __typename ... on DescribeMeetingPayload { revision meeting { description notes } } ... on Error { code } } }`;
  const READ = `query($id: ID!) { meeting(id: $id) { title description notes } }`;

  /** BoostInno with its lead expert, and Torino's transnational meeting scheduled. */
  async function givenMeeting(options: { cancelled?: boolean } = {}) {
    const { networkId, stream } = networkHistory({ leadExpert: 'expert:peter', at });
    const meetingId = ulid();
    await given(t, [
      stream,
      {
        streamId: streamIdOf(meetingDecider.category, meetingId),
        at,
        events: [
          {
            type: 'MeetingScheduled',
            data: { networkId, ...torinoTransnationalMeeting, themes: [...torinoTransnationalMeeting.themes], guidingQuestions: [], partnerCityIds: [], origin: null },
          },
          ...(options.cancelled ? [{ type: 'MeetingCancelled', data: { reason: 'strike' } }] : []),
        ],
      },
    ]);
    return meetingId;
  }

  const describeInput = (meetingId: string) => ({
    meetingId,
    description: 'Local authorities as brokers of social innovation',
    notes: 'Gdansk offered a site visit on impact funds',
  });

  it("the lead expert describes the meeting: one event, the description public, the notes the network's", async () => {
    const meetingId = await givenMeeting();
    const expert = await t.token('leadExpert', { subject: 'expert:peter' });
    const outcome = await when(t, { query: DESCRIBE, variables: { input: describeInput(meetingId) }, token: expert });
    expect(outcome.data?.describeMeeting).toEqual({
      __typename: 'DescribeMeetingPayload',
      revision: 1,
      meeting: { description: 'Local authorities as brokers of social innovation', notes: 'Gdansk offered a site visit on impact funds' },
    });
    expect(outcome.newEvents.map((e) => [e.type, e.data])).toEqual([
      ['MeetingDescribed', { description: 'Local authorities as brokers of social innovation', notes: 'Gdansk offered a site visit on impact funds' }],
    ]);

    const anonymous = await t.gql(READ, { id: meetingId });
    expect(anonymous.data?.meeting).toEqual({
      title: 'Transnational BoostInno meeting',
      description: 'Local authorities as brokers of social innovation',
      notes: null,
    });
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('describing again with the same texts records nothing', async () => {
    const meetingId = await givenMeeting();
    const expert = await t.token('leadExpert', { subject: 'expert:peter' });
    await when(t, { query: DESCRIBE, variables: { input: describeInput(meetingId) }, token: expert });
    const again = await when(t, { query: DESCRIBE, variables: { input: describeInput(meetingId) }, token: expert });
    expect(again.data?.describeMeeting).toMatchObject({ __typename: 'DescribeMeetingPayload', revision: 1 });
    expect(again.newEvents).toEqual([]);
  });

  it('a cancelled meeting cannot be described, and nothing is written', async () => {
    const meetingId = await givenMeeting({ cancelled: true });
    const expert = await t.token('leadExpert', { subject: 'expert:peter' });
    const outcome = await when(t, { query: DESCRIBE, variables: { input: describeInput(meetingId) }, token: expert });
    expect(outcome.data?.describeMeeting).toEqual({ __typename: 'RuleViolationError', code: 'MEETING_CANCELLED' });
    expect(outcome.newEvents).toEqual([]);
  });

  it("a partner's coordinator cannot describe a transnational meeting, and nothing is written", async () => {
    const meetingId = await givenMeeting();
    const torino = await t.token('cityCoordinator', { subject: 'coordinator:torino', cityIds: ['torino-it'] });
    const outcome = await when(t, { query: DESCRIBE, variables: { input: describeInput(meetingId) }, token: torino });
    expect(outcome.data?.describeMeeting).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect(outcome.newEvents).toEqual([]);
  });
});
