import { describe, expect, it } from 'vitest';
import { actionPlansProjection } from '../../projections/actionPlan/actionPlans.js';
import { findPlan, fundingOfAction, fundingTotalsOfPlan, indicatorValues, listActions, listClusters, listIndicators, listPlans, statusHistory } from '../../projections/actionPlan/queries.js';
import { ACTIONS, APN, planEvents, TORINO_PLAN } from '../outcomes/fixtures.js';
import { projectedAndRebuilt } from '../support/projectionSpec.js';

describe('action plan read model', () => {
  it('project plans, clusters, actions, status history, funding and indicators; rebuild equals incremental', async () => {
    const db = await projectedAndRebuilt([actionPlansProjection], planEvents, 2);
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
});
