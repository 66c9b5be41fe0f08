import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { meetingDecider } from '../../domain/meeting/decider.js';
import { streamIdOf } from '../../domain/shared/decider.js';
import { useTestApp } from '../support/testApp.js';
import { eventTypes, expectRefused, given, issuePaths, mutate, query, queryErrors, useNetworkSetup, when } from '../support/api.js';

/** The questions a lead expert asks of what the world knows only roughly, or outside the partnership. */
describe('meetings as the world knows them, through the API', () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);
  const TIMELINE = `query($networkId: ID!) { meetings(networkId: $networkId) { nodes { title startDate endDate datePrecision dateWording } } }`;

  it('lists a meeting known only by its month after the day-precise meetings of that month, and says so', async () => {
    // A meeting scheduled before dates had a precision: its event has no `datePrecision`.
    const oldMeetingId = ulid();
    await given(t, [
      {
        streamId: streamIdOf(meetingDecider.category, oldMeetingId),
        events: [
          {
            type: 'MeetingScheduled',
            data: {
              networkId: n.networkId, kind: 'thematicSeminar', title: 'Seminar on 14 October', hostCityId: null,
              startDate: '2016-10-14', endDate: '2016-10-14', themes: [], guidingQuestions: [], partnerCityIds: [], origin: null,
            },
          },
        ],
      },
    ]);
    const outcome = await when(t, {
      query: `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { __typename ... on ScheduleMeetingPayload { meeting { datePrecision dateWording startDate endDate } } } }`,
      variables: {
        input: {
          networkId: n.networkId, kind: 'localGroupWorkshop', title: 'Community welfare', hostCityId: 'torino-it',
          startDate: '2016-10-01', endDate: '2016-10-31', datePrecision: 'month', dateWording: 'October 2016',
        },
      },
      token: n.expert,
    });
    expect(eventTypes(outcome)).toContain('MeetingScheduled');
    expect(outcome.data!.scheduleMeeting.meeting).toEqual({ datePrecision: 'month', dateWording: 'October 2016', startDate: '2016-10-01', endDate: '2016-10-31' });
    await mutate(t, 'scheduleMeeting', { networkId: n.networkId, kind: 'webinar', title: 'Webinar of 2 November', startDate: '2016-11-02', endDate: '2016-11-02' }, n.expert);

    const { meetings } = await query(t, TIMELINE, { networkId: n.networkId });
    expect(meetings.nodes).toEqual([
      { title: 'Seminar on 14 October', startDate: '2016-10-14', endDate: '2016-10-14', datePrecision: 'day', dateWording: null },
      { title: 'Community welfare', startDate: '2016-10-01', endDate: '2016-10-31', datePrecision: 'month', dateWording: 'October 2016' },
      { title: 'Webinar of 2 November', startDate: '2016-11-02', endDate: '2016-11-02', datePrecision: 'day', dateWording: null },
    ]);
  });

  it('carries the precision into the CSV export', async () => {
    const response = await fetch(`${t.url}/export/meetings.csv`);
    const text = await response.text();
    const [header, ...rows] = text.trim().split(/\r?\n/);
    const columns = header!.split(',');
    const precision = columns.indexOf('datePrecision');
    const wording = columns.indexOf('dateWording');
    const community = rows.find((row) => row.includes('Community welfare'))!.split(',');
    expect([community[precision], community[wording]]).toEqual(['month', 'October 2016']);
  });

  it('refuses a month-precise date that is not a whole month, writing nothing', async () => {
    const refused = await expectRefused(
      t,
      'scheduleMeeting',
      { networkId: n.networkId, kind: 'webinar', title: 'x', startDate: '2016-10-03', endDate: '2016-10-31', datePrecision: 'month' },
      n.expert,
      'InputValidationError',
    );
    expect(issuePaths(refused)).toEqual(['datePrecision']);
  });

  it('answers who hosted a field trip outside the partnership, and what the network learnt there', async () => {
    const trip = await mutate(
      t,
      'scheduleMeeting',
      {
        networkId: n.networkId, kind: 'studyVisit', title: 'Study visit in Helsinki', hostCityId: 'helsinki-fi',
        externalHost: { name: 'Helsinki', country: 'FI' }, startDate: '2017-06-01', endDate: '2017-06-30', datePrecision: 'month',
        dateWording: 'right before the Tartu Transnational Meeting (June 2017)',
      },
      n.expert,
    );
    const meetingId = trip.aggregateId as string;
    await mutate(t, 'markMeetingHeld', { meetingId }, n.expert);
    await mutate(t, 'recordLearning', { meetingId, lesson: 'Open data needs an ecosystem around it', learntFrom: 'Helsinki' }, n.expert);
    await mutate(t, 'describeMeeting', { meetingId, description: 'Digital strategies of Helsinki', speakers: [{ name: 'Ville Meloni', affiliation: 'Forum Virium Helsinki' }] }, n.expert);
    // A coordinator records its own city's lessons, not the network's.
    await expectRefused(t, 'recordLearning', { meetingId, lesson: 'x' }, n.torino, 'ForbiddenError');

    const { meeting } = await query(
      t,
      `query($id: ID!) { meeting(id: $id) { host { name } externalHost { name country } speakers { name affiliation } dateWording
         learnings { nodes { lesson cityId ofNetwork learntFrom partner { name } } } } }`,
      { id: meetingId },
      n.expert,
    );
    expect(meeting).toEqual({
      host: null,
      externalHost: { name: 'Helsinki', country: 'FI' },
      speakers: [{ name: 'Ville Meloni', affiliation: 'Forum Virium Helsinki' }],
      dateWording: 'right before the Tartu Transnational Meeting (June 2017)',
      learnings: { nodes: [{ lesson: 'Open data needs an ecosystem around it', cityId: null, ofNetwork: true, learntFrom: 'Helsinki', partner: null }] },
    });
    // Speakers' names are personal data: the public agenda withholds them.
    expect(await queryErrors(t, `query($id: ID!) { meeting(id: $id) { speakers { name } } }`, { id: meetingId })).toEqual([
      'FORBIDDEN',
    ]);
  });
});
