import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import type { DomainEvent } from '../../domain/shared/decider.js';
import type { Projection, ReadModelStore } from '../../projections/types.js';
import type { EventMetadata } from '../../src/eventStore/port.js';
import { SqliteEventStore } from '../../src/eventStore/sqlite.js';
import { ProjectionRunner } from '../../src/projections/runner.js';
import { ReadModelDatabase } from '../../src/readModels/database.js';

export interface StreamEvent extends DomainEvent {
  readonly streamId: string;
  /** Defaults to a fixed date so rows are reproducible. */
  readonly occurredAt?: string;
}

export function metadataAt(occurredAt: string): EventMetadata {
  const id = randomUUID();
  return { actor: 'test', role: 'secretariat', recordedAt: occurredAt, occurredAt, commandId: id, correlationId: id, causationId: id };
}

/** Every row of every table the projections own, in a stable order. */
export function snapshot(db: ReadModelStore, projections: readonly Projection[]): Record<string, unknown[]> {
  const result: Record<string, unknown[]> = {};
  for (const projection of projections) {
    for (const table of projection.tables) {
      const exists = db.get(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`, [table]);
      if (!exists) continue;
      const rows = db.all<Record<string, unknown>>(`SELECT * FROM "${table}"`);
      result[table] = rows.map((r) => JSON.stringify(r)).sort();
    }
  }
  return result;
}

export interface ProjectionHarness {
  readonly store: SqliteEventStore;
  readonly db: ReadModelDatabase;
  readonly runner: ProjectionRunner;
  append(events: readonly StreamEvent[]): Promise<void>;
  /** Runs the projections up to the end of the log. */
  catchUp(): Promise<void>;
  snapshot(): Record<string, unknown[]>;
  /** Drops every table and replays the whole log; returns the snapshot after it. */
  rebuild(): Promise<Record<string, unknown[]>>;
  close(): Promise<void>;
}

/** An event store and read-model database on disk, with the given projections. */
export async function projectionHarness(projections: readonly Projection[]): Promise<ProjectionHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-projection-'));
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  const db = new ReadModelDatabase(join(dir, 'readmodels.sqlite'));
  const runner = new ProjectionRunner(store, db, projections);
  return {
    store,
    db,
    runner,
    async append(events) {
      for (const event of events) {
        await store.appendToStream(event.streamId, [
          { id: randomUUID(), type: event.type, data: event.data, metadata: metadataAt(event.occurredAt ?? '2020-01-01T00:00:00.000Z') },
        ]);
      }
    },
    catchUp: () => runner.catchUp(),
    snapshot: () => snapshot(db, projections),
    async rebuild() {
      await runner.rebuild();
      return snapshot(db, projections);
    },
    async close() {
      await runner.stop();
      db.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Applies the events in small increments (catching up after each), then rebuilds from zero:
 * returns both snapshots, which must be equal.
 */
export async function incrementalAndRebuilt(
  projections: readonly Projection[],
  events: readonly StreamEvent[],
  step = 3,
): Promise<{ incremental: Record<string, unknown[]>; rebuilt: Record<string, unknown[]>; harness: ProjectionHarness }> {
  const harness = await projectionHarness(projections);
  for (let i = 0; i < events.length; i += step) {
    await harness.append(events.slice(i, i + step));
    await harness.catchUp();
  }
  const incremental = harness.snapshot();
  const rebuilt = await harness.rebuild();
  return { incremental, rebuilt, harness };
}

/**
 * The read models after the events, in a spec: projected in small increments, then rebuilt from
 * zero, expecting the same rows both ways; closed when the spec ends.
 */
export async function projectedAndRebuilt(projections: readonly Projection[], events: readonly StreamEvent[], step = 3): Promise<ReadModelDatabase> {
  const { incremental, rebuilt, harness } = await incrementalAndRebuilt(projections, events, step);
  onTestFinished(() => harness.close());
  expect(rebuilt).toEqual(incremental);
  return harness.db;
}
