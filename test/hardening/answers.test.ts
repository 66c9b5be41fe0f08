import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_NODE_IDS } from '../../schema/builder.js';
import { ByteBoundedCache } from '../../src/server/responseCacheStore.js';
import { operationLimits } from '../../src/server/operationLimits.js';
import { useTestApp } from '../support/testApp.js';
import { mutate, query, useNetworkSetup } from '../support/api.js';

// Issue 13, items 3, 11 and 13: list limits, what node lookups tell, and refusals in users' words.
describe('what the API answers to probing', () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);
  let networkGid: string;
  let needGid: string;

  beforeAll(async () => {
    const raised = await mutate(
      t,
      'raiseLearningNeed',
      { networkId: n.networkId, cityId: 'torino-it', kind: 'learning', topics: ['impact funds'], description: 'How to develop impact funds?' },
      n.torino,
      'learningNeed { globalId: id }',
    );
    needGid = raised.learningNeed.globalId;
    networkGid = (await query(t, `{ networks(first: 1) { nodes { id } } }`)).networks.nodes[0].id;
  });

  const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`;

  it(`refuses nodes(ids:) with more than ${MAX_NODE_IDS} ids sent as variables, with a stable code`, async () => {
    const res = await t.gql(NODES, { ids: Array.from({ length: MAX_NODE_IDS + 1 }, () => networkGid) });
    expect(res.errors?.[0]?.extensions?.code).toBe('LIST_TOO_LONG');
    expect(res.data?.nodes ?? null).toBeNull();
    const ok = await t.gql(NODES, { ids: Array.from({ length: MAX_NODE_IDS }, () => networkGid) });
    expect(ok.data!.nodes).toHaveLength(MAX_NODE_IDS);
  });

  it('refuses any list in the variables longer than the limit before running the operation', async () => {
    const res = await t.gql(NODES, { ids: Array.from({ length: operationLimits.maxVariableListLength + 1 }, () => networkGid) });
    expect(res.errors?.[0]?.extensions?.code).toBe('LIST_TOO_LONG');
  });

  it('answers nodes(ids:) asked twice in one query with the same records, without internal errors', async () => {
    const res = await t.gql(`query($ids: [ID!]!) { a: nodes(ids: $ids) { id } b: nodes(ids: $ids) { id } }`, { ids: [networkGid, needGid] }, n.torino);
    expect(res.errors).toBeUndefined();
    expect(res.data!.b).toEqual(res.data!.a);
    expect(res.data!.a).toEqual([{ id: networkGid }, { id: needGid }]);
  });

  it('answers a record the caller may not read exactly like an id that does not exist', async () => {
    const madeUp = Buffer.from('LearningNeed:01HZZZZZZZZZZZZZZZZZZZZZZZ').toString('base64');
    for (const token of [undefined, n.lviv, n.otherExpert]) {
      const real = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: needGid }, token);
      const fake = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: madeUp }, token);
      expect({ data: real.data, errors: real.errors }).toEqual({ data: fake.data, errors: fake.errors });
      expect(real.data).toEqual({ node: null });
      const many = await t.gql(NODES, { ids: [needGid, madeUp] }, token);
      expect(many).toMatchObject({ data: { nodes: [null, null] } });
      expect(many.errors).toBeUndefined();
    }
    expect((await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: needGid }, n.torino)).data).toEqual({ node: { id: needGid } });
  });

  it("tells a lead expert of another network that the network's lead expert may schedule its meetings, without resolver names", async () => {
    const refused = await mutate(
      t,
      'scheduleMeeting',
      { networkId: n.networkId, kind: 'webinar', title: 'Impact funds', startDate: '2016-06-01', endDate: '2016-06-01' },
      n.otherExpert,
    );
    expect(refused).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect(refused.message).toBe("You may not schedule meeting here. Only the secretariat or the network's assigned lead expert may.");
    expect(refused.message).not.toMatch(/Mutation\.|resolve|leadExpert\)/);
  });

  it('says a query is too costly, with a stable code and how to page, not "Syntax Error"', async () => {
    const res = await t.gql(`{ cities(first: 200) { nodes { memberships { network { partners { network { name } } } } } } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(res.errors?.[0]?.message).not.toMatch(/Syntax Error/);
    expect(res.errors?.[0]?.message).toMatch(/first: 10.*after: endCursor/);
    const aliases = await t.gql(`{ ${Array.from({ length: operationLimits.maxAliases + 1 }, (_, i) => `a${i}: ledger { store }`).join(' ')} }`);
    expect(aliases.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ALIASES');
  });
});

describe('the response cache store', () => {
  it('keeps at most its byte bound, dropping the least recently used and never keeping an oversized answer', () => {
    const cache = new ByteBoundedCache(10_000, 4_000);
    const answer = (bytes: number) => ({ data: { pad: 'x'.repeat(bytes - 20) } });
    for (let i = 0; i < 20; i++) cache.set(`k${i}`, answer(1_000), [], 60_000);
    expect(cache.bytes).toBeLessThanOrEqual(10_000);
    expect(cache.get('k0')).toBeUndefined();
    expect(cache.get('k19')).toBeDefined();
    cache.set('huge', answer(5_000), [], 60_000);
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.bytes).toBeLessThanOrEqual(10_000);
  });

  it('forgets an answer after its time to live', () => {
    let now = 0;
    const cache = new ByteBoundedCache(10_000, 4_000, () => now);
    cache.set('k', { data: {} }, [], 1_000);
    now = 1_001;
    expect(cache.get('k')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });
});
