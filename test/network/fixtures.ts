import type { NetworkEvent } from '../../domain/network/events.js';
import { boostInnoRegistration } from '../support/boostInno.js';

/** The network every network decider spec starts from. */
export const registered: Extract<NetworkEvent, { type: 'NetworkRegistered' }> = {
  type: 'NetworkRegistered',
  data: { ...boostInnoRegistration, topics: [...boostInnoRegistration.topics] },
};

export const closed: NetworkEvent = { type: 'NetworkClosed', data: { reason: 'programme ended' } };
