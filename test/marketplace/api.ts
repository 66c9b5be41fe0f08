import { expect } from 'vitest';
import type { TestApp } from '../support/testApp.js';

/** Helpers the marketplace API tests share: a BoostInno network with partners and tokens. */

export const boostInno = {
  name: 'BoostInno',
  kind: 'actionPlanning',
  theme: 'Boosting social innovation',
  topics: ['social innovation'],
  startDate: '2015-09-01',
  endDate: '2018-05-31',
};

export const partners = [
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
  coordinator: (cityId: string) => Promise<string>;
}

/** Registers BoostInno with its lead expert (expert:peter) and partners. */
export async function boostInnoNetwork(t: TestApp, name = 'BoostInno'): Promise<Fixture> {
  const secretariat = await t.token('secretariat');
  const registered = await t.gql(
    `mutation($input: RegisterNetworkInput!) { registerNetwork(input: $input) { ... on RegisterNetworkPayload { aggregateId } ... on Error { code message } } }`,
    { input: { ...boostInno, name } },
    secretariat,
  );
  const networkId = registered.data!.registerNetwork.aggregateId as string;
  expect(networkId).toBeTruthy();
  await t.gql(
    `mutation($input: AssignLeadExpertInput!) { assignLeadExpert(input: $input) { __typename } }`,
    { input: { networkId, subject: 'expert:peter', name: 'Peter Wolkowinski' } },
    secretariat,
  );
  for (const partner of partners) {
    const joined = await t.gql(
      `mutation($input: JoinNetworkInput!) { joinNetwork(input: $input) { __typename ... on Error { code message } } }`,
      { input: { networkId, ...partner } },
      secretariat,
    );
    expect(joined.data!.joinNetwork.__typename).toBe('JoinNetworkPayload');
  }
  return {
    networkId,
    secretariat,
    expert: await t.token('leadExpert', { subject: 'expert:peter' }),
    coordinator: (cityId) => t.token('cityCoordinator', { subject: `coordinator:${cityId}`, cityIds: [cityId] }),
  };
}

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
