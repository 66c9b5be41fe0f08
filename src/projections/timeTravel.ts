import type { Projection, ReadModelStore } from '../../projections/types.js';
import { asOfRewriters, HistoricalReadModels, historicalTables } from '../readModels/history.js';
import type { ReadModelDatabase } from '../readModels/database.js';

/** What an "as of" question asks: the world at `asOf` (world time), as the ledger knew it at `knownAt` (recordedAt). */
export interface Moment {
  readonly asOf?: Date;
  readonly knownAt?: Date;
}

/**
 * Answers "as of" questions from the history the read models keep of themselves
 * (src/readModels/history.ts): each question reads the versions valid at its moment through
 * indexes, with the same SQL as the live read models; nothing is replayed, so its cost does not
 * depend on the size of the log.
 */
export class TimeTravel {
  private rewriters: ReturnType<typeof asOfRewriters> | undefined;

  constructor(
    private readonly readModels: ReadModelDatabase,
    private readonly projections: readonly Projection[],
  ) {}

  /** The read models as of a moment (a Date: the world then, as the ledger knows it now). */
  at(moment: Date | Moment): ReadModelStore {
    const { asOf, knownAt } = moment instanceof Date ? { asOf: moment, knownAt: undefined } : moment;
    this.rewriters ??= asOfRewriters(this.projections.filter((p) => p.keepsHistory !== false).flatMap((p) => historicalTables(this.readModels, p.tables)));
    return new HistoricalReadModels(this.readModels, this.rewriters, { asOf: asOf?.toISOString(), knownAt: knownAt?.toISOString() });
  }
}
