import { isObjectType, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../schema/index.js';

const optionsOf = (thing: { extensions?: unknown }) =>
  ((thing.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions ?? {}) as { authScopes?: unknown };

describe('every entry point declares who may use it', () => {
  const schema = buildSchema();

  it('each query, mutation and subscription field has authScopes (node/nodes check the type)', () => {
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(
      (t): t is GraphQLObjectType => t != null,
    );
    const missing = roots.flatMap((root) =>
      Object.values(root.getFields())
        .filter((field) => !(root.name === 'Query' && ['node', 'nodes'].includes(field.name)))
        .filter((field) => optionsOf(field).authScopes === undefined)
        .map((field) => `${root.name}.${field.name}`),
    );
    expect(missing).toEqual([]);
  });

  it('each Relay node type has type-level authScopes, so node(id:) cannot bypass them', () => {
    const nodes = Object.values(schema.getTypeMap()).filter(
      (t): t is GraphQLObjectType => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node'),
    );
    expect(nodes.length).toBeGreaterThan(10);
    expect(nodes.filter((t) => optionsOf(t).authScopes === undefined).map((t) => t.name)).toEqual([]);
  });
});
