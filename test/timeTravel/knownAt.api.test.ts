import { beforeAll, describe, expect, it } from 'vitest';
import { mutate, pause, query, useNetworkSetup } from '../support/api.js';
import { useTestApp } from '../support/testApp.js';

// The secretariat's figures: the public headline totals take no moment (they could single out records).
const HEADLINES = `query($asOf: DateTime, $knownAt: DateTime) {
  outcomes(asOf: $asOf, knownAt: $knownAt) { newcomers { cities } meetings { held } }
}`;
const newcomerCities = (answer: Record<string, any>) => answer.outcomes.newcomers.cities as number;

describe('two time axes: as of a date in the world, as known by the ledger at a date', () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);

  beforeAll(async () => {
    await mutate(t, 'joinNetwork', { networkId: n.networkId, cityId: 'pecs-hu', name: 'Pécs', country: 'HU', newcomer: true, occurredAt: '2016-01-10T00:00:00Z' }, n.secretariat);
  });

  it('reproduces an answer as it was published after later backdated writes', async () => {
    const published = await query(t, HEADLINES, { asOf: '2017-12-31T00:00:00Z' }, n.secretariat);
    await pause(10);
    const publishedAt = new Date().toISOString();
    await pause(10);
    // Later, the secretariat backfills a newcomer that had joined in 2016.
    const backfilled = await mutate(
      t,
      'joinNetwork',
      { networkId: n.networkId, cityId: 'szeged-hu', name: 'Szeged', country: 'HU', newcomer: true, occurredAt: '2016-06-01T00:00:00Z' },
      n.secretariat,
    );
    expect(backfilled.__typename).toBe('JoinNetworkPayload');

    const now = await query(t, HEADLINES, { asOf: '2017-12-31T00:00:00Z' }, n.secretariat);
    expect(newcomerCities(now)).toBe(newcomerCities(published) + 1);
    const asKnown = await query(t, HEADLINES, { asOf: '2017-12-31T00:00:00Z', knownAt: publishedAt }, n.secretariat);
    expect(asKnown.outcomes).toEqual(published.outcomes);
  });

  it('answers "as known at" without asOf: everything recorded by then, whenever it occurred', async () => {
    const before = await query(t, HEADLINES, { knownAt: '2000-01-01T00:00:00Z' }, n.secretariat);
    expect(newcomerCities(before)).toBe(0);
    const today = await query(t, HEADLINES, { knownAt: new Date().toISOString() }, n.secretariat);
    expect(today.outcomes).toEqual((await query(t, HEADLINES, {}, n.secretariat)).outcomes);
  });

  it('answers at most 20 distinct moments in one request and refuses the others with a code', async () => {
    const aliases = (count: number) =>
      Array.from({ length: count }, (_, i) => `m${i}: outcomes(asOf: "${2000 + i}-06-30T00:00:00Z") { newcomers { cities } }`).join('\n');
    const twenty = await query(t, `{ ${aliases(20)} }`, {}, n.secretariat);
    expect(Object.keys(twenty)).toHaveLength(20);
    // A 21st moment, on a field without an alias (a request has at most 20 aliases).
    const res = await t.gql(`{ ${aliases(20)} outcomes(asOf: "1990-06-30T00:00:00Z") { newcomers { cities } } }`, {}, n.secretariat);
    expect((res.errors ?? []).map((e) => e.extensions?.code)).toContain('TOO_MANY_MOMENTS');
    expect(res.data ?? null).toBeNull();
  });
});
