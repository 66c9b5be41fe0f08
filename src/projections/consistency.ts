import { positionToString, type Position } from '../eventStore/port.js';

/**
 * The command was recorded in the log (it is not lost, and retrying it with the same idempotency
 * key appends nothing), but this replica's read models did not show it in time. Its `position`
 * is the consistency token to read it with later (header `x-min-position`).
 */
export class RecordedNotYetReadableError extends Error {
  override readonly name = 'RecordedNotYetReadableError';
  readonly code = 'RECORDED_NOT_YET_READABLE';
  constructor(
    readonly aggregateId: string,
    readonly revision: bigint,
    readonly position: Position,
    readonly waitedMs: number,
  ) {
    super(
      `Recorded, but not readable here yet: the read models did not reach position ${positionToString(position)} ` +
        `within ${waitedMs} ms. Nothing needs to be sent again; read it later with the header x-min-position: ${positionToString(position)}.`,
    );
  }
}

/** A request asked for read models at a position this replica did not reach in time. */
export class ReadModelsBehindError extends Error {
  override readonly name = 'ReadModelsBehindError';
  readonly code = 'READ_MODELS_BEHIND';
  constructor(
    readonly wanted: Position,
    readonly reached: Position,
    readonly waitedMs: number,
  ) {
    super(
      `The read models of this server have not reached position ${positionToString(wanted)} yet ` +
        `(they are at ${positionToString(reached)} after waiting ${waitedMs} ms); retry shortly.`,
    );
  }
}
