import { GraphQLNonNull, GraphQLObjectType, isObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../../schema/index.js';
import { useTestApp } from '../support/testApp.js';
import { mutate, query, torinoPractice } from '../support/api.js';

// Issue 13, item 12: a restricted field withholds only itself, never the answer around it.

const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

/** Fields with their own scopes, on every object type that is not a root. */
function restrictedFields() {
  const schema = buildSchema();
  const found: { field: string; nullable: boolean }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || ROOTS.has(type.name) || type.name.startsWith('__')) continue;
    for (const field of Object.values((type as GraphQLObjectType).getFields())) {
      const options = field.extensions?.pothosOptions as { authScopes?: unknown } | undefined;
      if (options?.authScopes === undefined) continue;
      found.push({ field: `${type.name}.${field.name}`, nullable: !(field.type instanceof GraphQLNonNull) });
    }
  }
  return found;
}

describe('restricted fields on the types of the schema', () => {
  it('are all nullable, so that withholding one leaves the rest of the answer', () => {
    const fields = restrictedFields();
    expect(fields.map((f) => f.field)).toContain('GoodPractice.contact');
    expect(fields.filter((f) => !f.nullable).map((f) => f.field)).toEqual([]);
  });
});

describe('a public answer with a restricted field', () => {
  const t = useTestApp();
  beforeAll(async () => {
    const coordinator = await t.token('cityCoordinator', { subject: 'coordinator:torino', cityIds: ['torino-it'] });
    const proposed = await mutate(t, 'proposePractice', torinoPractice(), coordinator);
    expect(proposed.__typename, JSON.stringify(proposed)).toBe('ProposePracticePayload');
  });

  it('keeps the public fields and withholds only the restricted one from the public', async () => {
    const res = await t.gql(`{ goodPractices(first: 5) { nodes { title contact { name } } } }`);
    expect(res.data).toEqual({ goodPractices: { nodes: [{ title: 'Torino Social Impact', contact: null }] } });
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const signedIn = await query(t, `{ goodPractices(first: 5) { nodes { contact { name } } } }`, {}, await t.token('leadExpert'));
    expect(signedIn.goodPractices.nodes).toEqual([{ contact: { name: 'Anna Rossi' } }]);
  });
});
