import type { PracticeEvent } from '../../domain/practice/events.js';
import { dataOf, projection, streamFacts } from '../types.js';

export interface PracticeRow {
  id: string;
  city_id: string;
  city_name: string;
  country: string;
  network_id: string | null;
  title: string;
  summary: string;
  /** JSON array of topics. */
  topics: string;
  results: string;
  /** JSON object: name, email, role. */
  contact: string;
  status: 'lookingForPartners' | 'partnershipComplete';
  label_year: number | null;
  withdrawn: number;
  withdrawn_reason: string | null;
  proposed_at: string;
  updated_at: string;
  revision: number;
}

const data = dataOf<PracticeEvent>();

/**
 * The good-practice catalogue: one row per practice, and an FTS5 index (Porter stemming, BM25
 * ranking) over title, summary, topics and results for the catalogue's text search.
 */
export const practicesProjection = projection({
  name: 'practices',
  version: 1,
  schema: `CREATE TABLE IF NOT EXISTS mp_practices (
    id TEXT PRIMARY KEY,
    city_id TEXT NOT NULL,
    city_name TEXT NOT NULL,
    country TEXT NOT NULL,
    network_id TEXT,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    topics TEXT NOT NULL,
    results TEXT NOT NULL,
    contact TEXT NOT NULL,
    status TEXT NOT NULL,
    label_year INTEGER,
    withdrawn INTEGER NOT NULL DEFAULT 0,
    withdrawn_reason TEXT,
    proposed_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS mp_practices_city ON mp_practices (city_id);
  CREATE INDEX IF NOT EXISTS mp_practices_country ON mp_practices (country);
  CREATE VIRTUAL TABLE IF NOT EXISTS mp_practices_fts USING fts5 (
    practice_id UNINDEXED, title, summary, topics, results, tokenize = 'porter unicode61'
  );`,
  handles: ['PracticeProposed', 'PracticeRevised', 'GoodPracticeLabelAwarded', 'PracticePartnershipStatusChanged', 'PracticeWithdrawn'],
  apply(db, event) {
    const { id, revision, at } = streamFacts(event);
    const reindex = () => {
      const row = db.get<PracticeRow>('SELECT * FROM mp_practices WHERE id = ?', [id]);
      db.run('DELETE FROM mp_practices_fts WHERE practice_id = ?', [id]);
      if (row && !row.withdrawn) {
        db.run('INSERT INTO mp_practices_fts (practice_id, title, summary, topics, results) VALUES (?, ?, ?, ?, ?)', [
          id,
          row.title,
          row.summary,
          (JSON.parse(row.topics) as string[]).join(', '),
          row.results,
        ]);
      }
    };
    switch (event.type) {
      case 'PracticeProposed': {
        const d = data(event, 'PracticeProposed');
        db.run(
          `INSERT INTO mp_practices (id, city_id, city_name, country, network_id, title, summary, topics, results, contact,
             status, proposed_at, updated_at, revision)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [id, d.cityId, d.cityName, d.country, d.networkId, d.title, d.summary, JSON.stringify(d.topics), d.results,
            JSON.stringify(d.contact), d.status, at, at, revision],
        );
        reindex();
        break;
      }
      case 'PracticeRevised': {
        const d = data(event, 'PracticeRevised');
        db.run(
          `UPDATE mp_practices SET title = coalesce(?, title), summary = coalesce(?, summary), topics = coalesce(?, topics),
             results = coalesce(?, results), contact = coalesce(?, contact), updated_at = ?, revision = ? WHERE id = ?`,
          [d.title ?? null, d.summary ?? null, d.topics ? JSON.stringify(d.topics) : null, d.results ?? null,
            d.contact ? JSON.stringify(d.contact) : null, at, revision, id],
        );
        reindex();
        break;
      }
      case 'GoodPracticeLabelAwarded':
        db.run('UPDATE mp_practices SET label_year = ?, updated_at = ?, revision = ? WHERE id = ?', [
          data(event, 'GoodPracticeLabelAwarded').year, at, revision, id,
        ]);
        break;
      case 'PracticePartnershipStatusChanged':
        db.run('UPDATE mp_practices SET status = ?, updated_at = ?, revision = ? WHERE id = ?', [
          data(event, 'PracticePartnershipStatusChanged').status, at, revision, id,
        ]);
        break;
      case 'PracticeWithdrawn':
        db.run('UPDATE mp_practices SET withdrawn = 1, withdrawn_reason = ?, updated_at = ?, revision = ? WHERE id = ?', [
          data(event, 'PracticeWithdrawn').reason, at, revision, id,
        ]);
        reindex();
        break;
    }
  },
});
