import { z } from 'zod';
import { person, personRef } from '../shared/personalData.js';
import { CityId, CountryCode, IsoDate, Subject, Topics } from '../shared/values.js';
import type { MessagesOf } from '../shared/decider.js';
import { TranslationAddedSchema, TranslationSchema } from '../shared/language.js';

/** URBACT network kinds; implementation networks (URBACT III) carried out existing strategies. */
export const NetworkKind = z.enum(['actionPlanning', 'transfer', 'innovationTransfer', 'implementation']);
export type NetworkKind = z.infer<typeof NetworkKind>;

export const PartnerKind = z.enum(['city', 'metropolitanAuthority', 'agency']);
export const PartnerRole = z.enum(['leadPartner', 'partner']);

export const NetworkEventSchemas = {
  NetworkRegistered: z.object({
    name: z.string(),
    kind: NetworkKind,
    theme: z.string(),
    topics: Topics,
    startDate: IsoDate,
    endDate: IsoDate,
  }),
  LeadExpertAssigned: person(
    z.object({
      subject: Subject,
      name: z.string(),
      /** The expert this one replaces, if any. */
      replaces: personRef(Subject.nullable(), 'subject'),
    }),
    { identifiedBy: ['subject', 'name'], fields: ['subject', 'name'] },
  ),
  NetworkClosed: z.object({ reason: z.string() }),
  PartnerJoined: z.object({
    cityId: CityId,
    name: z.string(),
    country: CountryCode,
    partnerKind: PartnerKind,
    role: PartnerRole,
    /** New to the URBACT programme. */
    newcomer: z.boolean(),
  }),
  PartnerLeft: z.object({ cityId: CityId, reason: z.string() }),
  /** The activation phase's baseline study; recorded again to revise it while the network is in activation. */
  BaselineStudyRecorded: z.object({
    title: z.string(),
    date: IsoDate,
    summary: z.string(),
    url: z.string().nullable(),
  }),
  /** Phase 2: the network moves from activation to implementation. */
  ImplementationPhaseStarted: z.object({ startDate: IsoDate }),
  /** A lesson of the whole network, of no one meeting (general highlights, guidelines). */
  NetworkLessonRecorded: z.object({
    /** 1, 2, 3... within the network. */
    lessonNumber: z.number().int().positive(),
    lesson: z.string(),
    theme: z.string().nullable(),
    /** Where it was learnt from, when the source says (a partner, a city visited). */
    learntFrom: z.string().optional(),
    /** The lesson's language (BCP 47) and its translations; absent when not recorded (and in older events). */
    lessonLanguage: z.string().optional(),
    lessonTranslations: z.array(TranslationSchema).optional(),
  }),
  /** A translation of a lesson of the network added later; the original is kept, an earlier translation into the language replaced. */
  NetworkLessonTranslated: z.object({
    lessonNumber: z.number().int().positive(),
    ...TranslationAddedSchema.shape,
  }),
  /**
   * A thematic group of the network: partners working more closely on one theme. Recorded again
   * under the same groupId to change it (the latest wins).
   */
  ThematicGroupDefined: z.object({
    groupId: z.string(),
    name: z.string(),
    theme: z.string(),
    memberCities: z.array(CityId),
    description: z.string(),
  }),
} as const;

export const NetworkPhase = z.enum(['activation', 'implementation']);
export type NetworkPhase = z.infer<typeof NetworkPhase>;

export type NetworkEvent = MessagesOf<typeof NetworkEventSchemas>;
export type NetworkEventOf<K extends NetworkEvent['type']> = Extract<NetworkEvent, { type: K }>;
