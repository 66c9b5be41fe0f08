import type { ReadModelStore } from '../types.js';

/**
 * Pre-aggregated counters: one row per network, country and breakdown key, so that an
 * unbounded-period outcome query sums a few hundred rows however long the log is.
 */
export function totalsTableSql(table: string): string {
  return `CREATE TABLE IF NOT EXISTS ${table} (
    figure TEXT NOT NULL, network_id TEXT NOT NULL, country TEXT NOT NULL, k1 TEXT NOT NULL, k2 TEXT NOT NULL,
    n INTEGER NOT NULL, cents INTEGER NOT NULL, PRIMARY KEY (figure, network_id, country, k1, k2)) WITHOUT ROWID;`;
}

export function bump(
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
