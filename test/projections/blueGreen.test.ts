import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { projection, type Projection } from '../../projections/types.js';
import { ProjectionRunner } from '../../src/projections/runner.js';
import { metadataAt, projectionHarness, type ProjectionHarness } from '../support/projectionSpec.js';

/**
 * Blue/green rebuilds: a projection whose version changed is built beside its serving tables (a side
 * file), while those keep answering, and switched to in one transaction once it has caught up.
 */

/** Counts events per stream; each version counts in its own unit, so an answer shows which version gave it. */
function counter(version: number, options: { failOnce?: { at: number }; applied?: { n: number } } = {}): Projection {
  let seen = 0;
  return projection({
    name: 'counter',
    version,
    schema: 'CREATE TABLE IF NOT EXISTS counts (stream TEXT PRIMARY KEY, n INTEGER NOT NULL)',
    handles: ['Counted'],
    apply(db, event) {
      seen += 1;
      if (options.failOnce && seen === options.failOnce.at) throw new Error('the process died here');
      if (options.applied) options.applied.n += 1;
      db.run('INSERT INTO counts (stream, n) VALUES (?, ?) ON CONFLICT(stream) DO UPDATE SET n = n + excluded.n', [event.streamId, version]);
    },
  });
}

/** Another projection, serving throughout: it must keep following the log. */
const tally = projection({
  name: 'tally',
  version: 1,
  schema: 'CREATE TABLE IF NOT EXISTS tally (singleton INTEGER PRIMARY KEY, n INTEGER NOT NULL)',
  handles: ['Counted'],
  apply: (db) => db.run('INSERT INTO tally (singleton, n) VALUES (1, 1) ON CONFLICT(singleton) DO UPDATE SET n = n + 1'),
});

const STREAMS = 10;

async function appendCounted(h: ProjectionHarness, perStream: number) {
  let last;
  for (let s = 0; s < STREAMS; s++) {
    for (let from = 0; from < perStream; from += 500) {
      const count = Math.min(500, perStream - from);
      last = await h.store.appendToStream(
        `counted-${s}`,
        Array.from({ length: count }, () => ({ id: randomUUID(), type: 'Counted', data: {}, metadata: metadataAt('2020-01-01T00:00:00.000Z') })),
      );
    }
  }
  return last!.position;
}

const counts = (h: ProjectionHarness) =>
  new Set(h.db.all<{ n: number }>('SELECT n FROM counts').map((row) => row.n));
const tallied = (h: ProjectionHarness) => h.db.get<{ n: number }>('SELECT n FROM tally')?.n ?? 0;
const sideFile = (h: ProjectionHarness) => `${h.db.filename}.next`;

describe('blue/green projection rebuilds', () => {
  let harness: ProjectionHarness;
  let runner: ProjectionRunner | undefined;
  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
    await harness?.close();
  });

  it('answers from the previous version throughout the rebuild, then from the new one, events written meanwhile included', async () => {
    harness = await projectionHarness([counter(1), tally]);
    await appendCounted(harness, 600);
    await harness.catchUp();
    expect(counts(harness)).toEqual(new Set([600]));

    runner = new ProjectionRunner(harness.store, harness.db, [counter(2), tally]);
    runner.start();
    const answersDuringRebuild: number[][] = [];
    let written = false;
    while (runner.status().rebuilding) {
      answersDuringRebuild.push([...counts(harness)]);
      if (!written && answersDuringRebuild.length > 1) {
        // Writes go on meanwhile, and readers of the serving projections still read their writes.
        written = true;
        const position = await appendCounted(harness, 1);
        expect(await runner.waitFor(position, 5000)).toBe(true);
        expect(tallied(harness)).toBe(STREAMS * 601);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(written).toBe(true);
    expect(answersDuringRebuild.length).toBeGreaterThan(2);
    // Every answer during the rebuild came whole from version 1, as it stood at the version change.
    for (const answer of answersDuringRebuild) expect(answer).toEqual([600]);
    // After the switch: version 2, with the event written during the rebuild.
    expect(counts(harness)).toEqual(new Set([2 * 601]));
    expect(existsSync(sideFile(harness))).toBe(false);
    const more = await appendCounted(harness, 1);
    expect(await runner.waitFor(more, 5000)).toBe(true);
    expect(counts(harness)).toEqual(new Set([2 * 602]));
    expect(harness.db.get<{ version: number }>(`SELECT version FROM projection_checkpoints WHERE name = 'counter'`)?.version).toBe(2);
  });

  it('resumes a rebuild cut short by a crash from the side file, serving the previous version until the switch', async () => {
    harness = await projectionHarness([counter(1), tally]);
    await appendCounted(harness, 500);
    await harness.catchUp();

    // The process dies on the 2,500th event of the rebuild: the side file keeps the batches committed before.
    const crashed = new ProjectionRunner(harness.store, harness.db, [counter(2, { failOnce: { at: 2500 } }), tally]);
    await expect(crashed.catchUp()).rejects.toThrow('the process died here');
    expect(existsSync(sideFile(harness))).toBe(true);
    expect(counts(harness)).toEqual(new Set([500]));

    const applied = { n: 0 };
    runner = new ProjectionRunner(harness.store, harness.db, [counter(2, { applied }), tally]);
    await runner.catchUp();
    // It went on from the side file's checkpoint (2,000 events in), not from event 0...
    expect(applied.n).toBe(5000 - 2000);
    // ...to the same read model as a rebuild from zero.
    expect(counts(harness)).toEqual(new Set([2 * 500]));
    expect(existsSync(sideFile(harness))).toBe(false);
  });

  it('keeps serving the previous version when the switch fails, and switches once it succeeds', async () => {
    harness = await projectionHarness([counter(1), tally]);
    await appendCounted(harness, 100);
    await harness.catchUp();
    // The side build passes, and the switch dies after dropping the old tables: the switch is one
    // transaction, nothing of it stays.
    const dying: Projection = {
      ...counter(2),
      setup(db) {
        if (db === harness.db) throw new Error('the process died while switching');
        counter(2).setup(db);
      },
    };
    runner = new ProjectionRunner(harness.store, harness.db, [dying, tally]);
    await expect(runner.catchUp()).rejects.toThrow('the process died while switching');
    expect(counts(harness)).toEqual(new Set([100]));
    expect(harness.db.get<{ version: number }>(`SELECT version FROM projection_checkpoints WHERE name = 'counter'`)?.version).toBe(1);
    runner = new ProjectionRunner(harness.store, harness.db, [counter(2), tally]);
    await runner.catchUp();
    expect(counts(harness)).toEqual(new Set([200]));
  });

  it('rebuilds in place when asked to (nothing served meanwhile)', async () => {
    harness = await projectionHarness([counter(1), tally]);
    await appendCounted(harness, 10);
    await harness.catchUp();
    runner = new ProjectionRunner(harness.store, harness.db, [counter(2), tally], { rebuildBeside: false });
    await runner.catchUp();
    expect(counts(harness)).toEqual(new Set([20]));
    expect(existsSync(sideFile(harness))).toBe(false);
  });
});
