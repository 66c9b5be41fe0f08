import { z } from 'zod';
import { CityId, CountryCode, IsoDate, Subject, Topics } from '../shared/values.js';

export const NetworkKind = z.enum(['actionPlanning', 'transfer', 'innovationTransfer']);
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
  LeadExpertAssigned: z.object({
    subject: Subject,
    name: z.string(),
    /** The expert this one replaces, if any. */
    replaces: Subject.nullable(),
  }),
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
} as const;

type Schemas = typeof NetworkEventSchemas;
export type NetworkEvent = { [K in keyof Schemas]: { type: K; data: z.infer<Schemas[K]> } }[keyof Schemas];
export type NetworkEventOf<K extends NetworkEvent['type']> = Extract<NetworkEvent, { type: K }>;
