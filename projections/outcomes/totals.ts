import type { ReadModelStore } from '../types.js';

/** The country, network or month of a totals row that sums all of them. */
export const ALL = '*';

/** The network key of the rows that sum every network of a kind. */
export const kindKey = (kind: string) => `kind:${kind}`;

/**
 * Pre-aggregated counters, so outcome queries sum a few hundred or thousand rows however long the
 * log is. Each fact is counted in several rows:
 * - per network (all months): for filters that select networks (kind, theme), with or without a country;
 * - for all networks (`*`) and per network kind (`kind:<kind>`), per month of the record's date and
 *   for all months: for periods, whose whole months are summed from here and whose partial months at
 *   either end are counted from the fact rows.
 * Each of these exists for the record's country and for all countries (`*`), unless the figure
 * only exists for one of them.
 */
export function totalsTableSql(table: string): string {
  return `CREATE TABLE IF NOT EXISTS ${table} (
    figure TEXT NOT NULL, network_id TEXT NOT NULL, country TEXT NOT NULL, month TEXT NOT NULL, k1 TEXT NOT NULL, k2 TEXT NOT NULL,
    n INTEGER NOT NULL, cents INTEGER NOT NULL, PRIMARY KEY (figure, network_id, country, month, k1, k2)) WITHOUT ROWID;`;
}

export interface TotalsKey {
  readonly figure: string;
  readonly networkId: string;
  readonly networkKind: string;
  readonly country: string;
  /** The record's date (YYYY-MM-DD) for period filters. */
  readonly date: string;
  readonly k1?: string;
  readonly k2?: string;
}

/**
 * Adds n (and cents) to every counter of a fact. `countries`: 'both' counts the record's country
 * and all countries; 'all' only all countries; 'own' only the record's country.
 */
export function bump(db: ReadModelStore, table: string, key: TotalsKey, n: number, cents = 0, countries: 'both' | 'all' | 'own' = 'both'): void {
  const sql = `INSERT INTO ${table} (figure, network_id, country, month, k1, k2, n, cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (figure, network_id, country, month, k1, k2) DO UPDATE SET n = n + excluded.n, cents = cents + excluded.cents`;
  const month = key.date.slice(0, 7);
  const countryKeys = countries === 'both' ? [key.country, ALL] : countries === 'all' ? [ALL] : [key.country];
  for (const country of countryKeys) {
    const row = (network: string, m: string) => db.run(sql, [key.figure, network, country, m, key.k1 ?? '', key.k2 ?? '', n, cents]);
    row(key.networkId, ALL);
    for (const network of [ALL, kindKey(key.networkKind)]) {
      row(network, ALL);
      row(network, month);
    }
  }
}
