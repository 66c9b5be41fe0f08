import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../schema/index.js';
import { costVariables, queryCost, queryCostLimits } from '../../src/server/queryCost.js';
import { useNetworkSetup, when } from '../support/api.js';
import { useTestApp } from '../support/testApp.js';

/**
 * The cost model (src/server/queryCost.ts): what lead experts, cities and the secretariat ask fits,
 * with the costs the README lists; an abusive query is refused before it runs, whether its page
 * sizes are written in the query or sent as variables.
 */

/** The README's examples ("Operation limits"), with the cost it states for each. */
export const COST_EXAMPLES: { name: string; cost: number; query: string; variables?: Record<string, unknown> }[] = [
  {
    name: "a lead expert's journey: 50 meetings with 10 lessons each",
    cost: 1_153,
    query: `query($networkId: ID!) { journey(networkId: $networkId) { meetingCount
      timeline(first: 50) { nodes { startDate endDate kind title host { name } themes
        learnings(first: 10) { nodes { lesson partner { name } } } } }
      needCoverage { raised open addressed coverage } } }`,
  },
  {
    name: "Torino's needs and the practices that match them",
    cost: 63,
    query: `query($networkId: ID!) { marketplaceSessions(networkId: $networkId, first: 1) { nodes { title
      suggestionsForCity(cityId: "torino-it", limit: 6) {
        helpsMe { matchId score need { title } offer { cityName title } sharedTopics matchedTerms }
        iCanHelp { score need { cityName title } offer { title } } } } } }`,
  },
  {
    name: "Torino's plan, its actions by phase",
    cost: 344,
    query: `query($networkId: ID!) { actionPlan(networkId: $networkId, cityId: "torino-it") { title endorsed endorsedOn
      clusters { key title }
      ideation: actions(phase: ideation, first: 100) { nodes { title clusterKey } }
      design: actions(phase: design, first: 100) { nodes { title } }
      realisation: actions(phase: realisation, first: 100) { nodes { title } }
      fundingSecured { source amount { euros } } indicators { name unit latestValue latestDate } } }`,
  },
  {
    name: 'the secretariat\'s outcomes, every figure',
    cost: 61,
    query: `{ outcomes { plans { drafted endorsed } actions { total implemented implementationRate byPhase { phase count } }
      funding { total { euros } bySource { source amount { euros } records } }
      learningNeeds { raised addressed addressedShare } meetings { held participants }
      practices { labelled transferred } transfers { started completed inProgressByStage { stage count } }
      localGroups { stakeholders byHelix { helix stakeholders planned share } } newcomers { cities } } }`,
  },
  {
    name: 'the city registry: 100 cities with their networks',
    cost: 1_101,
    query: `{ cities(first: 100) { nodes { cityId name country networks { networkId name } } } }`,
  },
];

/** Queries no user needs, refused before they run. */
const ABUSIVE = {
  nested: `query($networkId: ID!) { journey(networkId: $networkId) { timeline(first: 200) { nodes { title
    learnings(first: 200) { nodes { lesson partner { name network { name } } } } } } } }`,
  throughVariables: `query($networkId: ID!, $page: Int) { journey(networkId: $networkId) { timeline(first: $page) { nodes { title
    learnings(first: $page) { nodes { lesson partner { name } } } } } } }`,
};

describe('the cost model', () => {
  const schema = buildSchema();
  const costOf = (query: string, variables: Record<string, unknown> = { networkId: '01JAPN00000000000000000001' }) => {
    const document = parse(query);
    expect(validate(schema, document)).toEqual([]);
    return queryCost(schema, document, variables);
  };

  it.each(COST_EXAMPLES)('costs what the README says, within the limit: $name', ({ query, cost }) => {
    expect(costOf(query)).toBe(cost);
    expect(cost).toBeLessThanOrEqual(queryCostLimits.maxCost);
  });

  it('counts a page size sent as a variable like one written in the query', () => {
    expect(costOf(ABUSIVE.throughVariables, { networkId: 'x', page: 10 })).toBe(costOf(ABUSIVE.throughVariables.replace(', $page: Int', '').replaceAll('$page', '10')));
    expect(costOf(ABUSIVE.throughVariables, { networkId: 'x', page: 200 })).toBeGreaterThan(queryCostLimits.maxCost);
  });

  it('names as cost-changing only the variables of size arguments and directives', () => {
    const document = parse(`query($networkId: ID!, $page: Int, $ids: [ID!]!, $deep: Boolean!, $limit: Int) {
      journey(networkId: $networkId) { timeline(first: $page) { nodes { title learnings @include(if: $deep) { nodes { lesson } } } } }
      nodes(ids: $ids) { id } }
      fragment F on Query { cities(last: $limit) { nodes { name } } }`);
    expect(costVariables(document)).toEqual(['deep', 'ids', 'limit', 'page']);
    expect(costVariables(parse('mutation($input: RaiseLearningNeedInput!) { raiseLearningNeed(input: $input) { __typename } }'))).toEqual([]);
  });
});

describe('the cost limit through the API', () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);

  it("answers a lead expert's ordinary journey query: 50 meetings with 10 lessons each", async () => {
    const outcome = await when(t, { query: COST_EXAMPLES[0]!.query, variables: { networkId: n.networkId }, token: n.expert });
    expect(outcome.errors).toBeUndefined();
    expect(outcome.data!.journey.timeline.nodes).toEqual([]);
  });

  it('refuses 200 meetings with 200 lessons each before running it, saying how to page', async () => {
    const outcome = await when(t, { query: ABUSIVE.nested, variables: { networkId: n.networkId }, token: n.expert });
    expect(outcome.data?.journey ?? null).toBeNull();
    expect(outcome.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', maxCost: queryCostLimits.maxCost });
    expect(outcome.errors?.[0]?.message).toMatch(/up to 120,402 objects, at most 10,000\). Ask for fewer items per page \(first: 10, then the next page with after: endCursor\)/);
  });

  it('refuses the same query with its page sizes sent as variables', async () => {
    const outcome = await when(t, { query: ABUSIVE.throughVariables, variables: { networkId: n.networkId, page: 200 }, token: n.expert });
    expect(outcome.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    const small = await when(t, { query: ABUSIVE.throughVariables, variables: { networkId: n.networkId, page: 10 }, token: n.expert });
    expect(small.errors).toBeUndefined();
  });

  it('judges each request of one query text by its own variables, however often the text was judged before', async () => {
    const ask = (page: number) => when(t, { query: ABUSIVE.throughVariables, variables: { networkId: n.networkId, page }, token: n.expert });
    for (const page of [10, 200, 10, 200, 11, 200]) {
      const outcome = await ask(page);
      if (page === 200) expect(outcome.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
      else expect(outcome.errors).toBeUndefined();
    }
  });

  it('judges a request whose other variables change by its page sizes, and one after variables that did not fit', async () => {
    // A query text of its own, so no request before this test has been judged with it.
    const query = ABUSIVE.throughVariables.replace('query(', 'query Misfit(');
    const ask = (variables: Record<string, unknown>) => when(t, { query, variables, token: n.expert });
    const misfit = await ask({ networkId: { not: 'an id' }, page: 200 });
    expect(misfit.errors?.[0]?.extensions?.code).not.toBe('QUERY_TOO_COSTLY');
    expect((await ask({ networkId: n.networkId, page: 200 })).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect((await ask({ networkId: 'another network', page: 200 })).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect((await ask({ networkId: 'another network', page: 10 })).errors?.[0]?.extensions?.code).not.toBe('QUERY_TOO_COSTLY');
  });

  it('judges a nested list guarded by @include by the directive\'s variable', async () => {
    const query = `query($networkId: ID!, $deep: Boolean!) { journey(networkId: $networkId) { timeline(first: 200) { nodes { title
      learnings(first: 200) @include(if: $deep) { nodes { lesson } } } } } }`;
    const ask = (deep: boolean) => when(t, { query, variables: { networkId: n.networkId, deep }, token: n.expert });
    expect((await ask(false)).errors).toBeUndefined();
    expect((await ask(true)).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect((await ask(false)).errors).toBeUndefined();
  });
});
