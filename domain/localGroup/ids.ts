import { createHash } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A partner has one URBACT Local Group per network, so the group's id is derived from the
 * network and the city: forming it twice targets the same stream, and the second attempt meets
 * the first (LOCAL_GROUP_ALREADY_FORMED, or a stream conflict when both race). The id has the
 * shape of a ULID so that it travels like every other aggregate id.
 */
export function localGroupIdOf(networkId: string, cityId: string): string {
  const digest = createHash('sha256').update(`localgroup\n${networkId}\n${cityId}`).digest();
  let id = CROCKFORD[digest[0]! % 8]!; // a ULID's first character is 0-7
  for (let i = 1; i < 26; i++) id += CROCKFORD[digest[i]! % 32]!;
  return id;
}
