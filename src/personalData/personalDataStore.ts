import type { PersonMark, PersonRefMark } from '../../domain/shared/personalData.js';
import type {
  AppendResult,
  EventData,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeToAllOptions,
  Subscription,
  SubscriptionMessage,
} from '../eventStore/port.js';
import { eventSchemas, mapPersonalData, type PersonalDataVisitor } from './inventory.js';
import type { KeyStore } from './keyStore.js';
import { isSealed, seal, unseal, type SealedValue } from './sealing.js';

/** The actor of seeds and migrations: no person. */
const SYSTEM_ACTOR = 'system';

/** Actors whose sealed envelope is kept (callers with a token; a few hundred in practice). */
const SEALED_ACTORS = 10_000;

/**
 * The log's personal-data boundary: an event store in front of another that seals every value the
 * event schemas mark as personal (and the actor in the metadata) with its data subject's key before
 * it is appended, and opens them when events are read. Everything above it (deciders, projections,
 * time travel) sees plain values, or a subject's placeholder once its key is destroyed; the log
 * below it holds ciphertext only. Values already in the log in plain text (written before this
 * layer existed) are read as they are.
 */
export class PersonalDataEventStore implements EventStore {
  constructor(
    /** The log itself, as it is stored (sealed values). */
    readonly sealedLog: EventStore,
    readonly keys: KeyStore,
  ) {
    const appendToStreams = sealedLog.appendToStreams;
    if (appendToStreams) {
      this.appendToStreams = (appends) =>
        appendToStreams(appends.map((append) => ({ ...append, events: append.events.map((event) => this.sealEvent(event)) })));
    }
  }

  get kind() {
    return this.sealedLog.kind;
  }
  get location() {
    return this.sealedLog.location;
  }

  appendToStream(
    streamId: string,
    events: readonly EventData[],
    options?: { readonly expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    return this.sealedLog.appendToStream(streamId, events.map((event) => this.sealEvent(event)), options);
  }

  /** Offered when the log below offers it: appends to several streams, all or none. */
  readonly appendToStreams?: (appends: readonly StreamAppend[]) => Promise<AppendResult[]>;

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.sealedLog.readStream(streamId, options)).map((event) => this.openEvent(event));
  }

  streamRevision(streamId: string): Promise<bigint | undefined> {
    return this.sealedLog.streamRevision(streamId);
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return (await this.sealedLog.readAll(options)).map((event) => this.openEvent(event));
  }

  headPosition() {
    return this.sealedLog.headPosition();
  }

  subscribeToAll(options?: SubscribeToAllOptions): Subscription {
    const inner = this.sealedLog.subscribeToAll(options);
    const open = (message: SubscriptionMessage): SubscriptionMessage =>
      message.kind === 'event' ? { kind: 'event', event: this.openEvent(message.event) } : message;
    return {
      unsubscribe: () => inner.unsubscribe(),
      async *[Symbol.asyncIterator]() {
        for await (const message of inner) yield open(message);
      },
    };
  }

  async close(): Promise<void> {
    await this.sealedLog.close();
    this.keys.close();
  }

  /** An event as the log keeps it: its personal values sealed. */
  sealEvent<E extends EventData>(event: E): E {
    const schema = eventSchemas[event.type];
    const data = schema ? mapPersonalData(schema, event.data, this.sealer) : event.data;
    const metadata = this.sealMetadata(event.metadata);
    return data === event.data && metadata === event.metadata ? event : { ...event, data, metadata };
  }

  /** An event as readers see it: plain values, or placeholders for erased subjects. */
  openEvent(event: RecordedEvent): RecordedEvent {
    const schema = eventSchemas[event.type];
    const data = schema ? mapPersonalData(schema, event.data, this.opener) : event.data;
    const actor = event.metadata.actor as unknown;
    const metadata = isSealed(actor) ? { ...event.metadata, actor: unseal(actor, this.keys) } : event.metadata;
    return data === event.data && metadata === event.metadata ? event : { ...event, data, metadata };
  }

  private sealMetadata(metadata: EventMetadata): EventMetadata {
    const actor = metadata.actor as unknown;
    if (typeof actor !== 'string' || actor === SYSTEM_ACTOR) return metadata;
    return { ...metadata, actor: this.sealActor(actor) as unknown as string };
  }

  /**
   * The actor's envelope, sealed once per subject key: every command of one caller names the same
   * actor, and finding its subject (a keyed hash) then sealing it afresh (a new IV, a cipher) was
   * 5 % of a write under load. Reusing an envelope tells a reader only that two events have the
   * same actor, which the envelope's subject id already says. It is reused only while the key it
   * was sealed with is the subject's key in the key store: once the subject is erased or
   * forgotten, the actor is looked up, and sealed under its new subject, again.
   */
  private readonly sealedActors = new Map<string, { readonly subjectId: string; readonly key: Buffer; readonly sealed: SealedValue }>();

  private sealActor(actor: string): SealedValue {
    const known = this.sealedActors.get(actor);
    if (known && this.keys.keyOf(known.subjectId) === known.key) return known.sealed;
    const { subjectId, key } = this.keys.subjectFor([`subject:${actor}`]);
    const sealed = Object.freeze(seal(actor, subjectId, key));
    if (this.sealedActors.size >= SEALED_ACTORS) this.sealedActors.delete(this.sealedActors.keys().next().value!);
    this.sealedActors.set(actor, { subjectId, key, sealed });
    return sealed;
  }

  private readonly sealer: PersonalDataVisitor = {
    person: (value, mark: PersonMark) => {
      const identities = mark.identifiedBy
        .map((field) => [field, value[field]] as const)
        .filter((entry): entry is readonly [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '')
        .map(([field, identity]) => `${field}:${identity}`);
      const sealable = mark.fields.filter((field) => typeof value[field] === 'string' && value[field] !== '');
      if (identities.length === 0 || sealable.length === 0) return value;
      const { subjectId, key } = this.keys.subjectFor(identities);
      const sealed = { ...value };
      for (const field of sealable) sealed[field] = seal(value[field] as string, subjectId, key);
      return sealed;
    },
    ref: (value, mark: PersonRefMark) => {
      if (typeof value !== 'string' || value.trim() === '') return value;
      const { subjectId, key } = this.keys.subjectFor([`${mark.identity}:${value}`]);
      return seal(value, subjectId, key);
    },
  };

  private readonly opener: PersonalDataVisitor = {
    person: (value, mark: PersonMark) => {
      let opened = value;
      for (const field of mark.fields) {
        const sealed = value[field];
        if (isSealed(sealed)) opened = { ...opened, [field]: unseal(sealed, this.keys) };
      }
      return opened;
    },
    ref: (value) => (isSealed(value) ? unseal(value, this.keys) : value),
  };
}
