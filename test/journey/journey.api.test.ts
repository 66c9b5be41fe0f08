import { beforeAll, describe, expect, it } from 'vitest';
import { torinoTransnationalMeeting } from '../support/boostInno.js';
import { useTestApp } from '../support/testApp.js';
import { mutate, query, queryErrors, useNetworkSetup } from '../support/api.js';

const JOURNEY = `query($networkId: ID!, $cityId: ID, $topic: String, $from: Date, $to: Date, $asOf: DateTime, $includeCancelled: Boolean) {
  journey(networkId: $networkId, cityId: $cityId, topic: $topic, from: $from, to: $to, asOf: $asOf, includeCancelled: $includeCancelled) {
    asOf meetingCount network { name }
    timeline { nodes { title kind startDate status themes attendeeCount
      attendance { nodes { name cityId } } learnings { nodes { lesson theme cityId } } } }
    needCoverage { raised open addressed closed withdrawn coverage }
    partners { partner { cityId } meetingsAttended peopleSent learningCount
      needCoverage { raised open addressed closed withdrawn coverage }
      needs { nodes { description status } } }
  } }`;

/** Every mutation below is recorded as having happened at a given moment (occurredAt), as a backfill would. */
const at = (date: string) => `${date}T12:00:00Z`;

describe('the learning journey through the API', () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);
  const journey = async (vars: Record<string, unknown> = {}, token = n.expert) =>
    (await query(t, JOURNEY, { networkId: n.networkId, ...vars }, token)).journey;

  beforeAll(async () => {
    // The history is backfilled (occurredAt in 2015-2016): the secretariat's privilege.
    const need = async (cityId: string, description: string, topics: string[], token: string) =>
      (await mutate(t, 'raiseLearningNeed', { networkId: n.networkId, cityId, kind: 'learning', topics, description, occurredAt: at('2015-10-01') }, token))
        .aggregateId as string;
    const funds = await need('torino-it', 'How to develop new impact funds?', ['impact funds'], n.secretariat);
    await need('torino-it', 'How to develop public/private brokerage?', ['brokerage'], n.secretariat);
    const space = await need('gdansk-pl', 'Creation of an accelerator space', ['spaces'], n.secretariat);
    await need('gdansk-pl', 'Bringing social innovation into the suburbs', ['suburbs'], n.secretariat);
    await mutate(t, 'withdrawLearningNeed', { learningNeedId: space, reason: 'found one', occurredAt: at('2016-01-10') }, n.secretariat);

    const schedule = async (input: Record<string, unknown>) =>
      (await mutate(t, 'scheduleMeeting', { networkId: n.networkId, occurredAt: at('2015-10-01'), ...input }, n.secretariat)).aggregateId as string;
    const gdanskMeeting = await schedule({
      kind: 'transnationalMeeting',
      title: 'Starting BoostInno journey',
      hostCityId: 'gdansk-pl',
      startDate: '2015-11-08',
      endDate: '2015-11-10',
      themes: ['Starting BoostInno journey', 'Impact finance'],
    });
    await schedule(torinoTransnationalMeeting);
    const webinar = await schedule({ kind: 'webinar', title: 'Impact measurement', startDate: '2016-03-01', endDate: '2016-03-01' });
    await mutate(t, 'cancelMeeting', { meetingId: webinar, occurredAt: at('2016-02-01') }, n.secretariat);

    await mutate(t, 'markMeetingHeld', { meetingId: gdanskMeeting, occurredAt: at('2015-11-10') }, n.secretariat);
    await mutate(
      t,
      'recordAttendance',
      {
        meetingId: gdanskMeeting,
        attendees: [{ name: 'Anna Kowalska', cityId: 'gdansk-pl' }, { name: 'Marco Rossi', cityId: 'torino-it' }, { name: 'Giulia Bianchi', cityId: 'torino-it' }],
        occurredAt: at('2015-11-10'),
      },
      n.secretariat,
    );
    await mutate(
      t,
      'recordLearning',
      { meetingId: gdanskMeeting, lesson: 'A city-backed fund can leverage private investors', theme: 'impact finance', cityId: 'torino-it', occurredAt: at('2015-11-10') },
      n.secretariat,
    );
    await mutate(t, 'addressLearningNeed', { learningNeedId: funds, meetingId: gdanskMeeting, occurredAt: at('2015-11-11') }, n.secretariat);
  });

  it('tells the network\'s timeline with themes, attendance and learnings, and per partner the needs and their coverage', async () => {
    const j = await journey();
    expect(j.asOf).toBeNull();
    expect(j.network.name).toBe('BoostInno');
    expect(j.meetingCount).toBe(2);
    expect(j.timeline.nodes).toEqual([
      {
        title: 'Starting BoostInno journey',
        kind: 'transnationalMeeting',
        startDate: '2015-11-08',
        status: 'held',
        themes: ['Starting BoostInno journey', 'Impact finance'],
        attendeeCount: 3,
        attendance: {
          nodes: [
            { name: 'Anna Kowalska', cityId: 'gdansk-pl' },
            { name: 'Giulia Bianchi', cityId: 'torino-it' },
            { name: 'Marco Rossi', cityId: 'torino-it' },
          ],
        },
        learnings: { nodes: [{ lesson: 'A city-backed fund can leverage private investors', theme: 'impact finance', cityId: 'torino-it' }] },
      },
      {
        title: 'Transnational BoostInno meeting',
        kind: 'transnationalMeeting',
        startDate: '2016-02-17',
        status: 'scheduled',
        themes: ['Local authorities broker and angel of change', 'Circular Economy'],
        attendeeCount: 0,
        attendance: { nodes: [] },
        learnings: { nodes: [] },
      },
    ]);
    expect(j.needCoverage).toEqual({ raised: 4, open: 2, addressed: 1, closed: 0, withdrawn: 1, coverage: 0.3333 });
    const byCity = Object.fromEntries(j.partners.map((p: { partner: { cityId: string } }) => [p.partner.cityId, p]));
    expect(Object.keys(byCity).sort()).toEqual(['barcelona-es', 'gdansk-pl', 'torino-it']);
    expect(byCity['torino-it']).toMatchObject({
      meetingsAttended: 1,
      peopleSent: 2,
      learningCount: 1,
      needCoverage: { raised: 2, open: 1, addressed: 1, closed: 0, withdrawn: 0, coverage: 0.5 },
      needs: { nodes: [{ description: 'How to develop new impact funds?', status: 'addressed' }, { description: 'How to develop public/private brokerage?', status: 'open' }] },
    });
    expect(byCity['gdansk-pl'].needCoverage).toEqual({ raised: 2, open: 1, addressed: 0, closed: 0, withdrawn: 1, coverage: 0 });
    expect(byCity['barcelona-es'].needCoverage).toEqual({ raised: 0, open: 0, addressed: 0, closed: 0, withdrawn: 0, coverage: null });
  });

  it('filters by partner, topic and period', async () => {
    const barcelona = await journey({ cityId: 'barcelona-es' }, n.barcelona);
    expect(barcelona.partners.map((p: { partner: { cityId: string } }) => p.partner.cityId)).toEqual(['barcelona-es']);
    expect(barcelona.meetingCount).toBe(2); // whole-network meetings concern every partner

    const finance = await journey({ topic: 'fund' });
    expect(finance.timeline.nodes).toEqual([]);
    expect(finance.needCoverage).toMatchObject({ raised: 1, addressed: 1, coverage: 1 });
    expect((await journey({ topic: 'circular' })).timeline.nodes.map((m: { title: string }) => m.title)).toEqual(['Transnational BoostInno meeting']);

    const y2016 = await journey({ from: '2016-01-01', to: '2016-12-31', includeCancelled: true });
    expect(y2016.timeline.nodes.map((m: { title: string; status: string }) => [m.title, m.status])).toEqual([
      ['Transnational BoostInno meeting', 'scheduled'],
      ['Impact measurement', 'cancelled'],
    ]);
    expect(y2016.needCoverage.raised).toBe(0); // all needs were raised in 2015
  });

  it('answers as of a moment: before and after the meeting that addressed a need', async () => {
    const before = await journey({ asOf: '2015-11-01T00:00:00Z' });
    expect(before.asOf).toBe('2015-11-01T00:00:00.000Z');
    expect(before.timeline.nodes[0]).toMatchObject({ title: 'Starting BoostInno journey', status: 'scheduled', attendeeCount: 0, learnings: { nodes: [] } });
    expect(before.needCoverage).toEqual({ raised: 4, open: 4, addressed: 0, closed: 0, withdrawn: 0, coverage: 0 });

    const after = await journey({ asOf: '2015-11-12T00:00:00+01:00' });
    expect(after.timeline.nodes[0]).toMatchObject({ status: 'held', attendeeCount: 3 });
    expect(after.needCoverage).toEqual({ raised: 4, open: 3, addressed: 1, closed: 0, withdrawn: 0, coverage: 0.25 });

    const beforeNetwork = await query(t, JOURNEY, { networkId: n.networkId, asOf: '2015-01-01T00:00:00Z' }, n.expert);
    expect(beforeNetwork.journey).toBeNull();
  });

  it('is for the secretariat, the lead expert and partner coordinators only', async () => {
    expect((await journey({}, n.secretariat)).meetingCount).toBe(2);
    expect((await journey({}, n.gdansk)).meetingCount).toBe(2);
    for (const token of [undefined, n.lviv, n.otherExpert]) {
      expect(await queryErrors(t, JOURNEY, { networkId: n.networkId }, token)).toEqual(['FORBIDDEN']);
    }
    expect(await queryErrors(t, JOURNEY, { networkId: n.networkId, asOf: 'yesterday' }, n.expert)).not.toEqual([]);
    expect(await queryErrors(t, JOURNEY, { networkId: n.networkId, from: '2016-13-01' }, n.expert)).not.toEqual([]);
  });
});
