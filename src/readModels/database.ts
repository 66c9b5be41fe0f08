import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { ReadModelStore, SqlParams } from '../../projections/types.js';
import { DEFAULT_BUSY_TIMEOUT_MS, isBusy, openWalDatabase } from '../sqliteFile.js';

/** Another process holds the read-model file: one writer per file. */
export class ReadModelsInUseError extends Error {
  override readonly name = 'ReadModelsInUseError';
  constructor(readonly file: string) {
    super(
      `The read-model file ${file} is in use by another process (another API server on the same ` +
        `DATA_DIR, or npm run rebuild). A read-model file has one writer: stop the other process, ` +
        `or give this one its own file with READ_MODEL_FILE (each replica keeps its own read models).`,
    );
  }
}

/** SQLite says the file is not a database, or a damaged one. */
export function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'));
}

function isLocked(error: unknown): boolean {
  return isBusy(error) || (error as { code?: unknown } | undefined)?.code === 'SQLITE_LOCKED';
}

export interface ReadModelDatabaseOptions {
  /**
   * Hold the file for this process alone (SQLite's exclusive locking mode): a second process,
   * or a second connection, fails to open it. The lock is the operating system's, so a process
   * that dies (even killed) releases it.
   */
  readonly exclusive?: boolean;
}

/** A cached statement and, for one that returns rows, the names of its columns. */
interface Prepared {
  readonly statement: Database.Statement;
  readonly columns: readonly string[] | undefined;
  /** Makes one row's values into its object (see `rowMaker`). */
  readonly toRow: ((values: readonly unknown[]) => Record<string, unknown>) | undefined;
}

/**
 * Read models live in their own SQLite file: they can be thrown away and rebuilt from the log.
 * synchronous=NORMAL is enough here because each projection's checkpoint commits with its rows.
 *
 * Rows are read as arrays (better-sqlite3's raw mode) and made into objects here, with the column
 * names read once per statement: better-sqlite3 looks every column name up again for every row,
 * which made row materialisation the largest cost of a GraphQL read (about half the time of a
 * `SELECT *` of a few rows). Each statement gets a function that builds its rows as one object
 * literal, so every row of a statement has the same shape from the start (see `rowMaker`). The
 * objects are the same: one property per column, in order, a later column of the same name
 * winning. Schema changes go through `exec`, which drops the cached statements; should another
 * connection change a table's width, the statement is prepared again.
 */
export class ReadModelDatabase implements ReadModelStore {
  private connection: Database.Database;
  private readonly statements = new Map<string, Prepared>();

  constructor(
    readonly filename: string,
    private readonly options: ReadModelDatabaseOptions = {},
  ) {
    this.connection = ReadModelDatabase.connect(filename, options);
  }

  get db(): Database.Database {
    return this.connection;
  }

  private static connect(filename: string, options: ReadModelDatabaseOptions): Database.Database {
    // A short wait on open: a file held by another process is refused at once, not after 5 s.
    let db: Database.Database | undefined;
    try {
      db = openWalDatabase(filename, options.exclusive ? 250 : DEFAULT_BUSY_TIMEOUT_MS);
      if (filename !== ':memory:') {
        // Checkpoint every ~40 MB of WAL instead of every 4 MB: during a catch-up, checkpoints (two
        // fsyncs each, and pages copied again and again) were a third of the time.
        db.pragma('wal_autocheckpoint = 10000');
        if (options.exclusive) {
          db.pragma('locking_mode = EXCLUSIVE');
          // Take the lock now rather than at the first write.
          db.exec('BEGIN IMMEDIATE; COMMIT');
        }
      }
      db.pragma('synchronous = NORMAL');
      // Statement journals (and sorts) in memory, not in temporary files: in a catch-up's
      // transaction of a thousand events, each statement that changes more than a few pages spilled
      // its journal to a new file, two thirds of the bytes written and a third of the CPU time.
      db.pragma('temp_store = MEMORY');
      db.pragma('busy_timeout = 10000');
      db.pragma('foreign_keys = OFF');
      return db;
    } catch (error) {
      db?.close();
      if (isLocked(error)) throw new ReadModelsInUseError(filename);
      throw error;
    }
  }

  /**
   * Throws when SQLite finds the file damaged (PRAGMA quick_check: every page and index entry
   * readable, without the cross-checks of integrity_check that make it much slower).
   */
  checkIntegrity(): void {
    const rows = this.connection.pragma('quick_check') as { quick_check: string }[];
    if (rows.length !== 1 || rows[0]!.quick_check !== 'ok') {
      const error = new Error(`Read models damaged: ${rows.slice(0, 3).map((r) => r.quick_check).join('; ')}`);
      (error as Error & { code: string }).code = 'SQLITE_CORRUPT';
      throw error;
    }
  }

  /**
   * Moves the damaged file aside (kept for inspection, never deleted) and starts an empty one in
   * its place, for the projections to rebuild from the log. Returns where the old file went.
   */
  replaceWithEmpty(): string {
    this.statements.clear();
    try {
      this.connection.close();
    } catch {
      // Closing a damaged database may fail; the file is moved aside either way.
    }
    const aside = moveAside(this.filename);
    this.connection = ReadModelDatabase.connect(this.filename, this.options);
    return aside;
  }

  /**
   * Writes a consistent copy of the read models, checkpoints included (SQLite's VACUUM INTO, at a
   * transaction boundary), to `target`: written beside it, then renamed, so a replica starting
   * from it never sees half a file. Blocks this process while it runs (about a second per 100 MB).
   */
  snapshotTo(target: string): void {
    const partial = `${target}.partial`;
    rmSync(partial, { force: true });
    this.connection.prepare('VACUUM INTO ?').run(partial);
    renameSync(partial, target);
  }

  private prepared(sql: string): Prepared {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      const statement = this.db.prepare(sql);
      if (statement.reader) {
        const columns = statement.columns().map((c) => c.name);
        prepared = { statement: statement.raw(true), columns, toRow: rowMaker(columns) };
      } else prepared = { statement, columns: undefined, toRow: undefined };
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
    const { statement, columns, toRow } = this.prepared(sql);
    const values = call(statement, 'get', params) as unknown[] | undefined;
    if (!columns || !toRow || values === undefined) return values as Row | undefined;
    if (values.length !== columns.length) return this.reprepared(sql).get<Row>(sql, params);
    return toRow(values) as Row;
  }

  all<Row>(sql: string, params?: SqlParams): Row[] {
    const { statement, columns, toRow } = this.prepared(sql);
    const rows = call(statement, 'all', params) as unknown[][];
    if (!columns || !toRow || rows.length === 0) return rows as Row[];
    if (rows[0]!.length !== columns.length) return this.reprepared(sql).all<Row>(sql, params);
    const objects = rows as unknown[];
    for (let i = 0; i < rows.length; i++) objects[i] = toRow(rows[i]!);
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
    if (this.connection.open) this.connection.close();
  }
}

/**
 * Opens this process's read-model file, held exclusively. A file SQLite finds damaged (a broken
 * header, unreadable pages) is moved aside and replaced by an empty one, which the projections
 * rebuild from the log: read models are derived data, the log is never touched. A file held by
 * another process is refused (ReadModelsInUseError).
 */
export function openReadModelFile(
  filename: string,
  logger?: { warn(details: object, message: string): void },
): ReadModelDatabase {
  let db: ReadModelDatabase | undefined;
  try {
    db = new ReadModelDatabase(filename, { exclusive: true });
    db.checkIntegrity();
    return db;
  } catch (error) {
    if (!isCorruption(error)) {
      db?.close();
      throw error;
    }
    let aside: string;
    if (db) aside = db.replaceWithEmpty();
    else {
      aside = moveAside(filename);
      db = new ReadModelDatabase(filename, { exclusive: true });
    }
    logger?.warn(
      { file: filename, movedTo: aside, err: error },
      'read-model file damaged: moved aside, the read models are rebuilt from the log',
    );
    return db;
  }
}

/** Renames a read-model file and its WAL companions to `<file>.damaged-<time>`; returns the new name. */
function moveAside(filename: string): string {
  const aside = `${filename}.damaged-${new Date().toISOString().replaceAll(':', '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(filename + suffix)) renameSync(filename + suffix, aside + suffix);
  }
  return aside;
}

function call(statement: Database.Statement, method: 'get' | 'all', params: SqlParams | undefined): unknown {
  if (params === undefined) return statement[method]();
  return Array.isArray(params) ? statement[method](...params) : statement[method](params);
}

/**
 * A function that builds a row of these columns as one object literal (`{ "id": v[0], ... }`):
 * V8 gives every row of a statement one shape at once, where assigning the columns one by one
 * walked a chain of shapes per row (a profile of the networks query showed row building at twice
 * the cost of SQLite reading the rows). The names are JSON-quoted, so any column name is safe;
 * in an object literal, as before, a later column of the same name wins.
 */
function rowMaker(columns: readonly string[]): (values: readonly unknown[]) => Record<string, unknown> {
  // In a literal, "__proto__" would set the prototype; assigned, it did the same: keep the loop for it.
  if (columns.includes('__proto__')) {
    return (values) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i];
      return row;
    };
  }
  const properties = columns.map((name, i) => `${JSON.stringify(name)}: v[${i}]`).join(', ');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- built from the statement's own column names, quoted
  return new Function('v', `return { ${properties} };`) as (values: readonly unknown[]) => Record<string, unknown>;
}
