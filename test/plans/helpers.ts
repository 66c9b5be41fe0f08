import { expect } from 'vitest';
import type { TestApp } from '../support/testApp.js';

export const ERR = `... on Error { __typename code message } ... on InputValidationError { issues { path message } }`;

/** A mutation with its payload fields, returning typed errors as data. */
export async function mutate(t: TestApp, name: string, input: Record<string, unknown>, token: string | undefined, fields = 'aggregateId revision') {
  const type = name.charAt(0).toUpperCase() + name.slice(1);
  const res = await t.gql(`mutation($input: ${type}Input!) { ${name}(input: $input) { __typename ... on ${type}Payload { ${fields} } ${ERR} } }`, { input }, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data![name] as Record<string, any>;
}

/** Registers a network of the kind with partners; returns its id. */
export async function network(
  t: TestApp,
  secretariat: string,
  kind: string,
  partners: [string, string, string][],
  name = `Net ${kind} ${Math.random()}`,
  occurredAt?: string,
) {
  const created = await mutate(
    t,
    'registerNetwork',
    { name, kind, theme: 'Social innovation and impact finance', topics: ['social innovation'], startDate: '2015-09-01', endDate: '2030-05-31', occurredAt },
    secretariat,
  );
  const networkId = created.aggregateId as string;
  for (const [cityId, cityName, country] of partners) {
    const joined = await mutate(t, 'joinNetwork', { networkId, cityId, name: cityName, country, newcomer: country === 'HU', occurredAt }, secretariat);
    expect(joined.__typename).toBe('JoinNetworkPayload');
  }
  return networkId;
}

/** Asserts the mutation was refused with the typed error and wrote nothing. */
export async function refused(t: TestApp, typename: string, run: () => Promise<Record<string, any>>) {
  const before = await t.app.store.headPosition();
  const result = await run();
  expect(result.__typename, JSON.stringify(result)).toBe(typename);
  expect(await t.app.store.headPosition()).toEqual(before);
  return result;
}

/**
 * A query the caller may not run: an error and no data. (The server masks ForbiddenError from
 * query fields as an internal error today: it is not a GraphQLError; the mutation path returns it
 * typed. Either form is accepted here.)
 */
export function expectForbidden(res: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }, field: string) {
  expect(res.errors, 'expected an error').toBeDefined();
  expect(res.data?.[field] ?? null).toBeNull();
  expect(['FORBIDDEN', 'INTERNAL_SERVER_ERROR', undefined]).toContain(res.errors![0]!.extensions?.code);
}
