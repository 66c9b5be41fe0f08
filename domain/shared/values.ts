import { z } from 'zod';

/** Shared value schemas: one definition each, used by commands, events and the API. */

export const IsoDate = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
export const IsoDateTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });

/**
 * A moment of an `asOf` or `knownAt` argument: a DateTime, or a Date meaning the end of that day in
 * UTC (2016-06-01 is 2016-06-01T23:59:59.999Z): "as of 1 June" includes what happened that day,
 * and the same date gives the same answer whoever asks, whatever their time zone (README, "Dates").
 */
export const Moment = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (IsoDate.safeParse(value).success) return `${value}T23:59:59.999Z`;
    if (IsoDateTime.safeParse(value).success) return value;
    ctx.addIssue({ code: 'custom', message: 'must be a date (YYYY-MM-DD: the end of that day in UTC) or an ISO 8601 date-time' });
    return z.NEVER;
  });

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

/**
 * How exactly the world knows a date: the day, only the month, or only the year. A date of
 * precision `month` or `year` is a period: its first and last days, e.g. "September 2017" is
 * 2017-09-01..2017-09-30. A season ("spring 2018") is not a precision of its own: seasons differ by
 * convention and hemisphere, and no source document uses one; it is a month-precise span
 * (2018-03-01..2018-05-31) with the source's wording kept beside it.
 */
export const DatePrecision = z.enum(['day', 'month', 'year']);
export type DatePrecision = z.infer<typeof DatePrecision>;

/**
 * The precision of a command's date: left out, or `day`, becomes undefined, so day-precise dates
 * record events exactly as before precision existed.
 */
export const DatePrecisionInput = (description: string) =>
  DatePrecision.nullish()
    .transform((p) => (p && p !== 'day' ? p : undefined))
    .describe(description);

/** The date as the source words it (`example` shows one), kept beside an approximate date; empty is left out. */
export const DateWording = (example: string) =>
  OptionalText(200)
    .nullish()
    .transform((w) => (w ? w : undefined))
    .describe(`The date as the source words it, e.g. ${example}.`);

/** The last day of a date's (or a month's) month: "2017-09-14" or "2017-09" -> "2017-09-30". */
export function lastDayOfMonth(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return `${date.slice(0, 7)}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
}

/**
 * What is wrong with a period of that precision, or null: a month-precise period runs from the first
 * day of a month to the last day of a month; a year-precise one from 1 January to 31 December.
 */
export function periodProblem(startDate: string, endDate: string, precision: DatePrecision): string | null {
  if (precision === 'month') {
    if (!startDate.endsWith('-01')) return 'a month-precise date starts on the first day of its month';
    if (endDate !== lastDayOfMonth(endDate)) return 'a month-precise date ends on the last day of its month';
  }
  if (precision === 'year') {
    if (!startDate.endsWith('-01-01')) return 'a year-precise date starts on 1 January';
    if (!endDate.endsWith('-12-31')) return 'a year-precise date ends on 31 December';
  }
  return null;
}

/**
 * The day a dated thing sorts on. A day-precise one sorts on its first day; an approximate one on
 * the last day of its period: "October 2016" comes after every day-precise date of October 2016 and
 * before November, since it is only certain by then (the same rule as "as of" answers, which count
 * it from the end of its period).
 */
export function sortDate(startDate: string, endDate: string, precision: DatePrecision | undefined): string {
  return !precision || precision === 'day' ? startDate : endDate;
}

/**
 * What is wrong with a single date of that precision, or null. A month- or year-precise date (an
 * endorsement "in 2018") is recorded on the last day of its period: the day it is certain by, so
 * "as of" answers never show it before it may have happened.
 */
export function dayProblem(date: string, precision: DatePrecision): string | null {
  if (precision === 'month' && date !== lastDayOfMonth(date)) return 'a month-precise date is recorded on the last day of its month';
  if (precision === 'year' && !date.endsWith('-12-31')) return 'a year-precise date is recorded on 31 December';
  return null;
}

/** A key for a thematic group, unique within its network, e.g. `tourism`. */
export const ThematicGroupId = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a short key of lowercase letters, digits and dashes, e.g. tourism')
  .max(60, 'must be at most 60 characters');
