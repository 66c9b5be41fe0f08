import { describe, expect, it } from 'vitest';
import { networksProjection } from '../../projections/network/networks.js';
import { partnersProjection } from '../../projections/network/partners.js';
import { findNetwork, listPartners } from '../../projections/network/queries.js';
import { projectedAndRebuilt, type StreamEvent } from '../support/projectionSpec.js';

const N = 'network-01JABCDEFGHJKMNPQRSTVWXYZ0';
const events: StreamEvent[] = [
  {
    streamId: N,
    type: 'NetworkRegistered',
    data: { name: 'BoostInno', kind: 'actionPlanning', theme: 'Social innovation', topics: ['social innovation'], startDate: '2015-09-01', endDate: '2018-05-31' },
    occurredAt: '2015-09-01T00:00:00.000Z',
  },
  { streamId: N, type: 'LeadExpertAssigned', data: { subject: 'expert:peter', name: 'Peter Wolkowinski', replaces: null } },
  { streamId: N, type: 'PartnerJoined', data: { cityId: 'gdansk-pl', name: 'Gdansk', country: 'PL', partnerKind: 'city', role: 'leadPartner', newcomer: false } },
  { streamId: N, type: 'PartnerJoined', data: { cityId: 'torino-it', name: 'Torino', country: 'IT', partnerKind: 'city', role: 'partner', newcomer: false } },
  { streamId: N, type: 'PartnerLeft', data: { cityId: 'torino-it', reason: 'test' }, occurredAt: '2016-01-01T00:00:00.000Z' },
  { streamId: N, type: 'PartnerJoined', data: { cityId: 'torino-it', name: 'Torino', country: 'IT', partnerKind: 'city', role: 'partner', newcomer: true } },
  { streamId: N, type: 'NetworkClosed', data: { reason: 'ended' }, occurredAt: '2018-05-31T00:00:00.000Z' },
];

describe('network projections', () => {
  it('project networks and partners, and a rebuild equals the incremental run', async () => {
    const db = await projectedAndRebuilt([networksProjection, partnersProjection], events, 2);
    const network = findNetwork(db, '01JABCDEFGHJKMNPQRSTVWXYZ0')!;
    expect(network).toMatchObject({ name: 'BoostInno', status: 'closed', lead_expert_name: 'Peter Wolkowinski', revision: 6 });
    expect(listPartners(db, '01JABCDEFGHJKMNPQRSTVWXYZ0').map((p) => [p.city_id, p.role, p.newcomer])).toEqual([
      ['gdansk-pl', 'leadPartner', 0],
      ['torino-it', 'partner', 1],
    ]);
  });
});
