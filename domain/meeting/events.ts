import { z } from 'zod';
import { TranslationAddedSchema, TranslationSchema } from '../shared/language.js';
import { person } from '../shared/personalData.js';
import { CityId, CountryCode, DatePrecision, IsoDate } from '../shared/values.js';
import type { MessagesOf } from '../shared/decider.js';

/** Every kind of exchange activity a network runs. */
export const MeetingKind = z.enum([
  'transnationalMeeting',
  'thematicSeminar',
  /** Study visit or field trip. */
  'studyVisit',
  'bilateralMeeting',
  'webinar',
  /** A workshop of one partner's URBACT Local Group. */
  'localGroupWorkshop',
  'marketplaceSession',
]);
export type MeetingKind = z.infer<typeof MeetingKind>;

/** The texts of a meeting a person writes, each kept in its language: the lesson is a learning's. */
export const MeetingTextField = z.enum(['title', 'description', 'notes', 'lesson']);
export type MeetingTextField = z.infer<typeof MeetingTextField>;

export const MeetingStatus = z.enum(['scheduled', 'held', 'cancelled']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

/** Someone who took part, and the partner city they came for. */
export const Attendee = person(z.object({ name: z.string(), cityId: CityId }), { identifiedBy: ['name'], fields: ['name'] });
export type Attendee = z.infer<typeof Attendee>;

/** What led to the meeting, e.g. `{ kind: 'marketplaceMatch', id: '01J...' }`. */
export const MeetingOrigin = z.object({ kind: z.string(), id: z.string() });
export type MeetingOrigin = z.infer<typeof MeetingOrigin>;

/** A host outside the partnership: a city visited on a field trip, an organisation that received the network. */
export const ExternalHost = z.object({ name: z.string(), country: CountryCode.nullable() });
export type ExternalHost = z.infer<typeof ExternalHost>;

/** Someone from outside the partnership who spoke (an invited expert); the name is personal data. */
export const Speaker = person(z.object({ name: z.string(), affiliation: z.string() }), { identifiedBy: ['name'], fields: ['name'] });
export type Speaker = z.infer<typeof Speaker>;

/*
 * Fields added after the first events were written are optional, and left out when they hold their
 * default, so events written before them still load and mean what they meant: no `datePrecision`
 * is a day-precise date, no `externalHost` is none, no `cityId` on a learning (null) is the network's.
 */
export const MeetingEventSchemas = {
  MeetingScheduled: z.object({
    networkId: z.string(),
    kind: MeetingKind,
    title: z.string(),
    /** Null for online meetings. */
    hostCityId: CityId.nullable(),
    startDate: IsoDate,
    endDate: IsoDate,
    themes: z.array(z.string()),
    guidingQuestions: z.array(z.string()),
    /** The partners the meeting is for; empty when it is for the whole network. */
    partnerCityIds: z.array(CityId),
    origin: MeetingOrigin.nullable(),
    /** Absent: the days are known. `month` / `year`: the dates are the period it took place in. */
    datePrecision: DatePrecision.optional(),
    /** The date as the source words it ("Settembre 2017", "right before the Tartu meeting"). */
    dateWording: z.string().optional(),
    /** The host when it is not a partner (a field trip to Helsinki). */
    externalHost: ExternalHost.optional(),
    /** The network's thematic group the meeting belongs to; absent when none. */
    thematicGroupId: z.string().optional(),
    /** The title's language (BCP 47) and its translations; absent when not recorded (and in older events). */
    titleLanguage: z.string().optional(),
    titleTranslations: z.array(TranslationSchema).optional(),
  }),
  MeetingRescheduled: z.object({
    startDate: IsoDate,
    endDate: IsoDate,
    previousStartDate: IsoDate,
    previousEndDate: IsoDate,
    reason: z.string(),
    /** Absent: day-precise (as every reschedule before precision existed). */
    datePrecision: DatePrecision.optional(),
    dateWording: z.string().optional(),
  }),
  MeetingCancelled: z.object({ reason: z.string() }),
  MeetingHeld: z.object({}),
  /** Only attendees not recorded before. */
  AttendanceRecorded: z.object({ attendees: z.array(Attendee) }),
  LearningRecorded: z.object({
    /** 1, 2, 3... within the meeting. */
    learningNumber: z.number().int().positive(),
    lesson: z.string(),
    theme: z.string().nullable(),
    /** The partner that learnt it; null for a lesson of the whole network. */
    cityId: CityId.nullable(),
    /** Where the lesson comes from when not from a partner (the city visited, an invited expert's organisation). */
    learntFrom: z.string().optional(),
    /** The lesson's language (BCP 47) and its translations; absent when not recorded (and in older events). */
    lessonLanguage: z.string().optional(),
    lessonTranslations: z.array(TranslationSchema).optional(),
  }),
  /** What the meeting is about (public, with the agenda) and the network's notes on it (members only); both replaced whole. */
  MeetingDescribed: z.object({
    description: z.string(),
    notes: z.string(),
    /** Absent: the speakers are unchanged (events before speakers existed named none). */
    speakers: z.array(Speaker).optional(),
    /**
     * Each text's language (BCP 47) and translations as they stand after this event; absent when not
     * recorded (and in older events).
     */
    descriptionLanguage: z.string().optional(),
    descriptionTranslations: z.array(TranslationSchema).optional(),
    notesLanguage: z.string().optional(),
    notesTranslations: z.array(TranslationSchema).optional(),
  }),
  /** A translation of one of the meeting's texts added later; the original is kept, an earlier translation into the language replaced. */
  MeetingTextTranslated: z.object({
    field: MeetingTextField,
    /** The learning whose lesson it translates (field lesson). */
    learningNumber: z.number().int().positive().optional(),
    ...TranslationAddedSchema.shape,
  }),
} as const;

export type MeetingEvent = MessagesOf<typeof MeetingEventSchemas>;
export type MeetingEventOf<K extends MeetingEvent['type']> = Extract<MeetingEvent, { type: K }>;
