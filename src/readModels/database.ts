import Database from 'better-sqlite3';
import type { ReadModelStore, SqlParams } from '../../projections/types.js';

/** A cached statement and, for one that returns rows, the names of its columns. */
interface Prepared {
  readonly statement: Database.Statement;
  readonly columns: readonly string[] | undefined;
}

/**
 * Read models live in their own SQLite file: they can be thrown away and rebuilt from the log.
 * synchronous=NORMAL is enough here because each projection's checkpoint commits with its rows.
 *
 * Rows are read as arrays (better-sqlite3's raw mode) and made into objects here, with the column
 * names read once per statement: better-sqlite3 looks every column name up again for every row,
 * which made row materialisation the largest cost of a GraphQL read (about half the time of a
 * `SELECT *` of a few rows). The objects are the same: one property per column, in order, a later
 * column of the same name winning. Schema changes go through `exec`, which drops the cached
 * statements; should another connection change a table's width, the statement is prepared again.
 */
export class ReadModelDatabase implements ReadModelStore {
  readonly db: Database.Database;
  private readonly statements = new Map<string, Prepared>();

  constructor(filename: string) {
    this.db = new Database(filename);
    if (filename !== ':memory:') {
      this.db.pragma('journal_mode = WAL');
      // Checkpoint every ~40 MB of WAL instead of every 4 MB: during a catch-up, checkpoints (two
      // fsyncs each, and pages copied again and again) were a third of the time.
      this.db.pragma('wal_autocheckpoint = 10000');
    }
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('foreign_keys = OFF');
  }

  private prepared(sql: string): Prepared {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      const statement = this.db.prepare(sql);
      prepared = statement.reader
        ? { statement: statement.raw(true), columns: statement.columns().map((c) => c.name) }
        : { statement, columns: undefined };
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  exec(sql: string): void {
    this.db.exec(sql);
    // A schema change invalidates prepared statements.
    this.statements.clear();
  }

  run(sql: string, params?: SqlParams): { changes: number } {
    const { statement } = this.prepared(sql);
    const info = params === undefined ? statement.run() : Array.isArray(params) ? statement.run(...params) : statement.run(params);
    return { changes: info.changes };
  }

  get<Row>(sql: string, params?: SqlParams): Row | undefined {
    const { statement, columns } = this.prepared(sql);
    const values = call(statement, 'get', params) as unknown[] | undefined;
    if (!columns || values === undefined) return values as Row | undefined;
    if (values.length !== columns.length) return this.reprepared(sql).get<Row>(sql, params);
    return toRow(columns, values) as Row;
  }

  all<Row>(sql: string, params?: SqlParams): Row[] {
    const { statement, columns } = this.prepared(sql);
    const rows = call(statement, 'all', params) as unknown[][];
    if (!columns || rows.length === 0) return rows as Row[];
    if (rows[0]!.length !== columns.length) return this.reprepared(sql).all<Row>(sql, params);
    const objects = rows as unknown[];
    for (let i = 0; i < rows.length; i++) objects[i] = toRow(columns, rows[i]!);
    return objects as Row[];
  }

  /** SQLite re-prepared a statement after another connection changed the schema: read its columns again. */
  private reprepared(sql: string): this {
    this.statements.delete(sql);
    return this;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }
}

function call(statement: Database.Statement, method: 'get' | 'all', params: SqlParams | undefined): unknown {
  if (params === undefined) return statement[method]();
  return Array.isArray(params) ? statement[method](...params) : statement[method](params);
}

function toRow(columns: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i];
  return row;
}
