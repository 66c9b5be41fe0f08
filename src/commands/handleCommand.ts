import { randomUUID } from 'node:crypto';
import { newUlid } from '../ulid.js';
import { idOfStream, streamIdOf, type Decider, type DomainEvent } from '../../domain/shared/decider.js';
import {
  START,
  WrongExpectedRevisionError,
  type EventData,
  type EventMetadata,
  type AppendResult,
  type EventStore,
  type Position,
  type RecordedEvent,
} from '../eventStore/port.js';
import { DependentCommand, type CommandOptions, type CommandResult, type LoadedAggregate, type StreamDependency, type StreamTarget } from './commandTypes.js';
import { ConcurrencyConflictError, IdempotencyKeyReusedError } from './errors.js';
import type { FoldedSnapshots } from './foldedSnapshots.js';
import { KeyReservedMeanwhile, keyedId, keyStreamOf, replayOf, reservation } from './idempotency.js';

export * from './commandTypes.js';

const MAX_ATTEMPTS = 12;
/** Streams whose folded state is kept: each costs its state's size (a large session, a few MB). */
const CACHED_STREAMS = 1000;
/** Events read and folded between two turns of the event loop (a few ms of work). */
const LOAD_PAGE = 500;

/**
 * A stream folded up to a revision. States are never mutated (deciders return new states), so
 * one may be shared by concurrent commands; `keys` only grows, with the last revision of each
 * idempotency key, so a lookup bounded by `revision` is right for every entry sharing it.
 */
interface FoldedStream {
  readonly deciderId: number;
  readonly state: unknown;
  readonly revision: bigint | undefined;
  readonly position: Position;
  readonly keys: Map<string, bigint>;
}

/**
 * Load, fold, decide, append with the expected revision. Without a caller-supplied revision a
 * conflict is retried on fresh state (deciding again is safe: deciders are pure); with one, the
 * caller gets a ConcurrencyConflictError.
 */
export class CommandHandler {
  /**
   * Folded state by decider and stream, most recently used last. A load reads only the events appended since
   * the cached revision (by any process: the store is always asked), so its cost does not grow with
   * the stream's length; only the first load after a start or an eviction reads it all. A command
   * decides on the cached state without reading (its use case has usually just loaded it); the
   * append's expected revision refuses it if another process wrote meanwhile, and it is decided
   * again on the tail.
   */
  private readonly folded = new Map<string, FoldedStream>();
  private readonly deciderIds = new WeakMap<object, number>();
  /** The last command waiting or running on each stream (see `exclusive`). */
  private readonly streamQueues = new Map<string, Promise<void>>();

  constructor(
    private readonly store: EventStore,
    private readonly clock: () => Date = () => new Date(),
    /** Folded state of long streams on disk: the first command after a start reads only the tail. */
    private readonly snapshots?: FoldedSnapshots,
  ) {}

  async load<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, streamId: string): Promise<LoadedAggregate<S>> {
    const deciderId = this.deciderIdOf(decider);
    const cached = this.folded.get(foldedKey(deciderId, streamId));
    const base = cached?.deciderId === deciderId ? cached : await this.snapshots?.load(decider, streamId);
    const keys = base?.keys ?? new Map<string, bigint>();
    let state = base ? (base.state as S) : decider.initialState();
    let revision = base?.revision;
    let position = base?.position ?? START;
    // A long stream folded for the first time is read in pages, letting other requests run between.
    for (let page = 0; ; page++) {
      if (page > 0) await new Promise((resolve) => setImmediate(resolve));
      const events = await this.store.readStream(streamId, { fromRevision: revision === undefined ? 0n : revision + 1n, maxCount: LOAD_PAGE });
      for (const event of events) {
        if (event.metadata.idempotencyKey !== undefined) keys.set(event.metadata.idempotencyKey, event.revision);
        state = decider.evolve(state, event as unknown as E);
      }
      if (events.length > 0) ({ revision, position } = events.at(-1)!);
      if (events.length < LOAD_PAGE) break;
    }
    const entry: FoldedStream = { deciderId, state, revision, position, keys };
    this.remember(streamId, entry);
    this.snapshots?.offer(decider, streamId, { state, revision, position, keys });
    return this.loaded<S>(entry);
  }

  private loaded<S>(entry: FoldedStream): LoadedAggregate<S> {
    const { revision, keys } = entry;
    return {
      state: entry.state as S,
      revision,
      position: entry.position,
      recorded: (key) => {
        const last = keys.get(key);
        return last !== undefined && revision !== undefined && last <= revision;
      },
    };
  }

  private remember(streamId: string, entry: FoldedStream): void {
    const key = foldedKey(entry.deciderId, streamId);
    const current = this.folded.get(key);
    // Concurrent loads may finish out of order: never replace a state with an older one.
    if (current?.deciderId === entry.deciderId && current.revision !== undefined && (entry.revision === undefined || entry.revision < current.revision)) {
      return;
    }
    this.folded.delete(key);
    this.folded.set(key, entry);
    while (this.folded.size > CACHED_STREAMS) this.folded.delete(this.folded.keys().next().value!);
  }

  private deciderIdOf(decider: object): number {
    let id = this.deciderIds.get(decider);
    if (id === undefined) this.deciderIds.set(decider, (id = this.nextDeciderId++));
    return id;
  }

  private nextDeciderId = 0;

  /** The whole stream, when a retried request's events are in it (only then: a retry is rare). */
  private async eventsWithKey(streamId: string, loaded: LoadedAggregate<unknown>, key: string): Promise<readonly RecordedEvent[]> {
    return loaded.recorded(key) ? this.store.readStream(streamId) : [];
  }

  /** How the streams a `DependentCommand` read are checked: in the append's transaction, or just before it. */
  get dependencyCheck(): 'atomic' | 'beforeAppend' {
    return this.store.appendToStreams ? 'atomic' : 'beforeAppend';
  }

  async handle<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    target: StreamTarget,
    command: C | DependentCommand<C>,
    options: CommandOptions,
  ): Promise<CommandResult<S>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.handleOnce(decider, target, command, options);
      } catch (error) {
        // A concurrent request with the same caller and key reserved it first: start again from
        // its reservation (the same request is answered with its result, another one is refused).
        if (!(error instanceof KeyReservedMeanwhile) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async handleOnce<C, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    target: StreamTarget,
    request: C | DependentCommand<C>,
    options: CommandOptions,
  ): Promise<CommandResult<S>> {
    const reserved = options.idempotency ? await this.reservationOf(options) : undefined;
    // A stream created under a new ULID cannot exist yet: nothing to read before its first append.
    const fresh = reserved === undefined && typeof target !== 'string' && !options.idempotency;
    const streamId =
      reserved ??
      (typeof target === 'string'
        ? target
        : streamIdOf(target.create, options.idempotency ? keyedId(options) : newUlid()));
    const commandId = randomUUID();

    // One command at a time per stream in this process: a second one decides on the state the
    // first one appended, instead of conflicting with it (their appends would share a group commit).
    return this.exclusive(streamId, async () => {
      for (let attempt = 1; ; attempt++) {
        // The state this process folded last (the use case has usually just loaded it): no read. The
        // append's expected revision catches a stream another process changed since; then, as when
        // that state would refuse the command or make it a no-op, the next attempt reads the tail.
        const cached = attempt === 1 && !fresh ? this.cached<S>(decider, streamId) : undefined;
        const loaded: LoadedAggregate<S> = fresh && attempt === 1 ? this.initial(decider) : (cached ?? (await this.load(decider, streamId)));
        const { command, dependsOn } = request instanceof DependentCommand ? await request.prepare() : { command: request, dependsOn: [] };
        if (options.idempotency) {
          const replay = replayOf(decider, streamId, await this.eventsWithKey(streamId, loaded, options.idempotency.key), options);
          if (replay) {
            if (!reserved) await this.reserve(options, streamId);
            return replay;
          }
        }
        if (options.expectedRevision !== undefined && options.expectedRevision !== loaded.revision) {
          if (cached) continue;
          throw new ConcurrencyConflictError(streamId, options.expectedRevision, loaded.revision ?? 'no_stream');
        }
        let decided: readonly E[];
        try {
          decided = decider.decide(command, loaded.state);
        } catch (error) {
          if (cached) continue;
          throw error;
        }
        if (decided.length === 0) {
          if (cached) continue;
          return {
            streamId,
            id: idOfStream(streamId),
            state: loaded.state,
            revision: loaded.revision ?? -1n,
            position: loaded.position,
            events: [],
            replayed: false,
          };
        }
        const metadata = this.metadata(options, commandId);
        const eventData: EventData[] = decided.map((event) => ({
          id: randomUUID(),
          type: event.type,
          data: event.data,
          metadata,
        }));
        try {
          const alongside = dependsOn.map((dependency) => ({
            ...dependency,
            events: (dependency.append?.(decided) ?? []).map((event): EventData => ({ id: randomUUID(), type: event.type, data: event.data, metadata })),
          }));
          const appended = await this.append(streamId, eventData, loaded.revision ?? 'no_stream', options.idempotency && !reserved ? options : undefined, alongside);
          const state = decided.reduce(decider.evolve, loaded.state);
          this.rememberAppended(decider, streamId, loaded.revision, {
            state,
            revision: appended.nextExpectedRevision,
            position: appended.position,
            key: options.idempotency?.key,
          });
          return {
            streamId,
            id: idOfStream(streamId),
            state,
            revision: appended.nextExpectedRevision,
            position: appended.position,
            events: decided,
            replayed: false,
          };
        } catch (error) {
          if (!(error instanceof WrongExpectedRevisionError)) throw error;
          if (options.idempotency && error.streamId === keyStreamOf(options)) throw new KeyReservedMeanwhile();
          // A stream the decision read moved: decide again on what it holds now.
          const movedDependency = dependsOn.some((dependency) => dependency.streamId === error.streamId);
          if ((options.expectedRevision !== undefined && !movedDependency) || attempt >= MAX_ATTEMPTS) {
            if (movedDependency) throw new ConcurrencyConflictError(error.streamId, error.expected === 'no_stream' ? undefined : (error.expected as bigint), error.actual);
            throw new ConcurrencyConflictError(streamId, options.expectedRevision ?? loaded.revision, error.actual);
          }
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
        }
      }
    });
  }

  /** The stream's state as this process last folded it, without asking the store. */
  private cached<S>(decider: object, streamId: string): LoadedAggregate<S> | undefined {
    const entry = this.folded.get(foldedKey(this.deciderIdOf(decider), streamId));
    return entry?.deciderId === this.deciderIdOf(decider) ? this.loaded<S>(entry) : undefined;
  }

  /** Runs `work` after every earlier work on the same stream has finished. */
  private async exclusive<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.streamQueues.get(streamId);
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous ? previous.then(() => mine) : mine;
    this.streamQueues.set(streamId, tail);
    try {
      if (previous) await previous;
      return await work();
    } finally {
      release();
      if (this.streamQueues.get(streamId) === tail) this.streamQueues.delete(streamId);
    }
  }

  /** A stream that does not exist yet, without asking the store. */
  private initial<C, E extends DomainEvent, S>(decider: Decider<C, E, S>): LoadedAggregate<S> {
    return { state: decider.initialState(), revision: undefined, position: START, recorded: () => false };
  }

  /**
   * Appends the command's events and, for a keyed request not reserved yet, the key's reservation:
   * in one transaction where the store can (one fsync; a refused command reserves nothing, and a
   * key reserved meanwhile by a concurrent request refuses these events), else the reservation
   * only after the events are in the log.
   */
  private async append(
    streamId: string,
    events: readonly EventData[],
    expectedRevision: bigint | 'no_stream',
    reserving: CommandOptions | undefined,
    dependsOn: readonly (StreamDependency & { readonly events: readonly EventData[] })[],
  ): Promise<AppendResult> {
    if (!reserving && dependsOn.length === 0) return this.store.appendToStream(streamId, events, { expectedRevision });
    if (this.store.appendToStreams) {
      const [appended] = await this.store.appendToStreams([
        { streamId, events, expectedRevision },
        // Each stream's revision is checked in the same transaction (its own events, if any, appended).
        ...dependsOn.map((dependency) => ({ streamId: dependency.streamId, events: dependency.events, expectedRevision: dependency.revision ?? ('no_stream' as const) })),
        ...(reserving ? [{ streamId: keyStreamOf(reserving), events: [reservation(reserving, streamId, this.clock())], expectedRevision: 'no_stream' as const }] : []),
      ]);
      return appended!;
    }
    await this.checkBeforeAppend(dependsOn);
    const appended = await this.store.appendToStream(streamId, events, { expectedRevision });
    // After the target's events: a dependency that moved within the window refuses its own events
    // only, and the command is answered with a conflict on it, not decided again: its events are
    // written (docs/marketplace.md, "Streams", says what that leaves open).
    for (const dependency of dependsOn) {
      if (dependency.events.length === 0) continue;
      try {
        await this.store.appendToStream(dependency.streamId, dependency.events, { expectedRevision: dependency.revision ?? 'no_stream' });
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        throw new ConcurrencyConflictError(dependency.streamId, dependency.revision, error.actual);
      }
    }
    if (reserving) await this.reserve(reserving, streamId);
    return appended;
  }

  /** Where the store cannot check other streams in the append's transaction: checked just before it. */
  private async checkBeforeAppend(dependsOn: readonly StreamDependency[]): Promise<void> {
    for (const { streamId, revision } of dependsOn) {
      const actual = await this.store.streamRevision(streamId);
      if (actual !== revision) throw new WrongExpectedRevisionError(streamId, revision ?? 'no_stream', actual ?? 'no_stream');
    }
  }

  /**
   * The state a successful append produced, so the next command reads nothing. Only on top of the
   * entry it was decided on: the keys must stay complete up to the revision (else a retried
   * request would not be recognised); otherwise the next load reads the tail.
   */
  private rememberAppended(
    decider: object,
    streamId: string,
    decidedOn: bigint | undefined,
    appended: { state: unknown; revision: bigint; position: Position; key: string | undefined },
  ): void {
    const deciderId = this.deciderIdOf(decider);
    const cached = this.folded.get(foldedKey(deciderId, streamId));
    if (cached?.deciderId !== deciderId || cached.revision !== decidedOn) return;
    if (appended.key !== undefined) cached.keys.set(appended.key, appended.revision);
    this.remember(streamId, { deciderId, state: appended.state, revision: appended.revision, position: appended.position, keys: cached.keys });
    this.snapshots?.offer(decider as Decider<unknown, DomainEvent, unknown>, streamId, { ...appended, keys: cached.keys });
  }

  private metadata(options: CommandOptions, commandId: string): EventMetadata {
    const now = this.clock().toISOString();
    return {
      actor: options.actor.subject,
      role: options.actor.role,
      recordedAt: now,
      occurredAt: options.occurredAt ?? now,
      commandId,
      correlationId: options.correlationId ?? commandId,
      causationId: options.causationId ?? commandId,
      ...(options.idempotency
        ? { idempotencyKey: options.idempotency.key, idempotencyFingerprint: options.idempotency.fingerprint }
        : {}),
    };
  }

  /**
   * Where an earlier request with this caller's key went, from the key's reservation (its own
   * stream, per caller and key); a different request with the same key is refused.
   */
  private async reservationOf(options: CommandOptions): Promise<string | undefined> {
    const { key, fingerprint } = options.idempotency!;
    const [reservation] = await this.store.readStream(keyStreamOf(options), { maxCount: 1 });
    if (!reservation) return undefined;
    const data = reservation.data as { streamId: string; fingerprint: string };
    if (data.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError(key);
    return data.streamId;
  }

  /**
   * Records which stream a keyed request went to, once its events are in the log (never for a
   * refused one: a refused command writes nothing). The reservation finds the request again when
   * it is retried with the same key, and refuses the key for another request; if the process
   * stops before it is written, the retry still finds its events (a creation's stream id is
   * derived from the caller and the key) and writes it then.
   */
  private async reserve(options: CommandOptions, streamId: string): Promise<void> {
    try {
      await this.store.appendToStream(keyStreamOf(options), [reservation(options, streamId, this.clock())], { expectedRevision: 'no_stream' });
    } catch (error) {
      // A concurrent retry of the same request reserved it first.
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }

}

/**
 * Folded state is kept per decider and stream: an old marketplace session's stream is read both as
 * the session (is it one stream?) and as the whole session, and neither evicts the other.
 */
const foldedKey = (deciderId: number, streamId: string) => `${deciderId}:${streamId}`;
