/** Each SQLite file the ledger opens, opened and closed again (for test/replicas/openAtOnce.test.ts). */
import { FoldedSnapshots } from '../../src/commands/foldedSnapshots.js';
import { openEventsDatabase } from '../../src/eventStore/sqlite.js';
import { SqliteKeyStore } from '../../src/personalData/keyStore.js';
import { ReadModelDatabase } from '../../src/readModels/database.js';

export function openEventLog(file: string): void {
  openEventsDatabase(file).close();
}

export function openReadModels(file: string): void {
  new ReadModelDatabase(file).close();
}

export function openKeyStore(file: string): void {
  new SqliteKeyStore(file).close();
}

export async function openFoldedSnapshots(file: string): Promise<void> {
  // The snapshots only read the log when asked for a stream's state; opening needs none.
  await new FoldedSnapshots(file, undefined as never).close();
}
