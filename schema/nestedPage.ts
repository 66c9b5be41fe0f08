import { resolveOffsetConnection, type DefaultConnectionArguments } from '@pothos/plugin-relay';
import type { ReadModelStore } from '../projections/types.js';
import { fromSource, sourceOf } from './asOf.js';
import type { Context } from './builder.js';

/**
 * A page of what a row holds (a session's posts, a meeting's attendees): up to 500 rows, 100 unless
 * asked, read from the database the row came from and marked with it (see `fromSource`).
 */
export function nestedPage<Item extends object>(
  row: object,
  args: DefaultConnectionArguments,
  context: Context,
  list: (db: ReadModelStore, limit: number, offset: number) => Item[],
) {
  const db = sourceOf(row, context);
  return resolveOffsetConnection({ args, defaultSize: 100, maxSize: 500 }, ({ limit, offset }) => fromSource(db, list(db, limit, offset)));
}
