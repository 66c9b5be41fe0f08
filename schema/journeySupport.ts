import { z } from 'zod';
import { CityId, IsoDate, IsoDateTime } from '../domain/shared/values.js';

/**
 * Who reads a network's journey, needs, attendance, learnings and local groups: the secretariat,
 * the network's lead expert, and coordinators of its (active) partner cities.
 */
export function networkMembers(networkId: string) {
  return { secretariat: true, leadExpertOf: networkId, partnerOf: networkId } as const;
}

/**
 * Who changes what a partner city owns in a network (its needs, its local group, its action plan):
 * the secretariat, the network's lead expert and the city's coordinators.
 */
export function partnerWriters(networkId: string, cityId: string) {
  return { secretariat: true, leadExpertOf: networkId, coordinatorOf: cityId };
}

/** The partnerWriters of a partner's row; the secretariat alone when there is no such row. */
export function partnerRowWriters(row: { network_id: string; city_id: string } | undefined) {
  return row ? partnerWriters(row.network_id, row.city_id) : { secretariat: true };
}

/** Validators of the arguments journey queries share. */
export const AsOfArg = IsoDateTime.nullish();
export const DateArg = IsoDate.nullish();
export const TopicArg = z.string().trim().max(100).nullish();
export const CityArg = CityId.nullish();

/** The bare id of an argument already validated with entityId (scopes run before it is transformed). */
export function bareId(schema: z.ZodType<string>, value: unknown): string {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : String(value);
}

export const parseJson = <T>(text: string): T => JSON.parse(text) as T;
