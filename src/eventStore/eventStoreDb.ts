/**
 * The EventStoreDB adapter. This is the only module that imports `@eventstore/db-client`, so a move
 * to the KurrentDB client (`@kurrent/kurrentdb-client`, the same API under new names) changes this
 * file alone.
 *
 * Where EventStoreDB and the port differ, this module bridges the gap:
 * - reading `$all` forwards from a position includes the event at that position; the port's start
 *   positions are exclusive, so that event is skipped (and `maxCount` still honoured);
 * - `$all` holds system events (`$`-types, `$`-streams) and, on a shared cluster, other
 *   applications' streams; the port shows neither (`streamPrefixes` names the streams it owns):
 *   subscriptions are filtered on the server, reads on the client (the client's reads take no filter);
 * - an idempotent retry of an append may come back without a position, and the position of a
 *   multi-event append is not guaranteed to be that of its last event: both are then read back
 *   from the stream, so `AppendResult.position` is always the position of the last event as
 *   `readAll` and subscriptions report it;
 * - every read is consumed to its end or cancelled: leaving a `for await` over a client read
 *   early does not end its gRPC call, which then stays open and keeps `dispose()` from resolving;
 * - the client gives reads no deadline (it overrides the one asked for): the adapter cancels a
 *   read page that takes longer than `readDeadlineMs`;
 * - stream reads (what commands decide on) ask for the leader; `$all` reads may come from followers;
 * - a dropped `$all` subscription ends with `SubscriptionDroppedError`; its consumer resubscribes
 *   from its checkpoint (the projection runner does, and reports itself not ready meanwhile);
 * - access denied becomes `EventStoreAccessDeniedError`, saying that reading `$all` needs a grant.
 */
import type { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import {
  BACKWARDS,
  END,
  ErrorType,
  EventStoreDBClient,
  FORWARDS,
  START as CLIENT_START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendExpectedRevision,
  type Filter,
  type JSONType,
  type ReadPosition,
  type ReadRevision,
} from '@eventstore/db-client';
import {
  EventStoreAccessDeniedError,
  EventStoreUnavailableError,
  START,
  SubscriptionDroppedError,
  WrongExpectedRevisionError,
  comparePositions,
  matchesFilter,
  type AppendResult,
  type EventData,
  type EventMetadata,
  type EventStore,
  type ExpectedRevision,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type SubscriptionFilter,
  type Subscription,
  type SubscriptionMessage,
} from './port.js';

/** Largest page read from `$all` at once: reads never hold more than this many events in flight. */
const READ_ALL_PAGE = 1000;
/** Pages used to find the last event of the application: usually the first event read is one. */
const HEAD_PAGES = [10, 100] as const;
/** Beyond int64: the server's way of saying "no position". */
const NO_POSITION_ABOVE = 2n ** 63n - 1n;
/** How long `close()` waits for the client to dispose of its calls (all ended by then) before it gives up. */
const DISPOSE_GRACE_MS = 2000;

export interface EventStoreDbOptions {
  /**
   * The application's streams, by prefix (`network-`, ...): the only ones the port shows. Without
   * it every non-system stream is shown, other applications' too.
   */
  readonly streamPrefixes?: readonly string[];
  /** Longest wait for one page of a read before it is cancelled (EventStoreUnavailableError). Default 10 s. */
  readonly readDeadlineMs?: number;
  /** Told when `close()` had to stop waiting for the client (a pino logger fits). */
  readonly logger?: { warn(details: object, message: string): void };
  /**
   * Streams that expire (docs/personal-data.md#retention): a stream created under one of these
   * prefixes gets `$maxAge` in its metadata; the server hides older events, and scavenging deletes them.
   */
  readonly retention?: readonly { readonly streamPrefix: string; readonly maxAgeSeconds: number }[];
}

// ---------------------------------------------------------------------------------------------
// Pure mappings between the port and the client (exported for the unit tests).
// ---------------------------------------------------------------------------------------------

export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  // The port's names are the client's constants ('any', 'no_stream', 'stream_exists') on purpose.
  if (typeof expected === 'bigint') {
    if (expected < 0n) throw new RangeError(`Expected revision must be >= 0, got ${expected}`);
    return expected;
  }
  switch (expected) {
    case 'any':
    case 'no_stream':
    case 'stream_exists':
      return expected;
    default:
      throw new TypeError(`Unknown expected revision ${String(expected)}`);
  }
}

/** Where a client read or subscription starts; the port's START (and anything before) is the client's START. */
export function toClientPosition(position: Position | undefined): ReadPosition {
  if (!position || position.commit < 0n || position.prepare < 0n) return CLIENT_START;
  return { commit: position.commit, prepare: position.prepare };
}

/** The client's position, when it is a real one. */
export function fromClientPosition(position: { commit: bigint; prepare: bigint } | undefined): Position | undefined {
  if (!position) return undefined;
  const { commit, prepare } = position;
  if (commit < 0n || prepare < 0n || commit > NO_POSITION_ABOVE || prepare > NO_POSITION_ABOVE) return undefined;
  return { commit, prepare };
}

/** System events never reach the port: `$`-prefixed event types (links, metadata, ...) and `$`-streams. */
export function isSystemEvent(event: { readonly streamId: string; readonly type: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The server-side part of a port filter. The server takes one filter, on stream names or on event
 * types: stream prefixes win, and whatever the server cannot express (event types next to stream
 * prefixes, system events) is filtered again on the client with `matchesFilter` and `isSystemEvent`.
 */
export function toServerFilter(filter: SubscriptionFilter | undefined): Filter {
  const prefixes = filter?.streamPrefixes?.filter((p) => p.length > 0);
  if (prefixes && prefixes.length > 0 && prefixes.length === filter!.streamPrefixes!.length) {
    return streamNameFilter({ prefixes: [...prefixes] });
  }
  const types = filter?.eventTypes;
  if (types && types.length > 0) {
    return eventTypeFilter({ regex: `^(?:${types.map(escapeRegex).join('|')})$` });
  }
  return excludeSystemEvents();
}

interface ClientRecordedEvent {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly created: Date;
  readonly data: unknown;
  readonly metadata?: unknown;
  readonly isJson: boolean;
  readonly position?: { commit: bigint; prepare: bigint };
}

function decode(value: unknown): unknown {
  if (value instanceof Uint8Array) {
    const text = Buffer.from(value).toString('utf8');
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return value;
}

/** A client event as the port's RecordedEvent (positions unknown to the server read as START). */
export function toRecordedEvent(event: ClientRecordedEvent, commitPosition?: bigint): RecordedEvent {
  const position =
    fromClientPosition(event.position) ??
    (commitPosition !== undefined ? fromClientPosition({ commit: commitPosition, prepare: commitPosition }) : undefined) ??
    START;
  return {
    streamId: event.streamId,
    revision: event.revision,
    position,
    id: event.id,
    type: event.type,
    data: decode(event.data),
    metadata: (decode(event.metadata) ?? {}) as EventMetadata,
    created: event.created,
  };
}

function toClientEvent(event: EventData) {
  return jsonEvent({
    id: event.id,
    type: event.type,
    // The port carries any JSON value; the client's type only names objects, arrays and strings.
    data: (event.data === undefined ? null : event.data) as JSONType,
    metadata: event.metadata as unknown as JSONType,
  });
}

function isStreamNotFound(error: unknown): boolean {
  return error instanceof StreamNotFoundError || (error as { type?: unknown })?.type === ErrorType.STREAM_NOT_FOUND;
}

const ACCESS_DENIED_ADVICE =
  'EventStoreDB refused access: reading $all (the projections\' subscription, the log\'s head, time travel) ' +
  'is reserved to $admins unless an ACL on $all grants it. Give the ledger\'s user read access to $all ' +
  '(docs/operations.md, "The user the ledger connects as") rather than running it as an admin.';

/** The port's error for a client error: access denied and unavailability by name, the rest as they are. */
function toPortError(error: unknown, operation: string): unknown {
  if (error instanceof EventStoreAccessDeniedError || error instanceof EventStoreUnavailableError) return error;
  const type = (error as { type?: unknown } | undefined)?.type;
  if (type === ErrorType.ACCESS_DENIED) {
    return new EventStoreAccessDeniedError(`${ACCESS_DENIED_ADVICE} (${operation})`, { cause: error });
  }
  if (type === ErrorType.UNAVAILABLE || type === ErrorType.DEADLINE_EXCEEDED || type === ErrorType.NOT_LEADER) {
    return new EventStoreUnavailableError(`EventStoreDB is unavailable (${operation}): ${(error as Error).message}`, {
      cause: error,
    });
  }
  return error;
}

/** What the adapter needs of a client read: iterable, destroyable, and cancellable on the server. */
type ClientRead<T> = Readable & AsyncIterable<T> & { cancel(): Promise<void> };

// ---------------------------------------------------------------------------------------------
// Keeping 'caughtUp' in its place among the events.
// ---------------------------------------------------------------------------------------------

export type SourceItem<T> =
  | { readonly kind: 'event'; readonly value: T }
  | { readonly kind: 'caughtUp' }
  | { readonly kind: 'ended'; readonly error?: Error }
  | { readonly kind: 'interrupted' };

/**
 * Reads the client's catch-up subscription in server order. The client pushes events into a
 * readable buffer but announces "caught up" with a synchronous 'caughtUp' event while earlier
 * events may still sit in that buffer. So each announcement is recorded as "after N events"
 * (those already read plus those buffered) and handed out only once N events have been read.
 */
export class OrderedCatchUpReader<T> {
  private consumed = 0;
  private readonly caughtUpAfter: number[] = [];
  private ended = false;
  private error: Error | undefined;
  private interrupted = false;
  private signalled = false;
  private wake: (() => void) | undefined;
  // Node listeners take varied arguments.
  private readonly listeners: Array<[string, (...args: any[]) => void]>;

  constructor(private readonly source: Readable) {
    const signal = () => {
      this.signalled = true;
      const wake = this.wake;
      this.wake = undefined;
      wake?.();
    };
    this.listeners = [
      ['readable', signal],
      [
        'caughtUp',
        () => {
          this.caughtUpAfter.push(this.consumed + source.readableLength);
          signal();
        },
      ],
      [
        'end',
        () => {
          this.ended = true;
          signal();
        },
      ],
      [
        'close',
        () => {
          this.ended = true;
          signal();
        },
      ],
      [
        'error',
        (error: Error) => {
          this.error ??= error;
          this.ended = true;
          signal();
        },
      ],
    ];
    for (const [event, listener] of this.listeners) source.on(event, listener);
  }

  /** The next event or caught-up signal; 'ended' once the source ended (or failed) and is drained. */
  async next(): Promise<SourceItem<T>> {
    for (;;) {
      this.signalled = false;
      if (this.interrupted) return { kind: 'interrupted' };
      const marker = this.caughtUpAfter[0];
      if (marker !== undefined && marker <= this.consumed) {
        this.caughtUpAfter.shift();
        return { kind: 'caughtUp' };
      }
      const value = this.source.destroyed ? null : (this.source.read() as T | null);
      if (value !== null) {
        this.consumed += 1;
        return { kind: 'event', value };
      }
      if (this.ended) return this.error ? { kind: 'ended', error: this.error } : { kind: 'ended' };
      // read() may itself have run the client's transform and signalled: look again first.
      if (this.signalled) continue;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  /** Makes a pending (or the next) `next()` resolve as 'interrupted'. */
  interrupt(): void {
    this.interrupted = true;
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Stops listening; a late error from the abandoned source is swallowed rather than crashing the process. */
  detach(): void {
    for (const [event, listener] of this.listeners) this.source.removeListener(event, listener);
    if (this.source.listenerCount('error') === 0) this.source.on('error', () => {});
  }
}

// ---------------------------------------------------------------------------------------------
// The adapter.
// ---------------------------------------------------------------------------------------------

interface ActiveSubscription {
  unsubscribe(): Promise<void>;
}

export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb' as const;
  readonly location: string;
  private readonly client: EventStoreDBClient;
  private readonly active = new Set<ActiveSubscription>();
  private readonly readDeadlineMs: number;
  private readonly prefixes: readonly string[] | undefined;
  private closed = false;

  constructor(
    connectionString: string,
    private readonly options: EventStoreDbOptions = {},
  ) {
    this.client = EventStoreDBClient.connectionString(connectionString);
    this.readDeadlineMs = options.readDeadlineMs ?? 10_000;
    this.prefixes = options.streamPrefixes && options.streamPrefixes.length > 0 ? [...options.streamPrefixes] : undefined;
    this.location = hostsOf(connectionString);
  }

  /** Shown by the port: not a system event, and one of the application's streams when they are named. */
  private shows(event: { readonly streamId: string; readonly type: string }): boolean {
    if (isSystemEvent(event)) return false;
    return !this.prefixes || this.prefixes.some((p) => event.streamId.startsWith(p));
  }

  async appendToStream(
    streamId: string,
    events: readonly EventData[],
    options?: { readonly expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    this.assertOpen();
    const expected = options?.expectedRevision ?? 'any';
    let result: Awaited<ReturnType<EventStoreDBClient['appendToStream']>>;
    try {
      result = await this.client.appendToStream(streamId, events.map(toClientEvent), {
        expectedRevision: toClientExpectedRevision(expected),
      });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw new WrongExpectedRevisionError(streamId, expected, error.actualVersion);
      }
      throw toPortError(error, `append to ${streamId}`);
    }
    await this.applyRetention(streamId, expected);
    if (events.length === 0) {
      // Nothing written: answer like the embedded store, with the stream's revision and the head.
      return { nextExpectedRevision: (await this.streamRevision(streamId)) ?? -1n, position: await this.headPosition() };
    }
    let position = events.length === 1 ? fromClientPosition(result.position) : undefined;
    if (!position) {
      // A retried (idempotent) append may answer without a position, and a batch's position is
      // not that of its last event on every server version: read the last event back.
      const [last] = await this.readStream(streamId, {
        direction: 'backwards',
        fromRevision: result.nextExpectedRevision,
        maxCount: 1,
      });
      position =
        last && last.revision === result.nextExpectedRevision && comparePositions(last.position, START) !== 0
          ? last.position
          : (fromClientPosition(result.position) ?? START);
    }
    return { nextExpectedRevision: result.nextExpectedRevision, position };
  }

  /** A new stream of an expiring kind gets its `$maxAge`; failing that is logged, the append stands. */
  private async applyRetention(streamId: string, expected: ExpectedRevision): Promise<void> {
    if (expected !== 'no_stream') return;
    const rule = this.options.retention?.find((r) => streamId.startsWith(r.streamPrefix));
    if (!rule) return;
    try {
      await this.client.setStreamMetadata(streamId, { maxAge: rule.maxAgeSeconds });
    } catch (error) {
      this.options.logger?.warn({ err: error, streamId }, 'could not set $maxAge on an expiring stream; it is kept until an operator sets it');
    }
  }

  /**
   * Reads a client read to its end, or until `visit` returns false, within the read deadline; in
   * every other case (stopped early, failed, too slow) the gRPC call is cancelled.
   */
  private async consume<T>(read: ClientRead<T>, operation: string, visit: (item: T) => boolean | void): Promise<void> {
    let exhausted = false;
    const timer = setTimeout(() => {
      read.destroy(
        new EventStoreUnavailableError(`EventStoreDB did not answer ${operation} within ${this.readDeadlineMs} ms`),
      );
    }, this.readDeadlineMs);
    try {
      let stopped = false;
      for await (const item of read) {
        if (visit(item) === false) {
          stopped = true;
          break;
        }
      }
      exhausted = !stopped;
    } catch (error) {
      throw toPortError(error, operation);
    } finally {
      clearTimeout(timer);
      if (!exhausted) await read.cancel().catch(() => undefined);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    if (options.maxCount !== undefined && options.maxCount <= 0) return [];
    let fromRevision: ReadRevision = backwards ? END : CLIENT_START;
    if (options.fromRevision !== undefined) {
      if (options.fromRevision >= 0n) fromRevision = options.fromRevision;
      else if (backwards) return [];
    }
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision,
        requiresLeader: true,
        ...(options.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
      });
      await this.consume(read as ClientRead<AllStreamResolvedEvent>, `a read of ${streamId}`, (resolved) => {
        if (resolved.event) events.push(toRecordedEvent(resolved.event as ClientRecordedEvent, resolved.commitPosition));
      });
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return events;
  }

  async streamRevision(streamId: string): Promise<bigint | undefined> {
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return last?.revision;
  }

  /** One page of `$all` as the server gives it, every call consumed or cancelled. */
  private async readAllPage(
    direction: typeof FORWARDS | typeof BACKWARDS,
    fromPosition: ReadPosition,
    maxCount: number,
    visit: (recorded: RecordedEvent | undefined) => boolean | void,
  ): Promise<number> {
    let received = 0;
    const read = this.client.readAll({ direction, fromPosition, maxCount });
    await this.consume(read as ClientRead<AllStreamResolvedEvent>, 'a read of $all', (resolved) => {
      received += 1;
      return visit(this.recordedFromAll(resolved));
    });
    return received;
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const wanted = options.maxCount;
    if (!(wanted > 0)) return [];
    const from = options.fromPosition;
    if (backwards && from && (from.commit < 0n || from.prepare < 0n)) return []; // nothing before the start
    // Exclusive bound: forwards, events at or before it are skipped (the server's start is
    // inclusive); backwards, events at or after it (the server's start is exclusive, but be sure).
    let bound: Position | undefined = from && comparePositions(from, START) > 0 ? from : undefined;
    let cursor: ReadPosition = bound ?? (backwards ? END : CLIENT_START);
    const result: RecordedEvent[] = [];
    while (result.length < wanted) {
      // One extra event per page: the one at the cursor that the server hands back again.
      const pageSize = Math.min(wanted - result.length + 1, READ_ALL_PAGE);
      const received = await this.readAllPage(backwards ? BACKWARDS : FORWARDS, cursor, pageSize, (recorded) => {
        if (!recorded) return;
        if (bound) {
          const order = comparePositions(recorded.position, bound);
          if (backwards ? order >= 0 : order <= 0) return;
        }
        bound = recorded.position;
        if (this.shows(recorded) && result.length < wanted) result.push(recorded);
      });
      if (received < pageSize || !bound) break; // end of the log
      cursor = toClientPosition(bound);
    }
    return result;
  }

  async headPosition(): Promise<Position> {
    this.assertOpen();
    let cursor: ReadPosition = END;
    for (let page = 0; ; page++) {
      const pageSize = HEAD_PAGES[Math.min(page, HEAD_PAGES.length - 1)]!;
      let head: Position | undefined;
      let last: Position | undefined;
      const received = await this.readAllPage(BACKWARDS, cursor, pageSize, (recorded) => {
        if (!recorded) return;
        if (this.shows(recorded)) {
          head = recorded.position;
          return false; // found: the rest of the page is cancelled
        }
        last = recorded.position;
      });
      if (head) return head;
      if (received < pageSize || !last) return START;
      cursor = toClientPosition(last);
    }
  }

  private recordedFromAll(resolved: AllStreamResolvedEvent): RecordedEvent | undefined {
    if (!resolved.event) return undefined;
    const recorded = toRecordedEvent(resolved.event as ClientRecordedEvent, resolved.commitPosition);
    return comparePositions(recorded.position, START) === 0 ? undefined : recorded;
  }

  /** The server-side filter: the requested stream prefixes, else the application's, else no system events. */
  private serverFilter(filter: SubscriptionFilter | undefined): Filter {
    if (filter?.streamPrefixes && filter.streamPrefixes.length > 0) return toServerFilter(filter);
    if (this.prefixes) return toServerFilter({ ...filter, streamPrefixes: this.prefixes });
    return toServerFilter(filter);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    this.assertOpen();
    const store = this;
    let stopped = false;
    let reader: OrderedCatchUpReader<AllStreamResolvedEvent> | undefined;
    let source: AllStreamSubscription | undefined;

    const cancelSource = async () => {
      const current = source;
      source = undefined;
      reader?.detach();
      if (current) await current.unsubscribe().catch(() => undefined);
    };

    async function* messages(): AsyncGenerator<SubscriptionMessage> {
      // Exclusive start: every event at or before `after` has been seen (or was not asked for).
      let after: Position | undefined =
        options.fromPosition && comparePositions(options.fromPosition, START) > 0 ? options.fromPosition : undefined;
      let caughtUpOnce = false;
      // Two caught-up signals in a row say nothing new (the fallback and the server can both fire).
      let lastWasCaughtUp = false;
      // Fallback for servers that never say "caught up" (before 23.10): the head of the log now.
      let head: Position | undefined;
      try {
        head = await store.headPosition();
      } catch (error) {
        if (error instanceof EventStoreAccessDeniedError) throw error;
        head = undefined;
      }
      if (stopped) return;
      if (head && (comparePositions(head, START) === 0 || (after && comparePositions(head, after) <= 0))) {
        caughtUpOnce = true;
        lastWasCaughtUp = true;
        yield { kind: 'caughtUp' };
        if (stopped) return;
      }

      source = store.client.subscribeToAll({ fromPosition: toClientPosition(after), filter: store.serverFilter(options.filter) });
      reader = new OrderedCatchUpReader<AllStreamResolvedEvent>(source);
      try {
        for (;;) {
          const item = await reader.next();
          if (stopped || item.kind === 'interrupted') return;
          if (item.kind === 'ended') {
            if (stopped || store.closed) return;
            const dropped = toPortError(item.error, 'the subscription to $all');
            if (dropped instanceof EventStoreAccessDeniedError) throw dropped;
            throw new SubscriptionDroppedError(
              `EventStoreDB ended the subscription to $all${item.error ? `: ${item.error.message}` : ''}`,
              { cause: item.error },
            );
          }
          if (item.kind === 'caughtUp') {
            caughtUpOnce = true;
            if (lastWasCaughtUp) continue;
            lastWasCaughtUp = true;
            yield { kind: 'caughtUp' };
            if (stopped) return;
            continue;
          }
          const resolved = item.value;
          if (!resolved.event) continue;
          const event = toRecordedEvent(resolved.event as ClientRecordedEvent, resolved.commitPosition);
          if (comparePositions(event.position, START) === 0) continue;
          if (after && comparePositions(event.position, after) <= 0) continue; // already delivered
          after = event.position;
          if (store.shows(event) && matchesFilter(event, options.filter)) {
            lastWasCaughtUp = false;
            yield { kind: 'event', event };
            if (stopped) return;
          }
          if (!caughtUpOnce && head && comparePositions(event.position, head) >= 0) {
            caughtUpOnce = true;
            lastWasCaughtUp = true;
            yield { kind: 'caughtUp' };
            if (stopped) return;
          }
        }
      } finally {
        await cancelSource();
      }
    }

    const iterator = messages();
    const handle: ActiveSubscription = {
      async unsubscribe() {
        if (stopped) return;
        stopped = true;
        store.active.delete(handle);
        reader?.interrupt();
        await cancelSource();
      },
    };
    this.active.add(handle);
    return {
      [Symbol.asyncIterator]: () => iterator,
      unsubscribe: () => handle.unsubscribe(),
    };
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('Event store is closed');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.active].map((s) => s.unsubscribe()));
    // Every read has been consumed or cancelled, so this is quick; should a call still linger, the
    // process must be able to stop anyway.
    const disposed = await Promise.race([
      this.client.dispose().then(() => true),
      delay(DISPOSE_GRACE_MS, false, { ref: false }),
    ]);
    if (!disposed) this.options.logger?.warn({ graceMs: DISPOSE_GRACE_MS }, 'EventStoreDB client did not dispose in time; closing anyway');
  }
}

/** The hosts of a connection string, without credentials or options: for messages to operators. */
function hostsOf(connectionString: string): string {
  const match = /^esdb(?:\+discover)?:\/\/(?:[^@/]*@)?([^/?]+)/.exec(connectionString);
  return match ? `esdb://${match[1]}` : 'EventStoreDB';
}
