import { randomUUID } from 'node:crypto';
import { ulid } from 'ulid';
import { expect } from 'vitest';
import { networkDecider } from '../../domain/network/decider.js';
import { streamIdOf } from '../../domain/shared/decider.js';
import type { DomainEvent } from '../../domain/shared/decider.js';
import type { RecordedEvent } from '../../src/eventStore/port.js';
import { boostInnoRegistration } from './boostInno.js';
import { setUpBeforeAll, type TestApp } from './testApp.js';

/**
 * The one helper module of the API specs: a running server on a fresh store (`startTestApp`),
 * then given (events already in the log) / when (a GraphQL request) / then (the response and the
 * events it added), plus the fixtures the specs share.
 */

// ------------------------------------------------------------------ given / when / then

/** Events of one stream, as the domain records them (`{ type, data }`). */
export interface GivenStream {
  readonly streamId: string;
  readonly events: readonly DomainEvent[];
  /** When they happened (occurredAt and recordedAt of every event); defaults to now. */
  readonly at?: string;
}

export interface Request {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly token?: string;
}

export interface Outcome {
  readonly status: number;
  readonly data: Record<string, any> | undefined;
  readonly errors: { message: string; extensions?: Record<string, unknown> }[] | undefined;
  /** The events the request appended to the log, in order. */
  readonly newEvents: readonly RecordedEvent[];
}

/** Appends history straight to the log (as if earlier commands had recorded it) and waits for the read models. */
export async function given(t: TestApp, history: readonly GivenStream[]): Promise<void> {
  for (const stream of history) {
    const at = stream.at ?? new Date().toISOString();
    await t.app.store.appendToStream(
      stream.streamId,
      stream.events.map((event) => ({
        id: randomUUID(),
        type: event.type,
        data: event.data,
        metadata: {
          actor: 'test:given',
          role: 'secretariat',
          recordedAt: at,
          occurredAt: at,
          commandId: randomUUID(),
          correlationId: randomUUID(),
          causationId: randomUUID(),
        },
      })),
    );
  }
  await t.app.projections.waitFor(await t.app.store.headPosition());
}

/**
 * A network's history as given streams: BoostInno registered with Torino and Gdansk as partners,
 * optionally its lead expert and its closing; `networkId` is a new id unless given.
 */
export function networkHistory(options: { networkId?: string; leadExpert?: string; closed?: boolean; at?: string } = {}) {
  const networkId = options.networkId ?? ulid();
  const stream: GivenStream = {
    streamId: streamIdOf(networkDecider.category, networkId),
    ...(options.at ? { at: options.at } : {}),
    events: [
      { type: 'NetworkRegistered', data: { ...boostInnoRegistration, topics: [...boostInnoRegistration.topics] } },
      ...['torino-it', 'gdansk-pl'].map((cityId) => ({
        type: 'PartnerJoined',
        data: { cityId, name: cityId, country: cityId.slice(-2).toUpperCase(), partnerKind: 'city', role: 'partner', newcomer: false },
      })),
      ...(options.leadExpert ? [{ type: 'LeadExpertAssigned', data: { subject: options.leadExpert, name: 'Lead Expert', replaces: null } }] : []),
      ...(options.closed ? [{ type: 'NetworkClosed', data: { reason: 'ended' } }] : []),
    ],
  };
  return { networkId, stream };
}

/** Sends one GraphQL request and collects the response with the events it appended. */
export async function when(t: TestApp, request: Request): Promise<Outcome> {
  const before = await t.app.store.headPosition();
  const response = await t.gql(request.query, request.variables, request.token);
  const newEvents = await t.app.store.readAll({ fromPosition: before, maxCount: 10_000 });
  return { status: response.status, data: response.data, errors: response.errors, newEvents };
}

/** The types of the events an outcome appended (the usual "then" on the log). */
export const eventTypes = (outcome: Outcome) => outcome.newEvents.map((event) => event.type);

// ------------------------------------------------------------------ mutations and queries

/** Result of a command mutation: the payload fields, or a typed error. */
export type MutationResult = Record<string, any> & { __typename: string; code?: string };

const ERROR_FIELDS = `... on Error { code message } ... on InputValidationError { issues { path message } }`;

/**
 * The document of a command mutation (variable `$input`) that reads `payload` from its payload type,
 * and every typed error with the issues of an InputValidationError.
 */
export function commandDocument(name: string, payload: string): string {
  const type = name.charAt(0).toUpperCase() + name.slice(1);
  return `mutation($input: ${type}Input!) { ${name}(input: $input) { __typename
    ... on ${type}Payload { ${payload} }
    ${ERROR_FIELDS} } }`;
}

/** Runs a command mutation and returns its payload or typed error (never a GraphQL error). */
export async function mutate(
  t: TestApp,
  name: string,
  input: Record<string, unknown>,
  token?: string,
  fields = '',
): Promise<MutationResult> {
  const res = await t.gql(commandDocument(name, `aggregateId revision replayed ${fields}`), { input }, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data![name] as MutationResult;
}

/** Expects `run` to be refused with the typed error, and the log to be unchanged. */
export async function refused(t: TestApp, typename: string, run: () => Promise<MutationResult>, code?: string): Promise<MutationResult> {
  const before = await t.app.store.headPosition();
  const result = await run();
  expect(result.__typename, JSON.stringify(result)).toBe(typename);
  if (code) expect(result.code).toBe(code);
  expect(await t.app.store.headPosition()).toEqual(before);
  return result;
}

/** Expects the mutation to fail with the typed error and to write nothing to the log. */
export function expectRefused(
  t: TestApp,
  name: string,
  input: Record<string, unknown>,
  token: string | undefined,
  typename: 'InputValidationError' | 'ForbiddenError' | 'RuleViolationError' | 'NotFoundError',
  code?: string,
): Promise<MutationResult> {
  return refused(t, typename, () => mutate(t, name, input, token), code);
}

/** The paths (last segment) an InputValidationError names. */
export const issuePaths = (result: MutationResult): string[] =>
  (result.issues as { path: string[] }[]).map((issue) => issue.path.at(-1)!);

/** Reads a query and fails on GraphQL errors. */
export async function query(t: TestApp, source: string, variables: Record<string, unknown> = {}, token?: string): Promise<Record<string, any>> {
  const res = await t.gql(source, variables, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

/** The error codes of a query's GraphQL errors. */
export async function queryErrors(t: TestApp, source: string, variables: Record<string, unknown>, token?: string): Promise<string[]> {
  const res = await t.gql(source, variables, token);
  return (res.errors ?? []).map((e) => String(e.extensions?.code ?? e.message));
}

/**
 * A query the caller may not run: an error and no data. (Query fields report ForbiddenError as
 * FORBIDDEN; either that or a masked error is accepted here.)
 */
export function expectForbidden(
  res: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] },
  field: string,
) {
  expect(res.errors, 'expected an error').toBeDefined();
  expect(res.data?.[field] ?? null).toBeNull();
  expect(['FORBIDDEN', 'INTERNAL_SERVER_ERROR', undefined]).toContain(res.errors![0]!.extensions?.code);
}

export const pause = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

// ------------------------------------------------------------------ networks

type Partner = { cityId: string; name: string; country: string; role?: string; newcomer?: boolean };

/** Registers a network as the secretariat, then its lead expert (when given), then its partners; returns its id. */
export async function registerNetworkWithPartners(
  t: TestApp,
  secretariat: string,
  network: Record<string, unknown>,
  partners: readonly Partner[],
  options: { occurredAt?: string; expertSubject?: string } = {},
): Promise<string> {
  const { occurredAt, expertSubject } = options;
  const registered = await mutate(t, 'registerNetwork', { ...network, ...(occurredAt ? { occurredAt } : {}) }, secretariat);
  expect(registered.__typename, JSON.stringify(registered)).toBe('RegisterNetworkPayload');
  const networkId = registered.aggregateId as string;
  if (expertSubject) await assignLeadExpert(t, secretariat, networkId, expertSubject, occurredAt);
  for (const partner of partners) {
    const joined = await mutate(t, 'joinNetwork', { networkId, ...partner, ...(occurredAt ? { occurredAt } : {}) }, secretariat);
    expect(joined.__typename, JSON.stringify(joined)).toBe('JoinNetworkPayload');
  }
  return networkId;
}

async function assignLeadExpert(t: TestApp, secretariat: string, networkId: string, subject: string, occurredAt?: string) {
  const assigned = await mutate(
    t,
    'assignLeadExpert',
    { networkId, subject, name: 'Peter Wolkowinski', ...(occurredAt ? { occurredAt } : {}) },
    secretariat,
  );
  expect(assigned.__typename).toBe('AssignLeadExpertPayload');
}

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
  const { secretariat } = t;
  const subject = `expert:${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const networkId = await registerNetworkWithPartners(
    t,
    secretariat,
    { ...boostInnoRegistration, name },
    [
      { cityId: 'torino-it', name: 'Torino', country: 'IT', role: 'leadPartner' },
      { cityId: 'gdansk-pl', name: 'Gdansk', country: 'PL' },
      { cityId: 'barcelona-es', name: 'Barcelona', country: 'ES' },
    ],
    { occurredAt: SET_UP_AT, expertSubject: subject },
  );
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

/** BoostInno's five marketplace partners (Gdansk leads). */
export const boostInnoPartners = [
  { cityId: 'gdansk-pl', name: 'Gdansk', country: 'PL', role: 'leadPartner' },
  { cityId: 'torino-it', name: 'Torino', country: 'IT' },
  { cityId: 'strasbourg-fr', name: 'Strasbourg', country: 'FR' },
  { cityId: 'braga-pt', name: 'Braga', country: 'PT' },
  { cityId: 'paris-fr', name: 'Paris', country: 'FR' },
];

export interface Fixture {
  networkId: string;
  secretariat: string;
  expert: string;
  /** Coordinators of the five partners. */
  gdansk: string;
  torino: string;
  strasbourg: string;
  braga: string;
  paris: string;
  coordinator: (cityId: string) => Promise<string>;
}

/** Torino's good practice as its coordinator proposes it, with a contact the public may not read. */
export function torinoPractice(title = 'Torino Social Impact') {
  return {
    cityId: 'torino-it',
    cityName: 'Torino',
    title,
    summary: 'A platform for social impact investment.',
    topics: ['impact funds'],
    results: 'Twelve funds.',
    contact: { name: 'Anna Rossi', email: 'anna@example.org', role: 'Project manager' },
  };
}

/** Registers BoostInno with its lead expert (expert:peter) and five partners, for the marketplace specs. */
export async function boostInnoNetwork(t: TestApp, name = 'BoostInno'): Promise<Fixture> {
  const { secretariat } = t;
  const networkId = await registerNetworkWithPartners(t, secretariat, { ...boostInnoRegistration, name }, boostInnoPartners, {
    expertSubject: 'expert:peter',
  });
  const coordinator = (cityId: string) => t.token('cityCoordinator', { subject: `coordinator:${cityId}`, cityIds: [cityId] });
  return {
    networkId,
    secretariat,
    expert: await t.token('leadExpert', { subject: 'expert:peter' }),
    gdansk: await coordinator('gdansk-pl'),
    torino: await coordinator('torino-it'),
    strasbourg: await coordinator('strasbourg-fr'),
    braga: await coordinator('braga-pt'),
    paris: await coordinator('paris-fr'),
    coordinator,
  };
}

/** BoostInno registered (as boostInnoNetwork does) before the specs of the enclosing describe block. */
export const useBoostInnoNetwork = (t: TestApp): Fixture => setUpBeforeAll(() => boostInnoNetwork(t));

/** BoostInno set up (as setUpNetwork does) before the specs of the enclosing describe block. */
export const useNetworkSetup = (t: TestApp): NetworkSetup => setUpBeforeAll(() => setUpNetwork(t));

/** A network of the kind (2015-09-01 to 2030-05-31) with partners given as [cityId, name, country]; Hungarian cities are newcomers. */
export function network(
  t: TestApp,
  secretariat: string,
  kind: string,
  partners: [string, string, string][],
  name = `Net ${kind} ${Math.random()}`,
  occurredAt?: string,
): Promise<string> {
  return registerNetworkWithPartners(
    t,
    secretariat,
    { name, kind, theme: 'Social innovation and impact finance', topics: ['social innovation'], startDate: '2015-09-01', endDate: '2030-05-31' },
    partners.map(([cityId, cityName, country]) => ({ cityId, name: cityName, country, newcomer: country === 'HU' })),
    occurredAt ? { occurredAt } : {},
  );
}

// ------------------------------------------------------------------ subscriptions

/** Opens a server-sent-events subscription and collects the `next` payloads as they come. */
export async function openSse(t: TestApp, query: string, variables: Record<string, unknown>, token?: string) {
  const controller = new AbortController();
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    signal: controller.signal,
    headers: {
      accept: 'text/event-stream',
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const events: { data?: Record<string, any>; errors?: unknown[] }[] = [];
  let buffer = '';
  const waiters = new Set<() => void>();
  const reading = (async () => {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim();
          const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (event === 'next' && data) events.push(JSON.parse(data));
          for (const wake of waiters) wake();
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    events,
    /** Waits until `count` events arrived (or fails after `ms`). */
    async waitFor(count: number, ms = 5000) {
      const deadline = Date.now() + ms;
      while (events.length < count) {
        if (Date.now() > deadline) throw new Error(`only ${events.length} of ${count} events arrived`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            resolve();
          };
          waiters.add(wake);
          setTimeout(wake, 50);
        });
      }
      return events;
    },
    async close() {
      controller.abort();
      await reading;
    },
  };
}
