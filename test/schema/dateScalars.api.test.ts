import { getNamedType, isInputObjectType, isObjectType, type GraphQLArgument, type GraphQLInputField, type GraphQLField } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../schema/index.js';
import { SET_UP_AT, useNetworkSetup, when } from '../support/api.js';
import { useTestApp } from '../support/testApp.js';

/** Dates are `Date` and `DateTime`, never bare strings; `asOf: "2016-06-01"` is the end of that day in UTC. */

const DATE_NAME = /(^|[a-z])(Date|At|On)$|^(date|asOf|knownAt|from|to)$/;

describe('date scalars in the schema', () => {
  it('types every date field, argument and input field as Date or DateTime', () => {
    const schema = buildSchema();
    const strings: string[] = [];
    const check = (owner: string, item: GraphQLField<unknown, unknown> | GraphQLArgument | GraphQLInputField) => {
      if (DATE_NAME.test(item.name) && getNamedType(item.type).name === 'String') strings.push(`${owner}.${item.name}`);
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          check(type.name, field);
          for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg);
        }
      } else if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) check(type.name, field);
      }
    }
    expect(strings).toEqual([]);
    expect(schema.getType('Date')?.toString()).toBe('Date');
    expect(schema.getType('DateTime')?.toString()).toBe('DateTime');
  });
});

describe('a date alone as a moment', () => {
  const t = useTestApp();
  const n = useNetworkSetup(t); // registered on SET_UP_AT, 2015-09-01T08:00:00Z

  it('answers "BoostInno as of 1 September 2015" with the network registered that morning: the end of the day in UTC', async () => {
    expect(SET_UP_AT).toBe('2015-09-01T08:00:00Z');
    const outcome = await when(t, {
      query: `query($id: ID!) {
        day: network(id: $id, asOf: "2015-09-01") { name startDate }
        dayBefore: network(id: $id, asOf: "2015-08-31") { name }
        midnight: network(id: $id, asOf: "2015-09-01T00:00:00Z") { name } }`,
      variables: { id: n.networkId },
    });
    expect(outcome.errors).toBeUndefined();
    expect(outcome.data).toEqual({ day: { name: 'BoostInno', startDate: '2015-09-01' }, dayBefore: null, midnight: null });
  });

  it('takes a date-time with any offset and answers moments in UTC', async () => {
    const outcome = await when(t, {
      query: `query($id: ID!, $asOf: DateTime) { network(id: $id, asOf: $asOf) { partners { joinedAt } } }`,
      variables: { id: n.networkId, asOf: '2015-09-01T10:30:00+02:00' },
    });
    expect(outcome.errors).toBeUndefined();
    expect(outcome.data!.network.partners[0].joinedAt).toBe('2015-09-01T08:00:00.000Z');
  });

  it('refuses a day that does not exist, saying what a moment must be', async () => {
    const outcome = await when(t, { query: `query($id: ID!) { network(id: $id, asOf: "2015-02-30") { name } }`, variables: { id: n.networkId } });
    expect(outcome.errors?.[0]?.message).toMatch(/must be a date \(YYYY-MM-DD: the end of that day in UTC\) or an ISO 8601 date-time/);
  });
});
