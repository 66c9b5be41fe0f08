import { readFileSync } from 'node:fs';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData, type SeedReport } from '../../seed/load/index.js';
import { useTestApp } from '../support/testApp.js';

/**
 * docs/demo.md's questions, run against the loaded demo data: every GraphQL operation of the page
 * answers without an error (as the secretariat, with the network its variables name), and the
 * answers the page states for the questions of issue 15 are the ones the data gives.
 */

const t = useTestApp();
let report: SeedReport;
const answers = new Map<string, Record<string, any>>();

interface Operation {
  readonly name: string;
  readonly source: string;
  readonly variables: readonly string[];
}

/** Every operation of every ```graphql block of the page, in order. */
function operationsOf(markdown: string): Operation[] {
  const blocks = [...markdown.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((source, b) =>
    parse(source)
      .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
      .map((op, i) => ({
        name: op.name?.value ?? `block ${b + 1}, operation ${i + 1}`,
        source,
        variables: (op.variableDefinitions ?? []).map((v) => v.variable.name.value),
      })),
  );
}

const operations = operationsOf(readFileSync(new URL('../../docs/demo.md', import.meta.url), 'utf8'));

/** The network an operation's `$networkId` means on the page. */
const NETWORK_OF: Record<string, string> = {
  InteractiveCitiesLocalGroups: 'interactive-cities',
  InteractiveCitiesThematicGroups: 'interactive-cities',
  UrbinclusionWorkshopTitles: 'urbinclusion',
  UrbinclusionLessonsInTwoLanguages: 'urbinclusion',
};

function variablesOf(operation: Operation): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  if (operation.variables.includes('networkId')) variables.networkId = report.networkIds[NETWORK_OF[operation.name] ?? 'boostinno'];
  if (operation.variables.includes('matchId')) {
    const helpsMe = answers.get('TorinoSuggestions')!.marketplaceSessions.nodes[0].suggestionsForCity.helpsMe;
    variables.matchId = helpsMe.find((s: { offer: { cityName: string } }) => s.offer.cityName === 'Barcelona').matchId;
  }
  return variables;
}

/** POSTs one operation of a block (by its name) as the secretariat. */
async function run(query: string, variables: Record<string, unknown>, operationName?: string) {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.secretariat}` },
    body: JSON.stringify({ query, variables, ...(operationName ? { operationName } : {}) }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

beforeAll(async () => {
  report = await loadDemoData(t.app);
});

describe('docs/demo.md against the demo data', () => {
  it('asks at least twelve questions', () => {
    const questions = operations.filter((op) => op.name !== 'Networks' && op.name !== 'TorinoAcceptsMatch');
    expect(questions.length).toBeGreaterThanOrEqual(12);
  });

  it.each(operations.map((op) => [op.name, op] as const))('answers %s without an error', async (name, operation) => {
    const response = await run(operation.source, variablesOf(operation), name.startsWith('block') ? undefined : name);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    answers.set(name, response.data!);
  });
});

describe("the answers docs/demo.md gives to issue 15's questions", () => {
  const answer = (name: string) => {
    const data = answers.get(name);
    expect(data, `${name} was not answered`).toBeDefined();
    return data!;
  };

  it('Torino is in BoostInno, URBinclusion and CO4CITIES (lead partner of CO4CITIES)', () => {
    const [torino] = answer('TorinoNetworks').cities.nodes;
    expect(torino).toMatchObject({ cityId: 'torino-it', name: 'Torino', country: 'IT' });
    expect(torino.networks.map((n: { name: string }) => n.name)).toEqual(['BoostInno (Boosting Social Innovation)', 'URBinclusion', 'CO4CITIES']);
    expect(torino.memberships.map((m: { role: string }) => m.role)).toEqual(['partner', 'partner', 'leadPartner']);
  });

  it('"boostinno" finds BoostInno, its id the one the loader made', () => {
    expect(answer('FindBoostInno').networks.nodes).toEqual([
      { networkId: report.networkIds.boostinno, name: 'BoostInno (Boosting Social Innovation)', kind: 'actionPlanning', startDate: '2015-01-01', endDate: '2018-12-31' },
    ]);
  });

  it('three thematic groups of Interactive Cities, by name, with their member cities', () => {
    const groups = answer('InteractiveCitiesThematicGroups').network.thematicGroups;
    expect(groups.map((g: { name: string; members: { name: string }[] }) => [g.name, g.members.map((m) => m.name)])).toEqual([
      ['Business promotion', ['Paris', 'Debrecen', 'Ghent']],
      ['Tourism attraction', ['Genoa', 'Varna', 'Alba Iulia']],
      ['Urban development', ['Lisbon', 'Murcia', 'Palermo', 'Tartu']],
    ]);
  });

  it("URBinclusion's workshops: four Italian titles as originals, each with its English translation; the Turin-Baltimore one in English", () => {
    const workshops: { startDate: string; titleLanguage: string; titleTranslations: { language: string }[] }[] = answer('UrbinclusionWorkshopTitles').meetings.nodes;
    expect(workshops.map((w) => [w.startDate, w.titleLanguage, w.titleTranslations.map((tr) => tr.language)])).toEqual([
      ['2018-07-02', 'it', ['en']],
      ['2018-11-08', 'it', ['en']],
      ['2018-11-14', 'en', []],
      ['2019-03-07', 'it', ['en']],
      ['2019-04-10', 'it', ['en']],
    ]);
  });

  it("Torino's funding: four records, two known to the month, two to the year, none to the day", () => {
    const records = answer('TorinoFundingDates')
      .actionPlan.actions.nodes.flatMap((a: { title: string; fundingSecured: { date: string; datePrecision: string }[] }) =>
        a.fundingSecured.map((f) => [a.title, f.date, f.datePrecision]),
      )
      .sort((x: string[], y: string[]) => x[1]!.localeCompare(y[1]!) || x[0]!.localeCompare(y[0]!));
    expect(records.map((r: string[]) => r.slice(1))).toEqual([
      ['2017-03-31', 'month'],
      ['2018-06-30', 'month'],
      ['2018-12-31', 'year'],
      ['2018-12-31', 'year'],
    ]);
  });

  it('five Polish cities: Bielsko-Biała, Gdańsk (BoostInno and CO4CITIES), Kraków (URBinclusion), Poznań and Wrocław', () => {
    const cities = answer('PolishCities').cities.nodes;
    expect(cities.map((c: { name: string }) => c.name)).toEqual(['Bielsko-Biała', 'Gdańsk', 'Kraków', 'Poznań', 'Wrocław']);
    expect(cities[2].networks.map((n: { name: string }) => n.name)).toEqual(['URBinclusion']);
    expect(cities[1].networks.map((n: { name: string }) => n.name)).toEqual(['BoostInno (Boosting Social Innovation)', 'CO4CITIES']);
  });

  it("BoostInno's outcomes: Torino's plan, 39 actions, €6,540,500, 63 needs, 13 meetings, 81 stakeholders", () => {
    expect(answer('BoostInnoOutcomes').outcomes).toMatchObject({
      plans: { drafted: 1, endorsed: 1 },
      actions: { total: 39 },
      funding: { total: { euros: '6540500.00' } },
      learningNeeds: { raised: 63 },
      meetings: { held: 13 },
      practices: { labelled: 1 },
      localGroups: { stakeholders: 81 },
    });
  });

  it('the City of Turin promotes 12 of the 39 actions, however the plan words it', () => {
    const plan = answer('TorinoActionsByPromoter').actionPlan;
    expect(plan.responsibleBodies[0]).toEqual({ name: 'City of Turin', actions: 5 });
    const actions: { responsibleBody: string }[] = plan.actions.nodes;
    expect(actions).toHaveLength(12);
    expect(actions.every((a) => /city of turin/i.test(a.responsibleBody))).toBe(true);
  });

  it('"2016-06-01" is the end of that day in UTC: two meetings and the 63 needs; on the Gdańsk kick-off day, one meeting', () => {
    expect(answer('BoostInnoOnADay')).toEqual({
      journey: { asOf: '2016-06-01T23:59:59.999Z', meetingCount: 2, needCoverage: { raised: 63 } },
      gdansk: { meetingCount: 1 },
    });
  });

  it("the lead expert's whole journey with its lessons fits the cost limit: 13 meetings", () => {
    const journey = answer('BoostInnoJourneyWithLessons').journey;
    expect(journey.meetingCount).toBe(13);
    expect(journey.timeline.nodes).toHaveLength(13);
    expect(journey.timeline.nodes.flatMap((m: { learnings: { nodes: unknown[] } }) => m.learnings.nodes)).toHaveLength(2);
  });

  it("Torino accepts Barcelona's offer by the match's id: proposed, waiting for Barcelona", () => {
    expect(answer('TorinoAcceptsMatch').respondToMarketplaceMatch).toMatchObject({
      __typename: 'RespondToMarketplaceMatchPayload',
      match: { status: 'proposed', needAnswer: 'accepted', offerAnswer: null, suggestedScore: 0.9 },
    });
  });
});

describe('the answers docs/demo.md gives to its first questions', () => {
  const answer = (name: string) => {
    const data = answers.get(name);
    expect(data, `${name} was not answered`).toBeDefined();
    return data!;
  };

  it("1. Barcelona's open procurement helps Torino's open innovation need most (0.9); Innova.TO helps Baia Mare's PA (1)", () => {
    const { helpsMe, iCanHelp } = answer('TorinoNeedsAndPractices').marketplaceSessions.nodes[0].suggestionsForCity;
    expect(helpsMe[0]).toMatchObject({
      score: 0.9,
      need: { title: 'How to develop a more open social innovation approach?' },
      offer: { cityName: 'Barcelona', title: 'Opening the administration to SMEs in public procurement' },
    });
    expect(iCanHelp[0]).toMatchObject({ score: 1, need: { cityName: 'Baia Mare', title: 'New ways of functioning of the PA.' }, offer: { title: 'Innova.TO' } });
  });

  it("2. BoostInno's journey: 13 meetings from Gdańsk to the plan's validation, 63 needs raised, none addressed", () => {
    const { journey } = answer('BoostInnoJourney');
    expect(journey.meetingCount).toBe(13);
    expect(journey.timeline.nodes.map((m: { startDate: string }) => m.startDate).slice(0, 2)).toEqual(['2015-11-08', '2016-02-17']);
    expect(journey.timeline.nodes.at(-1)).toMatchObject({ startDate: '2018-04-04', title: 'Torino Social Impact Operational Plan validation' });
    expect(journey.needCoverage).toEqual({ raised: 63, open: 63, addressed: 0, coverage: 0 });
  });

  it("3. Torino's plan: endorsed in 2018, 3 + 10 + 26 actions, €6,540,500 secured by source, the 80% indicator", () => {
    const plan = answer('TorinoPlanByPhase').actionPlan;
    expect([plan.endorsed, plan.endorsedOn]).toEqual([true, '2018-12-31']);
    expect([plan.ideation.nodes.length, plan.design.nodes.length, plan.realisation.nodes.length]).toEqual([3, 10, 26]);
    expect(plan.fundingSecured).toEqual([
      { source: 'ESF', amount: { euros: '1550000.00' } },
      { source: 'UIA', amount: { euros: '4100000.00' } },
      { source: 'other', amount: { euros: '890500.00' } },
    ]);
    expect(plan.indicators).toEqual([{ name: "Share of the plan's actions put into place (city's estimate)", unit: '%', latestValue: 80, latestDate: '2022-12-31' }]);
    expect(answer('ItalianPlansByPhase').outcomes.actions.byPhase).toEqual([
      { phase: 'ideation', count: 3 },
      { phase: 'design', count: 10 },
      { phase: 'realisation', count: 26 },
    ]);
  });

  it('4. Outcomes across networks: 2 plans, 47 actions, 66 needs, 37 meetings, 3 labels, 3 transfers, 116 stakeholders', () => {
    expect(answer('Outcomes').outcomes).toMatchObject({
      plans: { drafted: 2, endorsed: 1 },
      actions: { total: 47, implemented: 0 },
      funding: { total: { euros: '6540500.00' } },
      learningNeeds: { raised: 66, addressed: 0 },
      meetings: { held: 37, participants: 0 },
      practices: { labelled: 3, transferred: 0 },
      transfers: { started: 3, completed: 0 },
      localGroups: { stakeholders: 116 },
      newcomers: { cities: 0 },
    });
    expect(answer('Outcomes').outcomes.localGroups.byHelix).toEqual([
      { helix: 'civilSociety', stakeholders: 32, planned: 28, share: 0.2759 },
      { helix: 'knowledge', stakeholders: 20, planned: 17, share: 0.1724 },
      { helix: 'private', stakeholders: 32, planned: 18, share: 0.2759 },
      { helix: 'public', stakeholders: 32, planned: 23, share: 0.2759 },
    ]);
  });

  it('5. As of a date: 1 meeting in January 2016, 2 and the 63 needs in June 2016; the plan not endorsed in June 2018', () => {
    const asOf = answer('BoostInnoAsOf');
    expect([asOf.jan2016, asOf.jun2016.meetingCount, asOf.now]).toEqual([
      { meetingCount: 1, needCoverage: { raised: 0 } },
      2,
      { meetingCount: 13, needCoverage: { raised: 63 } },
    ]);
    expect(asOf.torinoPlanJun2018).toEqual({ endorsed: false, fundingSecured: [{ source: 'UIA', amount: { euros: '4100000.00' } }] });
  });

  it("Interactive Cities' six local groups: Debrecen's 13 members cover the four helixes", () => {
    const groups = answer('InteractiveCitiesLocalGroups').localGroups;
    expect(groups.map((g: { partner: { name: string } }) => g.partner.name)).toEqual(['Debrecen', 'Genoa', 'Ghent', 'Lisbon', 'Paris', 'Varna']);
    expect(groups[0].composition).toEqual({ total: 13, public: 2, private: 6, knowledge: 3, civilSociety: 2, helixesCovered: 4 });
  });

  it("URBinclusion's lessons of the network: Italian originals with the document's English as their translations", () => {
    const lessons = answer('UrbinclusionLessonsInTwoLanguages').network.lessons.nodes;
    expect(lessons[0]).toEqual({
      number: 1,
      lesson: "La difficoltà a unire le azioni ostacola l'approccio integrato.",
      lessonLanguage: 'it',
      lessonTranslations: [{ text: 'Difficulty in merging actions hinders the integrated approach.', language: 'en' }],
    });
    expect(lessons.map((l: { lesson: string }) => l.lesson).slice(1)).toEqual(['Il decentramento dovrebbe contribuire a una maggiore integrazione.', 'Sono necessari hub territoriali.']);
  });
});
