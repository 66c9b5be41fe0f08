import type { ReadModelStore } from './types.js';

/**
 * A read-model table declared once: its column list gives the DDL, the row type and the insert
 * statement, so the three cannot drift apart.
 *
 * ```ts
 * export const networks = defineTable('networks', {
 *   id: column.key(),
 *   status: column.text<'open' | 'closed'>(),
 *   closed_at: column.textOrNull(),
 *   revision: column.integer(),
 * }, { indexes: { networks_status: ['status'] } });
 * export type NetworkRow = RowOf<typeof networks>;
 * networks.insert(db, { id, status: 'open', revision });
 * ```
 */

/**
 * A column: its SQL declaration; `Value` types the row's field and `Optional` says whether an
 * insert may leave it out (it is nullable or has a default). Neither is stored: they only type.
 */
export interface Column<Value, Optional extends boolean> {
  readonly sql: string;
  readonly typeOnly?: { value: Value; optional: Optional };
}

type AnyColumn = Column<unknown, boolean>;
type Columns = Readonly<Record<string, AnyColumn>>;

const declare = <Value, Optional extends boolean>(sql: string): Column<Value, Optional> => ({ sql });

/** A default as SQL: numbers as they are, text quoted. */
const literal = (value: string | number) => (typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`);

function text<T extends string = string>(): Column<T, false>;
function text<T extends string = string>(options: { default: T }): Column<T, true>;
function text(options?: { default: string }): AnyColumn {
  return declare(options ? `TEXT NOT NULL DEFAULT ${literal(options.default)}` : 'TEXT NOT NULL');
}

function integer(): Column<number, false>;
function integer(options: { default: number }): Column<number, true>;
function integer(options?: { default: number }): AnyColumn {
  return declare(options ? `INTEGER NOT NULL DEFAULT ${literal(options.default)}` : 'INTEGER NOT NULL');
}

/** The kinds of column read models use; `text<'a' | 'b'>()` narrows a field to those values. */
export const column = {
  /** TEXT PRIMARY KEY: the row's id. */
  key: () => declare<string, false>('TEXT PRIMARY KEY'),
  /** TEXT NOT NULL, with a default when given one. */
  text,
  textOrNull: <T extends string = string>() => declare<T | null, true>('TEXT'),
  /** INTEGER NOT NULL (also flags, 0 or 1), with a default when given one. */
  integer,
  integerOrNull: () => declare<number | null, true>('INTEGER'),
  realOrNull: () => declare<number | null, true>('REAL'),
};

type ValueOf<C> = C extends Column<infer Value, boolean> ? Value : never;
type OptionalKeys<C extends Columns> = { [K in keyof C]: C[K] extends Column<unknown, true> ? K : never }[keyof C];

/** A row as read: every column with its value. */
export type RowOf<T extends { readonly columns: Columns }> = { -readonly [K in keyof T['columns']]: ValueOf<T['columns'][K]> };

/** A row as inserted: the columns that are nullable or have a default may be left out (NULL or the default). */
export type NewRowOf<C extends Columns> = { [K in Exclude<keyof C, OptionalKeys<C>>]: ValueOf<C[K]> } & {
  [K in OptionalKeys<C>]?: ValueOf<C[K]> | undefined;
};

export interface TableOptions<C extends Columns> {
  /** A key of several columns (a single-column key is `column.key()`). */
  readonly primaryKey?: readonly (keyof C & string)[];
  /** Index name to its columns, created with the table. */
  readonly indexes?: Readonly<Record<string, readonly (keyof C & string)[]>>;
}

export interface Table<C extends Columns> {
  readonly name: string;
  readonly columns: C;
  /** CREATE TABLE and CREATE INDEX statements, IF NOT EXISTS, separated by `;`. */
  readonly schema: string;
  /**
   * Inserts a row: the columns it names (an `undefined` value is NULL); `or` resolves a clash
   * with an existing key (`IGNORE` keeps the old row, `REPLACE` the new).
   */
  insert(db: ReadModelStore, row: NewRowOf<C>, options?: { or: 'IGNORE' | 'REPLACE' }): { changes: number };
}

export function defineTable<C extends Columns>(name: string, columns: C, options: TableOptions<C> = {}): Table<C> {
  const declarations = Object.entries(columns).map(([columnName, declared]) => `${columnName} ${declared.sql}`);
  if (options.primaryKey) declarations.push(`PRIMARY KEY (${options.primaryKey.join(', ')})`);
  const statements = [`CREATE TABLE IF NOT EXISTS ${name} (\n    ${declarations.join(',\n    ')}\n  )`];
  for (const [index, indexed] of Object.entries(options.indexes ?? {})) {
    statements.push(`CREATE INDEX IF NOT EXISTS ${index} ON ${name} (${indexed.join(', ')})`);
  }
  // One statement text per set of columns, so the store's statement cache serves every later insert.
  const inserts = new Map<string, string>();
  const insertSql = (names: readonly string[], or: string) => {
    const signature = `${or}:${names.join(',')}`;
    let sql = inserts.get(signature);
    if (!sql) {
      sql = `INSERT ${or}INTO ${name} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
      inserts.set(signature, sql);
    }
    return sql;
  };
  return {
    name,
    columns,
    schema: `${statements.join(';\n  ')};`,
    insert(db, row, insertOptions) {
      const names = Object.keys(row);
      const values = Object.values(row).map((value) => value ?? null);
      return db.run(insertSql(names, insertOptions ? `OR ${insertOptions.or} ` : ''), values);
    },
  };
}
