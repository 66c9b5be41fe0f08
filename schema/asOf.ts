import type { ReadModelStore } from '../projections/types.js';
import type { Context } from './builder.js';

/** The read models to answer from: the live ones, or the log replayed up to `asOf`. */
export async function readModelsAsOf(context: Context, asOf: Date | string | null | undefined): Promise<ReadModelStore> {
  if (asOf === null || asOf === undefined) return context.readModels;
  return context.app.timeTravel.at(asOf instanceof Date ? asOf : new Date(asOf));
}

const SOURCE = Symbol('readModels');

/**
 * Marks rows with the database they were read from, so that nested fields of an "as of" answer
 * read the same moment: resolvers of nested fields call `sourceOf(parent, context)`.
 */
export function fromSource<T>(db: ReadModelStore, value: T): T {
  if (Array.isArray(value)) {
    for (const item of value) fromSource(db, item);
  } else if (value !== null && typeof value === 'object') {
    Object.defineProperty(value, SOURCE, { value: db, enumerable: false, configurable: true });
  }
  return value;
}

/** The database a row came from (see `fromSource`); the live read models by default. */
export function sourceOf(row: object, context: Context): ReadModelStore {
  return (row as { [SOURCE]?: ReadModelStore })[SOURCE] ?? context.readModels;
}
