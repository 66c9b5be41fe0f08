import { describe, expect, it } from 'vitest';
import { listThematicGroups, thematicGroupsProjection } from '../../projections/network/thematicGroups.js';
import { projectedAndRebuilt, type StreamEvent } from '../support/projectionSpec.js';

const NETWORK = '01JABCDEFGHJKMNPQRSTVWXYZ0';
const N = `network-${NETWORK}`;
const tourism = { groupId: 'tourism', name: 'Tourism attraction', theme: 'tourism', description: '' };
const events: StreamEvent[] = [
  { streamId: N, type: 'ThematicGroupDefined', data: { ...tourism, memberCities: ['genoa-it', 'varna-bg'] } },
  { streamId: N, type: 'ThematicGroupDefined', data: { groupId: 'business', name: 'Business promotion', theme: 'business', memberCities: ['paris-fr'], description: '' } },
  { streamId: N, type: 'ThematicGroupDefined', data: { ...tourism, memberCities: ['genoa-it'] } },
];

describe('thematic groups projection', () => {
  it('keeps the latest definition of each group, by name, and a rebuild equals the incremental run', async () => {
    const db = await projectedAndRebuilt([thematicGroupsProjection], events, 2);
    expect(listThematicGroups(db, NETWORK).map((g) => [g.group_id, JSON.parse(g.member_cities)])).toEqual([
      ['business', ['paris-fr']],
      ['tourism', ['genoa-it']],
    ]);
  });
});
