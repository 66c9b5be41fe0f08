import { z } from 'zod';

/**
 * Money is integer euro cents everywhere (events, read models, sums in SQLite are 64-bit
 * integers): never floats. The API takes and gives decimal strings in euros ("1500000",
 * "44000.50") because GraphQL's Int is 32-bit and floats lose cents.
 */
export const MAX_CENTS = 900_000_000_000_000; // 9e14 cents = 9 trillion euros, well inside 2^53

export const Cents = z.number().int('must be whole cents').min(0, 'must not be negative').max(MAX_CENTS, 'is too large');

/**
 * A decimal amount in euros, as a string ("1500000", "44000.50"). Commands keep the string (their
 * schemas must parse their own output again, so no transform here); deciders turn it into exact
 * integer cents with `eurosToCents`.
 */
export const EuroAmount = z
  .string()
  .trim()
  .regex(/^\d{1,13}(\.\d{1,2})?$/, 'must be an amount in euros such as 1500000 or 44000.50');

export function eurosToCents(value: string): number {
  const [whole, fraction = ''] = value.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** "150000000" cents -> "1500000.00". Works on bigint so sums never lose precision. */
export function centsToEuros(cents: number | bigint): string {
  const value = BigInt(cents);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const euros = abs / 100n;
  const rest = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${euros}.${rest}`;
}
