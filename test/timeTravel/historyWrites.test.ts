import { afterEach, describe, expect, it } from 'vitest';
import { ReadModelDatabase } from '../../src/readModels/database.js';
import { historicalTables, setAppliedEvent, setUpHistory, setUpHistoryContext } from '../../src/readModels/history.js';

describe('history writes', () => {
  let db: ReadModelDatabase;
  afterEach(() => db.close());

  const historyRows = () => db.get<{ n: number }>('SELECT COUNT(*) AS n FROM things_history')!.n;
  const given = () => {
    db = new ReadModelDatabase(':memory:');
    setUpHistoryContext(db);
    db.exec('CREATE TABLE things (id TEXT PRIMARY KEY, status TEXT NOT NULL, revision INTEGER NOT NULL DEFAULT 0)');
    setUpHistory(db, ['things']);
    setAppliedEvent(db, { stamp: 1, recordedAt: '2020-01-01T00:00:00.000Z', worldTime: '2020-01-01T00:00:00.000Z' });
    db.run(`INSERT INTO things (id, status) VALUES ('a', 'open')`);
    setAppliedEvent(db, { stamp: 2, recordedAt: '2020-02-01T00:00:00.000Z', worldTime: '2020-02-01T00:00:00.000Z' });
  };

  it('writes no version for an update that changes nothing', () => {
    given();
    const before = historyRows();
    db.run(`UPDATE things SET status = 'open' WHERE id = 'a'`);
    expect(historyRows()).toBe(before);
  });

  it('writes a version for an update that changes a column', () => {
    given();
    const before = historyRows();
    db.run(`UPDATE things SET status = 'closed' WHERE id = 'a'`);
    expect(historyRows()).toBe(before + 1);
  });

  it("writes no version for an update of the row's stream revision alone: the open version takes it", () => {
    given();
    const before = historyRows();
    db.run(`UPDATE things SET revision = 7 WHERE id = 'a'`);
    expect(historyRows()).toBe(before);
    expect(db.all(`SELECT status, revision, _valid_to FROM things_history WHERE _recorded_to > 2`)).toEqual([
      { status: 'open', revision: 7, _valid_to: '9999-12-31T23:59:59.999Z' },
    ]);
  });

  it('writes a version for an update of the revision and another column, with the new revision', () => {
    given();
    const before = historyRows();
    db.run(`UPDATE things SET status = 'closed', revision = 8 WHERE id = 'a'`);
    expect(historyRows()).toBe(before + 1);
    expect(db.all(`SELECT status, revision FROM things_history ORDER BY _valid_from`)).toEqual([
      { status: 'open', revision: 0 },
      { status: 'closed', revision: 8 },
    ]);
  });

  it('keeps no history of counters that have running totals (read through them, or the fact rows they count)', () => {
    given();
    db.exec('CREATE TABLE counts (k TEXT PRIMARY KEY, n INTEGER); CREATE TABLE counts_running (k TEXT, n INTEGER)');
    expect(historicalTables(db, ['things', 'counts', 'counts_running'])).toEqual(['things']);
  });
});
