import { beforeAll, describe, expect, it } from 'vitest';
import { mutate, pause, query, useNetworkSetup } from '../support/api.js';
import { useTestApp } from '../support/testApp.js';

// The learning-need counters: read as of a day from their running totals (projections/outcomes/totals.ts).
const NEEDS = `query($filter: OutcomeFilter, $asOf: DateTime, $knownAt: DateTime) {
  outcomes(filter: $filter, asOf: $asOf, knownAt: $knownAt) { learningNeeds { raised addressed } }
}`;

const need = (networkId: string, occurredAt: string) => ({
  networkId,
  cityId: 'torino-it',
  kind: 'learning',
  topics: ['finance'],
  description: 'How to develop new impact funds?',
  occurredAt,
});

describe('counters as of a day: running totals by world day and ledger position', () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);
  const raised = async (variables: Record<string, unknown>) => (await query(t, NEEDS, variables, n.secretariat)).outcomes.learningNeeds.raised as number;
  let publishedAt: string;

  beforeAll(async () => {
    const first = (await mutate(t, 'raiseLearningNeed', need(n.networkId, '2016-03-01T10:00:00Z'), n.secretariat)).aggregateId as string;
    await mutate(t, 'raiseLearningNeed', need(n.networkId, '2016-06-01T10:00:00Z'), n.secretariat);
    // Withdrawn later: it stops counting from the day of the withdrawal, not from the day it was raised.
    await mutate(t, 'withdrawLearningNeed', { learningNeedId: first, occurredAt: '2017-01-10T10:00:00Z' }, n.secretariat);
    await pause(10);
    publishedAt = new Date().toISOString();
    await pause(10);
    // Backfilled after later counts were known: a need raised on 2016-04-01.
    await mutate(t, 'raiseLearningNeed', need(n.networkId, '2016-04-01T10:00:00Z'), n.secretariat);
  });

  it('counts a need from the day it was raised until the day it was withdrawn, as of each day', async () => {
    const asOf = async (day: string) => raised({ asOf: `${day}T12:00:00Z` });
    expect([await asOf('2016-02-29'), await asOf('2016-03-01'), await asOf('2016-04-01'), await asOf('2016-06-01'), await asOf('2017-01-09'), await asOf('2017-01-10')]).toEqual([
      0, 1, 2, 3, 3, 2,
    ]);
  });

  it('gives the same counts as the period ending that day', async () => {
    for (const day of ['2016-02-29', '2016-03-01', '2016-04-01', '2016-05-31', '2017-01-09', '2017-01-10', '2030-01-01']) {
      expect(await query(t, NEEDS, { asOf: `${day}T00:00:00Z` }, n.secretariat), day).toEqual(await query(t, NEEDS, { filter: { to: day } }, n.secretariat));
    }
  });

  it('reads a backfilled need into every later day, and leaves the days as known before it unchanged', async () => {
    expect(await raised({ asOf: '2016-12-31T00:00:00Z' })).toBe(3);
    expect(await raised({ asOf: '2016-12-31T00:00:00Z', knownAt: publishedAt })).toBe(2);
    expect(await raised({ asOf: '2016-04-30T00:00:00Z', knownAt: publishedAt })).toBe(1);
    expect(await raised({ knownAt: publishedAt })).toBe(1);
    expect(await raised({})).toBe(2);
  });
});
