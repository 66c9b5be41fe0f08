import { rowsById, Where } from '../sql.js';
import type { ReadModelStore } from '../types.js';
import type { PracticeRow } from './practices.js';


export interface PracticeFilter {
  /** Words searched in title, summary, topics and results (all must appear; stemmed). */
  text?: string | null;
  topic?: string | null;
  country?: string | null;
  /** true: only labelled Good Practices; false: only those without the label. */
  labelled?: boolean | null;
  labelYear?: number | null;
  status?: string | null;
  cityId?: string | null;
  networkId?: string | null;
  includeWithdrawn?: boolean | null;
}

/** An FTS5 query from free text: every word quoted (no operators get through), all required. */
export function ftsQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.slice(0, 20).map((w) => `"${w}"`).join(' ') : null;
}

export const { find: findPractice, findMany: findPractices } = rowsById<PracticeRow>('mp_practices');

/** The catalogue: most relevant first when searching text, labelled practices first otherwise. */
export function listPractices(db: ReadModelStore, filter: PracticeFilter, limit: number, offset: number): PracticeRow[] {
  const match = filter.text ? ftsQuery(filter.text) : null;
  if (filter.text && !match) return [];
  const where = new Where();
  if (match) where.add('mp_practices_fts MATCH ?', match);
  if (!filter.includeWithdrawn) where.add('p.withdrawn = 0');
  if (filter.topic) where.add('EXISTS (SELECT 1 FROM json_each(p.topics) WHERE value = ?)', filter.topic.trim().toLowerCase());
  if (filter.country) where.add('p.country = ?', filter.country.trim().toUpperCase());
  if (filter.labelled === true) where.add('p.label_year IS NOT NULL');
  if (filter.labelled === false) where.add('p.label_year IS NULL');
  if (filter.labelYear != null) where.add('p.label_year = ?', filter.labelYear);
  if (filter.status) where.add('p.status = ?', filter.status);
  if (filter.cityId) where.add('p.city_id = ?', filter.cityId);
  if (filter.networkId) where.add('p.network_id = ?', filter.networkId);
  if (match) {
    return db.all<PracticeRow>(
      `SELECT p.* FROM mp_practices_fts f JOIN mp_practices p ON p.id = f.practice_id ${where}
       ORDER BY bm25(mp_practices_fts, 0, 4, 1, 2, 1), p.id LIMIT ? OFFSET ?`,
      [...where.params, limit, offset],
    );
  }
  return db.all<PracticeRow>(
    `SELECT p.* FROM mp_practices p ${where}
     ORDER BY p.label_year IS NULL, p.title COLLATE NOCASE, p.id LIMIT ? OFFSET ?`,
    [...where.params, limit, offset],
  );
}

