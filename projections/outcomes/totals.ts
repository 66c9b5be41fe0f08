import type { ReadModelStore } from '../types.js';

/** The country of a totals row that sums every country of its network. */
export const ALL_COUNTRIES = '*';

/**
 * Pre-aggregated counters: one row per figure, network, country and breakdown key, plus a row per
 * network for all its countries (country `*`). An outcome query without a period sums at most a
 * few hundred or thousand rows however long the log is: per network for "all countries", or per
 * network for one country.
 */
export function totalsTableSql(table: string): string {
  return `CREATE TABLE IF NOT EXISTS ${table} (
    figure TEXT NOT NULL, network_id TEXT NOT NULL, country TEXT NOT NULL, k1 TEXT NOT NULL, k2 TEXT NOT NULL,
    n INTEGER NOT NULL, cents INTEGER NOT NULL, PRIMARY KEY (figure, network_id, country, k1, k2)) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS ${table}_country ON ${table} (figure, country, network_id, k1, k2, n, cents);`;
}

/** Adds n (and cents) to a counter, for the country and for all countries of the network. */
export function bump(
  db: ReadModelStore,
  table: string,
  key: { figure: string; networkId: string; country: string; k1?: string; k2?: string },
  n: number,
  cents = 0,
): void {
  const sql = `INSERT INTO ${table} (figure, network_id, country, k1, k2, n, cents) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (figure, network_id, country, k1, k2) DO UPDATE SET n = n + excluded.n, cents = cents + excluded.cents`;
  for (const country of [key.country, ALL_COUNTRIES]) {
    db.run(sql, [key.figure, key.networkId, country, key.k1 ?? '', key.k2 ?? '', n, cents]);
  }
}

/** Adds to the counter of one exact row (a figure that only exists for all countries, or only per country). */
export function bumpExact(
  db: ReadModelStore,
  table: string,
  key: { figure: string; networkId: string; country: string; k1?: string; k2?: string },
  n: number,
  cents = 0,
): void {
  db.run(
    `INSERT INTO ${table} (figure, network_id, country, k1, k2, n, cents) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (figure, network_id, country, k1, k2) DO UPDATE SET n = n + excluded.n, cents = cents + excluded.cents`,
    [key.figure, key.networkId, key.country, key.k1 ?? '', key.k2 ?? '', n, cents],
  );
}
