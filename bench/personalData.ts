/**
 * What sealing personal data costs: appending and reading events that name people, through the
 * personal-data layer and straight to the same kind of SQLite log (the baseline, same run), at
 * several sizes. Each event is an attendance of 10 people (10 sealed names) plus a sealed actor.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { START, type EventData, type EventStore, type Position } from '../src/eventStore/port.js';
import { SqliteEventStore } from '../src/eventStore/sqlite.js';
import { SqliteKeyStore } from '../src/personalData/keyStore.js';
import { PersonalDataEventStore } from '../src/personalData/personalDataStore.js';
import type { Report } from './report.js';

export const name = 'personalData';
export const description = 'sealing personal values (AES-256-GCM) on append and opening them on read, against the plain log';

const SIZES = [500, 2000, 8000];

function attendance(i: number): EventData {
  const at = new Date().toISOString();
  return {
    id: randomUUID(),
    type: 'AttendanceRecorded',
    data: { attendees: Array.from({ length: 10 }, (_, k) => ({ name: `Person ${(i * 7 + k) % 400}`, cityId: 'torino-it' })) },
    metadata: { actor: `coordinator:${i % 20}`, recordedAt: at, occurredAt: at, commandId: randomUUID(), correlationId: randomUUID(), causationId: randomUUID() },
  };
}

async function measure(store: EventStore, count: number): Promise<{ append: number; read: number }> {
  let started = performance.now();
  for (let i = 0; i < count; i++) await store.appendToStream(`meeting-${i % 50}`, [attendance(i)]);
  const append = count / ((performance.now() - started) / 1000);
  started = performance.now();
  let from: Position = START;
  let read = 0;
  for (;;) {
    const page = await store.readAll({ fromPosition: from, maxCount: 500 });
    if (page.length === 0) break;
    read += page.length;
    from = page.at(-1)!.position;
  }
  return { append, read: read / ((performance.now() - started) / 1000) };
}

export async function run(report: Report): Promise<void> {
  for (const size of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-personal-'));
    try {
      const plain = await measure(new SqliteEventStore(join(dir, 'plain.sqlite')), size);
      const sealedStore = new PersonalDataEventStore(new SqliteEventStore(join(dir, 'sealed.sqlite')), new SqliteKeyStore(join(dir, 'keys.sqlite')));
      const sealed = await measure(sealedStore, size);
      await sealedStore.close();
      report.metric(`append ${size} events, sealed`, sealed.append, 'events/s', { note: `plain log: ${plain.append.toFixed(0)} events/s (ratio ${(sealed.append / plain.append).toFixed(2)})` });
      report.metric(`read ${size} events, opened`, sealed.read, 'events/s', { note: `plain log: ${plain.read.toFixed(0)} events/s (ratio ${(sealed.read / plain.read).toFixed(2)})` });
      report.metric(`append ratio sealed/plain at ${size}`, sealed.append / plain.append, 'ratio');
      report.metric(`read ratio opened/plain at ${size}`, sealed.read / plain.read, 'ratio');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  report.note('11 sealed values per event (10 attendees and the actor); 400 distinct people, 20 actors; keys cached after first use.');
}
