import type { ReadModelStore } from './types.js';

/** Small helpers every read-model query uses to build SQL. */

/** Period bounds are dates, YYYY-MM-DD, both inclusive. */
export interface Period {
  from?: string | null;
  to?: string | null;
}

/** `?,?,?` for an `IN (...)` list of these values. */
export const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(',');

/** A case-insensitive LIKE pattern matching `text` anywhere (use with `ESCAPE '\'`). */
export const like = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A WHERE clause built one condition at a time, with its parameters in order. */
export class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];
  add(clause: string, ...params: unknown[]): this {
    this.clauses.push(clause);
    this.params.push(...params);
    return this;
  }
  toString(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

/** Lists that can be narrowed to one network and one city (plans, transfers). */
export interface NetworkCityFilter {
  networkId?: string | null;
  cityId?: string | null;
}

/** One page of the rows of `table` that `where` keeps, in the order `orderBy` (SQL) gives. */
export function pageOf<Row>(db: ReadModelStore, table: string, where: Where, orderBy: string, limit: number, offset: number, columns = '*'): Row[] {
  return db.all<Row>(`SELECT ${columns} FROM ${table} ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`, [...where.params, limit, offset]);
}

/**
 * What a query selects when a caller asks for only some columns (typed as the row's keys): those
 * and `always` (the row's key), or every column. Reading only what is asked spares making strings
 * nobody reads.
 */
export function selectedColumns<Row>(columns: readonly (keyof Row & string)[] | undefined, always: keyof Row & string): string {
  if (!columns) return '*';
  const wanted = [...new Set([always, ...columns])];
  // Typed, but still spliced into SQL: identifiers only.
  if (wanted.some((column) => !/^[a-z_]+$/.test(column))) throw new Error(`Not a column name: ${wanted.join(', ')}`);
  return wanted.join(', ');
}

/** Reads rows of a table by their `id`: one, or many at once (for Relay `nodes` and dataloaders). */
export function rowsById<Row>(table: string) {
  return {
    find: (db: ReadModelStore, id: string): Row | undefined => db.get<Row>(`SELECT * FROM ${table} WHERE id = ?`, [id]),
    findMany: (db: ReadModelStore, ids: readonly string[]): Row[] =>
      ids.length === 0 ? [] : db.all<Row>(`SELECT * FROM ${table} WHERE id IN (${placeholders(ids)})`, ids),
  };
}
