import type { ReadModelStore, SqlParams } from '../../projections/types.js';

/**
 * Bitemporal history of the read models, kept in the read-model database itself, so that an "as
 * of" question is an indexed WHERE instead of a replay of the log.
 *
 * Every read-model table `t` gets `t_history`: the same columns plus
 * - `_valid_from` / `_valid_to`: world time (ISO 8601), when the version was true in the world;
 * - `_recorded_from` / `_recorded_to`: ledger time, as the log position of the event that recorded
 *   the version and of the one that superseded it (`history_stamps` maps positions to `recordedAt`).
 * SQLite triggers on the table fill it from `history_context`, the event being applied (which the
 * projection runner sets before each event), so no projection's SQL changes. A recorded version
 * only ever gets an end: of its world time, in place, with `_closed_at` saying from which position
 * the ledger knew that end; or of its ledger time. What the ledger knew at any position stays
 * readable ("as known at").
 *
 * An event changes a row at its world time w. Usually the row's open version ends at w and a new
 * one starts there (one trigger of two statements; the backdated path below has its own). When the
 * event is backdated (the ledger knows versions of the row starting after w), the versions
 * reaching past w are superseded (ledger time) and replaced by: the part before w, kept as it
 * was; from w on, re-derived: each column the event changed is changed in them too, numbers by
 * the same difference (counters stay counters), other values set to the new value.
 */

/** The world time no version reaches: the end of an open version. */
export const END_OF_TIME = '9999-12-31T23:59:59.999Z';
/** The ledger position no version reaches: the end of a version still known. */
export const NEVER = Number.MAX_SAFE_INTEGER;
/** A world time after every valid_from and before END_OF_TIME: "now" on the world axis. */
const LATEST_WORLD_TIME = '9999-12-31T23:59:59.998Z';

export const historyTable = (table: string) => `${table}_history`;
const view = (kind: 'asof' | 'known', table: string) => `${kind}_${table}`;

interface Column {
  name: string;
  type: string;
  pk: number;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Creates the shared tables: the event being applied and the ledger times of positions. */
export function setUpHistoryContext(db: ReadModelStore): void {
  db.exec(`CREATE TABLE IF NOT EXISTS history_context (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1), world_time TEXT NOT NULL, stamp INTEGER NOT NULL, mark INTEGER NOT NULL,
      backdated INTEGER NOT NULL);
    INSERT OR IGNORE INTO history_context (singleton, world_time, stamp, mark, backdated) VALUES (1, '${END_OF_TIME}', 0, 0, 0);
    CREATE TABLE IF NOT EXISTS history_stamps (stamp INTEGER PRIMARY KEY, recorded_at TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS history_stamps_recorded ON history_stamps (recorded_at, stamp);
    CREATE TEMP TABLE IF NOT EXISTS history_moment (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), world_time TEXT NOT NULL, stamp INTEGER NOT NULL);
    INSERT OR IGNORE INTO temp.history_moment (singleton, world_time, stamp) VALUES (1, '${LATEST_WORLD_TIME}', ${NEVER - 1});`);
}

/**
 * Tables of a projection that can carry history: ordinary tables (not virtual ones, such as
 * full-text indexes), and not those that are their own history: running totals (`*_running`),
 * whose rows are dated by world day and ledger position already (projections/outcomes/totals.ts),
 * nor the counters they run for (`t` beside `t_running`), which are read at a moment through
 * their running totals or the fact rows they count. Versioning a counter on every bump was most
 * of the history's write cost, and counters bumped out of world order took the backdating path
 * over all their later versions (quadratic in the log).
 */
export function historicalTables(db: ReadModelStore, tables: readonly string[]): string[] {
  const counters = new Set(tables.filter((table) => table.endsWith('_running')).map((table) => table.slice(0, -'_running'.length)));
  return tables.filter((table) => {
    if (table.endsWith('_running') || counters.has(table)) return false;
    const row = db.get<{ sql: string }>(`SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = ?`, [table]);
    return row !== undefined && !/^CREATE VIRTUAL/i.test(row.sql);
  });
}

/** Whether each of these tables already has its history (read models from before history must be rebuilt). */
export function hasHistory(db: ReadModelStore, tables: readonly string[]): boolean {
  return historicalTables(db, tables).every(
    (table) => db.get(`SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?`, [historyTable(table)]) !== undefined,
  );
}

/**
 * Creates the history table, its indexes (the table's own indexes, then the validity columns) and
 * its triggers, for each of `tables` (after the projection created them); and the view that reads
 * it as of a moment (see HistoricalReadModels).
 */
export function setUpHistory(db: ReadModelStore, tables: readonly string[]): void {
  for (const table of historicalTables(db, tables)) {
    const columns = db.all<Column>(`PRAGMA main.table_info(${quote(table)})`);
    const keyColumns = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    // A table without a primary key: its rows are told apart by rowid.
    const keys = keyColumns.length > 0 ? keyColumns.map((name) => ({ column: name, value: name })) : [{ column: '_row_id', value: 'rowid' }];
    const history = historyTable(table);
    const names = columns.map((c) => quote(c.name));
    const extraKey = keyColumns.length > 0 ? '' : '_row_id INTEGER, ';
    db.exec(`CREATE TABLE IF NOT EXISTS ${quote(history)} (_history_id INTEGER PRIMARY KEY, ${extraKey}${columns
      .map((c) => `${quote(c.name)} ${c.type}`)
      .join(', ')}, _valid_from TEXT NOT NULL, _valid_to TEXT NOT NULL, _recorded_from INTEGER NOT NULL, _recorded_to INTEGER NOT NULL, _closed_at INTEGER)`);
    const keyList = keys.map((k) => quote(k.column)).join(', ');
    db.exec(`CREATE INDEX IF NOT EXISTS ${quote(`${history}_key`)} ON ${quote(history)} (${keyList}, _recorded_to, _valid_to)`);
    // The table's other indexes, so the same queries find their rows the same way in the past.
    for (const index of db.all<{ name: string; origin: string; partial: number }>(`PRAGMA main.index_list(${quote(table)})`)) {
      if (index.partial || index.origin === 'pk') continue;
      const indexed = db.all<{ name: string | null; key: number }>(`PRAGMA main.index_xinfo(${quote(index.name)})`).filter((c) => c.key === 1);
      if (indexed.length === 0 || indexed.some((c) => c.name === null)) continue;
      const list = indexed.map((c) => quote(c.name!)).join(', ');
      db.exec(`CREATE INDEX IF NOT EXISTS ${quote(`${history}__${index.name}`)} ON ${quote(history)} (${list}, _recorded_to, _valid_to)`);
    }

    const ctx = 'history_context';
    const h = quote(history);
    const matches = (row: 'OLD' | 'NEW', alias = '') => keys.map((k) => `${alias}${quote(k.column)} IS ${row}.${k.value === 'rowid' ? 'rowid' : quote(k.value)}`).join(' AND ');
    const world = `(SELECT world_time FROM ${ctx})`;
    const stamp = `(SELECT stamp FROM ${ctx})`;
    const mark = `(SELECT mark FROM ${ctx})`;
    const allColumns = `${keyColumns.length > 0 ? '' : '_row_id, '}${names.join(', ')}`;
    const rowKeyFromNew = keyColumns.length > 0 ? '' : 'NEW.rowid, ';
    // Backdated: the ledger knows a version of the row that starts after w. Each change runs one of
    // two triggers, chosen by this in their WHEN: the usual one (close the open version, open the
    // new one: two statements) or the backdated one, so the usual change pays no backdating work.
    const backdated = (row: 'OLD' | 'NEW') =>
      `EXISTS (SELECT 1 FROM ${h} WHERE ${matches(row)} AND _recorded_to = ${NEVER} AND _valid_to > ${world} AND _valid_from > ${world})`;
    // The versions a backdated change re-derives are those before its own (ids up to the mark).
    const setMark = `UPDATE ${ctx} SET mark = coalesce((SELECT max(_history_id) FROM ${h}), 0);`;
    // The usual case: the open version ends at w (in place: _closed_at says since when the ledger knows it ended).
    const closeOpen = (row: 'OLD' | 'NEW') =>
      `UPDATE ${h} SET _valid_to = ${world}, _closed_at = ${stamp}
       WHERE ${matches(row)} AND _recorded_to = ${NEVER} AND _valid_to = '${END_OF_TIME}';
       DELETE FROM ${h} WHERE ${matches(row)} AND _recorded_to = ${NEVER} AND _valid_to = ${world} AND _recorded_from = ${stamp} AND _closed_at = ${stamp} AND _valid_from >= _valid_to;`;
    const openNew = `INSERT INTO ${h} (${allColumns}, _valid_from, _valid_to, _recorded_from, _recorded_to)
       SELECT ${rowKeyFromNew}${names.map((n) => `NEW.${n}`).join(', ')}, world_time, '${END_OF_TIME}', stamp, ${NEVER} FROM ${ctx};`;
    // Backdated: the part before w of the version reaching over w, kept as it was...
    const keepBefore = (row: 'OLD' | 'NEW') =>
      `INSERT INTO ${h} (${allColumns}, _valid_from, _valid_to, _recorded_from, _recorded_to)
       SELECT ${allColumns}, _valid_from, ${world}, ${stamp}, ${NEVER} FROM ${h}
       WHERE ${matches(row)} AND _recorded_to = ${NEVER} AND _valid_to > ${world} AND _valid_from < ${world};`;
    // ...and the known versions reaching past w superseded now (those recorded by this very event vanish).
    const supersedeAfter = (row: 'OLD' | 'NEW') =>
      `UPDATE ${h} SET _recorded_to = ${stamp}
       WHERE ${matches(row)} AND _recorded_to = ${NEVER} AND _valid_to > ${world} AND _history_id <= ${mark};
       DELETE FROM ${h} WHERE ${matches(row)} AND _recorded_to = ${stamp} AND _recorded_from = ${stamp};`;
    // From w on: the open version takes the new values; later closed ones the change (numbers by the difference).
    const rederived = columns
      .map((c) => {
        const name = quote(c.name);
        return `CASE WHEN v._valid_to = '${END_OF_TIME}' THEN NEW.${name} WHEN NEW.${name} IS OLD.${name} THEN v.${name}
          WHEN typeof(NEW.${name}) IN ('integer', 'real') AND typeof(OLD.${name}) IN ('integer', 'real') AND typeof(v.${name}) IN ('integer', 'real')
          THEN v.${name} + (NEW.${name} - OLD.${name}) ELSE NEW.${name} END`;
      })
      .join(', ');
    // An update that changes no column (a status set to what it was) writes no version: the open one
    // goes on. Nor does one that changes only the row's stream revision (a column named `revision`,
    // bumped by every event of its aggregate and only ever sent back as the expected revision of the
    // next command): the open version takes it in place, so the history keeps the versions of what
    // the row says, not one per event of its stream.
    const revision = columns.some((c) => c.name === 'revision' && c.pk === 0);
    const changedColumns = revision ? names.filter((n) => n !== quote('revision')) : names;
    const changed = changedColumns.length === 0 ? 'false' : `(${changedColumns.map((n) => `OLD.${n} IS NOT NEW.${n}`).join(' OR ')})`;
    const trigger = (suffix: string) => quote(`${history}_${suffix}`);
    // Triggers are recreated at every start, so a file written by an earlier version gets these.
    for (const suffix of ['insert', 'insert_backdated', 'update', 'update_backdated', 'update_revision', 'delete', 'delete_backdated']) {
      db.exec(`DROP TRIGGER IF EXISTS main.${trigger(suffix)}`);
    }
    // The two triggers of a change exclude each other whichever SQLite fires first: after the usual
    // one no known version starts after w; after a backdated update or delete, one still does (the
    // re-derived versions) or none is left open; after a backdated insert the usual one may fire
    // too, and ends and reopens the version the backdated one opened at w with the same values.
    db.exec(`
      CREATE TRIGGER ${trigger('insert')} AFTER INSERT ON ${quote(table)} WHEN NOT ${backdated('NEW')} BEGIN
        ${closeOpen('NEW')}
        ${openNew}
      END;
      CREATE TRIGGER ${trigger('insert_backdated')} AFTER INSERT ON ${quote(table)} WHEN ${backdated('NEW')} BEGIN
        ${setMark}
        ${keepBefore('NEW')}
        ${supersedeAfter('NEW')}
        ${openNew}
      END;
      CREATE TRIGGER ${trigger('update')} AFTER UPDATE ON ${quote(table)} WHEN ${changed} AND NOT ${backdated('OLD')} BEGIN
        ${closeOpen('OLD')}
        ${openNew}
      END;
      CREATE TRIGGER ${trigger('update_backdated')} AFTER UPDATE ON ${quote(table)} WHEN ${changed} AND ${backdated('OLD')} BEGIN
        ${setMark}
        ${keepBefore('OLD')}
        INSERT INTO ${h} (${allColumns}, _valid_from, _valid_to, _recorded_from, _recorded_to)
        SELECT ${rowKeyFromNew}${rederived}, max(v._valid_from, ${world}), v._valid_to, ${stamp}, ${NEVER} FROM ${h} v
        WHERE ${matches('OLD', 'v.')} AND v._recorded_to = ${NEVER} AND v._valid_to > ${world} AND v._history_id <= ${mark};
        ${supersedeAfter('OLD')}
      END;
      ${
        revision
          ? `CREATE TRIGGER ${trigger('update_revision')} AFTER UPDATE ON ${quote(table)} WHEN NOT ${changed} AND OLD.revision IS NOT NEW.revision BEGIN
        UPDATE ${h} SET revision = NEW.revision WHERE ${matches('OLD')} AND _recorded_to = ${NEVER} AND _valid_to = '${END_OF_TIME}';
      END;`
          : ''
      }
      CREATE TRIGGER ${trigger('delete')} AFTER DELETE ON ${quote(table)} WHEN NOT ${backdated('OLD')} BEGIN
        ${closeOpen('OLD')}
      END;
      CREATE TRIGGER ${trigger('delete_backdated')} AFTER DELETE ON ${quote(table)} WHEN ${backdated('OLD')} BEGIN
        ${setMark}
        ${keepBefore('OLD')}
        ${supersedeAfter('OLD')}
      END;`);
    // A table without a primary key keeps its rowid in _row_id: queries ordering by rowid read it.
    const viewColumns = `${names.join(', ')}${keyColumns.length > 0 ? '' : ', _row_id AS rowid'}`;
    // The table as of the moment in temp.history_moment, read by HistoricalReadModels: asof_<table>
    // as the ledger knows it now (the versions still known: an index range on _valid_to), and
    // known_<table> as it knew it at a past position (versions then known, ends then known).
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS history_moment (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), world_time TEXT NOT NULL, stamp INTEGER NOT NULL);
      INSERT OR IGNORE INTO temp.history_moment (singleton, world_time, stamp) VALUES (1, '${LATEST_WORLD_TIME}', ${NEVER - 1});
      DROP VIEW IF EXISTS temp.${quote(view('asof', table))};
      CREATE TEMP VIEW ${quote(view('asof', table))} AS SELECT ${viewColumns} FROM main.${h}
      WHERE _recorded_to = ${NEVER} AND _valid_to > (SELECT world_time FROM temp.history_moment)
        AND _valid_from <= (SELECT world_time FROM temp.history_moment);
      DROP VIEW IF EXISTS temp.${quote(view('known', table))};
      CREATE TEMP VIEW ${quote(view('known', table))} AS SELECT ${viewColumns} FROM main.${h}
      WHERE _recorded_to > (SELECT stamp FROM temp.history_moment) AND _recorded_from <= (SELECT stamp FROM temp.history_moment)
        AND _valid_from <= (SELECT world_time FROM temp.history_moment)
        AND (_valid_to > (SELECT world_time FROM temp.history_moment) OR _closed_at > (SELECT stamp FROM temp.history_moment));`);
  }
}

/**
 * Drops the history of these tables (with the tables: a rebuilt projection rebuilds its history),
 * and the deleted keys that earlier versions kept beside the counters' history (`_gone`).
 */
export function dropHistory(db: ReadModelStore, tables: readonly string[]): void {
  for (const table of tables) {
    db.exec(`DROP VIEW IF EXISTS temp.${quote(view('asof', table))}; DROP VIEW IF EXISTS temp.${quote(view('known', table))};
      DROP TABLE IF EXISTS main.${quote(historyTable(table))}; DROP TABLE IF EXISTS main.${quote(`${historyTable(table)}_gone`)}`);
  }
}

export interface AppliedEvent {
  /** The event's position in the log, as a number (its ledger time). */
  readonly stamp: number;
  /** When the ledger recorded it. */
  readonly recordedAt: string;
  /** When it was true in the world: its business date where it has one, else when it occurred. */
  readonly worldTime: string;
}

/** Tells the history triggers which event the next changes come from. */
export function recordLedgerTime(db: ReadModelStore, event: AppliedEvent): void {
  db.run('INSERT OR IGNORE INTO history_stamps (stamp, recorded_at) VALUES (?, ?)', [event.stamp, event.recordedAt]);
}

export function setAppliedEvent(db: ReadModelStore, event: AppliedEvent): void {
  db.run('UPDATE history_context SET world_time = ?, stamp = ?', [event.worldTime, event.stamp]);
}

/** The world time of an event: its business date (`data.date`, a day) where it has one, else when it occurred. */
export function worldTimeOf(event: { readonly data: unknown; readonly metadata: { readonly occurredAt: string } }): string {
  const date = (event.data as { date?: unknown } | null)?.date;
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) return `${date}T00:00:00.000Z`;
  return isoOr(event.metadata.occurredAt);
}

/** The same instant written the one way ISO strings compare in order; a value that is not a date as it is. */
export function isoOr(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

export interface HistoricalMoment {
  /** World time (ISO 8601); undefined: as things stand. */
  readonly asOf?: string;
  /** Ledger time (ISO 8601); undefined: everything recorded. */
  readonly knownAt?: string;
}

/**
 * The read models as of a moment: the same SQL as on the live tables, each table name read from
 * its history (temp view asof_<table>) at the moment's world and ledger times. Statements run on the
 * live connection, one at a time, each after setting its moment: a request may hold several moments.
 */
export class HistoricalReadModels implements ReadModelStore {
  /** The world time (ISO 8601) and the ledger position it reads at: queries with running totals read them. */
  readonly worldTime: string;
  readonly stamp: number;
  private readonly rewrite: (sql: string) => string;

  constructor(
    private readonly db: ReadModelStore,
    rewriters: { readonly asOf: (sql: string) => string; readonly known: (sql: string) => string },
    moment: HistoricalMoment,
  ) {
    this.rewrite = moment.knownAt === undefined ? rewriters.asOf : rewriters.known;
    this.worldTime = moment.asOf ? new Date(moment.asOf).toISOString() : LATEST_WORLD_TIME;
    this.stamp =
      moment.knownAt === undefined
        ? NEVER - 1
        : (db.get<{ stamp: number }>('SELECT stamp FROM history_stamps WHERE recorded_at <= ? ORDER BY recorded_at DESC, stamp DESC LIMIT 1', [
            new Date(moment.knownAt).toISOString(),
          ])?.stamp ?? 0);
  }

  private at(): void {
    this.db.run('UPDATE temp.history_moment SET world_time = ?, stamp = ?', [this.worldTime, this.stamp]);
  }

  exec(): void {
    throw new Error('The read models as of a moment are read-only');
  }

  run(): { changes: number } {
    throw new Error('The read models as of a moment are read-only');
  }

  get<Row>(sql: string, params?: SqlParams): Row | undefined {
    this.at();
    return this.db.get<Row>(this.rewrite(sql), params);
  }

  all<Row>(sql: string, params?: SqlParams): Row[] {
    this.at();
    return this.db.all<Row>(this.rewrite(sql), params);
  }
}

const NOT_AN_ALIAS = new Set([
  'WHERE', 'JOIN', 'LEFT', 'RIGHT', 'FULL', 'INNER', 'CROSS', 'OUTER', 'NATURAL', 'ON', 'USING', 'GROUP', 'ORDER', 'LIMIT',
  'UNION', 'EXCEPT', 'INTERSECT', 'WINDOW', 'HAVING', 'INDEXED', 'NOT', 'RETURNING',
]);

/**
 * Functions that read each of `tables` named after FROM or JOIN from its as-of view instead (as
 * known now, or at a past moment),
 * under the table's name (or the query's own alias), so the rest of the statement is unchanged.
 * A table named in quotes (`main."t"`) is left as it is: read live.
 */
export function asOfRewriters(tables: readonly string[]) {
  return { asOf: rewriter('asof', tables), known: rewriter('known', tables) };
}

function rewriter(kind: 'asof' | 'known', tables: readonly string[]): (sql: string) => string {
  const known = new Set(tables);
  const cache = new Map<string, string>();
  const pattern = /\b(FROM|JOIN)(\s+)(?:main\.)?([A-Za-z_][A-Za-z0-9_]*)\b(?!\s*\()(\s+(?:AS\s+)?([A-Za-z_][A-Za-z0-9_]*))?/gi;
  return (sql) => {
    let rewritten = cache.get(sql);
    if (rewritten === undefined) {
      rewritten = sql.replace(pattern, (whole, keyword: string, space: string, name: string, aliasPart: string | undefined, alias: string | undefined) => {
        if (!known.has(name)) return whole;
        if (alias !== undefined && !NOT_AN_ALIAS.has(alias.toUpperCase())) return `${keyword}${space}temp.${view(kind, name)}${aliasPart}`;
        return `${keyword}${space}temp.${view(kind, name)} AS ${name}${aliasPart ?? ''}`;
      });
      cache.set(sql, rewritten);
    }
    return rewritten;
  };
}
