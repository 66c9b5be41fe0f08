import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { person, personRef } from '../../domain/shared/personalData.js';
import { mapPersonalData, type PersonalDataVisitor } from '../../src/personalData/inventory.js';

/** A visitor that upper-cases what the marks name, and records what it was shown. */
function upperCasing() {
  const seen: string[] = [];
  const visitor: PersonalDataVisitor = {
    person: (value, mark) => {
      seen.push(`person ${JSON.stringify(value)}`);
      const mapped = { ...value };
      for (const field of mark.fields) if (typeof value[field] === 'string') mapped[field] = (value[field] as string).toUpperCase();
      return mapped;
    },
    ref: (value) => {
      seen.push(`ref ${String(value)}`);
      return typeof value === 'string' ? value.toUpperCase() : value;
    },
  };
  return { visitor, seen };
}

describe('mapPersonalData: values walked along their schema, marks replaced', () => {
  const Contact = person(z.object({ name: z.string(), email: z.string().optional(), role: z.string() }), { identifiedBy: ['email', 'name'], fields: ['name', 'email'] });
  const Marked = z.object({
    title: z.string(),
    reviewer: personRef(z.string(), 'subject').optional(),
    contacts: z.array(Contact).default([]),
    nested: z.object({ lead: Contact.nullable() }).optional(),
  });
  const Plain = z.object({ title: z.string(), topics: z.array(z.string()), nested: z.object({ note: z.string().nullable() }).optional() });

  it('replaces each marked value, at any depth, through wrappers and arrays', () => {
    const { visitor, seen } = upperCasing();
    const value = {
      title: 'Impact funds',
      reviewer: 'expert:ada',
      contacts: [{ name: 'Ada', email: 'ada@example.eu', role: 'lead' }, { name: 'Bo', role: 'partner' }],
      nested: { lead: { name: 'Cy', role: 'lead' } },
    };
    expect(mapPersonalData(Marked, value, visitor)).toEqual({
      title: 'Impact funds',
      reviewer: 'EXPERT:ADA',
      contacts: [{ name: 'ADA', email: 'ADA@EXAMPLE.EU', role: 'lead' }, { name: 'BO', role: 'partner' }],
      nested: { lead: { name: 'CY', role: 'lead' } },
    });
    expect(seen).toHaveLength(4);
    // The value given is not changed in place.
    expect(value.contacts[0]!.name).toBe('Ada');
  });

  it('returns the value itself when its schema marks nothing, or its marked parts are absent', () => {
    const { visitor, seen } = upperCasing();
    const plain = { title: 'Impact funds', topics: ['finance'], nested: { note: 'n' } };
    expect(mapPersonalData(Plain, plain, visitor)).toBe(plain);
    const unmarkedParts = { title: 'Impact funds', contacts: [], nested: { lead: null } };
    expect(mapPersonalData(Marked, unmarkedParts, visitor)).toBe(unmarkedParts);
    expect(seen).toEqual([]);
  });
});
