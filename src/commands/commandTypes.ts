import type { Actor } from '../auth/actor.js';
import type { Position } from '../eventStore/port.js';
import type { DomainEvent } from '../../domain/shared/decider.js';

/** What the command handler takes and answers (src/commands/handleCommand.ts). */

export interface CommandOptions {
  readonly actor: Actor;
  /** The revision the caller last saw; a stale one is a conflict, never silently retried. */
  readonly expectedRevision?: bigint;
  /** Same key and same request: the first result is returned and nothing is appended. */
  readonly idempotency?: { readonly key: string; readonly fingerprint: string };
  /** When the fact happened in the world, for backfilled history; defaults to now. */
  readonly occurredAt?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
}

/** An existing stream, or a new stream of a category (its id is generated). */
export type StreamTarget = string | { readonly create: string };

/** A stream a decision read, at the revision it read (undefined: the stream did not exist then). */
export interface StreamDependency {
  readonly streamId: string;
  readonly revision: bigint | undefined;
  /**
   * Events the decision also appends to that stream, at that revision, given the events decided on
   * the target (a post's claim on its practice): with SQLite in the same transaction.
   */
  readonly append?: (decided: readonly DomainEvent[]) => readonly DomainEvent[];
}

/**
 * A command decided on what other streams held (a post on its session being open, an answer on
 * its two posts): `prepare` reads them, then builds the command and names the streams it read and
 * their revisions. The append is refused when one of them moved since, like any expected-revision
 * conflict, and the command is prepared and decided again (never with a caller's
 * `expectedRevision`: that one is about the target stream only). A dependency may also take events
 * of its own (`append`). With SQLite the check is in the append's transaction (an append, empty or
 * not, with an expected revision per dependency); a store that cannot append to several streams at
 * once (EventStoreDB) checks them right before the append, so a change landing within that round
 * trip is not seen, and appends a dependency's own events right after the target's
 * (`CommandHandler.dependencyCheck`).
 */
export class DependentCommand<C> {
  constructor(readonly prepare: () => Promise<{ readonly command: C; readonly dependsOn: readonly StreamDependency[] }>) {}
}

export interface CommandResult<State> {
  readonly streamId: string;
  /** The aggregate id: the stream id without its category. */
  readonly id: string;
  readonly state: State;
  /** Revision of the stream after the command (-1 when the stream still does not exist). */
  readonly revision: bigint;
  /** Position to wait for before reading the command's effects (START if nothing was written). */
  readonly position: Position;
  readonly events: readonly DomainEvent[];
  /** True when this answers a retry of an idempotent request. */
  readonly replayed: boolean;
}

export interface LoadedAggregate<State> {
  readonly state: State;
  readonly revision: bigint | undefined;
  /** Position of the stream's last event (START when it does not exist). */
  readonly position: Position;
  /** Whether events of the stream carry this idempotency key (a request already handled). */
  recorded(idempotencyKey: string): boolean;
}
