import { describe, it } from 'vitest';
import { networkDecider } from '../../domain/network/decider.js';
import type { NetworkEvent } from '../../domain/network/events.js';
import { deciderSpec } from '../support/deciderSpec.js';
import { closed, registered } from './fixtures.js';

const spec = deciderSpec(networkDecider);
const peter = { subject: 'expert:peter-wolkowinski', name: 'Peter Wolkowinski' };
const peterAssigned: NetworkEvent = { type: 'LeadExpertAssigned', data: { ...peter, replaces: null } };

describe('network decider: registering and closing', () => {
  it('registers a network', () => {
    spec.given([]).when({ type: 'RegisterNetwork', data: registered.data }).then([registered]);
  });

  it('registers a network once', () => {
    spec.given([registered]).when({ type: 'RegisterNetwork', data: registered.data }).thenFails('NETWORK_ALREADY_REGISTERED');
  });

  it('closes a network', () => {
    spec.given([registered]).when({ type: 'CloseNetwork', data: { reason: 'programme ended' } }).then([closed]);
  });

  it('closes a network once', () => {
    spec.given([registered, closed]).when({ type: 'CloseNetwork', data: { reason: '' } }).thenFails('NETWORK_CLOSED');
  });
});

describe('network decider: lead expert', () => {
  it('assigns a lead expert', () => {
    spec.given([registered]).when({ type: 'AssignLeadExpert', data: peter }).then([peterAssigned]);
  });

  it('records who replaced whom', () => {
    spec
      .given([registered, peterAssigned])
      .when({ type: 'AssignLeadExpert', data: { subject: 'expert:other', name: 'Other' } })
      .then([{ type: 'LeadExpertAssigned', data: { subject: 'expert:other', name: 'Other', replaces: peter.subject } }]);
  });

  it('treats assigning the current expert again as a no-op', () => {
    spec.given([registered, peterAssigned]).when({ type: 'AssignLeadExpert', data: peter }).thenNothing();
  });

  it('refuses a network that does not exist', () => {
    spec.given([]).when({ type: 'AssignLeadExpert', data: peter }).thenFails('NETWORK_NOT_FOUND');
  });

  it('refuses a closed network', () => {
    spec.given([registered, closed]).when({ type: 'AssignLeadExpert', data: peter }).thenFails('NETWORK_CLOSED');
  });
});

describe('network decider: partners', () => {
  const torino = { cityId: 'torino-it', name: 'Torino', country: 'IT', partnerKind: 'city', role: 'leadPartner', newcomer: false } as const;
  const gdansk = { cityId: 'gdansk-pl', name: 'Gdansk', country: 'PL', partnerKind: 'city', role: 'partner', newcomer: false } as const;
  const torinoJoined: NetworkEvent = { type: 'PartnerJoined', data: torino };
  const left: NetworkEvent = { type: 'PartnerLeft', data: { cityId: 'torino-it', reason: 'moved on' } };

  it('lets a city join', () => {
    spec.given([registered]).when({ type: 'JoinNetwork', data: torino }).then([torinoJoined]);
  });

  it('refuses a second lead partner', () => {
    spec
      .given([registered, torinoJoined])
      .when({ type: 'JoinNetwork', data: { ...gdansk, role: 'leadPartner' } })
      .thenFails('SECOND_LEAD_PARTNER');
  });

  it('lets a city join once', () => {
    spec.given([registered, torinoJoined]).when({ type: 'JoinNetwork', data: torino }).thenFails('ALREADY_PARTNER');
  });

  it('lets a partner leave', () => {
    spec.given([registered, torinoJoined]).when({ type: 'LeaveNetwork', data: left.data }).then([left]);
  });

  it('refuses a city that is not a partner leaving', () => {
    spec.given([registered]).when({ type: 'LeaveNetwork', data: left.data }).thenFails('NOT_A_PARTNER');
  });

  it('lets a new lead partner join after the old one left', () => {
    spec
      .given([registered, torinoJoined, left])
      .when({ type: 'JoinNetwork', data: { ...gdansk, role: 'leadPartner' } })
      .then([{ type: 'PartnerJoined', data: { ...gdansk, role: 'leadPartner' } }]);
  });
});
