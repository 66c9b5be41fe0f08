/**
 * A stand-in for an EventStoreDB node, for the adapter's tests where no container engine runs.
 *
 * It serves the gRPC services the adapter's client calls (ServerFeatures, Streams.Read for stream
 * reads, `$all` reads and `$all` subscriptions, Streams.BatchAppend) with the service definitions
 * and message classes generated from EventStoreDB's proto files that ship inside
 * `@eventstore/db-client`, so the real client talks to it over a real gRPC channel. What it
 * checks is the adapter's use of the client: every read consumed or cancelled, deadlines and
 * leader reads asked for, paging, system events, subscription drops, access denied.
 *
 * It is NOT EventStoreDB: one node, in memory, no TLS or users (the access-denied switch plays a
 * user without rights), no checkpoints in filtered subscriptions, positions with commit = prepare.
 * Idempotent appends follow the server's documented rules (the same ids after the expected
 * revision; with `any`, ids still in a bounded window of recent events). The contract suite still
 * runs against a real server where a container engine exists (eventStoreDb.contract.test.ts).
 */
import { createRequire } from 'node:module';
import * as grpc from '@grpc/grpc-js';
import type * as SharedPb from '@eventstore/db-client/generated/shared_pb.js';
import type * as StreamsPb from '@eventstore/db-client/generated/streams_pb.js';

// The generated modules and their google-protobuf, exactly as the client loads them.
const require = createRequire(import.meta.url);
const clientRequire = createRequire(require.resolve('@eventstore/db-client'));
const streamsGrpc = clientRequire('../generated/streams_grpc_pb.js');
const featuresGrpc = clientRequire('../generated/serverfeatures_grpc_pb.js');
const streamsPb = clientRequire('../generated/streams_pb.js') as typeof StreamsPb;
const sharedPb = clientRequire('../generated/shared_pb.js') as typeof SharedPb;
const statusPb = clientRequire('../generated/status_pb.js');
const featuresPb = clientRequire('../generated/serverfeatures_pb.js');
const { Any } = clientRequire('google-protobuf/google/protobuf/any_pb.js');
const { Empty } = clientRequire('google-protobuf/google/protobuf/empty_pb.js');

type ReadReq = StreamsPb.ReadReq;
type ReadResp = StreamsPb.ReadResp;
type ReadCall = grpc.ServerWritableStream<ReadReq, ReadResp>;
type BatchCall = grpc.ServerDuplexStream<StreamsPb.BatchAppendReq, StreamsPb.BatchAppendResp>;
/** What the double looks at in any server call. */
interface ObservableCall {
  getDeadline(): grpc.Deadline;
  readonly metadata: grpc.Metadata;
  on(event: 'cancelled', listener: () => void): unknown;
}

/** An event as the double stores it. */
export interface StoredEvent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** .NET ticks, as the server sends them. */
  readonly created: bigint;
}

/** One gRPC call the client made, as the double saw it. */
export interface ObservedCall {
  readonly method: 'readStream' | 'readAll' | 'subscribeToAll' | 'batchAppend' | 'serverFeatures';
  readonly requiresLeader: boolean;
  /** Milliseconds from the call's start to its deadline; undefined when it has none. */
  readonly deadlineMs: number | undefined;
  /** Still open: not ended by the server, not cancelled by the client. */
  open: boolean;
  /** How it ended. */
  outcome?: 'completed' | 'cancelled' | 'failed';
  /** A subscription's server-side filter, as the client asked for it. */
  filter?: { on: 'streamName' | 'eventType'; prefixes?: string[]; regex?: string };
}

export interface EventStoreDbDoubleOptions {
  /** How many recent events of a stream a retried `any` append is recognised in (ESDB: a bounded cache). */
  readonly idempotencyWindow?: number;
}

const TICKS_AT_EPOCH = 621_355_968_000_000_000n;
const EXCEPTION_ACCESS_DENIED = 'access-denied';

function ticks(date = new Date()): bigint {
  return TICKS_AT_EPOCH + BigInt(date.getTime()) * 10_000n;
}

export class EventStoreDbDouble {
  readonly events: StoredEvent[] = [];
  readonly calls: ObservedCall[] = [];
  /** Every `$all` read and subscription fails as it does for a user who may not read `$all`. */
  denyAllReads = false;
  /** Stream and `$all` reads are accepted and never answered (for deadlines). */
  hangReads = false;
  /** The next N subscriptions fail at once with UNAVAILABLE (a node that is not back yet). */
  refuseSubscriptions = 0;

  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly wakeSubscriptions = new Set<() => void>();
  private readonly liveSubscriptions = new Set<ReadCall>();
  private nextPosition = 4096n;
  private server: grpc.Server | undefined;
  private port = 0;

  private constructor(private readonly options: EventStoreDbDoubleOptions) {}

  static async start(options: EventStoreDbDoubleOptions = {}): Promise<EventStoreDbDouble> {
    const double = new EventStoreDbDouble(options);
    await double.listen();
    return double;
  }

  /** Where the client connects: a single insecure node, no discovery. */
  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  /** Calls of a kind still open. */
  openCalls(method?: ObservedCall['method']): number {
    return this.calls.filter((c) => c.open && (!method || c.method === method)).length;
  }

  /** Writes an event directly (another application's, or a system event), as if another client had. */
  write(streamId: string, type: string, data: unknown = {}, metadata: unknown = {}): StoredEvent {
    const current = this.streams.get(streamId);
    return this.store(streamId, BigInt(current?.length ?? 0), crypto.randomUUID(), type, 'application/json', json(data), json(metadata));
  }

  /** Ends every live subscription with UNAVAILABLE, as a node restart or a leader change does. */
  dropSubscriptions(): number {
    const dropped = [...this.liveSubscriptions];
    for (const call of dropped) this.fail(call, grpc.status.UNAVAILABLE, 'Server is restarting');
    return dropped.length;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const wake of this.wakeSubscriptions) wake();
    server?.forceShutdown();
  }

  // -------------------------------------------------------------------------------------------

  private async listen(): Promise<void> {
    const server = new grpc.Server();
    server.addService(featuresGrpc.ServerFeaturesService, {
      getSupportedMethods: (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
        this.observe('serverFeatures', call);
        const method = new featuresPb.SupportedMethod();
        method.setServiceName('event_store.client.streams.streams');
        method.setMethodName('batchappend');
        const methods = new featuresPb.SupportedMethods();
        methods.setMethodsList([method]);
        methods.setEventStoreServerVersion('24.10.0-double');
        this.close(this.calls.at(-1)!, 'completed');
        callback(null, methods);
      },
    });
    server.addService(streamsGrpc.StreamsService, {
      read: (call: ReadCall) => void this.read(call),
      batchAppend: (call: BatchCall) => this.batchAppend(call),
      append: (_call: unknown, callback: grpc.sendUnaryData<unknown>) =>
        callback({ code: grpc.status.UNIMPLEMENTED, details: 'the double serves BatchAppend only' }),
      delete: (_call: unknown, callback: grpc.sendUnaryData<unknown>) => callback({ code: grpc.status.UNIMPLEMENTED }),
      tombstone: (_call: unknown, callback: grpc.sendUnaryData<unknown>) => callback({ code: grpc.status.UNIMPLEMENTED }),
    });
    this.port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
    this.server = server;
  }

  private observe(method: ObservedCall['method'], call: ObservableCall): ObservedCall {
    const deadline = call.getDeadline();
    const deadlineAt = deadline instanceof Date ? deadline.getTime() : Number(deadline);
    const observed: ObservedCall = {
      method,
      requiresLeader: call.metadata.get('requires-leader').some((v: grpc.MetadataValue) => String(v) === 'true'),
      deadlineMs: Number.isFinite(deadlineAt) ? deadlineAt - Date.now() : undefined,
      open: true,
    };
    this.calls.push(observed);
    call.on('cancelled', () => this.close(observed, 'cancelled'));
    return observed;
  }

  private close(observed: ObservedCall, outcome: NonNullable<ObservedCall['outcome']>): void {
    if (!observed.open) return;
    observed.open = false;
    observed.outcome = outcome;
  }

  private fail(call: ReadCall | BatchCall, code: grpc.status, details: string, exception?: string): void {
    const metadata = new grpc.Metadata();
    if (exception) metadata.set('exception', exception);
    call.emit('error', { code, details, metadata });
  }

  private async read(call: ReadCall): Promise<void> {
    const options = call.request.getOptions()!;
    const method = options.hasSubscription() ? 'subscribeToAll' : options.hasAll() ? 'readAll' : 'readStream';
    const observed = this.observe(method, call);
    if (method !== 'readStream' && this.denyAllReads) {
      this.fail(call, grpc.status.PERMISSION_DENIED, 'Access denied', EXCEPTION_ACCESS_DENIED);
      this.close(observed, 'failed');
      return;
    }
    if (method === 'subscribeToAll') return this.subscribe(call, options, observed);
    if (this.hangReads) return; // open until the client's deadline or cancellation
    const events = method === 'readAll' ? this.allSlice(options) : this.streamSlice(options);
    if (events === 'not found') {
      const notFound = new streamsPb.ReadResp.StreamNotFound();
      notFound.setStreamIdentifier(streamIdentifier(streamName(options.getStream()!.getStreamIdentifier()!)));
      const response = new streamsPb.ReadResp();
      response.setStreamNotFound(notFound);
      if (!(await this.send(call, response, observed))) return;
      call.end();
      this.close(observed, 'completed');
      return;
    }
    for (const event of events) {
      if (!(await this.send(call, eventResponse(event), observed))) return;
    }
    call.end();
    this.close(observed, 'completed');
  }

  /** Writes with back-pressure; false once the client has gone. */
  private async send(call: ReadCall, response: ReadResp, observed: ObservedCall): Promise<boolean> {
    if (!observed.open || !this.server) return false;
    if (call.write(response)) return true;
    await new Promise<void>((resolve) => {
      const done = () => {
        call.off('drain', done);
        call.off('cancelled', done);
        call.off('close', done);
        resolve();
      };
      call.on('drain', done);
      call.on('cancelled', done);
      call.on('close', done);
    });
    return observed.open && !!this.server;
  }

  private allSlice(options: StreamsPb.ReadReq.Options): StoredEvent[] {
    const all = options.getAll()!;
    const count = Number(options.getCount());
    const backwards = options.getReadDirection() === 1;
    const at = all.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : undefined;
    let selected: StoredEvent[];
    if (backwards) {
      // Backwards from a position: the events before it; from the end: all.
      selected = (at === undefined || all.hasEnd() ? this.events : this.events.filter((e) => e.position < at)).slice().reverse();
    } else {
      // Forwards from a position: that event and the ones after it.
      selected = at === undefined || all.hasStart() ? this.events : this.events.filter((e) => e.position >= at);
    }
    return selected.slice(0, count);
  }

  private streamSlice(options: StreamsPb.ReadReq.Options): StoredEvent[] | 'not found' {
    const stream = options.getStream()!;
    const events = this.streams.get(streamName(stream.getStreamIdentifier()!));
    if (!events) return 'not found';
    const count = Number(options.getCount());
    const backwards = options.getReadDirection() === 1;
    if (backwards) {
      const from = stream.hasRevision() ? BigInt(stream.getRevision()) : BigInt(events.length - 1);
      return events.filter((e) => e.revision <= from).reverse().slice(0, count);
    }
    const from = stream.hasRevision() ? BigInt(stream.getRevision()) : 0n;
    return events.filter((e) => e.revision >= from).slice(0, count);
  }

  private async subscribe(call: ReadCall, options: StreamsPb.ReadReq.Options, observed: ObservedCall): Promise<void> {
    if (this.refuseSubscriptions > 0) {
      this.refuseSubscriptions -= 1;
      this.fail(call, grpc.status.UNAVAILABLE, 'Server is not ready');
      this.close(observed, 'failed');
      return;
    }
    const all = options.getAll()!;
    const after = all.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : undefined;
    const accept = subscriptionFilter(options);
    observed.filter = describeFilter(options);
    this.liveSubscriptions.add(call);
    call.on('cancelled', () => this.liveSubscriptions.delete(call));
    call.on('error', () => this.liveSubscriptions.delete(call));
    const confirmation = new streamsPb.ReadResp.SubscriptionConfirmation();
    confirmation.setSubscriptionId(crypto.randomUUID());
    const confirmed = new streamsPb.ReadResp();
    confirmed.setConfirmation(confirmation);
    if (!(await this.send(call, confirmed, observed))) return;

    let cursor = after === undefined ? 0 : this.events.findIndex((e) => e.position > after);
    if (cursor < 0) cursor = this.events.length;
    let caughtUp = false;
    while (observed.open && this.server && this.liveSubscriptions.has(call)) {
      while (cursor < this.events.length) {
        const event = this.events[cursor++]!;
        if (accept(event) && !(await this.send(call, eventResponse(event), observed))) return;
        if (!this.liveSubscriptions.has(call)) return;
      }
      if (!caughtUp) {
        caughtUp = true;
        const message = new streamsPb.ReadResp();
        message.setCaughtUp(new streamsPb.ReadResp.CaughtUp());
        if (!(await this.send(call, message, observed))) return;
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.wakeSubscriptions.delete(wake);
          call.off('cancelled', wake);
          resolve();
        };
        this.wakeSubscriptions.add(wake);
        call.on('cancelled', wake);
      });
    }
    this.close(observed, 'failed');
  }

  private batchAppend(call: BatchCall): void {
    const observed = this.observe('batchAppend', call);
    const pending = new Map<string, { options?: StreamsPb.BatchAppendReq.Options; messages: StreamsPb.BatchAppendReq.ProposedMessage[] }>();
    call.on('data', (request: StreamsPb.BatchAppendReq) => {
      const correlation = request.getCorrelationId()!;
      const key = correlation.getString();
      const entry = pending.get(key) ?? { messages: [] };
      if (request.hasOptions()) entry.options = request.getOptions()!;
      entry.messages.push(...request.getProposedMessagesList());
      pending.set(key, entry);
      if (!request.getIsFinal()) return;
      pending.delete(key);
      call.write(this.appendBatch(correlation, entry.options!, entry.messages));
    });
    call.on('end', () => {
      call.end();
      this.close(observed, 'completed');
    });
  }

  private appendBatch(
    correlation: SharedPb.UUID,
    options: StreamsPb.BatchAppendReq.Options,
    messages: StreamsPb.BatchAppendReq.ProposedMessage[],
  ): StreamsPb.BatchAppendResp {
    const name = streamName(options.getStreamIdentifier()!);
    const response = new streamsPb.BatchAppendResp();
    response.setCorrelationId(correlation);
    response.setStreamIdentifier(streamIdentifier(name));
    const existing = this.streams.get(name) ?? [];
    const current = existing.length === 0 ? undefined : BigInt(existing.length - 1);
    const ids = messages.map((m) => m.getId()!.getString());
    const sameIdsFrom = (start: number) =>
      start >= 0 && existing.length - start >= ids.length && ids.every((id, i) => existing[start + i]!.id === id);

    let expected: 'any' | 'no_stream' | 'stream_exists' | bigint = 'any';
    if (options.hasNoStream()) expected = 'no_stream';
    else if (options.hasStreamExists()) expected = 'stream_exists';
    else if (options.hasStreamPosition()) expected = BigInt(options.getStreamPosition());

    // Idempotence, as the server documents it: the same ids right after the expected revision, or
    // (with `any` / `stream_exists`) the same ids among the stream's recent events.
    const retriedAt =
      expected === 'no_stream'
        ? sameIdsFrom(0) ? 0 : -1
        : typeof expected === 'bigint'
          ? sameIdsFrom(Number(expected) + 1) ? Number(expected) + 1 : -1
          : this.recentlyAppended(existing, ids);
    if (ids.length > 0 && retriedAt >= 0) {
      const success = new streamsPb.BatchAppendResp.Success();
      success.setCurrentRevision(String(retriedAt + ids.length - 1));
      success.setNoPosition(new Empty());
      response.setSuccess(success);
      return response;
    }
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && current === undefined) ||
      (expected === 'stream_exists' && current !== undefined) ||
      (typeof expected === 'bigint' && current === expected);
    if (!ok) {
      const details = new sharedPb.WrongExpectedVersion();
      if (current === undefined) details.setCurrentNoStream(new Empty());
      else details.setCurrentStreamRevision(String(current));
      if (typeof expected === 'bigint') details.setExpectedStreamPosition(String(expected));
      const any = new Any();
      any.pack(details.serializeBinary(), 'event_store.client.WrongExpectedVersion');
      const status = new statusPb.Status();
      status.setCode(9); // FAILED_PRECONDITION
      status.setMessage('WrongExpectedVersion');
      status.setDetails(any);
      response.setError(status);
      return response;
    }
    let last: StoredEvent | undefined;
    for (const message of messages) {
      const metadata = message.getMetadataMap();
      last = this.store(
        name,
        BigInt(this.streams.get(name)?.length ?? 0),
        message.getId()!.getString(),
        metadata.get('type') ?? '',
        metadata.get('content-type') ?? 'application/octet-stream',
        message.getData_asU8(),
        message.getCustomMetadata_asU8(),
      );
    }
    const success = new streamsPb.BatchAppendResp.Success();
    success.setCurrentRevision(String(last ? last.revision : (current ?? -1n)));
    if (last) {
      const position = new sharedPb.AllStreamPosition();
      position.setCommitPosition(String(last.position));
      position.setPreparePosition(String(last.position));
      success.setPosition(position);
    }
    response.setSuccess(success);
    return response;
  }

  /** Where the ids were appended among the stream's last `idempotencyWindow` events, or -1. */
  private recentlyAppended(existing: readonly StoredEvent[], ids: readonly string[]): number {
    if (ids.length === 0) return -1;
    const window = this.options.idempotencyWindow ?? 1000;
    const start = existing.findIndex((e, i) => i >= existing.length - window && e.id === ids[0]);
    if (start < 0) return -1;
    return ids.every((id, i) => existing[start + i]?.id === id) ? start : -1;
  }

  private store(
    streamId: string,
    revision: bigint,
    id: string,
    type: string,
    contentType: string,
    data: Uint8Array,
    customMetadata: Uint8Array,
  ): StoredEvent {
    const event: StoredEvent = {
      streamId,
      revision,
      position: this.nextPosition,
      id,
      type,
      contentType,
      data: Uint8Array.from(data),
      customMetadata: Uint8Array.from(customMetadata),
      created: ticks(),
    };
    // Positions are byte offsets in the server's log: increasing, never consecutive.
    this.nextPosition += 128n + BigInt(data.length + customMetadata.length);
    this.events.push(event);
    const stream = this.streams.get(streamId) ?? [];
    stream.push(event);
    this.streams.set(streamId, stream);
    for (const wake of [...this.wakeSubscriptions]) wake();
    return event;
  }
}

function json(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

function streamName(identifier: SharedPb.StreamIdentifier): string {
  return Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
}

function streamIdentifier(name: string): SharedPb.StreamIdentifier {
  const identifier = new sharedPb.StreamIdentifier();
  identifier.setStreamName(Buffer.from(name, 'utf8'));
  return identifier;
}

function eventResponse(event: StoredEvent): ReadResp {
  const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent();
  const id = new sharedPb.UUID();
  id.setString(event.id);
  recorded.setId(id);
  recorded.setStreamIdentifier(streamIdentifier(event.streamId));
  recorded.setStreamRevision(String(event.revision));
  recorded.setCommitPosition(String(event.position));
  recorded.setPreparePosition(String(event.position));
  const metadata = recorded.getMetadataMap();
  metadata.set('type', event.type);
  metadata.set('content-type', event.contentType);
  metadata.set('created', String(event.created));
  recorded.setData(event.data);
  recorded.setCustomMetadata(event.customMetadata);
  const read = new streamsPb.ReadResp.ReadEvent();
  read.setEvent(recorded);
  read.setCommitPosition(String(event.position));
  const response = new streamsPb.ReadResp();
  response.setEvent(read);
  return response;
}

function describeFilter(options: StreamsPb.ReadReq.Options): ObservedCall['filter'] {
  if (!options.hasFilter()) return undefined;
  const filter = options.getFilter()!;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier()! : filter.getEventType()!;
  return {
    on: onStream ? 'streamName' : 'eventType',
    ...(expression.getPrefixList().length > 0 ? { prefixes: expression.getPrefixList() } : {}),
    ...(expression.getRegex() ? { regex: expression.getRegex() } : {}),
  };
}

/** The server-side filter of a subscription: stream name or event type, by prefixes or a regex. */
function subscriptionFilter(options: StreamsPb.ReadReq.Options): (event: StoredEvent) => boolean {
  if (!options.hasFilter()) return () => true;
  const filter = options.getFilter()!;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier()! : filter.getEventType()!;
  const prefixes = expression.getPrefixList();
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  return (event) => {
    const subject = onStream ? event.streamId : event.type;
    if (prefixes.length > 0 && !prefixes.some((p) => subject.startsWith(p))) return false;
    if (regex && !regex.test(subject)) return false;
    return true;
  };
}
