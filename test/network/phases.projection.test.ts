import { describe, expect, it } from 'vitest';
import { networkPhasesProjection } from '../../projections/network/phases.js';
import { findNetworkPhase } from '../../projections/network/queries.js';
import { projectedAndRebuilt, type StreamEvent } from '../support/projectionSpec.js';

const ID = '01JABCDEFGHJKMNPQRSTVWXYZ0';
const N = `network-${ID}`;
const events: StreamEvent[] = [
  {
    streamId: N,
    type: 'NetworkRegistered',
    data: { name: 'BoostInno', kind: 'actionPlanning', theme: 'Social innovation', topics: [], startDate: '2015-09-01', endDate: '2018-05-31' },
  },
  { streamId: N, type: 'BaselineStudyRecorded', data: { title: 'Draft', date: '2016-01-10', summary: 'draft', url: null } },
  {
    streamId: N,
    type: 'BaselineStudyRecorded',
    data: { title: 'BoostInno baseline study', date: '2016-03-14', summary: '', url: 'https://urbact.eu/boostinno' },
    occurredAt: '2016-03-14T10:00:00.000Z',
  },
  { streamId: N, type: 'ImplementationPhaseStarted', data: { startDate: '2016-05-01' } },
];

describe('network phases projection', () => {
  it('follows a network from activation to implementation; rebuild equals incremental', async () => {
    const db = await projectedAndRebuilt([networkPhasesProjection], events, 1);
    expect(findNetworkPhase(db, ID)).toEqual({
      network_id: ID,
      phase: 'implementation',
      baseline_title: 'BoostInno baseline study',
      baseline_date: '2016-03-14',
      baseline_summary: '',
      baseline_url: 'https://urbact.eu/boostinno',
      baseline_recorded_at: '2016-03-14T10:00:00.000Z',
      implementation_start_date: '2016-05-01',
    });
  });
});
