import { z } from 'zod';
import { CityId, CountryCode, IsoDate, OptionalText, Subject, Text, Topics } from '../shared/values.js';
import { NetworkKind, PartnerKind, PartnerRole } from './events.js';

export const RegisterNetwork = z
  .object({
    name: Text(200),
    kind: NetworkKind,
    theme: Text(300),
    topics: Topics.default([]),
    startDate: IsoDate.describe('YYYY-MM-DD'),
    endDate: IsoDate.describe('YYYY-MM-DD'),
  })
  .refine((c) => c.endDate > c.startDate, { message: 'endDate must be after startDate', path: ['endDate'] });

export const AssignLeadExpert = z.object({
  subject: Subject.describe("The expert's subject id, as in their token."),
  name: Text(200),
});

export const CloseNetwork = z.object({
  reason: OptionalText(1000).default(''),
});

export const JoinNetwork = z.object({
  cityId: CityId.describe('Stable city key: name and country code, e.g. torino-it.'),
  name: Text(200),
  country: CountryCode.describe('ISO 3166-1 alpha-2 code, e.g. IT.'),
  partnerKind: PartnerKind.default('city'),
  role: PartnerRole.default('partner'),
  newcomer: z.boolean().default(false).describe('New to the URBACT programme.'),
});

export const LeaveNetwork = z.object({
  cityId: CityId,
  reason: OptionalText(1000).default(''),
});

/** A public web address (http or https). */
export const WebUrl = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }));

export const RecordBaselineStudy = z
  .object({
    title: Text(300),
    date: IsoDate.describe("YYYY-MM-DD, within the network's dates."),
    summary: OptionalText(5000).default('').describe('A summary, or give the url (or both).'),
    url: WebUrl.nullish()
      .transform((url) => url ?? null)
      .describe('Where the study is published (http or https).'),
  })
  .refine((c) => c.summary !== '' || c.url !== null, {
    message: 'give a summary or the address of the study',
    path: ['summary'],
  });

export const StartImplementationPhase = z.object({
  startDate: IsoDate.describe("YYYY-MM-DD, within the network's dates, not before the baseline study."),
});

export type NetworkCommand =
  | { type: 'RegisterNetwork'; data: z.output<typeof RegisterNetwork> }
  | { type: 'AssignLeadExpert'; data: z.output<typeof AssignLeadExpert> }
  | { type: 'CloseNetwork'; data: z.output<typeof CloseNetwork> }
  | { type: 'JoinNetwork'; data: z.output<typeof JoinNetwork> }
  | { type: 'LeaveNetwork'; data: z.output<typeof LeaveNetwork> }
  | { type: 'RecordBaselineStudy'; data: z.output<typeof RecordBaselineStudy> }
  | { type: 'StartImplementationPhase'; data: z.output<typeof StartImplementationPhase> };
