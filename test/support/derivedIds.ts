import { expect } from 'vitest';
import { Ulid } from '../../domain/shared/values.js';

/** Expects an id derived per network and city: shaped like a ULID, the same for the same pair, another for another city. */
export function expectOneIdPerNetworkAndCity(idOf: (networkId: string, cityId: string) => string, networkId: string): void {
  const id = idOf(networkId, 'torino-it');
  expect(Ulid.safeParse(id).success).toBe(true);
  expect(idOf(networkId, 'torino-it')).toBe(id);
  expect(idOf(networkId, 'gdansk-pl')).not.toBe(id);
}
