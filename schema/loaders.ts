import type { ObjectFieldBuilder, ObjectRef } from '@pothos/core';
import type { TypeAuthScopes } from '@pothos/plugin-scope-auth';
import DataLoader from 'dataloader';
import type { ReadModelStore } from '../projections/types.js';
import { builder, type Context, type Types } from './builder.js';

const perRequest = new WeakMap<Context, Map<string, WeakMap<ReadModelStore, DataLoader<string, unknown>>>>();

/**
 * A loader that batches the lookups one request makes against one database (live or "as of"),
 * so a list of N parents costs one query for their children instead of N.
 */
export function loaderFor<V>(
  context: Context,
  db: ReadModelStore,
  name: string,
  batch: (db: ReadModelStore, keys: readonly string[]) => readonly V[],
): DataLoader<string, V> {
  let byName = perRequest.get(context);
  if (!byName) perRequest.set(context, (byName = new Map()));
  let byDb = byName.get(name);
  if (!byDb) byName.set(name, (byDb = new WeakMap()));
  let loader = byDb.get(db) as DataLoader<string, V> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V>(async (keys) => batch(db, keys));
    byDb.set(db, loader as DataLoader<string, unknown>);
  }
  return loader;
}

/** What one request has read by pages (see `loadWithPage`). */
interface PagesOfRequest {
  /** The page each row was read in, for `loadWithPage` to find the rows read with a row. */
  readonly pageOfRow: WeakMap<object, readonly { id: string }[]>;
  /** Children read, by database, then by what was read (the loader's name), then by row id. */
  readonly results: Map<ReadModelStore, Map<string, Map<string, unknown>>>;
}

const pagesOfRequest = new WeakMap<Context, PagesOfRequest>();

function pagesOf(context: Context): PagesOfRequest {
  let state = pagesOfRequest.get(context);
  if (!state) pagesOfRequest.set(context, (state = { pageOfRow: new WeakMap(), results: new Map() }));
  return state;
}

/** Remembers that `rows` were read as one page, so that a child list of one row is read for all of them at once. */
export function rememberPage<Row extends { id: string }>(context: Context, rows: Row[]): Row[] {
  const { pageOfRow } = pagesOf(context);
  for (const row of rows) pageOfRow.set(row, rows);
  return rows;
}

/**
 * The children of `row`, read in one query for every row of the page `row` came from, without
 * waiting: the first row asked reads them all, the others find theirs. A DataLoader gives the same
 * one query per list, but through a promise per row and a batch scheduled on the next tick, which
 * made a page of 20 networks with their partners wait on 40 promises. A row that came from no page
 * (one read by its id, say) goes through the DataLoader of the same name.
 */
export function loadWithPage<V>(
  context: Context,
  db: ReadModelStore,
  name: string,
  row: { id: string },
  batch: (db: ReadModelStore, keys: readonly string[]) => readonly V[],
): V | Promise<V> {
  const { pageOfRow, results: byDb } = pagesOf(context);
  let byName = byDb.get(db);
  if (!byName) byDb.set(db, (byName = new Map()));
  let results = byName.get(name) as Map<string, V> | undefined;
  if (!results) byName.set(name, (results = new Map()));
  const known = results.get(row.id);
  if (known !== undefined || results.has(row.id)) return known as V;
  const page = pageOfRow.get(row);
  if (!page) return loaderFor(context, db, name, batch).load(row.id);
  const ids = [...new Set(page.map((sibling) => sibling.id))].filter((id) => !results.has(id));
  const values = batch(db, ids);
  ids.forEach((id, i) => results.set(id, values[i]!));
  return results.get(row.id)!;
}

/**
 * `loadMany` for a Relay node: one query for all the ids, answered in the order asked, null for
 * the ids that do not exist (or that `accept` rejects, e.g. a need's id asked as an offer).
 */
export function loadManyFrom<Row extends { id: string }>(
  find: (db: ReadModelStore, ids: readonly string[]) => readonly Row[],
  accept: (row: Row) => boolean = () => true,
) {
  return (ids: readonly string[], context: Context): (Row | null)[] => {
    const rows = new Map(find(context.readModels, ids).filter(accept).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  };
}

export interface RowNodeConfig<Row extends { id: string }> {
  readonly description?: string;
  /** The description of the field that exposes the bare id. */
  readonly idDescription?: string;
  /** Rows of the table that are not of this type (a need asked as an offer). */
  readonly accept?: (row: Row) => boolean;
  readonly authScopes: TypeAuthScopes<Types, Row>;
  /** The fields beside the bare id. */
  readonly fields: (t: ObjectFieldBuilder<Types, Row>) => Record<string, unknown>;
}

/**
 * A read-model row as a Relay node: its global id is the row's id, which the field `idField` also
 * exposes bare (`networkId`); `findMany` reads the rows a `nodes` query asks in one query.
 */
export function rowNode<Row extends { id: string }>(
  ref: ObjectRef<Types, Row>,
  idField: string,
  findMany: (db: ReadModelStore, ids: readonly string[]) => readonly Row[],
  config: RowNodeConfig<Row>,
): ObjectRef<Types, Row> {
  return builder.node(ref, {
    description: config.description,
    id: { resolve: (row) => row.id },
    loadMany: loadManyFrom(findMany, config.accept),
    authScopes: config.authScopes,
    // Pothos cannot check a field map built for a generic Row; `fields` is typed above.
    fields: (t) => ({ [idField]: t.id({ description: config.idDescription, resolve: (row) => row.id }), ...config.fields(t) }) as never,
  });
}
