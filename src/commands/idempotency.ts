import { createHash, randomUUID } from 'node:crypto';
import { fold, idOfStream, streamIdOf, type Decider, type DomainEvent } from '../../domain/shared/decider.js';
import type { EventData, RecordedEvent } from '../eventStore/port.js';
import type { CommandOptions, CommandResult } from './commandTypes.js';
import { IdempotencyKeyReusedError } from './errors.js';

/**
 * Idempotency keys: a keyed request's reservation (its own stream, per caller and key), the id of
 * what a keyed creation creates, and the first result of a request retried with its key.
 */
const IDEMPOTENCY_CATEGORY = 'idempotency';

/**
 * The first result of an idempotent request, when the caller's own events for its key are
 * already in the stream (another caller's events with the same key are not this request's).
 */
export function replayOf<C, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  streamId: string,
  events: readonly RecordedEvent[],
  options: CommandOptions,
): CommandResult<S> | undefined {
  const { key, fingerprint } = options.idempotency!;
  const mine = (event: RecordedEvent) =>
    event.metadata.idempotencyKey === key && event.metadata.actor === options.actor.subject;
  let last = -1;
  for (let i = events.length - 1; i >= 0; i--) {
    if (mine(events[i]!)) {
      last = i;
      break;
    }
  }
  if (last < 0) return undefined;
  const recordedFingerprint = events[last]!.metadata.idempotencyFingerprint;
  if (recordedFingerprint !== undefined && recordedFingerprint !== fingerprint) throw new IdempotencyKeyReusedError(key);
  const commandId = events[last]!.metadata.commandId;
  const recorded = events.filter((event) => mine(event) && event.metadata.commandId === commandId);
  return {
    streamId,
    id: idOfStream(streamId),
    state: fold(decider, events.slice(0, last + 1) as unknown as E[]),
    revision: recorded.at(-1)!.revision,
    position: recorded.at(-1)!.position,
    events: recorded.map((e) => ({ type: e.type, data: e.data })),
    replayed: true,
  };
}

/** The reservation of a keyed request: which stream it went to, and which request it was. */
export function reservation(options: CommandOptions, streamId: string, now: Date): EventData {
  const { key, fingerprint } = options.idempotency!;
  const at = now.toISOString();
  return {
    id: randomUUID(),
    type: 'IdempotencyKeyReserved',
    data: { streamId, fingerprint },
    metadata: {
      actor: options.actor.subject,
      role: options.actor.role,
      recordedAt: at,
      occurredAt: at,
      commandId: randomUUID(),
      correlationId: options.correlationId ?? randomUUID(),
      causationId: options.causationId ?? randomUUID(),
      idempotencyKey: key,
    },
  };
}

/** The key's reservation appeared between reading it and appending: the request starts again. */
export class KeyReservedMeanwhile extends Error {}

const keyHash = (options: CommandOptions) =>
  createHash('sha256').update(`${options.actor.subject}\n${options.idempotency!.key}`).digest();

export function keyStreamOf(options: CommandOptions): string {
  return streamIdOf(IDEMPOTENCY_CATEGORY, keyHash(options).toString('hex').slice(0, 40));
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The id of an aggregate a keyed request creates, derived from the caller and the key (shaped
 * like a ULID): a retry, even one racing the first attempt, targets the same stream and finds the
 * first attempt's events there.
 */
export function keyedId(options: CommandOptions): string {
  const hash = keyHash(options);
  let id = CROCKFORD[hash[0]! % 8]!;
  for (let i = 1; i < 26; i++) id += CROCKFORD[hash[i]! % 32]!;
  return id;
}
