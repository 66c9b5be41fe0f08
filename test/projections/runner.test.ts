import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projection, type Projection } from '../../projections/types.js';
import { positionToString } from '../../src/eventStore/port.js';
import { ProjectionRunner } from '../../src/projections/runner.js';
import { TimeTravel } from '../../src/projections/timeTravel.js';
import { projectionHarness, type ProjectionHarness } from '../support/projectionSpec.js';

/** Counts events per stream; version and failure are switchable to test rebuilds and restarts. */
function counter(version = 1, failOn?: string): Projection {
  return projection({
    name: 'counter',
    version,
    schema: 'CREATE TABLE IF NOT EXISTS counts (stream TEXT PRIMARY KEY, n INTEGER NOT NULL)',
    handles: ['Counted', 'Poison'],
    apply(db, event) {
      if (event.type === failOn) throw new Error('poison event');
      db.run('INSERT INTO counts (stream, n) VALUES (?, 1) ON CONFLICT(stream) DO UPDATE SET n = n + 1', [event.streamId]);
    },
  });
}

const counts = (h: ProjectionHarness) =>
  Object.fromEntries(h.db.all<{ stream: string; n: number }>('SELECT * FROM counts ORDER BY stream').map((r) => [r.stream, r.n]));

describe('projection runner', () => {
  let harness: ProjectionHarness;
  afterEach(async () => harness?.close());

  it('catches up, goes live, and lets a writer wait for its position', async () => {
    harness = await projectionHarness([counter()]);
    await harness.append([
      { streamId: 'a-1', type: 'Counted', data: {} },
      { streamId: 'a-1', type: 'Counted', data: {} },
      { streamId: 'b-1', type: 'Ignored', data: {} },
    ]);
    harness.runner.start();
    const appended = await harness.store.appendToStream('a-2', [
      { id: crypto.randomUUID(), type: 'Counted', data: {}, metadata: { actor: 't', recordedAt: '', occurredAt: '2020-01-01T00:00:00Z', commandId: '', correlationId: '', causationId: '' } },
    ]);
    expect(await harness.runner.waitFor(appended.position, 5000)).toBe(true);
    expect(counts(harness)).toEqual({ 'a-1': 2, 'a-2': 1 });
    expect(harness.runner.status()).toMatchObject({ running: true });
  });

  it('keeps its checkpoint with its rows: a new runner continues without applying twice', async () => {
    harness = await projectionHarness([counter()]);
    await harness.append([{ streamId: 'a-1', type: 'Counted', data: {} }]);
    await harness.catchUp();
    await harness.append([{ streamId: 'a-1', type: 'Counted', data: {} }]);
    const second = new ProjectionRunner(harness.store, harness.db, [counter()]);
    await second.catchUp();
    expect(counts(harness)).toEqual({ 'a-1': 2 });
  });

  it('rebuilds a projection from zero when its version changes', async () => {
    harness = await projectionHarness([counter()]);
    await harness.append([{ streamId: 'a-1', type: 'Counted', data: {} }]);
    await harness.catchUp();
    harness.db.run(`UPDATE counts SET n = 99`);
    const upgraded = new ProjectionRunner(harness.store, harness.db, [counter(2)]);
    await upgraded.catchUp();
    expect(counts(harness)).toEqual({ 'a-1': 1 });
  });

  it('rebuild on demand equals the incremental result', async () => {
    harness = await projectionHarness([counter()]);
    for (let i = 0; i < 5; i++) {
      await harness.append([{ streamId: `s-${i % 2}`, type: 'Counted', data: {} }]);
      await harness.catchUp();
    }
    const incremental = harness.snapshot();
    expect(await harness.rebuild()).toEqual(incremental);
  });

  it('rolls back a failing batch entirely: rows and checkpoint stay together', async () => {
    harness = await projectionHarness([counter(1, 'Poison')]);
    await harness.append([
      { streamId: 'a-1', type: 'Counted', data: {} },
      { streamId: 'a-1', type: 'Poison', data: {} },
    ]);
    await expect(harness.catchUp()).rejects.toThrow('poison event');
    expect(counts(harness)).toEqual({});
    const checkpoint = harness.db.get<{ position: string }>(`SELECT position FROM projection_checkpoints WHERE name = 'counter'`);
    expect(checkpoint?.position).toBe('-1/-1');
  });

  it('upgrades checkpoints from before they named their event, and rebuilds those read models once', async () => {
    harness = await projectionHarness([counter()]);
    await harness.append([{ streamId: 'a-1', type: 'Counted', data: {} }]);
    // Read models as an earlier version left them: checkpoints without their event, no log recorded.
    harness.db.exec('CREATE TABLE projection_checkpoints (name TEXT PRIMARY KEY, version INTEGER NOT NULL, position TEXT NOT NULL)');
    harness.db.exec('CREATE TABLE counts (stream TEXT PRIMARY KEY, n INTEGER NOT NULL)');
    harness.db.run(`INSERT INTO projection_checkpoints VALUES ('counter', 1, '1/1')`);
    harness.db.run(`INSERT INTO counts VALUES ('a-1', 99)`);
    await harness.catchUp();
    expect(counts(harness)).toEqual({ 'a-1': 1 });
    const checkpoint = harness.db.get<{ stream_id: string; event_id: string }>(`SELECT * FROM projection_checkpoints WHERE name = 'counter'`);
    expect(checkpoint?.stream_id).toBeTruthy();
    expect(checkpoint?.event_id).toMatch(/^[0-9a-f-]{36}$/);
    // From now on it continues from its checkpoint.
    await harness.append([{ streamId: 'a-1', type: 'Counted', data: {} }]);
    await new ProjectionRunner(harness.store, harness.db, [counter()]).catchUp();
    expect(counts(harness)).toEqual({ 'a-1': 2 });
  });

  it('moves a read-model file found damaged while running aside and rebuilds it from the log', async () => {
    let damaged = false;
    const fragile: Projection = {
      ...counter(),
      handles: ['Counted', 'Poison'],
      apply(db, event) {
        if (event.type === 'Poison' && !damaged) {
          damaged = true;
          throw Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
        }
        if (event.type === 'Counted') counter().apply(db, event);
      },
    };
    harness = await projectionHarness([fragile]);
    await harness.append([{ streamId: 'a-1', type: 'Counted', data: {} }]);
    harness.runner.start();
    const poison = await harness.store.appendToStream('a-1', [
      { id: crypto.randomUUID(), type: 'Poison', data: {}, metadata: { actor: 't', recordedAt: '', occurredAt: '2020-01-01T00:00:00Z', commandId: '', correlationId: '', causationId: '' } },
    ]);
    expect(await harness.runner.waitFor(poison.position, 10_000)).toBe(true);
    expect(damaged).toBe(true);
    expect(counts(harness)).toEqual({ 'a-1': 1 });
    const aside = readdirSync(dirname(harness.db.filename)).filter((name) => name.startsWith('readmodels.sqlite.damaged-'));
    expect(aside).toHaveLength(1);
  });

  it('answers as of a moment from the history of the read models, by when events occurred', async () => {
    harness = await projectionHarness([counter()]);
    await harness.append([
      { streamId: 'a-1', type: 'Counted', data: {}, occurredAt: '2016-01-01T00:00:00.000Z' },
      { streamId: 'a-1', type: 'Counted', data: {}, occurredAt: '2017-01-01T00:00:00.000Z' },
      { streamId: 'b-1', type: 'Counted', data: {}, occurredAt: '2018-01-01T00:00:00.000Z' },
    ]);
    await harness.catchUp();
    const travel = new TimeTravel(harness.db, [counter()]);
    const in2016 = travel.at(new Date('2016-06-01T00:00:00Z'));
    expect(in2016.all('SELECT * FROM counts')).toEqual([{ stream: 'a-1', n: 1 }]);
    const in2017 = travel.at(new Date('2017-06-01T00:00:00Z'));
    expect(in2017.all('SELECT * FROM counts')).toEqual([{ stream: 'a-1', n: 2 }]);
    expect(travel.at(new Date('2015-06-01T00:00:00Z')).all('SELECT * FROM counts')).toEqual([]);
    // Many moments at once, read in turns on one connection: each keeps its own answer.
    const moments = Array.from({ length: 12 }, (_, i) => travel.at(new Date(Date.UTC(2016, i, 15))));
    expect(moments.map((db) => db.all('SELECT * FROM counts').length)).toEqual(Array(12).fill(1));
    expect(in2016.all('SELECT * FROM counts')).toEqual([{ stream: 'a-1', n: 1 }]);
    expect(in2016.get('SELECT n FROM counts c WHERE c.stream = ?', ['a-1'])).toEqual({ n: 1 });
  });

  it('keeps no history for a read model never read as of a moment: no history table, its live rows answer', async () => {
    const timeless = { ...counter(), keepsHistory: false };
    harness = await projectionHarness([timeless]);
    await harness.append([
      { streamId: 'a-1', type: 'Counted', data: {}, occurredAt: '2016-01-01T00:00:00.000Z' },
      { streamId: 'a-1', type: 'Counted', data: {}, occurredAt: '2017-01-01T00:00:00.000Z' },
    ]);
    await harness.catchUp();
    expect(harness.db.all(`SELECT name FROM sqlite_master WHERE name LIKE 'counts_history%'`)).toEqual([]);
    const in2016 = new TimeTravel(harness.db, [timeless]).at(new Date('2016-06-01T00:00:00Z'));
    expect(in2016.all('SELECT * FROM counts')).toEqual([{ stream: 'a-1', n: 2 }]);
  });

  it('re-derives later versions after a backdated event, and keeps what the ledger knew before', async () => {
    harness = await projectionHarness([counter()]);
    await harness.append([
      { streamId: 'a-1', type: 'Counted', data: {}, occurredAt: '2016-01-01T00:00:00.000Z' },
      { streamId: 'a-1', type: 'Counted', data: {}, occurredAt: '2018-01-01T00:00:00.000Z' },
    ]);
    await harness.catchUp();
    const travel = new TimeTravel(harness.db, [counter()]);
    const n = (moment: { asOf?: Date; knownAt?: Date }) => travel.at(moment).get<{ n: number }>('SELECT n FROM counts WHERE stream = ?', ['a-1'])?.n;
    const mid2017 = new Date('2017-06-01T00:00:00Z');
    const mid2018 = new Date('2018-06-01T00:00:00Z');
    expect([n({ asOf: mid2017 }), n({ asOf: mid2018 })]).toEqual([1, 2]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const published = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await harness.append([{ streamId: 'a-1', type: 'Counted', data: {}, occurredAt: '2017-01-01T00:00:00.000Z' }]);
    await harness.catchUp();
    expect([n({ asOf: new Date('2016-06-01T00:00:00Z') }), n({ asOf: mid2017 }), n({ asOf: mid2018 })]).toEqual([1, 2, 3]);
    expect(counts(harness)).toEqual({ 'a-1': 3 });
    expect([n({ asOf: mid2017, knownAt: published }), n({ asOf: mid2018, knownAt: published })]).toEqual([1, 2]);
    expect(n({ knownAt: published })).toBe(2);
    expect(n({ knownAt: new Date('2000-01-01T00:00:00Z') })).toBeUndefined();
  });
  // Events no projection handles make a batch long enough to be a catch-up's (applied projection by
  // projection); without them it is a live one (event by event). Both give the same rows.
  it.each([
    ['a live batch, event by event', 0],
    ["a catch-up's batch, projection by projection", 250],
  ])('applies %s, to every projection that handles each event, at that event\'s moment', async (_name, padding) => {
    const pad = Array.from({ length: padding }, () => ({ streamId: 'z-1', type: 'Ignored', data: {} }));
    // A second projection on some of the same events, and one that fails on the last: one batch.
    const tally = (failOn?: string) =>
      projection({
        name: 'tally',
        version: 1,
        schema: 'CREATE TABLE IF NOT EXISTS tallies (stream TEXT PRIMARY KEY, n INTEGER NOT NULL)',
        handles: ['Counted', 'Tallied', 'Poison'],
        apply(db, event) {
          if (event.type === failOn) throw new Error('poison event');
          if (event.type === 'Poison') return;
          db.run('INSERT INTO tallies (stream, n) VALUES (?, 1) ON CONFLICT(stream) DO UPDATE SET n = n + 1', [event.streamId]);
        },
      });
    harness = await projectionHarness([counter(), tally()]);
    await harness.append([
      { streamId: 'a-1', type: 'Counted', data: {}, occurredAt: '2016-01-01T00:00:00.000Z' },
      { streamId: 'a-1', type: 'Tallied', data: {}, occurredAt: '2017-01-01T00:00:00.000Z' },
      { streamId: 'a-1', type: 'Counted', data: {}, occurredAt: '2018-01-01T00:00:00.000Z' },
      ...pad,
    ]);
    await harness.catchUp();
    const versions = (table: string) => harness.db.all(`SELECT n, _valid_from, _recorded_from FROM ${table}_history ORDER BY _history_id`);
    expect(versions('counts')).toEqual([
      { n: 1, _valid_from: '2016-01-01T00:00:00.000Z', _recorded_from: 1 },
      { n: 2, _valid_from: '2018-01-01T00:00:00.000Z', _recorded_from: 3 },
    ]);
    expect(versions('tallies')).toEqual([
      { n: 1, _valid_from: '2016-01-01T00:00:00.000Z', _recorded_from: 1 },
      { n: 2, _valid_from: '2017-01-01T00:00:00.000Z', _recorded_from: 2 },
      { n: 3, _valid_from: '2018-01-01T00:00:00.000Z', _recorded_from: 3 },
    ]);
    const head = positionToString(await harness.store.headPosition());
    expect(harness.db.all('SELECT name, position FROM projection_checkpoints ORDER BY name')).toEqual([
      { name: 'counter', position: head },
      { name: 'tally', position: head },
    ]);

    // A batch one projection fails on is rolled back for all of them, checkpoints included.
    const failing = new ProjectionRunner(harness.store, harness.db, [counter(), tally('Poison')]);
    await harness.append([
      { streamId: 'a-1', type: 'Counted', data: {} },
      { streamId: 'a-1', type: 'Poison', data: {} },
      ...pad,
    ]);
    await expect(failing.catchUp()).rejects.toThrow(/projection tally failed on Poison/);
    expect(counts(harness)).toEqual({ 'a-1': 2 });
    expect(harness.db.all('SELECT n FROM tallies')).toEqual([{ n: 3 }]);
    expect(harness.db.all('SELECT position FROM projection_checkpoints ORDER BY name')).toEqual([{ position: head }, { position: head }]);
  });
});
