import { afterEach, describe, expect, it } from 'vitest';
import { ALL, bump, kindKey, runningTable, totalsTableSql } from '../../projections/outcomes/totals.js';
import { ReadModelDatabase } from '../../src/readModels/database.js';
import { setAppliedEvent, setUpHistoryContext } from '../../src/readModels/history.js';

/**
 * The counters `bump` writes, checked against their definition, fact by fact: the totals hold the
 * sum of every fact per counter (all months and per month), and the running totals read as of a
 * day D as known at a position S (the latest row at or before both, as the outcome queries read
 * them) hold the facts recorded up to S that count on or before D (from the later of the event's
 * world day and the record's date). Facts come in and out of order (backdated ones), in several
 * networks, kinds and countries, with each way of counting countries.
 */
interface Fact {
  readonly stamp: number;
  readonly worldTime: string;
  readonly networkId: string;
  readonly kind: string;
  readonly country: string;
  readonly date: string;
  readonly k1: string;
  readonly n: number;
  readonly cents: number;
  readonly countries: 'both' | 'all' | 'own';
}

const TABLE = 'test_totals';

const networks = [
  { networkId: 'n1', kind: 'a' },
  { networkId: 'n2', kind: 'a' },
  { networkId: 'n3', kind: 'b' },
];
const days = ['2020-01-15', '2020-02-03', '2020-02-20', '2020-03-01', '2020-05-31', '2021-01-01'];

/** A fixed pseudo-random sequence: the same facts on every run. */
function facts(count: number): Fact[] {
  let seed = 7;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const list: Fact[] = [];
  let world = 0;
  let stamp = 10;
  for (let i = 0; i < count; i++) {
    // Some events count two facts (one stamp, one world time); world time mostly moves on, and
    // every few facts one is dated before days already counted.
    const sameEvent = i > 0 && next(5) === 0;
    if (!sameEvent) {
      stamp += 3;
      world = Math.min(days.length - 1, world + (next(3) === 0 ? 1 : 0));
    }
    const network = networks[next(networks.length)]!;
    list.push({
      stamp,
      worldTime: `${days[world]}T10:00:00.000Z`,
      ...network,
      country: ['IT', 'FR'][next(2)]!,
      date: next(4) === 0 ? days[next(days.length)]! : days[world]!,
      k1: ['raised', 'addressed'][next(2)]!,
      n: next(5) === 0 ? -1 : 1 + next(2),
      cents: next(3) * 100,
      countries: (['both', 'both', 'all', 'own'] as const)[next(4)]!,
    });
  }
  return list;
}

const countryKeys = (fact: Fact) => (fact.countries === 'both' ? [fact.country, ALL] : fact.countries === 'all' ? [ALL] : [fact.country]);
const countsOn = (fact: Fact) => (fact.worldTime.slice(0, 10) > fact.date ? fact.worldTime.slice(0, 10) : fact.date);

describe('outcome counters (projections/outcomes/totals.ts)', () => {
  let db: ReadModelDatabase;
  afterEach(() => db.close());

  const record = (list: readonly Fact[]) => {
    db = new ReadModelDatabase(':memory:');
    setUpHistoryContext(db);
    db.exec(totalsTableSql(TABLE));
    for (const fact of list) {
      setAppliedEvent(db, { stamp: fact.stamp, recordedAt: fact.worldTime, worldTime: fact.worldTime });
      bump(db, TABLE, { figure: 'f', networkId: fact.networkId, networkKind: fact.kind, country: fact.country, date: fact.date, k1: fact.k1 }, fact.n, fact.cents, fact.countries);
    }
  };

  it('sum every fact in each of its counters, for all months and per month', () => {
    const list = facts(120);
    record(list);
    const expected = new Map<string, { n: number; cents: number }>();
    for (const fact of list) {
      const month = fact.date.slice(0, 7);
      for (const country of countryKeys(fact)) {
        const rows: [string, string][] = [[fact.networkId, ALL], [ALL, ALL], [ALL, month], [kindKey(fact.kind), ALL], [kindKey(fact.kind), month]];
        for (const [network, m] of rows) {
          const key = [network, country, m, fact.k1].join('|');
          const sum = expected.get(key) ?? { n: 0, cents: 0 };
          expected.set(key, { n: sum.n + fact.n, cents: sum.cents + fact.cents });
        }
      }
    }
    const stored = db.all<{ network_id: string; country: string; month: string; k1: string; n: number; cents: number }>(`SELECT * FROM ${TABLE}`);
    expect(new Map(stored.map((row) => [[row.network_id, row.country, row.month, row.k1].join('|'), { n: row.n, cents: row.cents }]))).toEqual(expected);
  });

  it('read as of every day, as known at every position, the facts recorded by then that count by that day', () => {
    const list = facts(120);
    record(list);
    const counters = db.all<{ network_id: string; country: string; k1: string }>(`SELECT DISTINCT network_id, country, k1 FROM ${runningTable(TABLE)}`);
    expect(counters.length).toBeGreaterThan(20);
    const latest = (counter: { network_id: string; country: string; k1: string }, day: string, stamp: number) =>
      db.get<{ n: number; cents: number }>(
        `SELECT n, cents FROM ${runningTable(TABLE)} WHERE figure = 'f' AND network_id = ? AND country = ? AND k1 = ? AND k2 = ''
           AND day <= ? AND stamp <= ? ORDER BY day DESC, stamp DESC LIMIT 1`,
        [counter.network_id, counter.country, counter.k1, day, stamp],
      ) ?? { n: 0, cents: 0 };
    const stamps = [0, ...list.map((fact) => fact.stamp), ...list.map((fact) => fact.stamp + 1)];
    const readDays = ['2020-01-01', ...days, ...days.map((day) => `${day.slice(0, 8)}28`), '9999-12-31'];
    let checked = 0;
    for (const counter of counters) {
      for (const stamp of stamps) {
        for (const day of readDays) {
          const counted = list.filter(
            (fact) =>
              fact.stamp <= stamp &&
              countsOn(fact) <= day &&
              fact.k1 === counter.k1 &&
              countryKeys(fact).includes(counter.country) &&
              [fact.networkId, ALL, kindKey(fact.kind)].includes(counter.network_id),
          );
          expect(latest(counter, day, stamp)).toEqual({ n: counted.reduce((sum, fact) => sum + fact.n, 0), cents: counted.reduce((sum, fact) => sum + fact.cents, 0) });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('count a fact once per counter when its country is also the all-countries key', () => {
    db = new ReadModelDatabase(':memory:');
    setUpHistoryContext(db);
    db.exec(totalsTableSql(TABLE));
    setAppliedEvent(db, { stamp: 5, recordedAt: '2020-01-01T00:00:00.000Z', worldTime: '2020-01-01T00:00:00.000Z' });
    bump(db, TABLE, { figure: 'f', networkId: 'n1', networkKind: 'a', country: ALL, date: '2020-01-01', k1: 'raised' }, 1);
    // Counted for its country and for all countries, as two bumps of the same counter would.
    expect(db.get(`SELECT n FROM ${TABLE} WHERE network_id = 'n1' AND country = '*' AND month = '*'`)).toEqual({ n: 2 });
    expect(db.get(`SELECT n FROM ${runningTable(TABLE)} WHERE network_id = '*' AND country = '*' ORDER BY day DESC, stamp DESC LIMIT 1`)).toEqual({ n: 2 });
  });
});
