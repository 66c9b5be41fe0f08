import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { allProjections } from '../../projections/index.js';
import { START, comparePositions, positionFromString } from '../../src/eventStore/port.js';
import { SqliteEventStore } from '../../src/eventStore/sqlite.js';
import { SqliteKeyStore } from '../../src/personalData/keyStore.js';
import { PersonalDataEventStore } from '../../src/personalData/personalDataStore.js';
import { ProjectionRunner } from '../../src/projections/runner.js';
import { ReadModelDatabase } from '../../src/readModels/database.js';
import { snapshot } from '../support/projectionSpec.js';

/**
 * Durability under SIGKILL: a child process appends through the real CommandHandler while its
 * projection runner writes the read models; the test kills it at a random moment, then checks
 * that every acknowledged append is in the log, and that the read models, continued from their
 * checkpoint, equal a rebuild from zero. Three kills on the same data directory, so later rounds
 * also restart the store and the runner on a log and read models left behind by a crash.
 */

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const child = join(here, 'appendLoop.ts');

interface Ack {
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
}

/** Kill after a random number of acknowledgements in each range, then after a random delay. */
const rounds: readonly { readonly min: number; readonly max: number }[] = [
  { min: 100, max: 300 },
  { min: 250, max: 500 },
  { min: 400, max: 900 },
];

function runUntilKilled(dataDir: string, killAfter: number, delayMs: number): Promise<{ acks: Ack[]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Ack[] = [];
    let pending = '';
    let stderr = '';
    let killing = false;
    const timeout = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`child did not reach ${killAfter} acknowledgements in time (got ${acks.length}); stderr:\n${stderr}`));
    }, 20_000);
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const [word, streamId, revision, type] = line.split(' ');
        if (word !== 'ack') continue;
        acks.push({ streamId: streamId!, revision: BigInt(revision!), type: type! });
      }
      if (!killing && acks.length >= killAfter) {
        killing = true;
        setTimeout(() => proc.kill('SIGKILL'), delayMs);
      }
    });
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      clearTimeout(timeout);
      // Lines still in the pipe when the child died were acknowledged too.
      for (const line of pending.split('\n')) {
        const [word, streamId, revision, type] = line.split(' ');
        if (word === 'ack' && type) acks.push({ streamId: streamId!, revision: BigInt(revision!), type });
      }
      if (signal !== 'SIGKILL') {
        reject(new Error(`child exited with ${code ?? signal} before it was killed; stderr:\n${stderr}`));
        return;
      }
      resolve({ acks, signal });
    });
  });
}

describe('crash: SIGKILL while appending and projecting', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const allAcks: Ack[] = [];

  for (const [index, range] of rounds.entries()) {
    it(`round ${index + 1}: killed after ${range.min}-${range.max} acknowledgements`, async () => {
      const killAfter = range.min + Math.floor(Math.random() * (range.max - range.min));
      const delayMs = Math.floor(Math.random() * 25);
      const context = `killAfter=${killAfter} delayMs=${delayMs}`;
      const { acks } = await runUntilKilled(dataDir, killAfter, delayMs);
      expect(acks.length, context).toBeGreaterThanOrEqual(killAfter);
      allAcks.push(...acks);

      // As the application reads its log: personal values opened with the keys of its key store.
      const store = new PersonalDataEventStore(new SqliteEventStore(join(dataDir, 'events.sqlite')), new SqliteKeyStore(join(dataDir, 'keys.sqlite')));
      const readModels = new ReadModelDatabase(join(dataDir, 'readmodels.sqlite'));
      try {
        // Every acknowledged append of every round so far is in the log, with its type.
        for (const ack of allAcks) {
          const [event] = await store.readStream(ack.streamId, { fromRevision: ack.revision, maxCount: 1 });
          expect(event?.revision, `${ack.streamId}@${ack.revision} (${context})`).toBe(ack.revision);
          expect(event?.type, `${ack.streamId}@${ack.revision} (${context})`).toBe(ack.type);
        }
        // The log is whole: positions strictly increase and every stream's revisions run 0, 1, 2...
        const head = await store.headPosition();
        const next = new Map<string, bigint>();
        let count = 0;
        let last = START;
        for (let from = START; ; ) {
          const batch = await store.readAll({ fromPosition: from, maxCount: 5000 });
          if (batch.length === 0) break;
          for (const event of batch) {
            expect(comparePositions(event.position, last)).toBe(1);
            last = event.position;
            expect(event.revision, event.streamId).toBe(next.get(event.streamId) ?? 0n);
            next.set(event.streamId, event.revision + 1n);
            count++;
          }
          from = batch.at(-1)!.position;
        }
        expect(comparePositions(last, head)).toBe(0);
        expect(count).toBeGreaterThanOrEqual(allAcks.length);

        // The child was writing read models when it died: its checkpoints are past the start.
        const checkpoints = readModels.all<{ position: string }>('SELECT position FROM projection_checkpoints');
        expect(checkpoints.length).toBe(allProjections.length);
        for (const row of checkpoints) {
          const position = positionFromString(row.position);
          expect(comparePositions(position, START), context).toBe(1);
          expect(comparePositions(position, head), context).toBeLessThanOrEqual(0);
        }

        // Continue from the checkpoints, then compare with a rebuild from zero.
        const runner = new ProjectionRunner(store, readModels, allProjections);
        await runner.catchUp();
        expect(comparePositions(runner.position, head)).toBe(0);
        const continued = snapshot(readModels, allProjections);
        const registered = allAcks.filter((a) => a.type === 'NetworkRegistered').length;
        expect(continued.networks?.length ?? 0).toBeGreaterThanOrEqual(registered);
        await runner.rebuild();
        const rebuilt = snapshot(readModels, allProjections);
        expect(continued, context).toEqual(rebuilt);
      } finally {
        readModels.close();
        await store.close();
      }
    });
  }
});
