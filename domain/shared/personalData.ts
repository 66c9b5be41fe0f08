import { z } from 'zod';

/**
 * Personal data, marked where it is declared: the event schemas. The log never holds these values
 * in plain text; the event store's personal-data layer seals each of them with the key of its data
 * subject (docs/personal-data.md). Two marks exist, and every person reference goes through one:
 *
 * - `person(objectSchema, { identifiedBy, fields })`: an object that describes one person (a
 *   contact, an attendee, a local-group coordinator). `fields` are sealed with that person's key;
 *   `identifiedBy` names the fields, strongest first, that identify the person (the same e-mail,
 *   token subject or name, in any network, is the same data subject); each is `subject`, `email`
 *   or `name` (the kind of identity is the field's name).
 * - `personRef(stringSchema)`: a string that names one person on its own (a reviewer, a token
 *   subject): sealed with the key of the person it names.
 *
 * `test/dataSubject/inventory.test.ts` fails on a person-shaped field left unmarked.
 */
export interface PersonMark {
  readonly kind: 'person';
  readonly identifiedBy: readonly string[];
  readonly fields: readonly string[];
}
export interface PersonRefMark {
  readonly kind: 'personRef';
  /** What the value is: a token subject (`expert:peter-wolkowinski`) or a person's name. */
  readonly identity: 'subject' | 'name';
}
export type PersonalDataMark = PersonMark | PersonRefMark;

export const personalDataMarks = z.registry<PersonalDataMark>();

export function person<S extends z.ZodObject>(
  schema: S,
  mark: { identifiedBy: readonly ('subject' | 'email' | 'name')[]; fields: readonly (keyof S['shape'] & string)[] },
): S {
  personalDataMarks.add(schema, { kind: 'person', identifiedBy: mark.identifiedBy, fields: mark.fields });
  return schema;
}

export function personRef<S extends z.ZodType>(schema: S, identity: PersonRefMark['identity']): S {
  personalDataMarks.add(schema, { kind: 'personRef', identity });
  return schema;
}

/** What a reader sees of a value whose data subject was erased: stable, and distinct per subject (counts stay right). */
export function erasedPlaceholder(subjectId: string): string {
  return `[erased ${subjectId.slice(-8)}]`;
}

/** Lawful bases (GDPR art. 6) on which the ledger holds a local stakeholder's name. */
export const LawfulBasis = z.enum(['consent', 'publicTask', 'legitimateInterest']);
export type LawfulBasis = z.infer<typeof LawfulBasis>;
