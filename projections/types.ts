import { idOfStream, type DomainEvent } from '../domain/shared/decider.js';

export type SqlParams = readonly unknown[] | Readonly<Record<string, unknown>>;

/** The small storage interface projections and read-model queries use: plain SQL on SQLite. */
export interface ReadModelStore {
  exec(sql: string): void;
  run(sql: string, params?: SqlParams): { changes: number };
  get<Row>(sql: string, params?: SqlParams): Row | undefined;
  all<Row>(sql: string, params?: SqlParams): Row[];
}

/**
 * A read model: the tables it owns and how each event it handles changes them. `apply` runs
 * inside the transaction that also moves the projection's checkpoint, and must be deterministic
 * (use the event's metadata for times, never the clock), so a rebuild equals the incremental run.
 */
export interface Projection {
  readonly name: string;
  /** Bump when the tables or the meaning of rows change: the projection is rebuilt from zero. */
  readonly version: number;
  /** Tables (and views) this projection owns; dropped before a rebuild. */
  readonly tables: readonly string[];
  /** Creates the tables (IF NOT EXISTS). */
  readonly setup: (db: ReadModelStore) => void;
  readonly handles: readonly string[];
  readonly apply: (db: ReadModelStore, event: ProjectedEvent) => void;
  /**
   * False for a read model no question reads as of a moment (calendar feeds): it keeps no history,
   * so its writes cost no more than the rows they change.
   */
  readonly keepsHistory?: boolean;
}

/**
 * A projection whose tables are those its schema creates: `setup` runs the schema (CREATE ... IF NOT
 * EXISTS statements, so it runs at every start) and `tables` lists the tables it creates, in order.
 */
export function projection(definition: Omit<Projection, 'tables' | 'setup'> & { readonly schema: string }): Projection {
  const { schema, ...rest } = definition;
  return {
    ...rest,
    tables: [...schema.matchAll(/CREATE (?:VIRTUAL )?TABLE IF NOT EXISTS (\w+)/g)].map((match) => match[1]!),
    setup: (db) => db.exec(schema),
  };
}

/**
 * What a projection reads of a recorded event. The event store's recorded events satisfy it;
 * projections depend on this shape only, not on the store.
 */
export interface ProjectedEvent {
  readonly streamId: string;
  /** The event's revision in its stream, from 0. */
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: {
    /** Subject of who did it. */
    readonly actor: string;
    readonly role?: string;
    /** When the fact happened in the world (ISO 8601). */
    readonly occurredAt: string;
    /** When the ledger learnt it (ISO 8601). */
    readonly recordedAt: string;
  };
}

/**
 * What a read model of one aggregate reads of an event beside its data: whose it is, the
 * aggregate's revision after it, and when it happened.
 */
export function streamFacts(event: ProjectedEvent) {
  return { id: idOfStream(event.streamId), revision: Number(event.revision), at: event.metadata.occurredAt };
}

/**
 * A typed reader for the data of one aggregate's events (projections receive them untyped):
 * `const data = dataOf<NetworkEvent>();` then `data(event, 'PartnerJoined').cityId`.
 */
export function dataOf<E extends DomainEvent>() {
  return <K extends E['type']>(event: ProjectedEvent, _type: K) => event.data as Extract<E, { type: K }>['data'];
}
