import type { NetworkEvent } from '../../domain/network/events.js';

/** The network every network decider spec starts from. */
export const registered: Extract<NetworkEvent, { type: 'NetworkRegistered' }> = {
  type: 'NetworkRegistered',
  data: {
    name: 'BoostInno',
    kind: 'actionPlanning',
    theme: 'Boosting social innovation',
    topics: ['social innovation'],
    startDate: '2015-09-01',
    endDate: '2018-05-31',
  },
};

export const closed: NetworkEvent = { type: 'NetworkClosed', data: { reason: 'programme ended' } };
