import Database from 'better-sqlite3';
import type { ReadModelStore, SqlParams } from '../../projections/types.js';

/**
 * Read models live in their own SQLite file: they can be thrown away and rebuilt from the log.
 * synchronous=NORMAL is enough here because each projection's checkpoint commits with its rows.
 */
export class ReadModelDatabase implements ReadModelStore {
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(filename: string) {
    this.db = new Database(filename);
    if (filename !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('foreign_keys = OFF');
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  exec(sql: string): void {
    this.db.exec(sql);
    // A schema change invalidates prepared statements.
    this.statements.clear();
  }

  run(sql: string, params?: SqlParams): { changes: number } {
    const statement = this.statement(sql);
    const info = params === undefined ? statement.run() : Array.isArray(params) ? statement.run(...params) : statement.run(params);
    return { changes: info.changes };
  }

  get<Row>(sql: string, params?: SqlParams): Row | undefined {
    const statement = this.statement(sql);
    return (params === undefined ? statement.get() : Array.isArray(params) ? statement.get(...params) : statement.get(params)) as
      | Row
      | undefined;
  }

  all<Row>(sql: string, params?: SqlParams): Row[] {
    const statement = this.statement(sql);
    return (params === undefined ? statement.all() : Array.isArray(params) ? statement.all(...params) : statement.all(params)) as Row[];
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }
}
