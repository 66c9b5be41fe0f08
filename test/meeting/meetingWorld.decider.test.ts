import { describe, expect, it } from 'vitest';
import { DescribeMeeting, meetingDecider, RecordLearning, RescheduleMeeting, ScheduleMeeting } from '../../domain/meeting/decider.js';
import type { MeetingEvent } from '../../domain/meeting/events.js';
import { sortDate } from '../../domain/shared/values.js';
import { deciderSpec } from '../support/deciderSpec.js';
import { network, NETWORK_ID } from '../support/networkSnapshot.js';
import { expectScheduled } from './scheduling.js';

/** What the world knows and the partnership does not hold: approximate dates, outside hosts and speakers, lessons of the network. */
const spec = deciderSpec(meetingDecider);

const copenhagen = {
  kind: 'transnationalMeeting' as const,
  title: '1st Transnational Meeting',
  hostCityId: 'torino-it',
  startDate: '2016-09-01',
  endDate: '2016-09-30',
  themes: [],
  guidingQuestions: [],
  partnerCityIds: [],
  origin: null,
};
const monthPrecise: MeetingEvent = {
  type: 'MeetingScheduled',
  data: { networkId: NETWORK_ID, ...copenhagen, datePrecision: 'month', dateWording: 'Settembre 2016' },
};
/** A meeting scheduled before precision existed: no `datePrecision` in its event. */
const dayPrecise: MeetingEvent = {
  type: 'MeetingScheduled',
  data: { networkId: NETWORK_ID, ...copenhagen, startDate: '2016-09-14', endDate: '2016-09-15' },
};
const held: MeetingEvent = { type: 'MeetingHeld', data: {} };

describe('meeting decider: approximate dates', () => {
  it('schedules a meeting known only by its month, with the source wording', () => {
    spec
      .given([])
      .when({ type: 'ScheduleMeeting', data: { ...copenhagen, datePrecision: 'month', dateWording: 'Settembre 2016', network } })
      .then([monthPrecise]);
  });

  it('leaves the precision out of a day-precise meeting, as events before precision existed', () => {
    spec
      .given([])
      .when({ type: 'ScheduleMeeting', data: { ...copenhagen, startDate: '2016-09-14', endDate: '2016-09-15', network } })
      .then([dayPrecise]);
  });

  /** Rescheduling the September 2016 meeting, and the event it records. */
  const reschedule = (startDate: string, endDate: string, reason: string) => ({
    command: { type: 'RescheduleMeeting' as const, data: { startDate, endDate, reason, network } },
    event: { type: 'MeetingRescheduled' as const, data: { startDate, endDate, previousStartDate: '2016-09-01', previousEndDate: '2016-09-30', reason } },
  });

  it('reschedules an approximate meeting to the days it turned out to have', () => {
    const { command, event } = reschedule('2016-09-14', '2016-09-15', 'days known');
    spec.given([monthPrecise]).when(command).then([event]);
  });

  it('records a change of precision alone as a reschedule', () => {
    const { command, event } = reschedule('2016-09-01', '2016-09-30', '');
    spec.given([monthPrecise]).when(command).then([event]);
  });

  it('records nothing for the same approximate dates again', () => {
    spec
      .given([monthPrecise])
      .when({
        type: 'RescheduleMeeting',
        data: { startDate: '2016-09-01', endDate: '2016-09-30', reason: '', datePrecision: 'month', dateWording: 'Settembre 2016', network },
      })
      .then([]);
  });
});

describe('approximate dates: input rules', () => {
  const input = { ...copenhagen, networkId: undefined };
  const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

  it('refuses a month-precise date that does not start on the first of its month', () => {
    expect(issues(ScheduleMeeting.safeParse({ ...input, startDate: '2016-09-02', datePrecision: 'month' }))).toEqual([
      'datePrecision: a month-precise date starts on the first day of its month',
    ]);
  });

  it('refuses a month-precise date that does not end on the last day of a month', () => {
    expect(issues(ScheduleMeeting.safeParse({ ...input, endDate: '2016-09-29', datePrecision: 'month' }))).toEqual([
      'datePrecision: a month-precise date ends on the last day of its month',
    ]);
  });

  it('accepts a season as a month-precise span of three months', () => {
    expect(issues(ScheduleMeeting.safeParse({ ...input, startDate: '2017-03-01', endDate: '2017-05-31', datePrecision: 'month', dateWording: 'spring 2017' }))).toEqual([]);
  });

  it('refuses a year-precise date that is not a whole year', () => {
    expect(issues(RescheduleMeeting.safeParse({ startDate: '2017-01-01', endDate: '2017-06-30', datePrecision: 'year' }))).toEqual([
      'datePrecision: a year-precise date ends on 31 December',
    ]);
  });

  it('sorts an approximate date after the day-precise dates of its period', () => {
    expect([sortDate('2016-10-01', '2016-10-31', 'month'), sortDate('2016-10-15', '2016-10-16', 'day'), sortDate('2016-11-02', '2016-11-02', undefined)].sort()).toEqual([
      '2016-10-15',
      '2016-10-31',
      '2016-11-02',
    ]);
  });
});

describe('meeting decider: hosts and speakers outside the partnership', () => {
  const helsinki = {
    ...copenhagen,
    kind: 'studyVisit' as const,
    title: 'Study visit in Helsinki',
    hostCityId: 'helsinki-fi',
    externalHost: { name: 'Helsinki', country: 'FI' },
  };

  it('schedules a field trip to a city outside the partnership, naming its host', () => expectScheduled(helsinki));

  it('records invited speakers with the description', () => {
    spec
      .given([dayPrecise])
      .when({
        type: 'DescribeMeeting',
        data: { description: 'Collaborative services', notes: '', speakers: [{ name: 'Ezio Manzini', affiliation: 'Politecnico di Milano' }], network },
      })
      .then([
        {
          type: 'MeetingDescribed',
          data: { description: 'Collaborative services', notes: '', speakers: [{ name: 'Ezio Manzini', affiliation: 'Politecnico di Milano' }] },
        },
      ]);
  });

  it('keeps the speakers when a description leaves them out', () => {
    spec
      .given([dayPrecise, { type: 'MeetingDescribed', data: { description: 'a', notes: '', speakers: [{ name: 'Ezio Manzini', affiliation: '' }] } }])
      .when({ type: 'DescribeMeeting', data: { description: 'b', notes: '', network } })
      .then([{ type: 'MeetingDescribed', data: { description: 'b', notes: '' } }]);
  });

  it('records nothing for the same description and speakers again', () => {
    spec
      .given([dayPrecise, { type: 'MeetingDescribed', data: { description: 'a', notes: '', speakers: [{ name: 'Ezio Manzini', affiliation: '' }] } }])
      .when({ type: 'DescribeMeeting', data: { description: 'a', notes: '', speakers: [{ name: 'Ezio Manzini', affiliation: '' }], network } })
      .then([]);
  });

  it('parses a description without speakers as leaving them unchanged', () => {
    expect(DescribeMeeting.parse({ description: 'x' }).speakers).toBeUndefined();
  });
});

describe('meeting decider: lessons of the network', () => {
  it('records a lesson of the whole network, learnt from a city outside it', () => {
    spec
      .given([dayPrecise, held])
      .when({ type: 'RecordLearning', data: { lesson: 'Open data needs an ecosystem', theme: null, cityId: null, learntFrom: 'Helsinki', network } })
      .then([{ type: 'LearningRecorded', data: { learningNumber: 1, lesson: 'Open data needs an ecosystem', theme: null, cityId: null, learntFrom: 'Helsinki' } }]);
  });

  it('still refuses a lesson of a city that is not a partner', () => {
    spec
      .given([dayPrecise, held])
      .when({ type: 'RecordLearning', data: { lesson: 'x', theme: null, cityId: 'helsinki-fi', network } })
      .thenFails('NOT_A_PARTNER');
  });

  it('parses a learning without a city as the network\'s', () => {
    expect(RecordLearning.parse({ lesson: 'x' }).cityId).toBeNull();
  });
});
