import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventData } from '../../src/eventStore/port.js';
import { SqliteEventStore } from '../../src/eventStore/sqlite.js';
import { SqliteKeyStore } from '../../src/personalData/keyStore.js';
import { PersonalDataEventStore } from '../../src/personalData/personalDataStore.js';
import { isSealed, seal, unseal } from '../../src/personalData/sealing.js';

const dirs: string[] = [];
function keyStore(): SqliteKeyStore {
  const dir = mkdtempSync(join(tmpdir(), 'keys-'));
  dirs.push(dir);
  return new SqliteKeyStore(join(dir, 'keys.sqlite'));
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the key store', () => {
  it('gives one person one subject, however they are named later', () => {
    const keys = keyStore();
    const expert = keys.subjectFor(['subject:expert:peter-wolkowinski', 'name:Peter Wolkowinski']);
    expect(keys.subjectFor(['name:peter  WOLKOWINSKI']).subjectId).toBe(expert.subjectId);
    expect(keys.subjectFor(['subject:expert:peter-wolkowinski']).subjectId).toBe(expert.subjectId);
    expect(keys.subjectFor(['name:Someone Else']).subjectId).not.toBe(expert.subjectId);
    expect(expert.subjectId).toMatch(/^ds[0-9A-Z]{26}$/);
    keys.close();
  });

  it('keeps no identity in plain text', () => {
    const keys = keyStore();
    keys.subjectFor(['name:Peter Wolkowinski', 'email:peter@example.eu']);
    keys.close();
    const bytes = readFileSync(keys.filename).toString('latin1').toLowerCase();
    expect(bytes).not.toContain('wolkowinski');
    expect(bytes).not.toContain('example.eu');
  });

  it('forgets the key and the identities of an erased subject', () => {
    const keys = keyStore();
    const { subjectId } = keys.subjectFor(['name:Peter Wolkowinski']);
    expect(keys.erase(subjectId, '2026-01-01T00:00:00.000Z')).toBe(true);
    expect(keys.keyOf(subjectId)).toBeUndefined();
    expect(keys.findSubject('name:Peter Wolkowinski')).toBeUndefined();
    expect(keys.erasedAt(subjectId)).toBe('2026-01-01T00:00:00.000Z');
    keys.close();
  });
});

describe('a sealed value', () => {
  it('opens with its subject key, and reads as a placeholder once the key is destroyed', () => {
    const keys = keyStore();
    const { subjectId, key } = keys.subjectFor(['name:Peter Wolkowinski']);
    const sealed = seal('Peter Wolkowinski', subjectId, key);
    expect(isSealed(sealed)).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain('Wolkowinski');
    expect(unseal(sealed, keys)).toBe('Peter Wolkowinski');
    keys.erase(subjectId, new Date().toISOString());
    expect(unseal(sealed, keys)).toBe(`[erased ${subjectId.slice(-8)}]`);
    keys.close();
  });

  it('does not open as another subject', () => {
    const keys = keyStore();
    const a = keys.subjectFor(['name:A Person']);
    const b = keys.subjectFor(['name:B Person']);
    const moved = { ...seal('A Person', a.subjectId, a.key), subject: b.subjectId };
    expect(() => unseal(moved, keys)).toThrow();
    keys.close();
  });
});

describe('the actor of an event', () => {
  function store() {
    const dir = mkdtempSync(join(tmpdir(), 'sealed-log-'));
    dirs.push(dir);
    return new PersonalDataEventStore(new SqliteEventStore(join(dir, 'events.sqlite')), new SqliteKeyStore(join(dir, 'keys.sqlite')));
  }
  const at = '2026-01-01T00:00:00.000Z';
  const event = (actor: string): EventData => {
    const id = randomUUID();
    return { id, type: 'NoteTaken', data: {}, metadata: { actor, occurredAt: at, recordedAt: at, commandId: id, correlationId: id, causationId: id } };
  };
  const actorsIn = async (log: PersonalDataEventStore) => (await log.readStream('note-1')).map((e) => e.metadata.actor);

  it('is sealed in the log, and read back plain, for every event of the same caller', async () => {
    const log = store();
    await log.appendToStream('note-1', [event('expert:peter')]);
    await log.appendToStream('note-1', [event('expert:peter'), event('city:torino')]);
    const sealed = (await log.sealedLog.readStream('note-1')).map((e) => e.metadata.actor as unknown);
    expect(sealed.every((actor) => isSealed(actor))).toBe(true);
    expect(await actorsIn(log)).toEqual(['expert:peter', 'expert:peter', 'city:torino']);
    await log.close();
  });

  it('is sealed under a new subject once the old one is erased: the earlier events read as a placeholder, the later ones plain', async () => {
    const log = store();
    await log.appendToStream('note-1', [event('expert:peter')]);
    const erased = log.keys.findSubject('subject:expert:peter')!;
    log.keys.erase(erased, '2026-01-02T00:00:00.000Z');
    await log.appendToStream('note-1', [event('expert:peter')]);
    expect(await actorsIn(log)).toEqual([`[erased ${erased.slice(-8)}]`, 'expert:peter']);
    expect(log.keys.findSubject('subject:expert:peter')).not.toBe(erased);
    await log.close();
  });
});
