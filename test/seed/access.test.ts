import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../schema/index.js';
import { graphiqlExample } from '../../src/server/graphiqlExample.js';
import { verifyToken } from '../../src/auth/tokens.js';
import { mintDemoTokens } from '../../src/cli/demoTokens.js';
import { useDemoData } from './demoData.js';

/** The demo data through the demo's roles: the tokens docs/demo.md hands out, and GraphiQL's opening example. */

const { t, id, query } = useDemoData();

describe('demo data: outcomes and demo tokens', () => {
  it('shows outcomes across networks', async () => {
    const data = await query(`{ outcomes { plans { endorsed } actions { total } meetings { held } funding { total { euros } } } }`);
    expect(data.outcomes).toEqual({
      plans: { endorsed: 1 },
      actions: { total: 39 + 8 },
      meetings: { held: 13 + 13 + 11 },
      funding: { total: { euros: '6540500.00' } },
    });
  });

  it('gives each demo role a token the API accepts, with the access the docs describe', async () => {
    const tokens = await mintDemoTokens(t.app.config);
    expect(tokens.map((d) => d.label)).toEqual(['secretariat', 'BoostInno lead expert', 'Torino coordinator', 'Gdańsk coordinator', 'public']);
    const [secretariat, leadExpert, torino, gdansk] = tokens.map((d) => d.token);
    expect((await verifyToken(secretariat!, t.app.config.jwtSecret)).role).toBe('secretariat');
    const journey = `query($id: ID!) { journey(networkId: $id) { meetingCount } }`;
    expect((await query(journey, { id: id('boostinno') }, leadExpert)).journey.meetingCount).toBe(13);
    expect((await query(journey, { id: id('boostinno') }, torino)).journey.meetingCount).toBe(13);
    const plan = `query($id: ID!) { actionPlan(networkId: $id, cityId: "torino-it") { endorsed } }`;
    expect((await query(plan, { id: id('boostinno') }, torino)).actionPlan.endorsed).toBe(true);
    expect((await query(journey, { id: id('urbinclusion') }, torino)).journey.meetingCount).toBe(13);
    // Gdańsk is a partner of BoostInno, not of URBinclusion, and may not write Torino's records.
    expect((await query(journey, { id: id('boostinno') }, gdansk)).journey.meetingCount).toBe(13);
    const refused = await t.gql(journey, { id: id('urbinclusion') }, gdansk);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const raise = await t.gql(
      `mutation($id: ID!) { raiseLearningNeed(input: { networkId: $id, cityId: "torino-it", kind: learning, topics: ["finance"], description: "A need of Torino" }) { __typename } }`,
      { id: id('boostinno') },
      gdansk,
    );
    expect(raise.data?.raiseLearningNeed.__typename).toBe('ForbiddenError');
    const anonymous = await t.gql(journey, { id: id('boostinno') });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe("GraphiQL's default operation", () => {
  it('is valid and answers on the demo data', async () => {
    expect(validate(buildSchema(), parse(graphiqlExample))).toEqual([]);
    const run = async (operationName: string, as?: string) => {
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(as ? { authorization: `Bearer ${as}` } : {}) },
        body: JSON.stringify({ query: graphiqlExample, operationName, variables: { networkId: id('boostinno') } }),
      });
      return (await response.json()) as { data?: any; errors?: unknown[] };
    };
    const networks = await run('Networks');
    expect(networks.data.networks.nodes.map((n: { networkId: string }) => n.networkId)).toContain(id('boostinno'));
    expect((await run('BoostInnoMeetings')).data.meetings.nodes).toHaveLength(13);
    const [, leadExpert] = (await mintDemoTokens(t.app.config)).map((d) => d.token);
    const journey = await run('BoostInnoJourney', leadExpert);
    expect(journey.errors).toBeUndefined();
    expect(journey.data.journey.meetingCount).toBe(13);
  });
});
