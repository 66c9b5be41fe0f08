import { afterEach, describe, expect, it } from 'vitest';
import { actionPlansProjection } from '../../projections/actionPlan/actionPlans.js';
import { findPlan, fundingOfAction, fundingTotalsOfPlan, indicatorValues, listActions, listClusters, listIndicators, listPlans, statusHistory } from '../../projections/actionPlan/queries.js';
import { listTransfers, findTransfer, transferHistory } from '../../projections/transfer/queries.js';
import { transfersProjection } from '../../projections/transfer/transfers.js';
import { ACTIONS, APN, COCITY_BUDAPEST, COCITY_GDANSK, ITN, planEvents, TORINO_PLAN, transferEvents } from '../outcomes/fixtures.js';
import { incrementalAndRebuilt, type ProjectionHarness } from '../support/projectionSpec.js';

describe('action plan and transfer read models', () => {
  let harness: ProjectionHarness | undefined;
  afterEach(async () => harness?.close());

  it('project plans, clusters, actions, status history, funding and indicators; rebuild equals incremental', async () => {
    const result = await incrementalAndRebuilt([actionPlansProjection], planEvents, 2);
    harness = result.harness;
    expect(result.rebuilt).toEqual(result.incremental);
    const db = harness.db;
    expect(findPlan(db, TORINO_PLAN)).toMatchObject({ city_id: 'torino-it', country: 'IT', vision: 'Revised', endorsed_on: '2018-05-30', endorsed_by: 'City Council', revision: 16 });
    expect(listClusters(db, TORINO_PLAN).map((c) => c.key)).toEqual(['collective-actions', 'civic-technologies', 'finance']);
    const actions = listActions(db, TORINO_PLAN, {}, 10, 0);
    expect(actions.map((a) => [a.title, a.status, a.added_after_endorsement])).toEqual([
      ['Torino Social Factory', 'implemented', 0],
      ['Civic Crowdfunding Academy', 'planned', 0],
      ['Turin Beacons Network project', 'abandoned', 0],
      ['Roadshow promoting TSI', 'planned', 1],
    ]);
    expect(listActions(db, TORINO_PLAN, { addedAfterEndorsement: true }, 10, 0).map((a) => a.title)).toEqual(['Roadshow promoting TSI']);
    expect(listActions(db, TORINO_PLAN, { phase: 'design', status: 'planned', clusterKey: 'finance' }, 10, 0)).toHaveLength(1);
    expect(statusHistory(db, ACTIONS.factory).map((s) => [s.from_status, s.to_status, s.date])).toEqual([
      ['planned', 'inProgress', '2018-06-01'],
      ['inProgress', 'implemented', '2019-06-01'],
    ]);
    expect(fundingOfAction(db, ACTIONS.crowdfunding).map((f) => f.amount_cents)).toEqual([5_000_000, 4_450_001]);
    expect(fundingTotalsOfPlan(db, TORINO_PLAN)).toEqual([
      { source: 'ESF', cents: 155_000_000, count: 2 },
      { source: 'national', cents: 4_450_001, count: 1 },
    ]);
    const [indicator] = listIndicators(db, TORINO_PLAN);
    // The latest value is the one with the latest date, not the last one recorded.
    expect(indicator).toMatchObject({ latest_value: 34, latest_date: '2019-12-31', target: 50 });
    expect(indicatorValues(db, indicator!.id).map((v) => v.value)).toEqual([12, 34]);
    expect(listPlans(db, { networkId: APN, endorsed: false }, 10, 0).map((p) => p.city_id)).toEqual(['gdansk-pl']);
    expect(listPlans(db, { cityId: 'torino-it', endorsed: true }, 10, 0)).toHaveLength(1);
  });

  it('project transfers with their history; rebuild equals incremental', async () => {
    const result = await incrementalAndRebuilt([transfersProjection], transferEvents, 3);
    harness = result.harness;
    expect(result.rebuilt).toEqual(result.incremental);
    const db = harness.db;
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
