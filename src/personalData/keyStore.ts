import { createHmac, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { openWalDatabase } from '../sqliteFile.js';
import { newUlid } from '../ulid.js';

/**
 * The data subjects' keys, kept apart from the log (docs/personal-data.md#the-key-store): one
 * AES-256 key per data subject, and a keyed hash of what identifies the person (an e-mail, a token
 * subject, a name) so that the same person found again gets the same pseudonymous subject id.
 * Erasure deletes the key and the hash: what the log holds of the subject can no longer be read,
 * nor linked back to the person.
 */
export interface KeyStore {
  /**
   * The subject id of the person these identities name (strongest first, e.g. `subject:expert:x`,
   * `name:Peter Wolkowinski`), created with a fresh key the first time. Every identity given is
   * remembered for the subject, so the same person named another way later is the same subject.
   */
  subjectFor(identities: readonly string[]): { readonly subjectId: string; readonly key: Buffer };
  /** The subject's key; undefined once erased (or never known to this store). */
  keyOf(subjectId: string): Buffer | undefined;
  /** The subject id an identity names, without creating one. */
  findSubject(identity: string): string | undefined;
  /** Destroys the key and the identities; false when the subject is unknown. Erasing twice is harmless. */
  erase(subjectId: string, at: string): boolean;
  /** When the subject was erased, if it was. */
  erasedAt(subjectId: string): string | undefined;
  /** Drops a cached key: another process may have erased the subject. */
  forget(subjectId: string): void;
  close(): void;
}

/** Names that differ only in case, accents' composition or spacing are the same person. */
export function normalizeIdentity(identity: string): string {
  return identity.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The embedded key store: a SQLite file of its own (`KEY_STORE_FILE`, by default `keys.sqlite`
 * beside the log), never the log's. Processes on one machine share it (WAL); replicas on several
 * machines need a shared key store (see the documentation).
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;
  private readonly pepper: Buffer;
  private readonly keys = new Map<string, Buffer | null>();
  /** Identity hashes this process has seen, by subject: a known person is sealed without a write. */
  private readonly known = new Map<string, string>();

  constructor(readonly filename: string) {
    this.db = openWalDatabase(filename);
    // A destroyed key is overwritten on disk, not only unlinked from the table.
    this.db.pragma('secure_delete = ON');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS key_store_settings (name TEXT PRIMARY KEY, value BLOB NOT NULL);
      CREATE TABLE IF NOT EXISTS data_subject_keys (
        subject_id TEXT PRIMARY KEY,
        key BLOB,
        created_at TEXT NOT NULL,
        erased_at TEXT
      );
      CREATE TABLE IF NOT EXISTS data_subject_lookups (
        lookup TEXT PRIMARY KEY,
        subject_id TEXT NOT NULL REFERENCES data_subject_keys (subject_id)
      );
      CREATE INDEX IF NOT EXISTS data_subject_lookups_subject ON data_subject_lookups (subject_id);`);
    this.db.prepare(`INSERT OR IGNORE INTO key_store_settings (name, value) VALUES ('pepper', ?)`).run(randomBytes(32));
    this.pepper = (this.db.prepare(`SELECT value FROM key_store_settings WHERE name = 'pepper'`).get() as { value: Buffer }).value;
  }

  /** A keyed hash: the store never holds an identity in plain text either. */
  private lookupOf(identity: string): string {
    return createHmac('sha256', this.pepper).update(normalizeIdentity(identity)).digest('base64url');
  }

  findSubject(identity: string): string | undefined {
    const row = this.db.prepare('SELECT subject_id FROM data_subject_lookups WHERE lookup = ?').get(this.lookupOf(identity)) as
      | { subject_id: string }
      | undefined;
    return row?.subject_id;
  }

  subjectFor(identities: readonly string[]): { subjectId: string; key: Buffer } {
    if (identities.length === 0) throw new Error('A data subject needs at least one identity');
    const lookups = identities.map((identity) => this.lookupOf(identity));
    const cachedSubject = this.known.get(lookups[0]!);
    const cachedKey = cachedSubject ? this.keys.get(cachedSubject) : undefined;
    if (cachedSubject && cachedKey && lookups.every((lookup) => this.known.get(lookup) === cachedSubject)) {
      return { subjectId: cachedSubject, key: cachedKey };
    }
    const create = this.db.transaction(() => {
      let subjectId: string | undefined;
      for (const lookup of lookups) {
        const row = this.db.prepare('SELECT subject_id FROM data_subject_lookups WHERE lookup = ?').get(lookup) as
          | { subject_id: string }
          | undefined;
        if (row) {
          subjectId = row.subject_id;
          break;
        }
      }
      let key: Buffer;
      if (subjectId) {
        key = (this.db.prepare('SELECT key FROM data_subject_keys WHERE subject_id = ?').get(subjectId) as { key: Buffer }).key;
      } else {
        subjectId = `ds${newUlid()}`;
        key = randomBytes(32);
        this.db
          .prepare('INSERT INTO data_subject_keys (subject_id, key, created_at) VALUES (?, ?, ?)')
          .run(subjectId, key, new Date().toISOString());
      }
      const link = this.db.prepare('INSERT OR IGNORE INTO data_subject_lookups (lookup, subject_id) VALUES (?, ?)');
      for (const lookup of lookups) link.run(lookup, subjectId);
      return { subjectId, key };
    });
    const found = create.immediate();
    this.keys.set(found.subjectId, found.key);
    for (const lookup of lookups) this.known.set(lookup, found.subjectId);
    return found;
  }

  keyOf(subjectId: string): Buffer | undefined {
    const cached = this.keys.get(subjectId);
    if (cached !== undefined) return cached ?? undefined;
    const row = this.db.prepare('SELECT key FROM data_subject_keys WHERE subject_id = ?').get(subjectId) as
      | { key: Buffer | null }
      | undefined;
    // Unknown subjects are not cached: another process may create them.
    if (row) this.keys.set(subjectId, row.key);
    return row?.key ?? undefined;
  }

  erase(subjectId: string, at: string): boolean {
    const erase = this.db.transaction(() => {
      this.db.prepare('DELETE FROM data_subject_lookups WHERE subject_id = ?').run(subjectId);
      return this.db
        .prepare('UPDATE data_subject_keys SET key = NULL, erased_at = coalesce(erased_at, ?) WHERE subject_id = ?')
        .run(at, subjectId).changes;
    });
    const changes = erase.immediate();
    // Out of the write-ahead log too.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.keys.set(subjectId, null);
    this.forgetIdentities(subjectId);
    return changes > 0;
  }

  forget(subjectId: string): void {
    this.keys.delete(subjectId);
    this.forgetIdentities(subjectId);
  }

  private forgetIdentities(subjectId: string): void {
    for (const [lookup, subject] of this.known) if (subject === subjectId) this.known.delete(lookup);
  }

  erasedAt(subjectId: string): string | undefined {
    const row = this.db.prepare('SELECT erased_at FROM data_subject_keys WHERE subject_id = ?').get(subjectId) as
      | { erased_at: string | null }
      | undefined;
    return row?.erased_at ?? undefined;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
