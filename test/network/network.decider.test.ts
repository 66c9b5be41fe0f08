import { describe, it } from 'vitest';
import { networkDecider } from '../../domain/network/decider.js';
import type { NetworkEvent } from '../../domain/network/events.js';
import { deciderSpec } from '../support/deciderSpec.js';

const spec = deciderSpec(networkDecider);
const registered: NetworkEvent = {
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

describe('network decider', () => {
  it('registers a network once', () => {
    spec.given([]).when({ type: 'RegisterNetwork', data: registered.data }).then([registered]);
    spec.given([registered]).when({ type: 'RegisterNetwork', data: registered.data }).thenFails('NETWORK_ALREADY_REGISTERED');
  });

  it('assigns a lead expert, then records who replaced whom', () => {
    const peter = { subject: 'expert:peter-wolkowinski', name: 'Peter Wolkowinski' };
    spec
      .given([registered])
      .when({ type: 'AssignLeadExpert', data: peter })
      .then([{ type: 'LeadExpertAssigned', data: { ...peter, replaces: null } }]);
    spec
      .given([registered, { type: 'LeadExpertAssigned', data: { ...peter, replaces: null } }])
      .when({ type: 'AssignLeadExpert', data: { subject: 'expert:other', name: 'Other' } })
      .then([{ type: 'LeadExpertAssigned', data: { subject: 'expert:other', name: 'Other', replaces: peter.subject } }]);
  });

  it('treats assigning the current expert again as a no-op', () => {
    const peter = { subject: 'expert:peter-wolkowinski', name: 'Peter Wolkowinski' };
    spec.given([registered, { type: 'LeadExpertAssigned', data: { ...peter, replaces: null } }]).when({ type: 'AssignLeadExpert', data: peter }).thenNothing();
  });

  it('refuses changes to a network that does not exist or is closed', () => {
    const peter = { subject: 'expert:peter-wolkowinski', name: 'Peter Wolkowinski' };
    spec.given([]).when({ type: 'AssignLeadExpert', data: peter }).thenFails('NETWORK_NOT_FOUND');
    const closed: NetworkEvent = { type: 'NetworkClosed', data: { reason: 'programme ended' } };
    spec.given([registered]).when({ type: 'CloseNetwork', data: { reason: 'programme ended' } }).then([closed]);
    spec.given([registered, closed]).when({ type: 'AssignLeadExpert', data: peter }).thenFails('NETWORK_CLOSED');
    spec.given([registered, closed]).when({ type: 'CloseNetwork', data: { reason: '' } }).thenFails('NETWORK_CLOSED');
  });
});

describe('network partners', () => {
  const torino = { cityId: 'torino-it', name: 'Torino', country: 'IT', partnerKind: 'city', role: 'leadPartner', newcomer: false } as const;
  const gdansk = { cityId: 'gdansk-pl', name: 'Gdansk', country: 'PL', partnerKind: 'city', role: 'partner', newcomer: false } as const;

  it('lets cities join, with one lead partner', () => {
    spec.given([registered]).when({ type: 'JoinNetwork', data: torino }).then([{ type: 'PartnerJoined', data: torino }]);
    spec
      .given([registered, { type: 'PartnerJoined', data: torino }])
      .when({ type: 'JoinNetwork', data: { ...gdansk, role: 'leadPartner' } })
      .thenFails('SECOND_LEAD_PARTNER');
    spec.given([registered, { type: 'PartnerJoined', data: torino }]).when({ type: 'JoinNetwork', data: torino }).thenFails('ALREADY_PARTNER');
  });

  it('lets a partner leave, and a new lead partner join after the old one left', () => {
    const left: NetworkEvent = { type: 'PartnerLeft', data: { cityId: 'torino-it', reason: 'moved on' } };
    spec.given([registered, { type: 'PartnerJoined', data: torino }]).when({ type: 'LeaveNetwork', data: left.data }).then([left]);
    spec.given([registered]).when({ type: 'LeaveNetwork', data: left.data }).thenFails('NOT_A_PARTNER');
    spec
      .given([registered, { type: 'PartnerJoined', data: torino }, left])
      .when({ type: 'JoinNetwork', data: { ...gdansk, role: 'leadPartner' } })
      .then([{ type: 'PartnerJoined', data: { ...gdansk, role: 'leadPartner' } }]);
  });
});
