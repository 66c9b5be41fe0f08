import type { DocumentNode } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import { beforeAll, describe, expect, it } from 'vitest';
import { compiledExecutionPlugin, type CompiledExecutionOptions } from '../../src/server/compiledExecution.js';
import { commandDocument, eventTypes, mutate, torinoPractice, useBoostInnoNetwork, when } from '../support/api.js';
import { useTestApp, type GraphqlResponse } from '../support/testApp.js';

/** An answer with its errors' request ids (new for every request) left out. */
function withoutRequestIds<T extends { errors?: { extensions?: Record<string, unknown> }[] }>(answer: T): T {
  return {
    ...answer,
    ...(answer.errors ? { errors: answer.errors.map(({ extensions, ...error }) => ({ ...error, extensions: { ...extensions, requestId: undefined } })) } : {}),
  };
}

/** A small yoga with the plugin, counting the documents it compiles. */
function countingYoga(compile?: CompiledExecutionOptions['compile']) {
  const compiled: DocumentNode[] = [];
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: /* GraphQL */ `
        type Query { greeting(name: String!): String! }
        type Subscription { ticks: Int! }
      `,
      resolvers: {
        Query: { greeting: (_: unknown, { name }: { name: string }) => `hello ${name}` },
        Subscription: {
          ticks: {
            subscribe: async function* () {
              yield { ticks: 1 };
            },
          },
        },
      },
    }),
    logging: false,
    plugins: [compiledExecutionPlugin({ onCompile: (document) => compiled.push(document), ...(compile ? { compile } : {}) })],
  });
  const ask = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  };
  const subscribe = async (query: string) => {
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query }),
    });
    return response.text();
  };
  return { ask, subscribe, compiled };
}

describe('compiled execution', () => {
  it('runs the first execution of a document in graphql-js and compiles it at the second', async () => {
    const { ask, compiled } = countingYoga();
    const query = 'query($name: String!) { greeting(name: $name) }';
    expect(await ask(query, { name: 'Torino' })).toEqual({ data: { greeting: 'hello Torino' } });
    expect(compiled).toHaveLength(0);
    expect(await ask(query, { name: 'Gdańsk' })).toEqual({ data: { greeting: 'hello Gdańsk' } });
    expect(compiled).toHaveLength(1);
  });

  it('compiles a document once however often it runs', async () => {
    const { ask, compiled } = countingYoga();
    for (let i = 0; i < 5; i++) expect(await ask('{ greeting(name: "Braga") }')).toEqual({ data: { greeting: 'hello Braga' } });
    expect(compiled).toHaveLength(1);
  });

  it('never compiles documents that each run once', async () => {
    const { ask, compiled } = countingYoga();
    for (let i = 0; i < 5; i++) expect(await ask(`{ greeting(name: "city ${i}") }`)).toEqual({ data: { greeting: `hello city ${i}` } });
    expect(compiled).toHaveLength(0);
  });

  it('keeps running a document in graphql-js when the compiler fails on it', async () => {
    let attempts = 0;
    const { ask, compiled } = countingYoga(() => {
      attempts += 1;
      throw new Error('compiler bug');
    });
    for (let i = 0; i < 3; i++) expect(await ask('{ greeting(name: "Paris") }')).toEqual({ data: { greeting: 'hello Paris' } });
    expect(attempts).toBe(1);
    expect(compiled).toHaveLength(0);
  });

  it('never compiles a subscription', async () => {
    const { subscribe, compiled } = countingYoga();
    for (let i = 0; i < 3; i++) expect(await subscribe('subscription { ticks }')).toContain('"ticks":1');
    expect(compiled).toHaveLength(0);
  });
});

describe('a repeated request, compiled from its second run', () => {
  // Without the response cache, every run of a request is executed.
  const t = useTestApp({ RESPONSE_CACHE: 'false' });
  const fixture = useBoostInnoNetwork(t);
  beforeAll(async () => {
    const torino = await fixture.coordinator('torino-it');
    const proposed = await mutate(t, 'proposePractice', torinoPractice(), torino);
    expect(proposed.__typename, JSON.stringify(proposed)).toBe('ProposePracticePayload');
  });

  // Pages, variables, directives, an interface and fragments on it, custom scalars, a restricted
  // field withheld from the public (an error beside the data), refused variables.
  const requests: [string, string, () => Record<string, unknown>, boolean, (answer: GraphqlResponse) => void][] = [
    [
      'a page of networks with their partners, by variables and directives',
      `query($first: Int!, $withPartners: Boolean!) { networks(first: $first) {
         pageInfo { hasNextPage endCursor }
         edges { cursor node { id name kind startDate topics partners @include(if: $withPartners) { cityId name country } } } } }`,
      () => ({ first: 5, withPartners: true }),
      false,
      (answer) => expect(answer.data?.networks.edges[0].node.partners, JSON.stringify(answer)).toHaveLength(5),
    ],
    [
      'a node through the interface, with fragments',
      `query($id: ID!) { node(id: $id) { __typename id ... on Network { name ...dates } } }
       fragment dates on Network { startDate endDate status }`,
      () => ({ id: networkNodeId }),
      false,
      (answer) => expect(answer.data!.node).toMatchObject({ __typename: 'Network', name: 'BoostInno', status: expect.any(String) }),
    ],
    [
      'a restricted field asked by the public',
      `{ goodPractices(first: 5) { nodes { title topics contact { name } } } }`,
      () => ({}),
      false,
      (answer) => {
        expect(answer.data!.goodPractices.nodes).toEqual([{ title: 'Torino Social Impact', topics: ['impact funds'], contact: null }]);
        expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      },
    ],
    [
      'the same, signed in',
      `{ goodPractices(first: 5) { nodes { title contact { name email } } } }`,
      () => ({}),
      true,
      (answer) => expect(answer.data!.goodPractices.nodes).toEqual([{ title: 'Torino Social Impact', contact: { name: 'Anna Rossi', email: 'anna@example.org' } }]),
    ],
    [
      'variables of the wrong type',
      `query($first: Int!) { networks(first: $first) { nodes { id } } }`,
      () => ({ first: 'five' }),
      false,
      (answer) => expect(answer.errors?.[0]?.message).toMatch(/non-integer/),
    ],
  ];
  let networkNodeId = '';
  beforeAll(async () => {
    const page = await t.gql(`{ networks(first: 1) { nodes { id } } }`);
    networkNodeId = page.data!.networks.nodes[0].id;
  });

  it.each(requests)('answers %s the same when compiled as the first time', async (_name, query, variables, signedIn, check) => {
    const token = signedIn ? await t.token('leadExpert') : undefined;
    const first = await t.gql(query, variables(), token);
    check(first);
    for (let run = 2; run <= 3; run++) expect(withoutRequestIds(await t.gql(query, variables(), token))).toEqual(withoutRequestIds(first));
  });

  it('runs a compiled mutation once per request, and refuses its bad variables without writing', async () => {
    const torino = await fixture.coordinator('torino-it');
    const document = commandDocument('proposePractice', 'aggregateId');
    for (const title of ['Torino Social Factory', 'Torino Social Impact Fund', 'Torino Civic Crowdfunding']) {
      const outcome = await when(t, { query: document, variables: { input: torinoPractice(title) }, token: torino });
      expect(outcome.data?.proposePractice.__typename, JSON.stringify(outcome.errors)).toBe('ProposePracticePayload');
      expect(eventTypes(outcome)).toEqual(['PracticeProposed']);
    }
    const messages: string[] = [];
    for (let run = 0; run < 3; run++) {
      const outcome = await when(t, { query: document, variables: { input: { ...torinoPractice('Torino Open Data'), topics: [42] } }, token: torino });
      expect(outcome.data).toBeUndefined();
      messages.push(outcome.errors!.map((error) => error.message).join('; '));
      expect(outcome.newEvents).toEqual([]);
    }
    expect(messages[0]).toMatch(/String cannot represent a non string value: 42/);
    expect(new Set(messages).size).toBe(1);
  });
});
