import { z } from 'zod';
import type { NetworkSnapshot } from '../network/snapshot.js';
import { CityId, IsoDate, OptionalText, Text } from '../shared/values.js';
import { MeetingKind } from './events.js';

/** A list input that may be left out or sent as null; duplicates are dropped. */
const list = <T extends z.ZodType<string>>(item: T, max: number, what: string) =>
  z
    .array(item)
    .max(max, `at most ${max} ${what}`)
    .nullish()
    .transform((items) => [...new Set(items ?? [])] as z.output<T>[]);

/** Meeting themes are phrases as the agenda words them ("Local authorities broker and angel of change"). */
export const Themes = list(Text(200), 20, 'themes');
export const GuidingQuestions = list(Text(1000), 30, 'guiding questions');

/** Kinds that happen in a place, so they need a host city. */
export const KINDS_WITH_HOST: readonly MeetingKind[] = ['transnationalMeeting', 'studyVisit', 'localGroupWorkshop'];

/** What led to a meeting, e.g. a marketplace match. */
export const MeetingOriginInput = z.object({ kind: Text(60).describe('e.g. marketplaceMatch'), id: Text(200) });

export const ScheduleMeeting = z
  .object({
    kind: MeetingKind,
    title: Text(300),
    hostCityId: CityId.nullish()
      .transform((city) => city ?? null)
      .describe('City key, e.g. torino-it; leave out for online meetings.'),
    startDate: IsoDate.describe('YYYY-MM-DD'),
    endDate: IsoDate.describe('YYYY-MM-DD; the start date for a one-day meeting.'),
    themes: Themes,
    guidingQuestions: GuidingQuestions,
    partnerCityIds: list(CityId, 30, 'partners').describe('The partners it is for; leave out for the whole network.'),
    origin: MeetingOriginInput.nullish().transform((origin) => origin ?? null),
  })
  .superRefine((m, ctx) => {
    if (m.endDate < m.startDate) {
      ctx.addIssue({ code: 'custom', message: 'endDate must not be before startDate', path: ['endDate'] });
    }
    if (KINDS_WITH_HOST.includes(m.kind) && m.hostCityId === null) {
      ctx.addIssue({ code: 'custom', message: `a ${m.kind} needs a host city`, path: ['hostCityId'] });
    }
    if (m.kind === 'bilateralMeeting' && m.partnerCityIds.length !== 2) {
      ctx.addIssue({ code: 'custom', message: 'a bilateral meeting is between two partners', path: ['partnerCityIds'] });
    }
  });

export const RescheduleMeeting = z
  .object({
    startDate: IsoDate,
    endDate: IsoDate,
    reason: OptionalText(1000).default(''),
  })
  .refine((r) => r.endDate >= r.startDate, { message: 'endDate must not be before startDate', path: ['endDate'] });

export const CancelMeeting = z.object({ reason: OptionalText(1000).default('') });

export const MarkMeetingHeld = z.object({});

export const AttendeeInput = z.object({ name: Text(200), cityId: CityId.describe('The partner city the person came for.') });

export const RecordAttendance = z.object({
  attendees: z.array(AttendeeInput).min(1, 'name at least one attendee').max(300, 'at most 300 attendees at once'),
});

export const RecordLearning = z.object({
  lesson: Text(4000),
  theme: OptionalText(200)
    .nullish()
    .transform((theme) => (theme ? theme : null)),
  cityId: CityId.describe('The partner that learnt it.'),
});

type WithNetwork<T> = T & { readonly network: NetworkSnapshot };

export type ScheduleMeetingData = z.output<typeof ScheduleMeeting>;

export type MeetingCommand =
  | { type: 'ScheduleMeeting'; data: WithNetwork<ScheduleMeetingData> }
  | { type: 'RescheduleMeeting'; data: WithNetwork<z.output<typeof RescheduleMeeting>> }
  | { type: 'CancelMeeting'; data: WithNetwork<z.output<typeof CancelMeeting>> }
  | { type: 'MarkMeetingHeld'; data: WithNetwork<object> }
  | { type: 'RecordAttendance'; data: WithNetwork<z.output<typeof RecordAttendance>> }
  | { type: 'RecordLearning'; data: WithNetwork<z.output<typeof RecordLearning>> };
