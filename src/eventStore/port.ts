/**
 * The event log port. Its semantics are EventStoreDB's, so that the embedded SQLite store and
 * EventStoreDB are interchangeable: stream revisions count from 0, every event has a global
 * position, appends carry an expected revision, and an append retried soon after with the same
 * event ids is idempotent. It promises only what both adapters keep (see each member).
 */

/** Position of an event in the global log ($all). Ordered by commit, then prepare. */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export const START: Position = Object.freeze({ commit: -1n, prepare: -1n });

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function positionToString(p: Position): string {
  return `${p.commit}/${p.prepare}`;
}

export function positionFromString(s: string): Position {
  const [commit, prepare] = s.split('/');
  if (commit === undefined || prepare === undefined || !/^-?\d+$/.test(commit) || !/^-?\d+$/.test(prepare)) {
    throw new Error(`Invalid position "${s}"`);
  }
  return { commit: BigInt(commit), prepare: BigInt(prepare) };
}

/**
 * What an append expects of the stream:
 * - `any`: no check;
 * - `no_stream`: the stream must not exist;
 * - `stream_exists`: the stream must exist;
 * - a bigint: the revision of the stream's last event.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** Who did it and why: written with every event. */
export interface EventMetadata {
  /** Subject of the authenticated actor, or "system" for seeds and migrations. */
  readonly actor: string;
  /** Role the actor acted in. */
  readonly role?: string;
  /** When the command was handled (ISO 8601). */
  readonly recordedAt: string;
  /** When the fact happened in the world (ISO 8601); differs from recordedAt for backfilled history. */
  readonly occurredAt: string;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly idempotencyKey?: string;
  /** Which request the key was sent with (a hash of the mutation and its input). */
  readonly idempotencyFingerprint?: string;
}

export interface EventData {
  /**
   * A UUID, unique in the log. Appending the same events again (same stream, same ids, same
   * expected revision) soon after the first time answers like the first time and writes nothing:
   * EventStoreDB keeps that promise only within a bounded window of recent events, so callers
   * must not rely on it after that (SQLite keeps it longer; nothing here depends on it: requests
   * are made idempotent by idempotency keys in their own streams).
   */
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: Position;
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly created: Date;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last appended event. */
  readonly position: Position;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  readonly fromRevision?: bigint;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Exclusive: events strictly after (forwards) or before (backwards) this position. */
  readonly fromPosition?: Position;
  /** Required: reading the whole log at once exhausts memory. */
  readonly maxCount: number;
}

export interface SubscriptionFilter {
  readonly streamPrefixes?: readonly string[];
  readonly eventTypes?: readonly string[];
}

export interface SubscribeToAllOptions {
  /** Exclusive. Omit to start at the beginning of the log. */
  readonly fromPosition?: Position;
  readonly filter?: SubscriptionFilter;
}

export type SubscriptionMessage =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  /** The subscription has delivered everything in the log so far and is now live. */
  | { readonly kind: 'caughtUp' };

/**
 * A catch-up subscription. Its iteration ends when `unsubscribe()` is called, and throws when the
 * store ends it (a `SubscriptionDroppedError`, or `EventStoreAccessDeniedError`): the consumer
 * resubscribes from the last position it has made durable. It never resubscribes by itself, so
 * that whoever consumes it knows when it is not live.
 */
export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  /** Ends the iteration; pending reads resolve as done. */
  unsubscribe(): Promise<void>;
}

/** One stream's part of an atomic append to several streams. */
export interface StreamAppend {
  readonly streamId: string;
  readonly events: readonly EventData[];
  readonly expectedRevision?: ExpectedRevision;
}

export interface EventStore {
  readonly kind: 'sqlite' | 'eventstoredb';
  /** Where the log lives, for messages to operators (a file name, or a host; never credentials). */
  readonly location: string;
  appendToStream(
    streamId: string,
    events: readonly EventData[],
    options?: { readonly expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult>;
  /**
   * Appends to several streams in one transaction: all of them or none, each checked against its
   * own expected revision (a WrongExpectedRevisionError names the stream that failed). Only stores
   * that can do it offer it (SQLite; EventStoreDB's client cannot): callers fall back to one
   * append after another.
   */
  readonly appendToStreams?: (appends: readonly StreamAppend[]) => Promise<AppendResult[]>;
  /**
   * Events of one stream; an empty array for a stream that does not exist. Reads the stream's
   * latest state (on a cluster, from the leader): commands decide on it.
   */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Revision of a stream's last event, or undefined when it does not exist. */
  streamRevision(streamId: string): Promise<bigint | undefined>;
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Position of the last event in the log, or START for an empty log. */
  headPosition(): Promise<Position>;
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  /** Ends subscriptions and releases the connection or file; always resolves. */
  close(): Promise<void>;
}

/**
 * The store refused: the configured user may not do this (with EventStoreDB, reading `$all` is
 * an admin's right unless an ACL grants it). Retrying does not help until an operator acts.
 */
export class EventStoreAccessDeniedError extends Error {
  override readonly name = 'EventStoreAccessDeniedError';
}

/** The store did not answer in time, or could not be reached; retrying later may help. */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';
}

/** The store ended a subscription (node restart, leader change, network): resubscribe from your checkpoint. */
export class SubscriptionDroppedError extends Error {
  override readonly name = 'SubscriptionDroppedError';
}

export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Stream ${streamId} expected revision ${String(expected)} but is at ${String(actual)}`);
  }
}

export function matchesFilter(event: { streamId: string; type: string }, filter?: SubscriptionFilter): boolean {
  if (!filter) return true;
  if (filter.streamPrefixes && !filter.streamPrefixes.some((p) => event.streamId.startsWith(p))) return false;
  if (filter.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  return true;
}
