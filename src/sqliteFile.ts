import Database from 'better-sqlite3';

/** How long opening a file waits for other processes' locks unless a caller says otherwise. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens a SQLite file in WAL mode, as every file of the ledger is (the log, the read models, the
 * key store, the folded snapshots), waiting up to `busyTimeoutMs` for other processes' locks.
 *
 * Why not just `PRAGMA journal_mode = WAL`: two processes opening a new file at the same moment
 * (two replicas started together) both hold a shared lock and both ask for the exclusive lock that
 * switches the journal; SQLite sees the deadlock and answers SQLITE_BUSY at once, without calling
 * the busy handler. The statement holds no lock once it has failed, so trying again after a short
 * pause lets the other process finish its switch; then the file is in WAL mode and the switch is a
 * no-op.
 */
export function openWalDatabase(filename: string, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS): Database.Database {
  const db = new Database(filename, { timeout: busyTimeoutMs });
  try {
    if (filename !== ':memory:') switchToWal(db, busyTimeoutMs);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function switchToWal(db: Database.Database, busyTimeoutMs: number): void {
  const giveUpAt = Date.now() + busyTimeoutMs;
  for (let pauseMs = 1; ; pauseMs = Math.min(pauseMs * 2, 50)) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() >= giveUpAt) throw error;
      // Opening is synchronous for every caller (constructors), so the pause is too; it only
      // happens when another process is switching the same file at this very moment.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pauseMs);
    }
  }
}

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'));
}
