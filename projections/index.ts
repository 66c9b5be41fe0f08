import { networksProjection } from './network/networks.js';
import type { Projection } from './types.js';

/** Every read model the API serves. Each capability adds its projections here. */
export const allProjections: readonly Projection[] = [networksProjection];
