import { describe, expect, it } from 'vitest';
import { useDemoData } from './demoData.js';

const { t, id, query } = useDemoData();

/**
 * docs/demo.md, "Questions of the world as the documents know it (issue 15)": each question, as
 * the page writes it, against the loaded data.
 */
describe('docs/demo.md: questions of the world as the documents know it', () => {
  it('W1. When did URBinclusion meet, as exactly as the documents know it?', async () => {
    const data = await query(
      `query($id: ID!) { meetings(networkId: $id, kind: transnationalMeeting) { nodes { host { name } startDate endDate datePrecision dateWording } } }`,
      { id: id('urbinclusion') },
    );
    expect(data.meetings.nodes).toEqual([
      { host: { name: 'Copenhagen' }, startDate: '2017-09-01', endDate: '2017-09-30', datePrecision: 'month', dateWording: 'Settembre 2017' },
      { host: { name: 'Kraków' }, startDate: '2018-04-01', endDate: '2018-04-30', datePrecision: 'month', dateWording: 'Aprile 2018' },
      { host: { name: 'Torino' }, startDate: '2018-10-01', endDate: '2018-10-31', datePrecision: 'month', dateWording: 'Ottobre 2018' },
      { host: { name: 'Barcelona' }, startDate: '2019-04-01', endDate: '2019-04-30', datePrecision: 'month', dateWording: 'Aprile 2019' },
    ]);
  });

  it('W2. How many meetings did URBinclusion hold, and what happened at the Krakow meeting?', async () => {
    const data = await query(
      `query($id: ID!) { journey(networkId: $id) { meetingCount } meetings(networkId: $id) { nodes { hostCityId description } } }`,
      { id: id('urbinclusion') },
    );
    expect(data.journey.meetingCount).toBe(13);
    const krakow = data.meetings.nodes.filter((m: { hostCityId: string }) => m.hostCityId === 'krakow-pl');
    expect(krakow).toHaveLength(1);
    expect(krakow[0].description).toMatch(/^Activity: A "Market place" of actions\/practices/);
  });

  it("W3. Where did Interactive Cities' field trips go, who hosted them, and what did the network learn there?", async () => {
    const data = await query(
      `query($id: ID!) { meetings(networkId: $id, kind: studyVisit) { nodes {
        title host { name } externalHost { name country } datePrecision dateWording
        learnings(first: 5) { nodes { ofNetwork cityId learntFrom } } } } }`,
      { id: id('interactive-cities') },
    );
    const [helsinki, amsterdam] = data.meetings.nodes;
    expect([helsinki.title, helsinki.host, helsinki.externalHost, helsinki.datePrecision]).toEqual(['Study visit in Helsinki', null, { name: 'Helsinki', country: 'FI' }, 'month']);
    expect(amsterdam.externalHost).toEqual({ name: 'Amsterdam', country: 'NL' });
    const lessons = [...helsinki.learnings.nodes, ...amsterdam.learnings.nodes];
    expect(lessons.length).toBeGreaterThan(0);
    expect(lessons.every((l: { ofNetwork: boolean; cityId: string | null }) => l.ofNetwork && l.cityId === null)).toBe(true);
    expect(new Set(lessons.map((l: { learntFrom: string }) => l.learntFrom))).toEqual(new Set(['Helsinki', 'Amsterdam']));
  });

  it('W4. What has URBinclusion learnt as a network, and what are the guidelines of Interactive Cities?', async () => {
    const lessons = `query($id: ID!) { network(id: $id) { lessons(first: 20) { nodes { number lesson lessonTranslations { text language } theme learntFrom } } } }`;
    const urbinclusion = (await query(lessons, { id: id('urbinclusion') })).network.lessons;
    expect(urbinclusion.nodes).toHaveLength(15);
    expect(urbinclusion.nodes[0]).toEqual({
      number: 1,
      lesson: "La difficoltà a unire le azioni ostacola l'approccio integrato.",
      lessonTranslations: [{ text: 'Difficulty in merging actions hinders the integrated approach.', language: 'en' }],
      theme: 'integrated approach',
      learntFrom: null,
    });
    const guidelines = (await query(lessons, { id: id('interactive-cities') })).network.lessons.nodes;
    expect(guidelines).toHaveLength(12);
    expect(guidelines.map((g: { learntFrom: string }) => g.learntFrom)).toContain('Helsinki');
  });

  it('W5. Which invited experts spoke at the meetings?', async () => {
    const speakers = async (key: string) =>
      (await query(`query($id: ID!) { meetings(networkId: $id) { nodes { title speakers { name } } } }`, { id: id(key) })).meetings.nodes
        .filter((m: { speakers: unknown[] }) => m.speakers.length)
        .map((m: { title: string; speakers: { name: string }[] }) => [m.title, m.speakers.map((s) => s.name)]);
    expect(await speakers('boostinno')).toEqual([
      ['"Sense Mapping" – mapping the BoostInno network projects', ['Aldo de Moor']],
      ['Impact Measurement; Impact and Innovative Finance', ['Karl Richter']],
    ]);
    expect(await speakers('urbinclusion')).toEqual([['3rd Transnational Meeting: collaborative services', ['Ezio Manzini']]]);
  });

  it('W6. How much ERDF money did the plans mobilise, whatever the channel (UIA money is ERDF)?', async () => {
    const data = await query(`{ outcomes { funding { byFund { key amount { euros } records } byChannel { key amount { euros } } } } }`);
    expect(data.outcomes.funding.byFund).toEqual([
      { key: 'ERDF', amount: { euros: '4100000.00' }, records: 1 },
      { key: 'ESF', amount: { euros: '1550000.00' }, records: 2 },
      { key: 'euDirect', amount: { euros: '890500.00' }, records: 1 },
    ]);
    expect(data.outcomes.funding.byChannel).toEqual([
      { key: 'UIA', amount: { euros: '4100000.00' } },
      { key: 'horizon2020', amount: { euros: '890500.00' } },
    ]);
  });

  it("W7. Which fund and channel is each of Torino's planned funding lines?", async () => {
    const data = await query(
      `query($id: ID!) { actionPlan(networkId: $id, cityId: "torino-it") { actions(first: 100) { nodes { title plannedFunding { fund channel instrument amount { euros } } } } } }`,
      { id: id('boostinno') },
    );
    const lines = Object.fromEntries(
      data.actionPlan.actions.nodes.filter((a: { plannedFunding: unknown[] }) => a.plannedFunding.length).map((a: { title: string; plannedFunding: unknown[] }) => [a.title, a.plannedFunding]),
    );
    expect(lines['Co-City']).toEqual([
      { fund: 'ERDF', channel: 'UIA', instrument: 'unknown', amount: { euros: '4100000.00' } },
      { fund: 'unknown', channel: null, instrument: 'coFinancing', amount: { euros: '1000000.00' } },
    ]);
    expect(lines['ProGiReg']).toEqual([{ fund: 'euDirect', channel: 'horizon2020', instrument: 'unknown', amount: { euros: '890500.00' } }]);
  });

  it("W9. When was Torino's plan endorsed, as exactly as the documents know it?", async () => {
    const data = await query(
      `query($id: ID!) { actionPlan(networkId: $id, cityId: "torino-it") { endorsedOn endorsedOnPrecision endorsedOnWording } }`,
      { id: id('boostinno') },
    );
    expect(data.actionPlan).toEqual({ endorsedOn: '2018-12-31', endorsedOnPrecision: 'year', endorsedOnWording: 'with the end of BoostInno in 2018 (doc 000)' });
  });

  it('W8. The meetings as open data, with how exactly each date is known', async () => {
    const response = await fetch(`${t.url}/export/meetings.json`);
    const body = (await response.json()) as { records: { title: string; datePrecision: string; dateWording: string | null; externalHost: string | null }[] };
    const byTitle = new Map(body.records.map((r) => [r.title, r]));
    expect(byTitle.get('Study visit in Amsterdam')).toMatchObject({ datePrecision: 'month', externalHost: 'Amsterdam' });
    // BoostInno's 3 local events, 7 of URBinclusion's meetings, 9 of Interactive Cities' (all but its 2 Paris ULG meetings).
    expect(body.records.filter((r) => r.datePrecision === 'month')).toHaveLength(3 + 7 + 9);
  });
});
