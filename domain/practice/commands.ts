import { z } from 'zod';
import { CityId, OptionalText, Text, Topics, Ulid } from '../shared/values.js';
import { Contact, LabelYear } from '../marketplace/values.js';
import { PartnershipStatus } from './events.js';

const PracticeTopics = Topics.refine((topics) => topics.length > 0, 'name at least one topic');

export const ProposePractice = z.object({
  cityId: CityId.describe('Stable city key, e.g. gdansk-pl; the country is read from it.'),
  cityName: Text(200),
  networkId: Ulid.nullish().transform((v) => v ?? null),
  title: Text(200),
  summary: Text(4000),
  topics: PracticeTopics,
  results: OptionalText(4000).default(''),
  contact: Contact,
});

export const RevisePractice = z
  .object({
    title: Text(200).optional(),
    summary: Text(4000).optional(),
    topics: PracticeTopics.optional(),
    results: OptionalText(4000).optional(),
    contact: Contact.optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'change at least one field' });

export const AwardGoodPracticeLabel = z.object({ year: LabelYear });

export const SetPartnershipStatus = z.object({ status: PartnershipStatus });

export const WithdrawPractice = z.object({ reason: OptionalText(1000).default('') });

export type PracticeCommand =
  | { type: 'ProposePractice'; data: z.output<typeof ProposePractice> }
  | { type: 'RevisePractice'; data: z.output<typeof RevisePractice> }
  | { type: 'AwardGoodPracticeLabel'; data: z.output<typeof AwardGoodPracticeLabel> }
  | { type: 'SetPartnershipStatus'; data: z.output<typeof SetPartnershipStatus> }
  | { type: 'WithdrawPractice'; data: z.output<typeof WithdrawPractice> };
