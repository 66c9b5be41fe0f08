import { afterEach, describe, expect, it } from 'vitest';
import { outcomeLocalGroupsProjection, outcomeMeetingsProjection, outcomeNeedsProjection, outcomePracticesProjection } from '../../projections/outcomes/exchange.js';
import { outcomeNetworksProjection } from '../../projections/outcomes/networks.js';
import { outcomePlansProjection } from '../../projections/outcomes/plans.js';
import * as outcomes from '../../projections/outcomes/queries.js';
import type { OutcomeFilter } from '../../projections/outcomes/queries.js';
import { outcomeTransfersProjection } from '../../projections/outcomes/transfers.js';
import type { Projection, ReadModelStore } from '../../projections/types.js';
import { allEvents, exchangeEvents, networkEvents, planEvents, transferEvents } from './fixtures.js';
import { incrementalAndRebuilt, projectedAndRebuilt, type ProjectionHarness } from '../support/projectionSpec.js';

const outcomeProjections: [Projection, typeof allEvents][] = [
  [outcomeNetworksProjection, networkEvents],
  [outcomePlansProjection, planEvents],
  [outcomeTransfersProjection, transferEvents],
  [outcomeNeedsProjection, [...networkEvents, ...exchangeEvents]],
  [outcomeMeetingsProjection, [...networkEvents, ...exchangeEvents]],
  [outcomeLocalGroupsProjection, [...networkEvents, ...exchangeEvents]],
  [outcomePracticesProjection, exchangeEvents],
];

describe('outcome projections: rebuild equals incremental', () => {
  let harness: ProjectionHarness | undefined;
  afterEach(async () => harness?.close());
  for (const [projection, events] of outcomeProjections) {
    it(projection.name, async () => {
      const result = await incrementalAndRebuilt([projection], events, 2);
      harness = result.harness;
      expect(result.rebuilt).toEqual(result.incremental);
      expect(Object.values(result.incremental).some((rows) => rows.length > 0)).toBe(true);
    });
  }
});

describe('outcome figures', () => {
  let db: ReadModelStore;
  const scope = (filter: OutcomeFilter = {}) => outcomes.scopeOf(db, filter);
  const load = async () => (db = await projectedAndRebuilt(outcomeProjections.map(([p]) => p), allEvents, 7));

  it('count plans, actions and funding, from totals or by period, and drill down to the rows', async () => {
    const db = await load();
    expect(outcomes.planFigures(db, scope())).toEqual({ drafted: 2, endorsed: 1 });
    expect(outcomes.planFigures(db, scope({ from: '2018-01-01', to: '2018-12-31' }))).toEqual({ drafted: 0, endorsed: 1 });
    expect(outcomes.planFigures(db, scope({ country: 'pl' }))).toEqual({ drafted: 1, endorsed: 0 });
    expect(outcomes.planFigures(db, scope({ kind: 'transfer' }))).toEqual({ drafted: 0, endorsed: 0 });
    expect(outcomes.planFigures(db, scope({ theme: 'Impact Finance' }))).toEqual({ drafted: 2, endorsed: 1 });
    expect(outcomes.planRecords(db, scope(), true, 10, 0).map((p) => p.city_id)).toEqual(['torino-it']);

    expect(outcomes.actionCounts(db, scope())).toEqual([
      { phase: 'design', status: 'implemented', count: 1 },
      { phase: 'design', status: 'planned', count: 1 },
      { phase: 'ideation', status: 'abandoned', count: 1 },
      { phase: 'ideation', status: 'planned', count: 1 },
      { phase: 'realisation', status: 'implemented', count: 1 },
    ]);
    // With a period: actions whose current status dates from it.
    expect(outcomes.actionCounts(db, scope({ from: '2019-01-01', to: '2019-12-31' }))).toEqual([{ phase: 'realisation', status: 'implemented', count: 1 }]);
    expect(outcomes.actionRecords(db, scope(), { status: 'implemented' }, 10, 0).map((a) => a.title)).toEqual(['Social innovation hub', 'Torino Social Factory']);
    expect(outcomes.actionRecords(db, scope(), { addedAfterEndorsement: true }, 10, 0).map((a) => a.title)).toEqual(['Roadshow promoting TSI']);

    expect(outcomes.fundingBySource(db, scope())).toEqual([
      { source: 'ESF', cents: 155_000_000, count: 2 },
      { source: 'national', cents: 4_450_001, count: 1 },
    ]);
    expect(outcomes.fundingBySource(db, scope({ from: '2019-01-01' }))).toEqual([
      { source: 'ESF', cents: 5_000_000, count: 1 },
      { source: 'national', cents: 4_450_001, count: 1 },
    ]);
    expect(outcomes.fundingRecords(db, scope(), 'national', 10, 0).map((f) => f.programme)).toEqual(['PON Metro 3.3.1B']);
    expect(outcomes.fundingBySource(db, scope({ country: 'PL' }))).toEqual([]);
  });

  it('count transfers, practices, needs, meetings, newcomers and local groups', async () => {
    const db = await load();
    expect(outcomes.transferFigures(db, scope())).toEqual({
      started: 2,
      completed: 1,
      abandoned: 1,
      inProgressByStage: [],
    });
    expect(outcomes.practicesTransferred(db, scope())).toBe(1);
    expect(outcomes.practicesTransferred(db, scope({ country: 'HU' }))).toBe(0);
    expect(outcomes.transferFigures(db, scope({ country: 'HU' }))).toMatchObject({ started: 1, completed: 0, abandoned: 1 });
    expect(outcomes.transferFigures(db, scope({ to: '2020-06-30' }))).toMatchObject({ completed: 0, abandoned: 1 });
    expect(outcomes.transferRecords(db, scope(), { status: 'completed' }, 10, 0).map((t) => t.receiving_city_id)).toEqual(['gdansk-pl']);

    expect(outcomes.practicesLabelled(db, scope())).toBe(1);
    expect(outcomes.practicesLabelled(db, scope({ kind: 'actionPlanning' }))).toBe(1);
    expect(outcomes.labelledRecords(db, scope(), 10, 0).map((p) => p.title)).toEqual(['Co-City Torino']);

    expect(outcomes.needFigures(db, scope())).toEqual({ raised: 2, addressed: 1 });
    expect(outcomes.needRecords(db, scope(), true, 10, 0)).toMatchObject([{ kind: 'capacityBuilding', addressed_on: '2016-02-19', status: 'closed' }]);
    expect(outcomes.needFigures(db, scope({ country: 'PL' }))).toEqual({ raised: 0, addressed: 0 });

    expect(outcomes.meetingFigures(db, scope())).toEqual({
      held: 1,
      participants: 4,
      byCountry: [
        { country: 'IT', participants: 2, meetings: 1 },
        { country: 'PL', participants: 2, meetings: 1 },
      ],
    });
    expect(outcomes.meetingFigures(db, scope({ from: '2016-02-17', to: '2016-02-17' }))).toMatchObject({ held: 1 });
    expect(outcomes.meetingFigures(db, scope({ from: '2016-02-18' }))).toMatchObject({ held: 0 });
    expect(outcomes.meetingFigures(db, scope({ from: '2016-02-18', country: 'HU' }))).toMatchObject({ held: 0, participants: 0 });
    expect(outcomes.meetingRecords(db, scope(), 10, 0).map((m) => [m.title, m.start_date, m.participants])).toEqual([['Torino meeting', '2016-02-17', 4]]);
    expect(outcomes.attendanceRecords(db, scope({ country: 'PL' }), 10, 0)).toHaveLength(1);

    expect(outcomes.newcomerFigures(db, scope())).toEqual({ cities: 2, byCountry: [{ country: 'HU', cities: 1 }, { country: 'PL', cities: 1 }] });
    expect(outcomes.newcomerFigures(db, scope({ kind: 'actionPlanning' }))).toEqual({ cities: 1, byCountry: [{ country: 'PL', cities: 1 }] });
    expect(outcomes.newcomerRecords(db, scope({ from: '2019-01-01' }), 10, 0).map((p) => p.city_id)).toEqual(['budapest-hu']);

    expect(outcomes.helixComposition(db, scope())).toEqual([
      { helix: 'knowledge', stakeholders: 1, planned: 1 },
      { helix: 'private', stakeholders: 1, planned: 0 },
      { helix: 'public', stakeholders: 1, planned: 0 },
    ]);
    expect(outcomes.stakeholderRecords(db, scope(), 'public', 10, 0).map((s) => s.name)).toEqual(['City of Torino']);
  });

  it('give the same figures from the pre-aggregated totals (all months or monthly) as from the fact rows', async () => {
    const db = await load();
    const figures = (filter: OutcomeFilter, factsOnly = false) => {
      const sc = { ...scope(filter), factsOnly };
      return {
        plans: outcomes.planFigures(db, sc),
        actions: outcomes.actionCounts(db, sc),
        funding: outcomes.fundingBySource(db, sc),
        needs: outcomes.needFigures(db, sc),
        meetings: outcomes.meetingFigures(db, sc),
        helix: outcomes.helixComposition(db, sc),
        transfers: outcomes.transferFigures(db, sc),
      };
    };
    const periods = [
      {},
      { from: '1900-01-01', to: '2999-12-31' },
      { from: '2016-02-18', to: '2018-06-15' },
      { from: '2016-02-01', to: '2018-05-31' },
      { from: '2015-10-02' },
      { to: '2018-05-30' },
      { from: '2016-02-17', to: '2016-02-17' },
      { from: '2018-06-02', to: '2019-06-01' },
      { from: '2019-03-01', to: '2019-12-31' },
      { from: '2020-01-10', to: '2020-09-01' },
    ];
    const filters = [{}, { country: 'IT' }, { country: 'PL' }, { kind: 'actionPlanning' }, { kind: 'innovationTransfer', country: 'HU' }, { kind: 'innovationTransfer' }, { theme: 'commons' }];
    for (const filter of filters) {
      for (const period of periods) {
        const f = { ...filter, ...period };
        expect(figures(f), JSON.stringify(f)).toEqual(figures(f, true));
      }
    }
    expect(figures({})).toEqual(figures({ from: '1900-01-01', to: '2999-12-31' }));
  });
});
