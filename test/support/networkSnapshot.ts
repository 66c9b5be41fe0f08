import type { NetworkSnapshot } from '../../domain/network/snapshot.js';

/** BoostInno as a network snapshot, as use cases pass it into commands. */
export const NETWORK_ID = '01JABCDEFGHJKMNPQRSTVWXYZ0';
export const OTHER_NETWORK_ID = '01JABCDEFGHJKMNPQRSTVWXYZ1';

export const network: NetworkSnapshot = {
  networkId: NETWORK_ID,
  kind: 'actionPlanning',
  closed: false,
  startDate: '2015-09-01',
  endDate: '2018-05-31',
  partners: {
    'torino-it': { name: 'Torino', country: 'IT', role: 'leadPartner' },
    'gdansk-pl': { name: 'Gdansk', country: 'PL', role: 'partner' },
    'barcelona-es': { name: 'Barcelona', country: 'ES', role: 'partner' },
  },
};

/** The same network after every partner but Gdansk left. */
export const onlyGdansk: NetworkSnapshot = { ...network, partners: { 'gdansk-pl': network.partners['gdansk-pl']! } };
export const closedNetwork: NetworkSnapshot = { ...network, closed: true };
export const otherNetwork: NetworkSnapshot = { ...network, networkId: OTHER_NETWORK_ID };
