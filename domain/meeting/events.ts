import { z } from 'zod';
import { person } from '../shared/personalData.js';
import { CityId, IsoDate } from '../shared/values.js';
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

export const MeetingStatus = z.enum(['scheduled', 'held', 'cancelled']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

/** Someone who took part, and the partner city they came for. */
export const Attendee = person(z.object({ name: z.string(), cityId: CityId }), { identifiedBy: ['name'], fields: ['name'] });
export type Attendee = z.infer<typeof Attendee>;

/** What led to the meeting, e.g. `{ kind: 'marketplaceMatch', id: '01J...' }`. */
export const MeetingOrigin = z.object({ kind: z.string(), id: z.string() });
export type MeetingOrigin = z.infer<typeof MeetingOrigin>;

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
  }),
  MeetingRescheduled: z.object({
    startDate: IsoDate,
    endDate: IsoDate,
    previousStartDate: IsoDate,
    previousEndDate: IsoDate,
    reason: z.string(),
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
    /** The partner that learnt it. */
    cityId: CityId,
  }),
  /** What the meeting is about (public, with the agenda) and the network's notes on it (members only); both replaced whole. */
  MeetingDescribed: z.object({ description: z.string(), notes: z.string() }),
} as const;

export type MeetingEvent = MessagesOf<typeof MeetingEventSchemas>;
export type MeetingEventOf<K extends MeetingEvent['type']> = Extract<MeetingEvent, { type: K }>;
