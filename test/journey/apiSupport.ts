import { expect } from 'vitest';
import type { TestApp } from '../support/testApp.js';

/** Result of a command mutation: the payload fields, or a typed error. */
export type MutationResult = Record<string, any> & { __typename: string; code?: string };

/** Runs a command mutation and returns its payload or typed error (never a GraphQL error). */
export async function mutate(t: TestApp, name: string, input: Record<string, unknown>, token?: string, fields = ''): Promise<MutationResult> {
  const type = name.charAt(0).toUpperCase() + name.slice(1);
  const res = await t.gql(
    `mutation($input: ${type}Input!) { ${name}(input: $input) { __typename
      ... on ${type}Payload { aggregateId revision replayed ${fields} }
      ... on Error { code message }
      ... on InputValidationError { issues { path message } } } }`,
    { input },
    token,
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data![name] as MutationResult;
}

/** Expects the mutation to fail with the typed error and to write nothing to the log. */
export async function expectRefused(
  t: TestApp,
  name: string,
  input: Record<string, unknown>,
  token: string | undefined,
  typename: 'InputValidationError' | 'ForbiddenError' | 'RuleViolationError' | 'NotFoundError',
  code?: string,
): Promise<MutationResult> {
  const before = await t.app.store.headPosition();
  const result = await mutate(t, name, input, token);
  expect(result.__typename, JSON.stringify(result)).toBe(typename);
  if (code) expect(result.code).toBe(code);
  expect(await t.app.store.headPosition()).toEqual(before);
  return result;
}

/** The paths (last segment) an InputValidationError names. */
export const issuePaths = (result: MutationResult): string[] =>
  (result.issues as { path: string[] }[]).map((issue) => issue.path.at(-1)!);

export interface NetworkSetup {
  networkId: string;
  secretariat: string;
  /** The assigned lead expert. */
  expert: string;
  /** A lead expert of some other network. */
  otherExpert: string;
  /** Coordinators of Torino (lead partner), Gdansk and Barcelona, and of Lviv (not a partner). */
  torino: string;
  gdansk: string;
  barcelona: string;
  lviv: string;
}

/**
 * Registers BoostInno (2015-09-01 to 2018-05-31) with its lead expert and three partners, all
 * recorded as having happened on 2015-09-01 (so "as of" queries in 2015-2018 see the network).
 */
export const SET_UP_AT = '2015-09-01T08:00:00Z';

export async function setUpNetwork(t: TestApp, name = 'BoostInno'): Promise<NetworkSetup> {
  const secretariat = await t.token('secretariat');
  const registered = await mutate(
    t,
    'registerNetwork',
    { name, kind: 'actionPlanning', theme: 'Boosting social innovation', topics: ['social innovation'], startDate: '2015-09-01', endDate: '2018-05-31', occurredAt: SET_UP_AT },
    secretariat,
  );
  const networkId = registered.aggregateId as string;
  const subject = `expert:${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  expect((await mutate(t, 'assignLeadExpert', { networkId, subject, name: 'Peter Wolkowinski', occurredAt: SET_UP_AT }, secretariat)).__typename).toBe(
    'AssignLeadExpertPayload',
  );
  for (const partner of [
    { cityId: 'torino-it', name: 'Torino', country: 'IT', role: 'leadPartner' },
    { cityId: 'gdansk-pl', name: 'Gdansk', country: 'PL' },
    { cityId: 'barcelona-es', name: 'Barcelona', country: 'ES' },
  ]) {
    expect((await mutate(t, 'joinNetwork', { networkId, ...partner, occurredAt: SET_UP_AT }, secretariat)).__typename).toBe('JoinNetworkPayload');
  }
  return {
    networkId,
    secretariat,
    expert: await t.token('leadExpert', { subject }),
    otherExpert: await t.token('leadExpert', { subject: 'expert:someone-else' }),
    torino: await t.token('cityCoordinator', { subject: 'coordinator:torino', cityIds: ['torino-it'] }),
    gdansk: await t.token('cityCoordinator', { subject: 'coordinator:gdansk', cityIds: ['gdansk-pl'] }),
    barcelona: await t.token('cityCoordinator', { subject: 'coordinator:barcelona', cityIds: ['barcelona-es'] }),
    lviv: await t.token('cityCoordinator', { subject: 'coordinator:lviv', cityIds: ['lviv-ua'] }),
  };
}

/** Reads a query and fails on GraphQL errors. */
export async function query(t: TestApp, source: string, variables: Record<string, unknown>, token?: string): Promise<Record<string, any>> {
  const res = await t.gql(source, variables, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

/** The error codes of a query's GraphQL errors. */
export async function queryErrors(t: TestApp, source: string, variables: Record<string, unknown>, token?: string): Promise<string[]> {
  const res = await t.gql(source, variables, token);
  return (res.errors ?? []).map((e) => String(e.extensions?.code ?? e.message));
}

export const pause = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));
