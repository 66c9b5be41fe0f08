import { GraphQLError } from 'graphql';
import type { ReadModelStore } from '../projections/types.js';
import { TimeTravelBusyError } from '../src/projections/timeTravel.js';
import type { Context } from './builder.js';

/** Distinct moments one request may ask about: each may replay the log. */
export const MAX_MOMENTS_PER_REQUEST = 3;

const momentsOfRequest = new WeakMap<Context, Set<string>>();

/**
 * The read models to answer from: the live ones, or the log replayed up to `asOf` (what had
 * occurred by then) as the ledger knew it at `knownAt` (what had been recorded by then).
 */
export async function readModelsAsOf(
  context: Context,
  asOf: Date | string | null | undefined,
  knownAt?: Date | string | null,
): Promise<ReadModelStore> {
  if ((asOf === null || asOf === undefined) && (knownAt === null || knownAt === undefined)) return context.readModels;
  const toDate = (value: Date | string | null | undefined) => (value === null || value === undefined ? undefined : value instanceof Date ? value : new Date(value));
  const moment = { asOf: toDate(asOf), knownAt: toDate(knownAt) };
  const key = `${moment.asOf?.toISOString()}|${moment.knownAt?.toISOString()}`;
  const moments = momentsOfRequest.get(context) ?? new Set<string>();
  momentsOfRequest.set(context, moments);
  if (!moments.has(key) && moments.size >= MAX_MOMENTS_PER_REQUEST) {
    throw new GraphQLError(`A request may ask about at most ${MAX_MOMENTS_PER_REQUEST} distinct moments (asOf, knownAt)`, {
      extensions: { code: 'TOO_MANY_MOMENTS' },
    });
  }
  moments.add(key);
  try {
    return await context.app.timeTravel.at(moment);
  } catch (error) {
    if (error instanceof TimeTravelBusyError) throw new GraphQLError(error.message, { extensions: { code: error.code } });
    throw error;
  }
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
