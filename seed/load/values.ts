/**
 * Small mapping rules shared by every network: city ids, dates and the times facts occurred.
 */
import { lastDayOfMonth } from '../../domain/shared/values.js';
import { SeedError } from './client.js';
import type { SeedCity, SeedMeeting } from '../data/index.js';

/** Letters NFD does not decompose into a base letter and a mark. */
const SPECIAL: Record<string, string> = { ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', ß: 'ss', đ: 'd', Đ: 'd', ı: 'i' };

/** ASCII slug of a name: "Baia Mare" -> "baia-mare", "Wrocław" -> "wroclaw", "Bielsko-Biała" -> "bielsko-biala". */
export function slug(name: string): string {
  return name
    .replace(/[łŁøØæÆßđĐı]/g, (c) => SPECIAL[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The API's city id: `<name-slug>-<country code>` ("torino-it", "baia-mare-ro", "skane-se"). */
export function cityIdOf(city: SeedCity): string {
  return `${slug(city.name)}-${city.country.toLowerCase()}`;
}

/**
 * When a dated fact occurred, for `occurredAt`: noon UTC of the day, which is the same calendar
 * day in every European time zone, so "as of <day>" questions answer as the documents read.
 */
export function at(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new SeedError(`not a date: ${date}`);
  return `${date}T12:00:00Z`;
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "2017-09" -> "September 2017". */
export function monthName(month: string): string {
  const [year, m] = month.split('-');
  return `${MONTHS[Number(m) - 1]} ${year}`;
}


export interface MeetingDates {
  readonly startDate: string;
  readonly endDate: string;
  /** `month` when the document gives no day: the dates are the first and last days of the month. */
  readonly datePrecision?: 'month';
  /** The date as the document words it, when it gives no day or says more than the day. */
  readonly dateWording?: string;
}

/**
 * The days of a meeting, or the month it took place in (`datePrecision: month`, first to last day
 * of the month) when the document gives only the month; an undated one is placed in the month of
 * the meeting it is tied to (`anchor`: "right before the Tartu meeting"), with that wording. The
 * document's own wording is kept in `dateWording`, not in the title.
 */
export function meetingDates(meeting: SeedMeeting, anchor?: SeedMeeting): MeetingDates {
  const wording = meeting.dateAsWritten ?? (meeting.month ? monthName(meeting.month) : undefined);
  if (meeting.startDate) {
    return { startDate: meeting.startDate, endDate: meeting.endDate ?? meeting.startDate, ...(wording ? { dateWording: wording } : {}) };
  }
  const month = meeting.month ?? anchor?.month ?? anchor?.startDate?.slice(0, 7);
  if (!month) throw new SeedError(`${meeting.key}: no date and nothing to anchor it to`);
  const anchored = !meeting.month && wording ? `${wording} (${monthName(month)}, the month of that meeting)` : undefined;
  return { startDate: `${month}-01`, endDate: lastDayOfMonth(month), datePrecision: 'month', dateWording: anchored ?? wording ?? monthName(month) };
}


/** Text cut to the API's limit on a word boundary, with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * A text with its language, as the API's `<name>`, `<name>Language` and `<name>Translations` take it:
 * the English of seed/data as `en`; or, when the document words it in Italian, that Italian as the
 * original (`it`) and the English as its translation, marked as such.
 */
export function inLanguage(name: string, english: string, italian: string | undefined, max: number): Record<string, unknown> {
  if (!italian) return { [name]: clip(english, max), [`${name}Language`]: 'en' };
  return { [name]: clip(italian, max), [`${name}Language`]: 'it', [`${name}Translations`]: [{ text: clip(english, max), language: 'en' }] };
}
