import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { WrongExpectedRevisionError, type EventStore } from './port.js';

/**
 * Which log this is. Read models record it with their checkpoints, so that a replica never serves
 * read models built from another log (a store swapped under the same data directory, a restored
 * backup of another deployment) as if they were this one's.
 *
 * The id is written once, as the first event of its own stream, by whoever opens the log first
 * (`no_stream` decides between two processes starting together); a log that has lost that stream
 * (wiped, or restored from before it existed) gets a new id, and so counts as another log.
 */
export const LOG_IDENTITY_CATEGORY = 'ledger';
export const LOG_IDENTITY_STREAM = `${LOG_IDENTITY_CATEGORY}-identity`;
const LOG_CREATED = 'LedgerLogCreated';

export interface LogIdentity {
  readonly logId: string;
  readonly store: EventStore['kind'];
  /** Where the log lives (a file, a host), for messages to operators. */
  readonly location: string;
}

const LogCreated = z.object({ logId: z.uuid() });

/** The log's identity, written first if the log has none. */
export async function logIdentityOf(store: EventStore): Promise<LogIdentity> {
  const found = await readLogId(store);
  if (found) return { logId: found, store: store.kind, location: store.location };
  const logId = randomUUID();
  const now = new Date().toISOString();
  try {
    await store.appendToStream(
      LOG_IDENTITY_STREAM,
      [
        {
          id: randomUUID(),
          type: LOG_CREATED,
          data: { logId },
          metadata: { actor: 'system', recordedAt: now, occurredAt: now, commandId: logId, correlationId: logId, causationId: logId },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    return { logId, store: store.kind, location: store.location };
  } catch (error) {
    if (!(error instanceof WrongExpectedRevisionError)) throw error;
    // Another process wrote it first: its id is the log's.
    const written = await readLogId(store);
    if (!written) throw error;
    return { logId: written, store: store.kind, location: store.location };
  }
}

async function readLogId(store: EventStore): Promise<string | undefined> {
  const [first] = await store.readStream(LOG_IDENTITY_STREAM, { maxCount: 1 });
  if (!first) return undefined;
  const parsed = LogCreated.safeParse(first.data);
  if (first.type !== LOG_CREATED || !parsed.success) {
    throw new Error(`The log's identity stream (${LOG_IDENTITY_STREAM}) starts with an unexpected event: ${first.type}`);
  }
  return parsed.data.logId;
}
