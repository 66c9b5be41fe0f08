import type { PersonalDataPort, PersonalDataRecord } from '../application/ledger.js';
import { START, type Position } from '../eventStore/port.js';
import { eventSchemas, mapPersonalData, type PersonalDataVisitor } from './inventory.js';
import type { KeyStore } from './keyStore.js';
import type { PersonalDataEventStore } from './personalDataStore.js';
import { isSealed, unseal } from './sealing.js';

const PAGE = 500;

/**
 * Access (GDPR art. 15, 20) and erasure (art. 17) over the sealed log. An access request reads the
 * whole log once (a rare request, paged); it opens only the values sealed for the subjects asked
 * about, so an event that names several people gives away nobody else.
 */
export class PersonalData implements PersonalDataPort {
  private settling: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: PersonalDataEventStore,
    private readonly keys: KeyStore,
  ) {}

  subjectsNamed(identities: readonly string[]): string[] {
    const found = identities.map((identity) => this.keys.findSubject(identity)).filter((id): id is string => id !== undefined);
    return [...new Set(found)];
  }

  /** The subject these identities name, created when new (tools and tests; appends seal through the store). */
  subjectFor(identities: readonly string[]): string {
    return this.keys.subjectFor(identities).subjectId;
  }

  isKnown(subjectId: string): boolean {
    return this.keys.keyOf(subjectId) !== undefined || this.keys.erasedAt(subjectId) !== undefined;
  }

  erasedAt(subjectId: string): string | undefined {
    return this.keys.erasedAt(subjectId);
  }

  destroyKey(subjectId: string, at: string): boolean {
    return this.keys.erase(subjectId, at);
  }

  /** Resolves once the read models no longer hold what erasures removed (see `afterErasure`). */
  settled(): Promise<void> {
    return this.settling;
  }

  /** Called by the app when it starts replacing read models after an erasure. */
  track(work: Promise<void>): void {
    this.settling = this.settling.then(() => work);
  }

  async recordsOf(subjectIds: readonly string[]): Promise<PersonalDataRecord[]> {
    const wanted = new Set(subjectIds);
    const records: PersonalDataRecord[] = [];
    let from: Position = START;
    for (;;) {
      const page = await this.store.sealedLog.readAll({ fromPosition: from, maxCount: PAGE });
      if (page.length === 0) break;
      for (const event of page) {
        const fields: { field: string; value: string; subjectId: string }[] = [];
        const take = (field: string, value: unknown) => {
          if (isSealed(value) && wanted.has(value.subject)) fields.push({ field, value: unseal(value, this.keys), subjectId: value.subject });
        };
        const collector: PersonalDataVisitor = {
          person: (value, mark) => {
            for (const field of mark.fields) take(field, value[field]);
            return value;
          },
          ref: (value) => {
            take('person', value);
            return value;
          },
        };
        const schema = eventSchemas[event.type];
        if (schema) mapPersonalData(schema, event.data, collector);
        take('actor', event.metadata.actor);
        if (fields.length > 0) {
          records.push({
            streamId: event.streamId,
            eventType: event.type,
            occurredAt: event.metadata.occurredAt,
            recordedAt: event.metadata.recordedAt,
            fields,
          });
        }
      }
      from = page.at(-1)!.position;
    }
    return records;
  }
}
