import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testApp.js';

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterNetworkInput!) {
    registerNetwork(input: $input) {
      __typename
      ... on RegisterNetworkPayload { aggregateId revision replayed network { id networkId name kind status topics } }
      ... on Error { message code }
      ... on InputValidationError { issues { path message } }
    }
  }
`;

const boostInno = {
  name: 'BoostInno',
  kind: 'actionPlanning',
  theme: 'Boosting social innovation',
  topics: ['Social Innovation', 'impact finance'],
  startDate: '2015-09-01',
  endDate: '2018-05-31',
};

describe('networks through the API', () => {
  const t = useTestApp();

  it('registers a network and reads it back at once', async () => {
    const res = await t.gql(REGISTER, { input: boostInno }, t.secretariat);
    expect(res.errors).toBeUndefined();
    const payload = res.data!.registerNetwork;
    expect(payload).toMatchObject({
      __typename: 'RegisterNetworkPayload',
      revision: 0,
      replayed: false,
      network: { name: 'BoostInno', kind: 'actionPlanning', status: 'open', topics: ['social innovation', 'impact finance'] },
    });
    const read = await t.gql(`query($id: ID!) { network(id: $id) { name leadExpert { name } } }`, {
      id: payload.network.id,
    });
    expect(read.data!.network).toEqual({ name: 'BoostInno', leadExpert: null });
  });

  it('returns typed validation errors and writes nothing', async () => {
    const before = await t.app.store.headPosition();
    const res = await t.gql(REGISTER, { input: { ...boostInno, startDate: '2015-13-01', endDate: '2014-01-01' } }, t.secretariat);
    expect(res.data!.registerNetwork.__typename).toBe('InputValidationError');
    expect(res.data!.registerNetwork.code).toBe('INVALID_INPUT');
    expect(res.data!.registerNetwork.issues.map((i: { path: string[] }) => i.path.at(-1))).toContain('startDate');
    expect(await t.app.store.headPosition()).toEqual(before);
  });

  it('refuses roles without the scope with a typed error', async () => {
    const expert = await t.token('leadExpert');
    const before = await t.app.store.headPosition();
    const res = await t.gql(REGISTER, { input: boostInno }, expert);
    expect(res.data!.registerNetwork).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    const anonymous = await t.gql(REGISTER, { input: boostInno });
    expect(anonymous.data!.registerNetwork.__typename).toBe('ForbiddenError');
    expect(await t.app.store.headPosition()).toEqual(before);
  });

  it('rejects a forged token with 401', async () => {
    const res = await t.gql(`{ ledger { store } }`, {}, 'not-a-token');
    expect(res.status).toBe(401);
    expect(res.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('answers a retry with the same idempotency key with the first result', async () => {
    const input = { ...boostInno, name: 'Interactive Cities', idempotencyKey: 'register-interactive-cities' };
    const first = await t.gql(REGISTER, { input }, t.secretariat);
    const head = await t.app.store.headPosition();
    const retry = await t.gql(REGISTER, { input }, t.secretariat);
    expect(retry.data!.registerNetwork).toMatchObject({
      aggregateId: first.data!.registerNetwork.aggregateId,
      replayed: true,
    });
    expect(await t.app.store.headPosition()).toEqual(head);
    const reused = await t.gql(REGISTER, { input: { ...input, name: 'Something else' } }, t.secretariat);
    expect(reused.data!.registerNetwork).toMatchObject({ __typename: 'IdempotencyKeyReusedError' });
  });

  it('lets the assigned lead expert close the network, and only them', async () => {
    const created = await t.gql(REGISTER, { input: { ...boostInno, name: 'URBinclusion' } }, t.secretariat);
    const networkId = created.data!.registerNetwork.aggregateId as string;
    const ASSIGN = `mutation($input: AssignLeadExpertInput!) { assignLeadExpert(input: $input) {
      __typename ... on AssignLeadExpertPayload { revision network { leadExpert { subject name } } } ... on Error { code } } }`;
    const assigned = await t.gql(
      ASSIGN,
      { input: { networkId, subject: 'expert:peter', name: 'Peter Wolkowinski', expectedRevision: 0 } },
      t.secretariat,
    );
    expect(assigned.data!.assignLeadExpert).toMatchObject({ revision: 1, network: { leadExpert: { subject: 'expert:peter' } } });

    const stale = await t.gql(
      ASSIGN,
      { input: { networkId, subject: 'expert:other', name: 'Other', expectedRevision: 0 } },
      t.secretariat,
    );
    expect(stale.data!.assignLeadExpert).toMatchObject({ __typename: 'ConcurrencyConflictError', code: 'CONCURRENCY_CONFLICT' });

    const CLOSE = `mutation($input: CloseNetworkInput!) { closeNetwork(input: $input) { __typename ... on Error { code } } }`;
    const otherExpert = await t.token('leadExpert', { subject: 'expert:someone-else' });
    expect((await t.gql(CLOSE, { input: { networkId } }, otherExpert)).data!.closeNetwork.__typename).toBe('ForbiddenError');
    const peter = await t.token('leadExpert', { subject: 'expert:peter' });
    expect((await t.gql(CLOSE, { input: { networkId, reason: 'done' } }, peter)).data!.closeNetwork.__typename).toBe(
      'CloseNetworkPayload',
    );
    const again = await t.gql(CLOSE, { input: { networkId } }, t.secretariat);
    expect(again.data!.closeNetwork).toEqual({ __typename: 'RuleViolationError', code: 'NETWORK_CLOSED' });
  });

  it('lists networks as a connection with filters', async () => {
    const res = await t.gql(`{ networks(first: 2, status: open) { totalCount: edges { cursor } nodes { name status } pageInfo { hasNextPage } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.networks.nodes.every((n: { status: string }) => n.status === 'open')).toBe(true);
  });
});

describe('partners through the API', () => {
  const t = useTestApp();

  it('adds partners and shows them on the network, lead partner first', async () => {
    const created = await t.gql(REGISTER, { input: boostInno }, t.secretariat);
    const networkId = created.data!.registerNetwork.aggregateId;
    const JOIN = `mutation($input: JoinNetworkInput!) { joinNetwork(input: $input) { __typename
      ... on JoinNetworkPayload { network { partners { cityId name country role newcomer } } }
      ... on Error { code message } ... on InputValidationError { issues { path } } } }`;
    await t.gql(JOIN, { input: { networkId, cityId: 'gdansk-pl', name: 'Gdansk', country: 'pl' } }, t.secretariat);
    const res = await t.gql(
      JOIN,
      { input: { networkId, cityId: 'Torino-IT', name: 'Torino', country: 'IT', role: 'leadPartner', newcomer: true } },
      t.secretariat,
    );
    expect(res.data!.joinNetwork.network.partners).toEqual([
      { cityId: 'torino-it', name: 'Torino', country: 'IT', role: 'leadPartner', newcomer: true },
      { cityId: 'gdansk-pl', name: 'Gdansk', country: 'PL', role: 'partner', newcomer: false },
    ]);
    const second = await t.gql(
      JOIN,
      { input: { networkId, cityId: 'porto-pt', name: 'Porto', country: 'PT', role: 'leadPartner' } },
      t.secretariat,
    );
    expect(second.data!.joinNetwork).toMatchObject({ __typename: 'RuleViolationError', code: 'SECOND_LEAD_PARTNER' });
    const bad = await t.gql(JOIN, { input: { networkId, cityId: 'no country', name: 'X', country: 'Italy' } }, t.secretariat);
    expect(bad.data!.joinNetwork.__typename).toBe('InputValidationError');
  });

  it('answers partners the same whichever of their fields a query asks, in fragments too', async () => {
    const networks: string[] = [];
    for (const name of ['BoostInno', 'Second Network']) {
      const created = await t.gql(REGISTER, { input: { ...boostInno, name } }, t.secretariat);
      networks.push(created.data!.registerNetwork.aggregateId);
    }
    const JOIN = `mutation($input: JoinNetworkInput!) { joinNetwork(input: $input) { __typename } }`;
    await t.gql(JOIN, { input: { networkId: networks[0], cityId: 'gdansk-pl', name: 'Gdansk', country: 'PL' } }, t.secretariat);
    await t.gql(JOIN, { input: { networkId: networks[0], cityId: 'torino-it', name: 'Torino', country: 'IT', role: 'leadPartner', newcomer: true } }, t.secretariat);
    await t.gql(JOIN, { input: { networkId: networks[1], cityId: 'porto-pt', name: 'Porto', country: 'PT' } }, t.secretariat);
    const full = { cityId: 'torino-it', name: 'Torino', country: 'IT', kind: 'city', role: 'leadPartner', newcomer: true, active: true, leftAt: null };
    const res = await t.gql(
      `fragment P on Partner { cityId name }
      fragment N on Network {
        name
        few: partners { name }
        all: partners { cityId name country kind role newcomer active leftAt joinedAt networkId network { name } calendarUrl }
        fragment: partners { ...P country }
        inline: partners { ... on Partner { name } __typename }
        skipped: partners { name cityId @skip(if: true) }
      }
      query($first: ID!, $second: ID!) { first: network(id: $first) { ...N } second: network(id: $second) { ...N } }`,
      { first: networks[0], second: networks[1] },
    );
    expect(res.errors).toBeUndefined();
    const { first, second } = res.data!;
    expect(first.few).toEqual([{ name: 'Torino' }, { name: 'Gdansk' }]);
    expect(first.all[0]).toMatchObject({ ...full, networkId: networks[0], network: { name: 'BoostInno' } });
    expect(first.all[0].joinedAt).toEqual(expect.any(String));
    expect(first.all[0].calendarUrl).toMatch(/torino-it/);
    expect(first.fragment).toEqual([
      { cityId: 'torino-it', name: 'Torino', country: 'IT' },
      { cityId: 'gdansk-pl', name: 'Gdansk', country: 'PL' },
    ]);
    expect(first.inline).toEqual([{ name: 'Torino', __typename: 'Partner' }, { name: 'Gdansk', __typename: 'Partner' }]);
    expect(first.skipped).toEqual([{ name: 'Torino' }, { name: 'Gdansk' }]);
    expect(second).toMatchObject({ name: 'Second Network', few: [{ name: 'Porto' }], skipped: [{ name: 'Porto' }] });
  });

  it("answers each network of a page with its own partners, as it answers the network alone", async () => {
    const JOIN = `mutation($input: JoinNetworkInput!) { joinNetwork(input: $input) { __typename } }`;
    const ids: string[] = [];
    for (const [n, cities] of [['Page A', ['ancona-it', 'bari-it']], ['Page B', []], ['Page C', ['cork-ie']]] as const) {
      const created = await t.gql(REGISTER, { input: { ...boostInno, name: n } }, t.secretariat);
      ids.push(created.data!.registerNetwork.aggregateId);
      for (const cityId of cities) await t.gql(JOIN, { input: { networkId: ids.at(-1), cityId, name: cityId, country: cityId.slice(-2).toUpperCase() } }, t.secretariat);
    }
    const page = await t.gql(`{ networks(first: 200) { nodes { networkId name partners { cityId } former: partners(includeFormer: true) { name } } } }`);
    expect(page.errors).toBeUndefined();
    for (const networkId of ids) {
      const alone = await t.gql(`query($id: ID!) { network(id: $id) { networkId name partners { cityId } former: partners(includeFormer: true) { name } } }`, { id: networkId });
      expect(page.data!.networks.nodes.find((node: { networkId: string }) => node.networkId === networkId)).toEqual(alone.data!.network);
    }
    expect(page.data!.networks.nodes.filter((node: { name: string }) => node.name.startsWith('Page ')).map((node: { partners: unknown }) => node.partners)).toEqual([
      [{ cityId: 'ancona-it' }, { cityId: 'bari-it' }],
      [],
      [{ cityId: 'cork-ie' }],
    ]);
  });

  it('answers a page of networks the same whichever of their fields a query asks, through nodes or edges', async () => {
    const created = await t.gql(REGISTER, { input: { ...boostInno, name: 'Paged Network' } }, t.secretariat);
    const networkId = created.data!.registerNetwork.aggregateId;
    const ALL = 'id networkId name kind theme topics startDate endDate status leadExpert { name } closedReason revision calendarUrl partners { name } phase';
    const res = await t.gql(`fragment N on Network { name status }
      query {
        all: networks(first: 50) { nodes { ${ALL} } }
        few: networks(first: 50) { nodes { networkId name } }
        edges: networks(first: 50) { edges { cursor node { networkId startDate } } pageInfo { hasNextPage } }
        fragment: networks(first: 50) { nodes { networkId ...N } }
        skipped: networks(first: 50) { nodes { networkId name @skip(if: true) theme } }
      }`);
    expect(res.errors).toBeUndefined();
    const all = res.data!.all.nodes as Record<string, unknown>[];
    const paged = all.find((network) => network.networkId === networkId)!;
    expect(paged).toMatchObject({ name: 'Paged Network', kind: 'actionPlanning', theme: boostInno.theme, startDate: '2015-09-01', endDate: '2018-05-31', status: 'open', leadExpert: null, closedReason: null, revision: 0, partners: [], phase: 'activation' });
    const pick = (keys: string[]) => all.map((network) => Object.fromEntries(keys.map((key) => [key, network[key]])));
    expect(res.data!.few.nodes).toEqual(pick(['networkId', 'name']));
    expect(res.data!.edges.edges.map((edge: { node: unknown }) => edge.node)).toEqual(pick(['networkId', 'startDate']));
    expect(res.data!.fragment.nodes).toEqual(pick(['networkId', 'name', 'status']));
    expect(res.data!.skipped.nodes).toEqual(pick(['networkId', 'theme']));
  });
});

describe('recording past facts and asking as of a date', () => {
  const t = useTestApp();

  it('answers as of a date from the log, by when things occurred', async () => {
    const created = await t.gql(REGISTER, { input: { ...boostInno, occurredAt: '2015-09-01T09:00:00Z' } }, t.secretariat);
    const networkId = created.data!.registerNetwork.aggregateId;
    await t.gql(
      `mutation($input: JoinNetworkInput!) { joinNetwork(input: $input) { __typename } }`,
      { input: { networkId, cityId: 'torino-it', name: 'Torino', country: 'IT', occurredAt: '2016-03-01T00:00:00Z' } },
      t.secretariat,
    );
    const asOf = async (date: string) =>
      (await t.gql(`query($id: ID!, $asOf: DateTime) { network(id: $id, asOf: $asOf) { name partners { cityId } } }`, { id: networkId, asOf: date }))
        .data!.network;
    expect(await asOf('2015-01-01T00:00:00Z')).toBeNull();
    expect(await asOf('2015-12-31T00:00:00Z')).toEqual({ name: 'BoostInno', partners: [] });
    expect(await asOf('2016-12-31T00:00:00Z')).toEqual({ name: 'BoostInno', partners: [{ cityId: 'torino-it' }] });
    const future = await t.gql(REGISTER, { input: { ...boostInno, occurredAt: '2999-01-01T00:00:00Z' } }, t.secretariat);
    expect(future.data!.registerNetwork.__typename).toBe('InputValidationError');
  });
});
