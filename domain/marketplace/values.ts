import { z } from 'zod';
import { person } from '../shared/personalData.js';
import { CityId, OptionalText, Text } from '../shared/values.js';

/**
 * Values shared by the practice catalogue, the marketplace and peer reviews. A city's country is
 * the country code at the end of its id (`torino-it` is in IT): one fact, never entered twice.
 */
export function countryOfCity(cityId: string): string {
  return cityId.slice(-2).toUpperCase();
}

/** A city taking part, as the application layer found it (network partners, or the catalogue). */
export const CityRef = z.object({
  cityId: CityId,
  name: Text(200),
});
export type CityRef = z.output<typeof CityRef>;

/** Who to contact about a practice or an offer. */
export const Contact = person(
  z.object({
    name: Text(200),
    email: z.email({ error: 'must be an e-mail address' }).max(200).nullish().transform((v) => v ?? null),
    role: OptionalText(200).default(''),
  }),
  { identifiedBy: ['email', 'name'], fields: ['name', 'email', 'role'] },
);
export type Contact = z.output<typeof Contact>;

/** Whole years only; the URBACT Good Practice calls started in 2017, earlier years allow backfilling. */
export const LabelYear = z.number().int('must be a year').min(2000, 'must be 2000 or later').max(2100, 'must be 2100 or earlier');
