/**
 * Demo seed data extracted from the five source documents in ../shared/seeds/.
 * See FACTS.md for checkable facts and where they come from.
 */
export type * from './types.js';
export { cities, allCities, type CityKey } from './cities.js';
export * from './boostinno.js';
export * from './torinoPlan.js';
export * from './urbinclusion.js';
export * from './interactiveCities.js';
export * from './uiaTransferPilots.js';

import { boostinno } from './boostinno.js';
import { interactiveCities } from './interactiveCities.js';
import { urbinclusion } from './urbinclusion.js';
import type { SeedNetwork } from './types.js';

/** The three networks with full records (the UIA Transfer Mechanism pilots are in uiaTransferPilots). */
export const networks: SeedNetwork[] = [boostinno, urbinclusion, interactiveCities];
