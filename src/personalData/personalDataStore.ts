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
import { isSealed, seal, unseal } from './sealing.js';

/** The actor of seeds and migrations: no person. */
const SYSTEM_ACTOR = 'system';

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
    const { subjectId, key } = this.keys.subjectFor([`subject:${actor}`]);
    return { ...metadata, actor: seal(actor, subjectId, key) as unknown as string };
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
