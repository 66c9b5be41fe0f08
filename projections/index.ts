import { networksProjection } from './network/networks.js';
import { partnersProjection } from './network/partners.js';
import type { Projection } from './types.js';

/** Every read model the API serves. Each capability adds its projections here (one line each). */
export const allProjections: readonly Projection[] = [
  networksProjection,
  partnersProjection,
];
