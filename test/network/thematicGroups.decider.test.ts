import { describe, expect, it } from 'vitest';
import { DefineThematicGroup, networkDecider } from '../../domain/network/decider.js';
import type { NetworkEvent } from '../../domain/network/events.js';
import { deciderSpec } from '../support/deciderSpec.js';
import { closed, registered } from './fixtures.js';

/** Thematic groups: partners of a network working more closely on one theme (Interactive Cities had three). */
const spec = deciderSpec(networkDecider);
const joined = (cityId: string, name: string, country: string): NetworkEvent => ({
  type: 'PartnerJoined',
  data: { cityId, name, country, partnerKind: 'city', role: 'partner', newcomer: false },
});
const genoa = joined('genova-it', 'Genoa', 'IT');
const varna = joined('varna-bg', 'Varna', 'BG');
const tourism = {
  groupId: 'tourism',
  name: 'Tourism attraction',
  theme: 'Communicating the city as a tourist destination',
  memberCities: ['genova-it', 'varna-bg'],
  description: 'Strengthening the image of the city locally and internationally.',
};
const defined: NetworkEvent = { type: 'ThematicGroupDefined', data: tourism };

describe('network decider: thematic groups', () => {
  it('defines a thematic group of partners', () => {
    spec.given([registered, genoa, varna]).when({ type: 'DefineThematicGroup', data: tourism }).then([defined]);
  });

  it('changes a group defined again under the same key', () => {
    spec
      .given([registered, genoa, varna, defined])
      .when({ type: 'DefineThematicGroup', data: { ...tourism, memberCities: ['genova-it'] } })
      .then([{ type: 'ThematicGroupDefined', data: { ...tourism, memberCities: ['genova-it'] } }]);
  });

  it('records nothing when the group is defined again unchanged', () => {
    spec.given([registered, genoa, varna, defined]).when({ type: 'DefineThematicGroup', data: tourism }).then([]);
  });

  it('refuses a member city that is not a partner', () => {
    spec.given([registered, genoa]).when({ type: 'DefineThematicGroup', data: tourism }).thenFails('NOT_A_PARTNER');
  });

  it('refuses a group of a closed network', () => {
    spec.given([registered, genoa, varna, closed]).when({ type: 'DefineThematicGroup', data: tourism }).thenFails('NETWORK_CLOSED');
  });

  it('refuses a group of a network that does not exist', () => {
    spec.given([]).when({ type: 'DefineThematicGroup', data: tourism }).thenFails('NETWORK_NOT_FOUND');
  });

  it('refuses a group without members or with a key that is not a short key, at the edge', () => {
    expect(DefineThematicGroup.safeParse({ ...tourism, memberCities: [] }).success).toBe(false);
    expect(DefineThematicGroup.safeParse({ ...tourism, groupId: 'Tourism Group!' }).success).toBe(false);
  });
});
