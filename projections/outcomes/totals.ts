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
 *
 * Three statements whatever the number of counters (the totals rows, then the running totals and
 * their later days, each statement over a list of counters), instead of one per row and two per
 * running counter: a learning need bumped 10 totals rows and 6 running counters in 22 statements,
 * and their per-statement cost was most of the outcome projections' share of a write.
 */
export function bump(db: ReadModelStore, table: string, key: TotalsKey, n: number, cents = 0, countries: 'both' | 'all' | 'own' = 'both'): void {
  const month = key.date.slice(0, 7);
  const k1 = key.k1 ?? '';
  const k2 = key.k2 ?? '';
  const countryKeys = countries === 'both' ? [key.country, ALL] : countries === 'all' ? [ALL] : [key.country];
  // The same counter twice (a record whose country is the all-countries key) counts twice, as two bumps would.
  const totals = new Map<string, { readonly counter: readonly string[]; times: number }>();
  const running = new Map<string, { readonly counter: readonly string[]; times: number }>();
  const add = (into: typeof totals, counter: readonly string[]) => {
    const id = counter.join('\u0000');
    const seen = into.get(id);
    if (seen) seen.times += 1;
    else into.set(id, { counter, times: 1 });
  };
  for (const country of countryKeys) {
    add(totals, [key.figure, key.networkId, country, ALL, k1, k2]);
    add(running, [key.figure, key.networkId, country, k1, k2]);
    for (const network of [ALL, kindKey(key.networkKind)]) {
      add(totals, [key.figure, network, country, ALL, k1, k2]);
      add(totals, [key.figure, network, country, month, k1, k2]);
      add(running, [key.figure, network, country, k1, k2]);
    }
  }
  const values = (rows: typeof totals) => [...rows.values()].flatMap(({ counter, times }) => [...counter, n * times, cents * times]);
  const { upsert, running: statements } = statementsFor(table, totals.size, running.size);
  db.run(upsert, values(totals));
  const counters = values(running);
  db.run(statements.latest, [key.date, ...counters]);
  db.run(statements.laterDays, [key.date, ...counters]);
}

interface BumpStatements {
  readonly upsert: string;
  readonly running: { readonly latest: string; readonly laterDays: string };
}

/** The statements of a bump by table and number of counters, built once (their text is the statement cache's key). */
const bumpStatements = new Map<string, BumpStatements>();

function statementsFor(table: string, totalsRows: number, runningCounters: number): BumpStatements {
  const id = `${table} ${totalsRows} ${runningCounters}`;
  let statements = bumpStatements.get(id);
  if (!statements) {
    const rows = (count: number, width: number) => Array.from({ length: count }, () => `(${Array.from({ length: width }, () => '?').join(', ')})`).join(', ');
    statements = {
      upsert: `INSERT INTO ${table} (figure, network_id, country, month, k1, k2, n, cents) VALUES ${rows(totalsRows, 8)}
        ON CONFLICT (figure, network_id, country, month, k1, k2) DO UPDATE SET n = n + excluded.n, cents = cents + excluded.cents`,
      running: runningStatements(table, rows(runningCounters, 7)),
    };
    bumpStatements.set(id, statements);
  }
  return statements;
}

/**
 * Adds n (and cents) to counters' running totals from the day a fact counts (see runningTable), at
 * the position of the event being applied (`history_context`, set by the projection runner); the
 * counters come as a VALUES list of (figure, network_id, country, k1, k2, n, cents), after the
 * record's date. `latest`: each counter's row at that day and position, from its latest row at or
 * before them (usually the counter's latest, and this writes one row a counter). `laterDays`: a fact
 * dated before later days the counter already has (a backdated event) also gives each of those days
 * a new row at this position, so what the ledger knew before it stays readable. The moment is read
 * first and the counters' rows are sought from it (CROSS JOIN keeps that order): joined the other
 * way, SQLite read every row of a counter for each bump (quadratic in the log).
 */
function runningStatements(table: string, counters: string): { latest: string; laterDays: string } {
  const running = runningTable(table);
  const moment = `(SELECT max(substr(world_time, 1, 10), ?) AS day, stamp FROM history_context)`;
  const sameCounter = (alias: string) =>
    `${alias}.figure = c.column1 AND ${alias}.network_id = c.column2 AND ${alias}.country = c.column3 AND ${alias}.k1 = c.column4 AND ${alias}.k2 = c.column5`;
  return {
    latest: `INSERT INTO ${running} (figure, network_id, country, k1, k2, day, stamp, n, cents)
     SELECT c.column1, c.column2, c.column3, c.column4, c.column5, m.day, m.stamp, coalesce(r.n, 0) + c.column6, coalesce(r.cents, 0) + c.column7
     FROM ${moment} m CROSS JOIN (VALUES ${counters}) c LEFT JOIN ${running} r ON (r.figure, r.network_id, r.country, r.k1, r.k2, r.day, r.stamp) = (
       SELECT x.figure, x.network_id, x.country, x.k1, x.k2, x.day, x.stamp FROM ${running} x
       WHERE ${sameCounter('x')} AND (x.day, x.stamp) <= (m.day, m.stamp) ORDER BY x.day DESC, x.stamp DESC LIMIT 1)
     WHERE true ON CONFLICT DO UPDATE SET n = excluded.n, cents = excluded.cents`,
    laterDays: `INSERT INTO ${running} (figure, network_id, country, k1, k2, day, stamp, n, cents)
     SELECT r.figure, r.network_id, r.country, r.k1, r.k2, r.day, m.stamp, r.n + c.column6, r.cents + c.column7
     FROM ${moment} m CROSS JOIN (VALUES ${counters}) c CROSS JOIN ${running} r
     WHERE ${sameCounter('r')} AND r.day > m.day
       AND r.stamp = (SELECT max(x.stamp) FROM ${running} x WHERE x.figure = r.figure AND x.network_id = r.network_id AND x.country = r.country
         AND x.k1 = r.k1 AND x.k2 = r.k2 AND x.day = r.day)
     ON CONFLICT DO UPDATE SET n = excluded.n, cents = excluded.cents`,
  };
}
