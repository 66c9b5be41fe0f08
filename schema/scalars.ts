import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphQLDate, GraphQLDateTime } from 'graphql-scalars';
import { builder } from './builder.js';

/**
 * `Date` (a calendar day, YYYY-MM-DD) and `DateTime` (an RFC 3339 moment, answered in UTC), from
 * graphql-scalars: their names, descriptions, `@specifiedBy` links and output checks (a read model
 * that held a malformed date would be an error, never a wrong answer). On input they take the
 * string and leave its checks to the field's zod schema, the one source of truth of every input:
 * a day that does not exist in a mutation input is then a typed InputValidationError naming the
 * field, like any other bad value, instead of a GraphQL error that names none.
 */
function stringInput(scalar: GraphQLScalarType, note: string): GraphQLScalarType {
  const config = scalar.toConfig();
  const refuse = () => new GraphQLError(`${scalar.name} must be a string, e.g. ${scalar.name === 'Date' ? '"2016-06-01"' : '"2016-06-01T12:00:00Z"'}.`);
  return new GraphQLScalarType<unknown, unknown>({
    ...config,
    description: `${config.description ?? ''} ${note}`.trim(),
    parseValue: (value) => {
      if (typeof value !== 'string') throw refuse();
      return value;
    },
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) throw refuse();
      return ast.value;
    },
  });
}

builder.addScalarType(
  'Date',
  stringInput(GraphQLDate, 'Inputs are checked by the field they are given to (a typed InputValidationError names a bad one).'),
);
builder.addScalarType(
  'DateTime',
  stringInput(
    GraphQLDateTime,
    'Inputs may carry any offset (answers are in UTC) and are checked by the field they are given to. The `asOf` and `knownAt` arguments also take a Date: the end of that day in UTC (2016-06-01 means 2016-06-01T23:59:59.999Z).',
  ),
);
