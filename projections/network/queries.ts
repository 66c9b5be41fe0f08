import type { ReadModelStore } from '../types.js';
import type { NetworkRow } from './networks.js';

export interface NetworkFilter {
  kind?: string | null;
  status?: string | null;
  /** Matches the theme or a topic, case-insensitively. */
  topic?: string | null;
}

export function findNetwork(db: ReadModelStore, id: string): NetworkRow | undefined {
  return db.get<NetworkRow>('SELECT * FROM networks WHERE id = ?', [id]);
}

export function findNetworks(db: ReadModelStore, ids: readonly string[]): NetworkRow[] {
  if (ids.length === 0) return [];
  return db.all<NetworkRow>(`SELECT * FROM networks WHERE id IN (${ids.map(() => '?').join(',')})`, ids);
}

export function listNetworks(db: ReadModelStore, filter: NetworkFilter, limit: number, offset: number): NetworkRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.kind) {
    where.push('kind = ?');
    params.push(filter.kind);
  }
  if (filter.status) {
    where.push('status = ?');
    params.push(filter.status);
  }
  if (filter.topic) {
    where.push(`(lower(theme) LIKE ? OR EXISTS (SELECT 1 FROM json_each(networks.topics) WHERE value = ?))`);
    params.push(`%${filter.topic.toLowerCase()}%`, filter.topic.toLowerCase());
  }
  return db.all<NetworkRow>(
    `SELECT * FROM networks ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY start_date, name, id LIMIT ? OFFSET ?`,
    [...params, limit, offset],
  );
}
