import { describe, expect, it } from 'vitest';
import { operationLimits } from '../../src/server/operationLimits.js';
import { useTestApp, startTestApp, type TestApp } from '../support/testApp.js';

async function post(t: TestApp, body: string, headers: Record<string, string> = {}) {
  return fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

describe('API hardening', () => {
  const t = useTestApp();

  it('refuses queries deeper (and so costlier) than the limits before running them', async () => {
    const deep = `{ ${'node(id: "x") { ... on Network { '.repeat(operationLimits.maxDepth)} name ${'} }'.repeat(operationLimits.maxDepth)} }`;
    const res = await post(t, JSON.stringify({ query: deep }));
    const body = (await res.json()) as { errors: { message: string }[] };
    // The depth limit refuses it while validating (the cost is counted after validation, with the variables).
    expect(body.errors[0]!.message).toMatch(new RegExp(`nests \\d+ levels \\(at most ${operationLimits.maxDepth}\\)`));
    const shallow = await post(t, JSON.stringify({ query: '{ ledger { store } }' }));
    expect(((await shallow.json()) as { data: unknown }).data).toEqual({ ledger: { store: 'sqlite' } });
  });

  it('refuses too many aliases and too many tokens', async () => {
    const aliases = `{ ${Array.from({ length: operationLimits.maxAliases + 5 }, (_, i) => `a${i}: ledger { store }`).join(' ')} }`;
    const aliased = (await (await post(t, JSON.stringify({ query: aliases }))).json()) as { errors: { message: string }[] };
    expect(aliased.errors[0]!.message).toMatch(/alias/i);
    const tokens = `{ ledger { ${'store '.repeat(operationLimits.maxTokens)} } }`;
    const tokenized = (await (await post(t, JSON.stringify({ query: tokens }))).json()) as { errors: { message: string }[] };
    expect(tokenized.errors[0]!.message).toMatch(/token/i);
  });

  it('refuses a body over the size limit with 413 without reading it', async () => {
    const huge = JSON.stringify({ query: '{ ledger { store } }', variables: { pad: 'x'.repeat(2 * 1024 * 1024) } });
    const res = await post(t, huge);
    expect(res.status).toBe(413);
  });

  it('refuses a body sent without its length (chunked) with 411, before reading it', async () => {
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify({ query: '{ ledger { store } }' })));
        controller.close();
      },
    });
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(411);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('LENGTH_REQUIRED');
  });

  it('requires a CSRF header on requests a browser could send cross-site', async () => {
    const url = `${t.url}/graphql?query=${encodeURIComponent('{ ledger { store } }')}`;
    expect((await fetch(url)).status).toBe(403);
    const withHeader = await fetch(url, { headers: { 'x-graphql-csrf': '1' } });
    expect(withHeader.status).toBe(200);
  });

  it('serves introspection in development and refuses it when turned off', async () => {
    const query = JSON.stringify({ query: '{ __schema { queryType { name } } }' });
    expect(((await (await post(t, query)).json()) as { data: unknown }).data).toBeTruthy();
    const closed = await startTestApp({ INTROSPECTION: 'false', GRAPHIQL: 'false' });
    try {
      const body = (await (await post(closed, query)).json()) as { errors?: unknown[] };
      expect(body.errors?.length).toBeGreaterThan(0);
      const graphiql = await fetch(`${closed.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await graphiql.text()).not.toContain('GraphiQL');
    } finally {
      await closed.close();
    }
  });
});
