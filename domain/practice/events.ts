import { z } from 'zod';
import { CityId, CountryCode, Topics, Ulid } from '../shared/values.js';
import { Contact, LabelYear } from '../marketplace/values.js';
import type { MessagesOf } from '../shared/decider.js';

/** Whether the practice's city still looks for cities to transfer it to. */
export const PartnershipStatus = z.enum(['lookingForPartners', 'partnershipComplete']);
export type PartnershipStatus = z.infer<typeof PartnershipStatus>;

const PracticeContent = {
  title: z.string(),
  summary: z.string(),
  topics: Topics,
  results: z.string(),
  contact: Contact,
};

export const PracticeEventSchemas = {
  PracticeProposed: z.object({
    cityId: CityId,
    cityName: z.string(),
    country: CountryCode,
    /** The network in which the practice was identified, if any. */
    networkId: Ulid.nullable(),
    ...PracticeContent,
    status: PartnershipStatus,
  }),
  /** Only the fields that changed. */
  PracticeRevised: z.object({
    title: z.string().optional(),
    summary: z.string().optional(),
    topics: Topics.optional(),
    results: z.string().optional(),
    contact: Contact.optional(),
  }),
  GoodPracticeLabelAwarded: z.object({ year: LabelYear }),
  PracticePartnershipStatusChanged: z.object({ status: PartnershipStatus }),
  PracticeWithdrawn: z.object({ reason: z.string() }),
} as const;

export type PracticeEvent = MessagesOf<typeof PracticeEventSchemas>;
export type PracticeEventOf<K extends PracticeEvent['type']> = Extract<PracticeEvent, { type: K }>;
