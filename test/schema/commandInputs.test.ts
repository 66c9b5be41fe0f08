import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, type GraphQLInputType } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { buildSchema } from '../../schema/index.js';
import { shapeEntries } from '../../schema/inputs.js';
import { useCases } from '../../src/application/index.js';
import { CommandRequestFields } from '../../src/application/useCase.js';

/**
 * Every command mutation's GraphQL input is derived from its use case's zod schema; this keeps
 * the two in step whatever the generator does: same fields, same required ones, same enum values.
 */
const schema = buildSchema();
const mutations = Object.values(schema.getMutationType()!.getFields());

const unwrapList = (type: GraphQLInputType): GraphQLInputType => {
  let current = isNonNullType(type) ? type.ofType : type;
  while (isListType(current)) current = isNonNullType(current.ofType) ? current.ofType.ofType : current.ofType;
  return current;
};

describe('command mutation inputs', () => {
  it('every mutation runs a use case of the same name', () => {
    const missing = mutations.map((field) => field.name).filter((name) => !useCases.has(name));
    expect(missing).toEqual([]);
  });

  for (const mutation of mutations) {
    const useCase = useCases.get(mutation.name);
    if (!useCase) continue; // reported by the test above
    const inputType = mutation.args.find((arg) => arg.name === 'input')!.type;
    const input = getNamedType(inputType);

    it(`${mutation.name}: the GraphQL input and the use case's schema agree`, () => {
      expect(isInputObjectType(input)).toBe(true);
      if (!isInputObjectType(input)) return;
      const graphqlFields = input.getFields();
      const zodFields = new Map<string, z.ZodType>([
        ...(shapeEntries(useCase.input as never) as [string, z.ZodType][]),
        ...(Object.entries(CommandRequestFields) as [string, z.ZodType][]),
      ]);
      expect(Object.keys(graphqlFields).sort()).toEqual([...zodFields.keys()].sort());
      for (const [name, field] of Object.entries(graphqlFields)) {
        const zodField = zodFields.get(name)!;
        const required = !zodField.safeParse(undefined).success;
        expect({ field: name, required: isNonNullType(field.type) }).toEqual({ field: name, required });
        const named = unwrapList(field.type);
        if (isEnumType(named)) {
          const list = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
          const rejected = named
            .getValues()
            .map((value) => value.value as string)
            .filter((value) => !zodField.safeParse(list ? [value] : value).success);
          expect({ field: name, rejected }).toEqual({ field: name, rejected: [] });
        }
      }
    });
  }
});
