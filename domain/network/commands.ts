import { z } from 'zod';
import { CityId, CountryCode, IsoDate, OptionalText, Subject, Text, Topics } from '../shared/values.js';
import { NetworkKind, PartnerKind, PartnerRole } from './events.js';

export const RegisterNetwork = z
  .object({
    name: Text(200),
    kind: NetworkKind,
    theme: Text(300),
    topics: Topics.default([]),
    startDate: IsoDate,
    endDate: IsoDate,
  })
  .refine((c) => c.endDate > c.startDate, { message: 'endDate must be after startDate', path: ['endDate'] });

export const AssignLeadExpert = z.object({
  subject: Subject,
  name: Text(200),
});

export const CloseNetwork = z.object({
  reason: OptionalText(1000).default(''),
});

export const JoinNetwork = z.object({
  cityId: CityId,
  name: Text(200),
  country: CountryCode,
  partnerKind: PartnerKind.default('city'),
  role: PartnerRole.default('partner'),
  newcomer: z.boolean().default(false),
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
    date: IsoDate,
    summary: OptionalText(5000).default(''),
    url: WebUrl.nullish().transform((url) => url ?? null),
  })
  .refine((c) => c.summary !== '' || c.url !== null, {
    message: 'give a summary or the address of the study',
    path: ['summary'],
  });

export const StartImplementationPhase = z.object({
  startDate: IsoDate,
});

export type NetworkCommand =
  | { type: 'RegisterNetwork'; data: z.output<typeof RegisterNetwork> }
  | { type: 'AssignLeadExpert'; data: z.output<typeof AssignLeadExpert> }
  | { type: 'CloseNetwork'; data: z.output<typeof CloseNetwork> }
  | { type: 'JoinNetwork'; data: z.output<typeof JoinNetwork> }
  | { type: 'LeaveNetwork'; data: z.output<typeof LeaveNetwork> }
  | { type: 'RecordBaselineStudy'; data: z.output<typeof RecordBaselineStudy> }
  | { type: 'StartImplementationPhase'; data: z.output<typeof StartImplementationPhase> };
