/**
 * Replicas and the API started together open the same new files at the same moment. Switching a
 * new file to WAL then deadlocks two openers, and SQLite answers one of them "database is locked"
 * at once instead of waiting (CI saw a replica die this way). Every opener of a SQLite file must
 * wait its turn instead.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../projections/support.js';

const THREADS = 4;
const ROUNDS = 40;
const root = join(import.meta.dirname, '..', '..');

/** Opens ROUNDS new files, each from THREADS threads at once; returns every failure. */
async function openAtOnce(modulePath: string, opener: string): Promise<string[]> {
  const dir = tempDir('ledger-open-at-once-');
  const files = Array.from({ length: ROUNDS }, (_, round) => join(dir.dir, `file-${round}.sqlite`));
  const barrier = new SharedArrayBuffer(4 * ROUNDS);
  const failures = await Promise.all(
    Array.from({ length: THREADS }, () =>
      new Promise<string[]>((resolve, reject) => {
        const worker = new Worker(join(import.meta.dirname, '..', 'support', 'openAtOnce.worker.mjs'), {
          workerData: { modulePath: join(root, modulePath), opener, files, barrier, threads: THREADS },
        });
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
    ),
  );
  dir.cleanup();
  return failures.flat();
}

describe('opening one new SQLite file from several connections at once (threads here, replicas in production)', () => {
  it.each([
    ['the event-log file', 'openEventLog'],
    ['a read-model file', 'openReadModels'],
    ['the key-store file', 'openKeyStore'],
    ['the folded-snapshots file', 'openFoldedSnapshots'],
  ])('%s opens for every one of them', async (_file, opener) => {
    expect(await openAtOnce('test/support/openers.ts', opener)).toEqual([]);
  }, 60_000);
});
