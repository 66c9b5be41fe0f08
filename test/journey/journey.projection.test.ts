import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learningNeedsProjection } from '../../projections/learningNeed/learningNeeds.js';
import { localGroupsProjection } from '../../projections/localGroup/localGroups.js';
import { meetingsProjection } from '../../projections/meeting/meetings.js';
import { compositionOf, listStakeholders } from '../../projections/localGroup/queries.js';
import { countAttendees, listLearnings, listMeetings } from '../../projections/meeting/queries.js';
import { listNeedHistory, listNeedLinks, listNeeds, needCoverage } from '../../projections/learningNeed/queries.js';
import { incrementalAndRebuilt, type ProjectionHarness, type StreamEvent } from '../support/projectionSpec.js';

const NETWORK = '01JABCDEFGHJKMNPQRSTVWXYZ0';
const GDANSK_TNM = '01JMEET0000000000000000001';
const TORINO_TNM = '01JMEET0000000000000000002';
const WEBINAR = '01JMEET0000000000000000003';
const ULG_WORKSHOP = '01JMEET0000000000000000004';
const GROUP = '01JGR00P000000000000000001';
const NEED_FUNDS = '01JNEED0000000000000000001';
const NEED_BROKER = '01JNEED0000000000000000002';
const NEED_SPACE = '01JNEED0000000000000000003';

const meeting = (id: string, data: Record<string, unknown>): StreamEvent => ({
  streamId: `meeting-${id}`,
  type: 'MeetingScheduled',
  data: { networkId: NETWORK, hostCityId: null, themes: [], guidingQuestions: [], partnerCityIds: [], origin: null, ...data },
});
const at = (date: string) => `${date}T09:00:00.000Z`;

const events: StreamEvent[] = [
  meeting(GDANSK_TNM, {
    kind: 'transnationalMeeting',
    title: 'Starting BoostInno journey',
    hostCityId: 'gdansk-pl',
    startDate: '2015-11-08',
    endDate: '2015-11-10',
    themes: ['Starting BoostInno journey'],
  }),
  meeting(TORINO_TNM, {
    kind: 'transnationalMeeting',
    title: 'Transnational BoostInno meeting',
    hostCityId: 'torino-it',
    startDate: '2016-02-10',
    endDate: '2016-02-12',
    themes: ['Local authorities broker and angel of change', 'Circular Economy'],
  }),
  { streamId: `meeting-${TORINO_TNM}`, type: 'MeetingRescheduled', data: { startDate: '2016-02-17', endDate: '2016-02-19', previousStartDate: '2016-02-10', previousEndDate: '2016-02-12', reason: '' } },
  meeting(WEBINAR, { kind: 'webinar', title: 'Impact finance', startDate: '2016-04-01', endDate: '2016-04-01', themes: ['Impact finance'] }),
  { streamId: `meeting-${WEBINAR}`, type: 'MeetingCancelled', data: { reason: 'speaker ill' } },
  meeting(ULG_WORKSHOP, { kind: 'localGroupWorkshop', title: 'ULG meeting', hostCityId: 'torino-it', startDate: '2016-10-05', endDate: '2016-10-05' }),
  { streamId: `meeting-${GDANSK_TNM}`, type: 'MeetingHeld', data: {}, occurredAt: at('2015-11-10') },
  { streamId: `meeting-${GDANSK_TNM}`, type: 'AttendanceRecorded', data: { attendees: [{ name: 'Anna', cityId: 'gdansk-pl' }, { name: 'Marco', cityId: 'torino-it' }] } },
  { streamId: `meeting-${GDANSK_TNM}`, type: 'AttendanceRecorded', data: { attendees: [{ name: 'Joan', cityId: 'barcelona-es' }] } },
  { streamId: `meeting-${GDANSK_TNM}`, type: 'LearningRecorded', data: { learningNumber: 1, lesson: 'Map the network first', theme: 'mapping', cityId: 'torino-it' } },
  { streamId: `meeting-${GDANSK_TNM}`, type: 'LearningRecorded', data: { learningNumber: 2, lesson: 'Brokers open doors', theme: null, cityId: 'barcelona-es' } },
  { streamId: `localgroup-${GROUP}`, type: 'LocalGroupFormed', data: { networkId: NETWORK, cityId: 'torino-it', name: 'Torino ULG', coordinator: null } },
  { streamId: `localgroup-${GROUP}`, type: 'StakeholderAdded', data: { stakeholderId: 1, name: 'Incubators', helix: 'private', role: '', planned: true } },
  { streamId: `localgroup-${GROUP}`, type: 'StakeholderAdded', data: { stakeholderId: 2, name: 'Third Sector', helix: 'civilSociety', role: '', planned: false } },
  { streamId: `localgroup-${GROUP}`, type: 'StakeholderAdded', data: { stakeholderId: 3, name: 'Banks', helix: 'private', role: 'funders', planned: false } },
  { streamId: `localgroup-${GROUP}`, type: 'StakeholderRemoved', data: { stakeholderId: 1, reason: 'merged' } },
  { streamId: `localgroup-${GROUP}`, type: 'LocalGroupCoordinatorChanged', data: { coordinator: { name: 'Fabrizio', organisation: 'Città di Torino' }, previous: null } },
  {
    streamId: `learningneed-${NEED_FUNDS}`,
    type: 'LearningNeedRaised',
    data: { networkId: NETWORK, cityId: 'torino-it', kind: 'learning', topics: ['impact funds'], description: 'How to develop new impact funds?', priority: 'medium' },
    occurredAt: at('2015-10-01'),
  },
  { streamId: `learningneed-${NEED_FUNDS}`, type: 'LearningNeedRefined', data: { changes: { priority: 'high' }, previous: { priority: 'medium' } } },
  { streamId: `learningneed-${NEED_FUNDS}`, type: 'LearningNeedAddressed', data: { meetingId: GDANSK_TNM, peerCityId: null, note: '' }, occurredAt: at('2015-11-10') },
  { streamId: `learningneed-${NEED_FUNDS}`, type: 'LearningNeedAddressed', data: { meetingId: null, peerCityId: 'gdansk-pl', note: 'visit' }, occurredAt: at('2015-12-01') },
  { streamId: `learningneed-${NEED_FUNDS}`, type: 'LearningNeedClosed', data: { note: 'learnt' } },
  {
    streamId: `learningneed-${NEED_BROKER}`,
    type: 'LearningNeedRaised',
    data: { networkId: NETWORK, cityId: 'torino-it', kind: 'capacityBuilding', topics: ['brokerage'], description: 'Brokerage capacity', priority: 'low' },
    occurredAt: at('2016-01-15'),
  },
  {
    streamId: `learningneed-${NEED_SPACE}`,
    type: 'LearningNeedRaised',
    data: { networkId: NETWORK, cityId: 'gdansk-pl', kind: 'learning', topics: ['spaces'], description: 'Creation of an accelerator space', priority: 'high' },
    occurredAt: at('2015-10-02'),
  },
  { streamId: `learningneed-${NEED_SPACE}`, type: 'LearningNeedWithdrawn', data: { reason: 'found a space' } },
];

const projections = [meetingsProjection, localGroupsProjection, learningNeedsProjection];

describe('journey projections', () => {
  let harness: ProjectionHarness;
  let result: Awaited<ReturnType<typeof incrementalAndRebuilt>>;
  beforeAll(async () => {
    result = await incrementalAndRebuilt(projections, events, 4);
    harness = result.harness;
  });
  afterAll(async () => harness?.close());

  it('rebuild equals the incremental run', () => {
    expect(result.rebuilt).toEqual(result.incremental);
    expect(Object.keys(result.rebuilt).sort()).toEqual(projections.flatMap((p) => p.tables).sort());
  });

  it('orders the timeline and filters it by kind, partner, topic and period', () => {
    const titles = (filter: Parameters<typeof listMeetings>[1]) => listMeetings(harness.db, filter, 50, 0).map((m) => m.title);
    expect(titles({ networkId: NETWORK })).toEqual(['Starting BoostInno journey', 'Transnational BoostInno meeting', 'ULG meeting']);
    expect(titles({ networkId: NETWORK, includeCancelled: true })).toContain('Impact finance');
    expect(titles({ networkId: NETWORK, status: 'cancelled' })).toEqual(['Impact finance']);
    expect(titles({ networkId: NETWORK, cityId: 'gdansk-pl' })).toEqual(['Starting BoostInno journey', 'Transnational BoostInno meeting']);
    expect(titles({ networkId: NETWORK, cityId: 'torino-it' })).toHaveLength(3);
    expect(titles({ networkId: NETWORK, topic: 'circular' })).toEqual(['Transnational BoostInno meeting']);
    expect(titles({ networkId: NETWORK, from: '2016-02-18', to: '2016-12-31' })).toEqual(['Transnational BoostInno meeting', 'ULG meeting']);
    const torino = listMeetings(harness.db, { networkId: NETWORK, kind: 'transnationalMeeting' }, 50, 0)[1]!;
    expect(torino).toMatchObject({ start_date: '2016-02-17', end_date: '2016-02-19', reschedule_count: 1, status: 'scheduled' });
  });

  it('keeps attendance and learnings of a meeting', () => {
    expect(countAttendees(harness.db, GDANSK_TNM)).toEqual({ people: 3, cities: 3 });
    expect(listLearnings(harness.db, GDANSK_TNM, {}, 10, 0).map((l) => [l.learning_number, l.city_id, l.network_id])).toEqual([
      [1, 'torino-it', NETWORK],
      [2, 'barcelona-es', NETWORK],
    ]);
  });

  it('counts a local group per helix, current stakeholders only', () => {
    expect(compositionOf(harness.db, GROUP)).toEqual([
      { helix: 'public', count: 0, planned: 0 },
      { helix: 'private', count: 1, planned: 0 },
      { helix: 'knowledge', count: 0, planned: 0 },
      { helix: 'civilSociety', count: 1, planned: 0 },
    ]);
    expect(listStakeholders(harness.db, GROUP, { includeRemoved: true }, 10, 0).map((s) => [s.name, s.status])).toEqual([
      ['Incubators', 'removed'],
      ['Third Sector', 'active'],
      ['Banks', 'active'],
    ]);
  });

  it('keeps needs with what addressed them, their history, and coverage per partner', () => {
    expect(listNeeds(harness.db, { networkId: NETWORK, cityId: 'torino-it' }, 10, 0).map((n) => [n.description, n.priority, n.status])).toEqual([
      ['How to develop new impact funds?', 'high', 'closed'],
      ['Brokerage capacity', 'low', 'open'],
    ]);
    expect(listNeedLinks(harness.db, NEED_FUNDS).map((l) => [l.meeting_id, l.peer_city_id])).toEqual([
      [GDANSK_TNM, null],
      [null, 'gdansk-pl'],
    ]);
    expect(listNeedHistory(harness.db, NEED_FUNDS, 10, 0).map((h) => [h.type, h.actor])).toEqual([
      ['LearningNeedRaised', 'test'],
      ['LearningNeedRefined', 'test'],
      ['LearningNeedAddressed', 'test'],
      ['LearningNeedAddressed', 'test'],
      ['LearningNeedClosed', 'test'],
    ]);
    expect(needCoverage(harness.db, { networkId: NETWORK })).toEqual([
      { city_id: 'gdansk-pl', raised: 1, open: 0, addressed: 0, closed: 0, withdrawn: 1 },
      { city_id: 'torino-it', raised: 2, open: 1, addressed: 1, closed: 1, withdrawn: 0 },
    ]);
    expect(needCoverage(harness.db, { networkId: NETWORK, from: '2016-01-01' })).toEqual([
      { city_id: 'torino-it', raised: 1, open: 1, addressed: 0, closed: 0, withdrawn: 0 },
    ]);
    expect(listNeeds(harness.db, { networkId: NETWORK, topic: 'FUNDS' }, 10, 0)).toHaveLength(1);
  });
});
