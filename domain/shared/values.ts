import { z } from 'zod';

/** Shared value schemas: one definition each, used by commands, events and the API. */

export const IsoDate = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
export const IsoDateTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });

// Control characters (NUL, escape sequences…) have no place in text people read; tabs and newlines do.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const printable = (value: string) => !CONTROL_CHARACTERS.test(value);

export const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine(printable, 'must not contain control characters');
export const OptionalText = (max: number) =>
  z.string().trim().max(max, `must be at most ${max} characters`).refine(printable, 'must not contain control characters');

/** Topics are short lowercase keywords ("social impact", "impact finance"). */
export const Topic = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'a topic needs at least 2 characters')
  .max(60, 'a topic is at most 60 characters');
export const Topics = z.array(Topic).max(30, 'at most 30 topics').transform((topics) => [...new Set(topics)]);

/** ISO 3166-1 alpha-2 country code, upper case. */
export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as IT');

export const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an id (ULID)');

/** Subjects identify people across tokens and events ("expert:peter-wolkowinski"). */
export const Subject = z
  .string()
  .trim()
  .min(3)
  .max(120)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9._:@-]*$/, 'must be a subject id such as expert:peter-wolkowinski');

/**
 * Cities are identified by a stable natural key, `<name>-<country>` in lowercase ASCII
 * ("torino-it", "alba-iulia-ro"): the same city across networks, in tokens and in seeds.
 */
export const CityId = z
  .string()
  .trim()
  .toLowerCase()
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*-[a-z]{2}$/, 'must be a city id such as torino-it (name, dash, country code)');
