import type { ReadModelStore } from '../projections/types.js';
import type { Context } from './builder.js';

/** The read models to answer from: the live ones, or the log replayed up to `asOf`. */
export async function readModelsAsOf(context: Context, asOf: Date | string | null | undefined): Promise<ReadModelStore> {
  if (asOf === null || asOf === undefined) return context.readModels;
  return context.app.timeTravel.at(asOf instanceof Date ? asOf : new Date(asOf));
}
