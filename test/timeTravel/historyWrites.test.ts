import { afterEach, describe, expect, it } from 'vitest';
import { ReadModelDatabase } from '../../src/readModels/database.js';
import { setAppliedEvent, setUpHistory, setUpHistoryContext } from '../../src/readModels/history.js';

describe('history writes', () => {
  let db: ReadModelDatabase;
  afterEach(() => db.close());

  const historyRows = () => db.get<{ n: number }>('SELECT COUNT(*) AS n FROM things_history')!.n;
  const given = () => {
    db = new ReadModelDatabase(':memory:');
    setUpHistoryContext(db);
    db.exec('CREATE TABLE things (id TEXT PRIMARY KEY, status TEXT NOT NULL)');
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
});
