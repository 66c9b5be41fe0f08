import DataLoader from 'dataloader';
import type { ReadModelStore } from '../projections/types.js';
import type { Context } from './builder.js';

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
