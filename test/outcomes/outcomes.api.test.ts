import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { metadataAt } from '../support/projectionSpec.js';
import { useTestApp } from '../support/testApp.js';
import { expectForbidden, mutate, network } from '../support/api.js';

const OUTCOMES = `query($filter: OutcomeFilter, $asOf: DateTime) { outcomes(filter: $filter, asOf: $asOf) {
  plans { drafted endorsed records { nodes { cityId endorsedOn planId } } }
  actions { total implemented implementationRate byPhase { phase count } byStatus { status count } byPhaseAndStatus { phase status count }
    records(status: implemented) { nodes { title country statusDate actionId } } }
  funding { total { euros cents } bySource { source amount { euros } records } records(source: ESF) { nodes { amount { euros } date } } }
  transfers { started completed abandoned inProgressByStage { stage count } records { nodes { receivingCityId status } } }
  practices { labelled transferred labelledRecords { nodes { title } } transferredRecords { nodes { practiceTitle } } }
  learningNeeds { raised addressed addressedShare records(addressed: true) { nodes { cityId } } }
  meetings { held participants participantsByCountry { country participants meetings } records { nodes { title participants } } attendanceRecords { nodes { country participants } } }
  newcomers { cities byCountry { country cities } records { nodes { cityId joinedOn } } }
  localGroups { stakeholders byHelix { helix stakeholders planned share } records { nodes { name helix } } }
} }`;

const at = (date: string) => `${date}T10:00:00.000Z`;

describe('outcomes through the API', () => {
  const t = useTestApp();
  let apn: string;
  let itn: string;

  beforeAll(async () => {
    apn = await network(t, t.secretariat, 'actionPlanning', [['torino-it', 'Torino', 'IT'], ['gdansk-pl', 'Gdansk', 'PL']], 'BoostInno', at('2015-09-01'));
    itn = await network(
      t,
      t.secretariat,
      'innovationTransfer',
      [['torino-it', 'Torino', 'IT'], ['gdansk-pl', 'Gdansk', 'PL'], ['budapest-hu', 'Budapest', 'HU']],
      'CO4CITIES',
      at('2019-03-01'),
    );
    // A plan with three actions, one implemented, funding from two sources, endorsed in 2018.
    const plan = await mutate(
      t,
      'draftActionPlan',
      { networkId: apn, cityId: 'torino-it', title: 'Torino Social Impact', clusters: [{ key: 'collective-actions', title: 'Collective actions' }], occurredAt: at('2017-02-01') },
      t.secretariat,
    );
    const planId = plan.aggregateId;
    const add = async (title: string, phase: string) =>
      (await mutate(t, 'addPlanAction', { planId, title, clusterKey: 'collective-actions', phase, occurredAt: at('2017-03-01') }, t.secretariat, 'action { id }')).action.id;
    const factory = await add('Torino Social Factory', 'realisation');
    await add('Civic Crowdfunding Academy', 'design');
    await add('Turin Beacons Network project', 'ideation');
    await mutate(t, 'changeActionStatus', { actionId: factory, status: 'implemented', date: '2019-06-01', occurredAt: at('2019-06-01') }, t.secretariat);
    await mutate(t, 'recordFundingSecured', { actionId: factory, source: 'ESF', amount: '1500000', date: '2018-07-01', occurredAt: at('2018-07-01') }, t.secretariat);
    await mutate(t, 'recordFundingSecured', { actionId: factory, source: 'national', amount: '44000.01', date: '2019-02-01', occurredAt: at('2019-02-01') }, t.secretariat);
    await mutate(t, 'endorseActionPlan', { planId, date: '2018-05-30', occurredAt: at('2018-05-30') }, t.secretariat);
    // A completed transfer to Gdansk.
    const transfer = await mutate(
      t,
      'startTransfer',
      { networkId: itn, practiceTitle: 'Co-City', sourceCityId: 'torino-it', receivingCityId: 'gdansk-pl', date: '2019-03-23', occurredAt: at('2019-03-23') },
      t.secretariat,
    );
    const transferId = transfer.aggregateId;
    await mutate(t, 'advanceTransferStage', { transferId, to: 'adapt', date: '2019-06-01' }, t.secretariat);
    await mutate(t, 'submitTransferPlan', { transferId, title: 'Plan', date: '2019-09-01' }, t.secretariat);
    await mutate(t, 'submitInvestmentPlan', { transferId, title: 'Investment', date: '2019-10-01', sources: [{ source: 'ERDF', amount: '1' }] }, t.secretariat);
    await mutate(t, 'advanceTransferStage', { transferId, to: 'reuse', date: '2020-01-01' }, t.secretariat);
    await mutate(t, 'completeTransfer', { transferId, date: '2020-09-01' }, t.secretariat);
    // Facts of the other slices, appended as their events (shapes of domain/{learningNeed,meeting,localGroup,practice}/events.ts).
    const append = async (streamId: string, type: string, data: unknown, date: string) => {
      const result = await t.app.store.appendToStream(streamId, [{ id: randomUUID(), type, data, metadata: metadataAt(at(date)) }]);
      await t.app.projections.waitFor(result.position);
    };
    await append('learningNeed-01JNED00000000000000000001', 'LearningNeedRaised', { networkId: apn, cityId: 'torino-it', kind: 'learning', topics: [], description: 'Impact funds', priority: 'high' }, '2015-11-01');
    await append('learningNeed-01JNED00000000000000000002', 'LearningNeedRaised', { networkId: apn, cityId: 'gdansk-pl', kind: 'learning', topics: [], description: 'Co-design', priority: 'low' }, '2015-11-01');
    await append('learningNeed-01JNED00000000000000000001', 'LearningNeedAddressed', { meetingId: null, peerCityId: 'gdansk-pl', note: '' }, '2016-02-19');
    const meeting = { networkId: apn, kind: 'transnationalMeeting', title: 'Torino meeting', hostCityId: 'torino-it', startDate: '2016-02-17', endDate: '2016-02-19', themes: [], guidingQuestions: [], partnerCityIds: [], origin: null };
    await append('meeting-01JMTG00000000000000000001', 'MeetingScheduled', meeting, '2016-01-01');
    await append('meeting-01JMTG00000000000000000001', 'MeetingHeld', {}, '2016-02-19');
    await append('meeting-01JMTG00000000000000000001', 'AttendanceRecorded', { attendees: [{ name: 'A', cityId: 'torino-it' }, { name: 'B', cityId: 'gdansk-pl' }, { name: 'C', cityId: 'gdansk-pl' }] }, '2016-02-20');
    await append('localGroup-01JXXG00000000000000000001', 'LocalGroupFormed', { networkId: apn, cityId: 'torino-it', name: 'Torino ULG', coordinator: null }, '2015-10-01');
    await append('localGroup-01JXXG00000000000000000001', 'StakeholderAdded', { stakeholderId: 1, name: 'City of Torino', helix: 'public', role: '', planned: false }, '2015-10-02');
    await append('localGroup-01JXXG00000000000000000001', 'StakeholderAdded', { stakeholderId: 2, name: 'Politecnico', helix: 'knowledge', role: '', planned: true }, '2015-10-02');
    await append('practice-01JPRC00000000000000000001', 'PracticeProposed', { cityId: 'torino-it', cityName: 'Torino', country: 'IT', networkId: apn, title: 'Co-City', summary: '', topics: [], results: '', contact: { name: 'Contact', email: null, role: '' }, status: 'lookingForPartners' }, '2017-01-01');
    await append('practice-01JPRC00000000000000000001', 'GoodPracticeLabelAwarded', { year: 2017 }, '2017-10-01');
  });

  it('gives the secretariat every figure, with the records behind each', async () => {
    const res = await t.gql(OUTCOMES, {}, t.secretariat);
    expect(res.errors).toBeUndefined();
    const o = res.data!.outcomes;
    expect(o.plans).toMatchObject({ drafted: 1, endorsed: 1, records: { nodes: [{ cityId: 'torino-it', endorsedOn: '2018-05-30' }] } });
    expect(o.actions).toMatchObject({
      total: 3,
      implemented: 1,
      implementationRate: 0.3333,
      byPhase: [{ phase: 'ideation', count: 1 }, { phase: 'design', count: 1 }, { phase: 'realisation', count: 1 }],
      byStatus: [{ status: 'planned', count: 2 }, { status: 'inProgress', count: 0 }, { status: 'implemented', count: 1 }, { status: 'abandoned', count: 0 }],
      records: { nodes: [{ title: 'Torino Social Factory', country: 'IT', statusDate: '2019-06-01' }] },
    });
    expect(o.funding).toMatchObject({
      total: { euros: '1544000.01', cents: '154400001' },
      bySource: [{ source: 'ESF', amount: { euros: '1500000.00' }, records: 1 }, { source: 'national', amount: { euros: '44000.01' }, records: 1 }],
      records: { nodes: [{ amount: { euros: '1500000.00' }, date: '2018-07-01' }] },
    });
    expect(o.transfers).toMatchObject({ started: 1, completed: 1, abandoned: 0, inProgressByStage: [], records: { nodes: [{ receivingCityId: 'gdansk-pl', status: 'completed' }] } });
    expect(o.practices).toMatchObject({ labelled: 1, transferred: 1, labelledRecords: { nodes: [{ title: 'Co-City' }] }, transferredRecords: { nodes: [{ practiceTitle: 'Co-City' }] } });
    expect(o.learningNeeds).toMatchObject({ raised: 2, addressed: 1, addressedShare: 0.5, records: { nodes: [{ cityId: 'torino-it' }] } });
    expect(o.meetings).toMatchObject({
      held: 1,
      participants: 3,
      participantsByCountry: [{ country: 'IT', participants: 1, meetings: 1 }, { country: 'PL', participants: 2, meetings: 1 }],
      records: { nodes: [{ title: 'Torino meeting', participants: 3 }] },
    });
    expect(o.newcomers).toMatchObject({ cities: 1, byCountry: [{ country: 'HU', cities: 1 }], records: { nodes: [{ cityId: 'budapest-hu', joinedOn: '2019-03-01' }] } });
    expect(o.localGroups).toMatchObject({
      stakeholders: 2,
      byHelix: [{ helix: 'knowledge', stakeholders: 1, planned: 1, share: 0.5 }, { helix: 'public', stakeholders: 1, planned: 0, share: 0.5 }],
    });
  });

  it('filters by network kind, theme, country and period', async () => {
    const q = async (filter: Record<string, unknown>) => {
      const res = await t.gql(OUTCOMES, { filter }, t.secretariat);
      expect(res.errors).toBeUndefined();
      return res.data!.outcomes;
    };
    const transfer = await q({ kind: 'innovationTransfer' });
    expect(transfer.plans.drafted).toBe(0);
    expect(transfer.transfers.completed).toBe(1);
    expect(transfer.newcomers.cities).toBe(1);
    expect((await q({ theme: 'impact finance' })).plans.endorsed).toBe(2 - 1);
    expect((await q({ theme: 'urban mobility' })).actions.total).toBe(0);
    const poland = await q({ country: 'pl' });
    expect(poland.actions.total).toBe(0);
    expect(poland.transfers.completed).toBe(1);
    expect(poland.meetings).toMatchObject({ held: 1, participants: 2 });
    const y2019 = await q({ from: '2019-01-01', to: '2019-12-31' });
    expect(y2019.plans.endorsed).toBe(0);
    expect(y2019.actions.byPhaseAndStatus).toEqual([{ phase: 'realisation', status: 'implemented', count: 1 }]);
    expect(y2019.funding.total.euros).toBe('44000.01');
    expect(y2019.transfers).toMatchObject({ started: 1, completed: 0 });
  });

  it('answers "Outcomes of BoostInno": the network found by its name, then its figures only', async () => {
    const found = await t.gql(`{ networks(name: "boostinno") { nodes { id networkId } } }`, {}, t.secretariat);
    const [boostInno] = found.data!.networks.nodes;
    const of = async (filter: Record<string, unknown>) => {
      const res = await t.gql(OUTCOMES, { filter }, t.secretariat);
      expect(res.errors).toBeUndefined();
      return res.data!.outcomes;
    };
    const outcomes = await of({ networkId: boostInno.networkId });
    expect(outcomes.plans).toMatchObject({ drafted: 1, endorsed: 1 });
    expect(outcomes.actions.total).toBe(3);
    expect(outcomes.funding.total.euros).toBe('1544000.01');
    expect(outcomes.learningNeeds.raised).toBe(2);
    expect(outcomes.meetings.held).toBe(1);
    expect(outcomes.transfers).toMatchObject({ started: 0, completed: 0 });
    expect(outcomes.newcomers.cities).toBe(0);
    // The global id works too; CO4CITIES has the transfer and no plan; with a period, from the fact rows.
    expect((await of({ networkId: boostInno.id })).plans.drafted).toBe(1);
    const co4cities = await of({ networkId: itn });
    expect(co4cities.plans.drafted).toBe(0);
    expect(co4cities.transfers.completed).toBe(1);
    const y2019 = await of({ networkId: boostInno.networkId, from: '2019-01-01', to: '2019-12-31' });
    expect(y2019.funding.total.euros).toBe('44000.01');
    expect(y2019.transfers.started).toBe(0);
    expect((await of({ networkId: boostInno.networkId, kind: 'innovationTransfer' })).plans.drafted).toBe(0);
  });

  it('answers as of a past moment', async () => {
    const before = await t.gql(OUTCOMES, { asOf: '2018-01-01T00:00:00Z' }, t.secretariat);
    expect(before.errors).toBeUndefined();
    expect(before.data!.outcomes.plans).toMatchObject({ drafted: 1, endorsed: 0 });
    expect(before.data!.outcomes.actions).toMatchObject({ total: 3, implemented: 0 });
    expect(before.data!.outcomes.funding.total.euros).toBe('0.00');
    expect(before.data!.outcomes.transfers.started).toBe(0);
    const after = await t.gql(OUTCOMES, { asOf: '2018-06-01T00:00:00Z' }, t.secretariat);
    expect(after.data!.outcomes.plans.endorsed).toBe(1);
  });

  it('gives as of each day, from the counters, every figure the fact rows of that moment give', async () => {
    // A period starting before everything makes each figure count the fact rows' history instead
    // of reading the counters' running totals: both must agree, every figure, every breakdown.
    for (const country of [null, 'IT', 'PL']) {
      for (const day of ['2015-10-31', '2016-02-18', '2016-02-20', '2018-06-01', '2019-05-01', '2019-06-01', '2020-09-01', '2030-01-01']) {
        const asOf = `${day}T12:00:00Z`;
        const counters = await t.gql(OUTCOMES, { asOf, filter: { country } }, t.secretariat);
        const facts = await t.gql(OUTCOMES, { asOf, filter: { country, from: '1900-01-01' } }, t.secretariat);
        expect(counters.errors).toBeUndefined();
        expect(counters.data, `${country} ${day}`).toEqual(facts.data);
      }
    }
  });

  it('refuses bad filters and everyone but the secretariat', async () => {
    const bad = await t.gql(OUTCOMES, { filter: { country: 'Italy', from: '2019-13-01' } }, t.secretariat);
    expect(bad.errors).toBeDefined();
    expect(bad.data?.outcomes ?? null).toBeNull();
    const reversed = await t.gql(OUTCOMES, { filter: { from: '2020-01-01', to: '2019-01-01' } }, t.secretariat);
    expect(reversed.errors).toBeDefined();
    expect((await t.gql(OUTCOMES, { asOf: 'yesterday' }, t.secretariat)).errors).toBeDefined();
    for (const token of [await t.token('leadExpert'), await t.token('cityCoordinator', { cityIds: ['torino-it'] }), undefined]) {
      expectForbidden(await t.gql(OUTCOMES, {}, token), 'outcomes');
    }
  });

  it('publishes programme-wide headline figures to anyone, never a funding sum of fewer than 5 records of 3 cities, nor record counts', async () => {
    const res = await t.gql(`{ publicOutcomes { plansEndorsed actions actionsImplemented implementationRate
      fundingMobilised { source amount { euros } } practicesLabelled practicesTransferred meetingsHeld participants newcomerCities } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.publicOutcomes).toMatchObject({ fundingMobilised: [] });
    const all = (await t.gql(`{ outcomes { plans { endorsed } funding { bySource { source records } } } }`, {}, t.secretariat)).data!.outcomes;
    expect(all.funding.bySource.length).toBeGreaterThan(0);
    expect(res.data!.publicOutcomes.plansEndorsed).toBe(all.plans.endorsed);
  });

  it('takes no filters and no moment: differences of filtered figures could single out a record (issue 13)', async () => {
    for (const args of ['(filter: { country: "IT" })', '(filter: { from: "2016-03-01", to: "2016-03-01" })', '(asOf: "2016-01-01T00:00:00Z")']) {
      const res = await t.gql(`{ publicOutcomes${args} { plansEndorsed } }`);
      expect(res.errors, args).toBeDefined();
      expect(res.data?.publicOutcomes ?? null).toBeNull();
    }
    const records = await t.gql(`{ publicOutcomes { fundingMobilised { records } } }`);
    expect(records.errors).toBeDefined();
  });

  describe('CSV export', () => {
    const csv = (query: string, token?: string) =>
      fetch(`${t.url}/export/outcomes.csv${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

    it('exports the same figures as CSV for the secretariat', async () => {
      const res = await csv('?kind=actionPlanning&country=IT', t.secretariat);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/csv/);
      const lines = (await res.text()).trim().split('\r\n');
      expect(lines[0]).toBe('figure,breakdown,key,value,unit');
      expect(lines).toEqual(
        expect.arrayContaining([
          'plans,total,endorsed,1,count',
          'actions,total,implementationRate,0.3333,share',
          'actions,phase/status,realisation/implemented,1,count',
          'funding,source,ESF,1500000.00,EUR',
          'funding,total,all,1544000.01,EUR',
          'learningNeeds,total,addressedShare,1,share',
          'meetings,participantsByCountry,IT,1,count',
          'localGroups,helix,public,1,count',
        ]),
      );
      const asOf = await (await csv('?asOf=2018-01-01T00:00:00Z', t.secretariat)).text();
      expect(asOf).toContain('plans,total,endorsed,0,count');
    });

    it('refuses other roles, no token and bad parameters', async () => {
      expect((await csv('')).status).toBe(401);
      expect((await csv('', 'forged')).status).toBe(401);
      expect((await csv('', await t.token('leadExpert'))).status).toBe(403);
      const bad = await csv('?kind=festival&from=2019-02-30x', t.secretariat);
      expect(bad.status).toBe(400);
      const body = (await bad.json()) as { code: string; issues: { path: string[] }[] };
      expect(body.code).toBe('INVALID_INPUT');
      expect(body.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['kind', 'from']));
    });
  });
});
