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
    n INTEGER NOT NULL, cents INTEGER NOT NULL, PRIMARY KEY (figure, network_id, country, month, k1, k2)) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS ${runningTable(table)} (
    figure TEXT NOT NULL, network_id TEXT NOT NULL, country TEXT NOT NULL, k1 TEXT NOT NULL, k2 TEXT NOT NULL, day TEXT NOT NULL,
    stamp INTEGER NOT NULL, n INTEGER NOT NULL, cents INTEGER NOT NULL,
    PRIMARY KEY (figure, network_id, country, k1, k2, day, stamp)) WITHOUT ROWID;`;
}

/**
 * The running totals of a totals table, by day and ledger position, so that a figure as of a day
 * (as known at a position) is one row per counter: the latest at or before both. A row
 * (counter, day, stamp) holds everything counted on or before `day`, as the ledger knew it once the
 * event at position `stamp` was applied. A fact counts from the later of its world day (the day of
 * the event that counts it) and its record's date: as of day D the read models know it (world day
 * <= D) and a period ending on D includes it (date <= D), which is how "as of D" and "the period
 * ending on D" agree. The table is its own history: the read models' history skips it
 * (src/readModels/history.ts: tables named `*_running`).
 */
export const runningTable = (table: string) => `${table}_running`;

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
    addToRunning(db, table, [key.figure, key.networkId, country, key.k1 ?? '', key.k2 ?? ''], key.date, n, cents);
    for (const network of [ALL, kindKey(key.networkKind)]) {
      row(network, ALL);
      row(network, month);
      addToRunning(db, table, [key.figure, network, country, key.k1 ?? '', key.k2 ?? ''], key.date, n, cents);
    }
  }
}

const RUNNING_KEY = 'figure = ? AND network_id = ? AND country = ? AND k1 = ? AND k2 = ?';

/**
 * Adds n (and cents) to a counter's running totals from the day a fact counts (see runningTable),
 * at the position of the event being applied (`history_context`, set by the projection runner).
 * Usually that day is the counter's latest, and this writes one row. A fact dated before later
 * days the counter already has (a backdated event) also gives each of those days a new row at
 * this position, so what the ledger knew before it stays readable.
 */
function addToRunning(db: ReadModelStore, table: string, key: readonly string[], date: string, n: number, cents: number): void {
  const running = runningTable(table);
  const moment = `(SELECT max(substr(world_time, 1, 10), ?) AS day, stamp FROM history_context)`;
  db.run(
    `INSERT INTO ${running} (figure, network_id, country, k1, k2, day, stamp, n, cents)
     SELECT ?, ?, ?, ?, ?, m.day, m.stamp, coalesce(r.n, 0) + ?, coalesce(r.cents, 0) + ?
     FROM ${moment} m LEFT JOIN ${running} r ON (r.figure, r.network_id, r.country, r.k1, r.k2, r.day, r.stamp) = (
       SELECT figure, network_id, country, k1, k2, day, stamp FROM ${running}
       WHERE ${RUNNING_KEY} AND (day, stamp) <= (m.day, m.stamp) ORDER BY day DESC, stamp DESC LIMIT 1)
     WHERE true ON CONFLICT DO UPDATE SET n = excluded.n, cents = excluded.cents`,
    [...key, n, cents, date, ...key],
  );
  // The later days as scalar subqueries, not a join with history_context: joined, SQLite read every
  // row of the counter for each bump (quadratic in the log); a scalar bound seeks the range of days.
  db.run(
    `INSERT INTO ${running} (figure, network_id, country, k1, k2, day, stamp, n, cents)
     SELECT r.figure, r.network_id, r.country, r.k1, r.k2, r.day, (SELECT stamp FROM history_context), r.n + ?, r.cents + ?
     FROM ${running} r WHERE ${RUNNING_KEY.replaceAll(/(\w+) = \?/g, 'r.$1 = ?')} AND r.day > (SELECT max(substr(world_time, 1, 10), ?) FROM history_context)
       AND r.stamp = (SELECT max(stamp) FROM ${running} x WHERE ${RUNNING_KEY.replaceAll(/(\w+) = \?/g, 'x.$1 = r.$1')} AND x.day = r.day)
     ON CONFLICT DO UPDATE SET n = excluded.n, cents = excluded.cents`,
    [n, cents, ...key, date],
  );
}
