import type { PracticeEvent } from '../../domain/practice/events.js';
import { column, defineTable, type RowOf } from '../table.js';
import { dataOf, projection, streamFacts } from '../types.js';

export const practicesTable = defineTable(
  'mp_practices',
  {
    id: column.key(),
    city_id: column.text(),
    city_name: column.text(),
    country: column.text(),
    network_id: column.textOrNull(),
    title: column.text(),
    summary: column.text(),
    /** JSON array of topics. */
    topics: column.text(),
    results: column.text(),
    /** JSON object: name, email, role. */
    contact: column.text(),
    status: column.text<'lookingForPartners' | 'partnershipComplete'>(),
    label_year: column.integerOrNull(),
    withdrawn: column.integer({ default: 0 }),
    withdrawn_reason: column.textOrNull(),
    proposed_at: column.text(),
    updated_at: column.text(),
    revision: column.integer(),
  },
  { indexes: { mp_practices_city: ['city_id'], mp_practices_country: ['country'] } },
);

export type PracticeRow = RowOf<typeof practicesTable>;

const data = dataOf<PracticeEvent>();

/**
 * The good-practice catalogue: one row per practice, and an FTS5 index (Porter stemming, BM25
 * ranking) over title, summary, topics and results for the catalogue's text search.
 */
export const practicesProjection = projection({
  name: 'practices',
  version: 1,
  schema: `${practicesTable.schema}
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
        practicesTable.insert(db, {
          id,
          city_id: d.cityId,
          city_name: d.cityName,
          country: d.country,
          network_id: d.networkId,
          title: d.title,
          summary: d.summary,
          topics: JSON.stringify(d.topics),
          results: d.results,
          contact: JSON.stringify(d.contact),
          status: d.status,
          proposed_at: at,
          updated_at: at,
          revision,
        });
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
