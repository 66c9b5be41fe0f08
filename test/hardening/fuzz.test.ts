import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../schema/index.js';
import { useTestApp } from '../support/testApp.js';

/**
 * Values that are wrong for a field of a given GraphQL type whatever it means: wrong JSON types,
 * nulls, empty or oversized text, control characters, and (for dates) impossible dates.
 */
function wrongValues(type: GraphQLInputType, fieldName = ''): unknown[] {
  const named = getNamedType(type);
  const list = isListType(isNonNullType(type) ? type.ofType : type);
  const huge = 'x'.repeat(200_000);
  const common: unknown[] = [null, { nested: { deeper: [1, 2, { x: 'y' }] } }, huge];
  if (list) common.push('not a list', [huge], Array.from({ length: 5000 }, () => 'topic'));
  if (isEnumType(named)) return [...common, 'NOT_A_VALUE', 42, ''];
  if (isScalarType(named)) {
    switch (named.name) {
      case 'Int':
        return [...common, 'abc', 1.5, 2 ** 40, -99, ''];
      case 'Boolean':
        return [...common, 'yes', 2];
      case 'ID':
        return [...common, '', '!!not an id!!', '../../etc/passwd', 'TmV0d29yazpub3QtYS11bGlk', 12, `${'A'.repeat(26)}x`];
      default: {
        const text = [...common, '', '   ', 12, true, 'nul\u0000byte'];
        return /date|At$|asOf/i.test(fieldName) ? [...text, '2020-13-45', 'not-a-date'] : text;
      }
    }
  }
  return common;
}

interface MutationCase {
  mutation: string;
  inputType: string;
  input: unknown;
}

function malformedCases(): MutationCase[] {
  const schema = buildSchema();
  const mutations = Object.values(schema.getMutationType()!.getFields());
  const cases: MutationCase[] = [];
  for (const field of mutations) {
    const arg = field.args.find((a) => a.name === 'input');
    if (!arg) continue;
    const inputType = getNamedType(arg.type);
    if (!isInputObjectType(inputType)) continue;
    const fields = Object.values(inputType.getFields());
    cases.push({ mutation: field.name, inputType: inputType.name, input: {} });
    // Every field wrong at once, one kind of wrongness per case.
    const wrong = new Map(fields.map((f) => [f.name, wrongValues(f.type, f.name)]));
    const width = Math.max(...[...wrong.values()].map((values) => values.length));
    for (let k = 0; k < width; k++) {
      cases.push({
        mutation: field.name,
        inputType: inputType.name,
        input: Object.fromEntries(fields.map((f) => [f.name, wrong.get(f.name)![k % wrong.get(f.name)!.length]])),
      });
    }
    // Each field alone wrong (others missing), and random JSON for the whole input.
    for (const f of fields) {
      for (const value of wrong.get(f.name)!) cases.push({ mutation: field.name, inputType: inputType.name, input: { [f.name]: value } });
    }
    for (const value of fc.sample(fc.jsonValue(), { seed: 42, numRuns: 15 })) {
      cases.push({ mutation: field.name, inputType: inputType.name, input: value });
    }
  }
  return cases;
}

describe('fuzz: thousands of malformed inputs', () => {
  const t = useTestApp();

  it('never answers 5xx, never crashes, never writes, always explains', async () => {
    const cases = malformedCases();
    expect(cases.length).toBeGreaterThan(200);
    console.info(`fuzz: ${cases.length} malformed mutation inputs over ${new Set(cases.map((c) => c.mutation)).size} mutations`);
    const before = await t.app.store.headPosition();
    const failures: string[] = [];
    let sent = 0;
    const send = async (c: MutationCase) => {
      const query = `mutation($input: ${c.inputType}!) { ${c.mutation}(input: $input) { __typename ... on Error { code message } } }`;
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.secretariat}` },
        body: JSON.stringify({ query, variables: { input: c.input } }),
      });
      sent++;
      const text = await response.text();
      if (response.status >= 500) return failures.push(`${c.mutation}: HTTP ${response.status} ${text.slice(0, 200)}`);
      if (response.status === 413) return;
      const body = JSON.parse(text) as { data?: Record<string, { __typename: string; message?: string }>; errors?: { message: string }[] };
      const result = body.data?.[c.mutation];
      const explained =
        (body.errors?.length ?? 0) > 0 ? body.errors!.every((e) => e.message && e.message !== 'Unexpected error.') : result?.message;
      if (!explained) failures.push(`${c.mutation}: unexplained ${text.slice(0, 300)} for ${JSON.stringify(c.input).slice(0, 200)}`);
      if (result && !result.message) failures.push(`${c.mutation}: accepted ${JSON.stringify(c.input).slice(0, 200)}`);
    };
    const queue = [...cases];
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let c = queue.shift(); c; c = queue.shift()) await send(c);
      }),
    );
    // Garbage bodies and hostile queries.
    const raw = ['{', 'null', '[]', '{"query": 5}', '{"query": "mutation { registerNetwork }"}', JSON.stringify({ query: 'x'.repeat(10_000) })];
    for (const body of raw) {
      const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status, body.slice(0, 40)).toBeLessThan(500);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(sent).toBe(cases.length);
    expect(await t.app.store.headPosition()).toEqual(before);
    const alive = await t.gql(`{ ledger { store } }`);
    expect(alive.data).toEqual({ ledger: { store: 'sqlite' } });
  }, 120_000);
});
