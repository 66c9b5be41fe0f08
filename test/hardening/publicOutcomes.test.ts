import { describe, expect, it } from 'vitest';
import { PUBLIC_MIN_CITIES, PUBLIC_MIN_RECORDS, publicFunding } from '../../projections/openData/publicOutcomes.js';
import type { ReadModelStore } from '../../projections/types.js';

// Issue 13, item 4: public funding figures cannot single out a record.

/** A read-model store holding funding records (source, city, cents), answering publicFunding's query with SQL semantics. */
function storeWith(records: [string, string, number][]): ReadModelStore {
  return {
    all: () => {
      const bySource = new Map<string, { n: number; cities: Set<string>; cents: number }>();
      for (const [source, city, cents] of records) {
        const row = bySource.get(source) ?? { n: 0, cities: new Set(), cents: 0 };
        row.n += 1;
        row.cities.add(city);
        row.cents += cents;
        bySource.set(source, row);
      }
      return [...bySource].sort(([a], [b]) => a.localeCompare(b)).map(([source, r]) => ({ source, n: r.n, cities: r.cities.size, cents: r.cents }));
    },
  } as unknown as ReadModelStore;
}

describe('public funding figures', () => {
  const cities = ['torino-it', 'gdansk-pl', 'braga-pt', 'paris-fr', 'lviv-ua'];

  it(`leave out a source with fewer than ${PUBLIC_MIN_RECORDS} records`, () => {
    const records = cities.slice(0, PUBLIC_MIN_RECORDS - 1).map((city) => ['ESF', city, 1_000_000] as [string, string, number]);
    expect(publicFunding(storeWith(records))).toEqual([]);
  });

  it(`leave out a source of fewer than ${PUBLIC_MIN_CITIES} cities, however many records`, () => {
    const records = Array.from({ length: 10 }, (_, i) => ['ERDF', cities[i % (PUBLIC_MIN_CITIES - 1)]!, 1_000_000] as [string, string, number]);
    expect(publicFunding(storeWith(records))).toEqual([]);
  });

  it('show the others rounded to 1,000 euros', () => {
    const records = cities.map((city, i) => ['national', city, 1_234_567 + i] as [string, string, number]);
    expect(publicFunding(storeWith(records))).toEqual([{ source: 'national', cents: 6_200_000 }]);
  });
});
