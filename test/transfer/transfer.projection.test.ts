import { describe, expect, it } from 'vitest';
import { findTransfer, listTransfers, transferHistory } from '../../projections/transfer/queries.js';
import { transfersProjection } from '../../projections/transfer/transfers.js';
import { COCITY_BUDAPEST, COCITY_GDANSK, ITN, transferEvents } from '../outcomes/fixtures.js';
import { projectedAndRebuilt } from '../support/projectionSpec.js';

describe('transfer read model', () => {
  it('project transfers with their history; rebuild equals incremental', async () => {
    const db = await projectedAndRebuilt([transfersProjection], transferEvents, 3);
    expect(findTransfer(db, COCITY_GDANSK)).toMatchObject({ stage: 'reuse', status: 'completed', ended_on: '2020-09-01', readiness_score: 5 });
    expect(findTransfer(db, COCITY_BUDAPEST)).toMatchObject({ stage: 'understand', status: 'abandoned', end_note: 'Budapest left the network' });
    expect(transferHistory(db, COCITY_GDANSK).map((h) => [h.kind, h.stage])).toEqual([
      ['stage', 'understand'],
      ['readiness', 'understand'],
      ['stage', 'adapt'],
      ['milestone', 'adapt'],
      ['transferPlan', 'adapt'],
      ['investmentPlan', 'adapt'],
      ['stage', 'reuse'],
      ['readiness', 'reuse'],
      ['completed', 'reuse'],
    ]);
    expect(transferHistory(db, COCITY_GDANSK, ['investmentPlan'])[0]).toMatchObject({ total_cents: 30_000_000, version: 1 });
    expect(listTransfers(db, { networkId: ITN, cityId: 'torino-it' }, 10, 0)).toHaveLength(2);
    expect(listTransfers(db, { status: 'abandoned' }, 10, 0).map((t) => t.receiving_city_id)).toEqual(['budapest-hu']);
  });
});
