import type { ObjectRef } from '@pothos/core';
import { offsetForArgs, offsetToCursor, type DefaultConnectionArguments } from '@pothos/plugin-relay';
import type { AuthScopeMap } from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { ReadModelStore } from '../projections/types.js';
import { entityId } from '../src/application/ids.js';
import { ReadModelDatabase } from '../src/readModels/database.js';
import type { Context, Types } from './builder.js';
import { AsOfArg, bareId } from './journeySupport.js';

/**
 * Distinct moments one request may ask about. Each is a few indexed reads of the read models'
 * history (no replay), so the bound only keeps one request's work proportionate.
 */
export const MAX_MOMENTS_PER_REQUEST = 20;

const momentsOfRequest = new WeakMap<Context, Set<string>>();

/**
 * The read models to answer from: the live ones, or their history as of `asOf` (the world then)
 * as the ledger knew it at `knownAt` (what had been recorded by then).
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
  return context.app.timeTravel.at(moment);
}

/**
 * `read` from the read models `readModelsAsOf` picks, with no promise when they are the live ones
 * (no `asOf`): a resolver that answers at once lets graphql-js complete its fields without
 * waiting on a promise per field below it.
 */
export function readAsOf<T>(context: Context, asOf: Date | string | null | undefined, read: (db: ReadModelStore) => T): T | Promise<Awaited<T>> {
  if (asOf === null || asOf === undefined) return read(context.readModels);
  return readModelsAsOf(context, asOf).then(read) as Promise<Awaited<T>>;
}

const SOURCE = Symbol('readModels');

/**
 * Marks rows with the database they were read from, so that nested fields of an "as of" answer
 * read the same moment: resolvers of nested fields call `sourceOf(parent, context)`.
 */
export function fromSource<T>(db: ReadModelStore, value: T): T {
  // Rows of the live read models need no mark: sourceOf falls back to them. Marking every row
  // (a new hidden class each) was 3.4 % of an uncached networks read.
  if (db instanceof ReadModelDatabase) return value;
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

/** What `read` finds beside `row`: in the database the row came from, and marked with it in turn. */
export function readBeside<T>(row: object, context: Context, read: (db: ReadModelStore) => T): T {
  const db = sourceOf(row, context);
  return fromSource(db, read(db));
}

export interface EntityFieldConfig<Row extends object> {
  /** The entity's type; the `id` argument is its global id or its bare id (see entityId). */
  readonly type: ObjectRef<Types, Row>;
  readonly find: (db: ReadModelStore, id: string) => Row | undefined;
  /** Who may ask: scopes, or scopes of the entity with that (bare) id. */
  readonly authScopes: AuthScopeMap<Types> | ((id: string, context: Context) => AuthScopeMap<Types>);
  readonly description?: string;
  readonly asOfDescription?: string;
}

/**
 * The root query field that reads one entity by its id (`network(id, asOf)`): null when there is
 * none, and as it was at `asOf` when asked (nested fields then read the same moment).
 */
export function entityField<Row extends object>(t: PothosSchemaTypes.QueryFieldBuilder<Types, {}>, config: EntityFieldConfig<Row>) {
  const { type, find, authScopes } = config;
  const id = entityId(type.name);
  return t.field({
    type,
    nullable: true,
    description: config.description,
    authScopes: typeof authScopes === 'function' ? (_root, args, context) => authScopes(bareId(id, args.id), context) : authScopes,
    args: {
      id: t.arg.id({ required: true, validate: id }),
      asOf: t.arg({ type: 'DateTime', required: false, validate: AsOfArg, description: config.asOfDescription }),
    },
    // Pothos cannot resolve its result type for a generic Row; find() is typed above.
    resolve: (_root, args, context) =>
      readModelsAsOf(context, args.asOf).then((db) => fromSource(db, find(db, id.parse(args.id)) ?? null)) as never,
  });
}

/**
 * An edge of an offset page: its cursor is made only when asked (most queries ask `nodes`, and
 * base64-encoding a cursor for every row nobody reads was 2 % of a page's request).
 */
class OffsetEdge<Row> {
  constructor(
    private readonly offset: number,
    readonly node: Row,
  ) {}

  get cursor(): string {
    return offsetToCursor(this.offset);
  }
}

/**
 * One page of a list read from `db` (50 rows unless asked, 200 at most), its rows marked as read
 * from it. The same connection as Pothos' `resolveOffsetConnection` (its arguments read by the same
 * `offsetForArgs`), but answered at once rather than as a promise, so that the fields of its rows
 * complete without waiting.
 */
export function pageFrom<Row extends object>(db: ReadModelStore, args: DefaultConnectionArguments, list: (limit: number, offset: number) => Row[]) {
  const { offset, limit, expectedSize, hasPreviousPage, hasNextPage } = offsetForArgs({ args, defaultSize: 50, maxSize: 200 });
  const rows = fromSource(db, list(limit, offset));
  const edges = rows.slice(0, expectedSize).map((row, index) => new OffsetEdge(offset + index, row));
  return {
    edges,
    totalCount: undefined,
    pageInfo: {
      startCursor: offsetToCursor(offset),
      endCursor: offsetToCursor(offset + edges.length - 1),
      hasPreviousPage,
      hasNextPage: hasNextPage(rows.length),
    },
  };
}
