import { createHash } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID-shaped id (26 Crockford base32 characters) derived from a key, for aggregates there is one
 * of per what they are (a city's plan in a network): creating one twice targets the same stream.
 * The characters come from a SHA-256 digest of the key; the first, a ULID's time, is kept within
 * 0-7 and taken from the digest's byte `firstByte` (which differs per aggregate: ids already in
 * logs must not change).
 */
export function idFromKey(key: string, firstByte: number): string {
  const digest = createHash('sha256').update(key).digest();
  let id = CROCKFORD[digest[firstByte]! % 8]!;
  for (let i = 1; i < 26; i++) id += CROCKFORD[digest[i]! % 32]!;
  return id;
}
