import { createHash } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A city has one Integrated Action Plan per network, so the plan's id is derived from both:
 * a ULID-shaped id (26 Crockford base32 characters) from a hash of `<networkId>/<cityId>`.
 * Drafting the same plan twice targets the same stream and is refused by the decider, even
 * when two requests race (the append expects no stream).
 */
export function actionPlanIdFor(networkId: string, cityId: string): string {
  const digest = createHash('sha256').update(`${networkId}/${cityId}`).digest();
  let id = '';
  for (let i = 0; i < 26; i++) id += CROCKFORD[digest[i]! % 32];
  // The first character of a ULID encodes the top of a 48-bit time: keep it within 0-7.
  return CROCKFORD[digest[26]! % 8] + id.slice(1);
}
