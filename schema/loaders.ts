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
