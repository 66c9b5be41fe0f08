import { resolveOffsetConnection, type DefaultConnectionArguments } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import type { ReadModelStore } from '../../projections/types.js';
import { pageFrom } from '../../schema/asOf.js';
import type { Context } from '../../schema/builder.js';
import { loadWithPage, rememberPage } from '../../schema/loaders.js';

const rows = Array.from({ length: 7 }, (_, i) => ({ id: `row${i}` }));
const list = (limit: number, offset: number) => rows.slice(offset, offset + limit);
/** A connection as a client reads it: every edge's cursor and node, and the page info. */
const asRead = (connection: { edges: readonly ({ cursor: string; node: unknown } | null)[]; pageInfo: unknown }) => ({
  edges: connection.edges.map((edge) => ({ cursor: edge!.cursor, node: edge!.node })),
  pageInfo: connection.pageInfo,
});

describe('a page of rows (pageFrom)', () => {
  const db = {} as ReadModelStore;

  it("answers every page as Pothos' offset connection does, at once", async () => {
    const first = await resolveOffsetConnection({ args: { first: 3 }, defaultSize: 50, maxSize: 200 }, ({ limit, offset }) => list(limit, offset));
    const after = first.edges.at(-1)!.cursor;
    const before = (await resolveOffsetConnection({ args: { first: 6 }, defaultSize: 50, maxSize: 200 }, ({ limit, offset }) => list(limit, offset))).edges.at(-1)!.cursor;
    const argsToTry: DefaultConnectionArguments[] = [{}, { first: 3 }, { first: 0 }, { first: 50 }, { first: 3, after }, { after, before }, { first: 6, last: 2 }, { last: 2, before }, { first: 2, after, before }];
    for (const args of argsToTry) {
      const ours = pageFrom(db, args, list);
      expect(ours).not.toBeInstanceOf(Promise);
      const theirs = await resolveOffsetConnection({ args, defaultSize: 50, maxSize: 200 }, ({ limit, offset }) => list(limit, offset));
      expect(asRead(ours), JSON.stringify(args)).toEqual(asRead(theirs));
    }
  });

  it('refuses the arguments Pothos refuses, with the same message', async () => {
    for (const args of [{ first: -1 }, { last: 2 }, { after: 'not a cursor' }] as DefaultConnectionArguments[]) {
      const theirs = await resolveOffsetConnection({ args, defaultSize: 50, maxSize: 200 }, ({ limit, offset }) => list(limit, offset)).then(
        () => 'answered',
        (error: Error) => error.message,
      );
      expect(() => pageFrom(db, args, list), JSON.stringify(args)).toThrow(theirs);
    }
  });
});

describe('children of a page read with the page (loadWithPage)', () => {
  const db = {} as ReadModelStore;
  const childrenOf = () => {
    const batches: string[][] = [];
    const batch = (_db: ReadModelStore, ids: readonly string[]) => {
      batches.push([...ids]);
      return ids.map((id) => `children of ${id}`);
    };
    return { batches, batch };
  };

  it('reads the children of every row of the page in one batch, and answers each row at once', () => {
    const context = {} as Context;
    const page = rememberPage(context, rows.slice(0, 3).map((row) => ({ ...row })));
    const { batches, batch } = childrenOf();
    expect(page.map((row) => loadWithPage(context, db, 'children', row, batch))).toEqual(['children of row0', 'children of row1', 'children of row2']);
    expect(batches).toEqual([['row0', 'row1', 'row2']]);
  });

  it('reads again for another name, another database or another request', () => {
    const context = {} as Context;
    const page = rememberPage(context, [{ id: 'a' }, { id: 'b' }]);
    const { batches, batch } = childrenOf();
    loadWithPage(context, db, 'children', page[0]!, batch);
    loadWithPage(context, db, 'children', page[1]!, batch);
    loadWithPage(context, db, 'former children', page[1]!, batch);
    loadWithPage(context, {} as ReadModelStore, 'children', page[0]!, batch);
    const another = {} as Context;
    rememberPage(another, page);
    loadWithPage(another, db, 'children', page[0]!, batch);
    expect(batches).toEqual([['a', 'b'], ['a', 'b'], ['a', 'b'], ['a', 'b']]);
  });

  it('asks each id once when a page holds a row twice', () => {
    const context = {} as Context;
    const page = rememberPage(context, [{ id: 'a' }, { id: 'b' }, { id: 'a' }]);
    const { batches, batch } = childrenOf();
    expect(page.map((row) => loadWithPage(context, db, 'children', row, batch))).toEqual(['children of a', 'children of b', 'children of a']);
    expect(batches).toEqual([['a', 'b']]);
  });

  it('batches rows that came from no page through a DataLoader, as a promise', async () => {
    const { batches, batch } = childrenOf();
    const context = {} as Context;
    rememberPage(context, [{ id: 'x' }]);
    const answers = [{ id: 'x' }, { id: 'y' }].map((row) => loadWithPage(context, db, 'children', row, batch));
    expect(answers[0]).toBeInstanceOf(Promise);
    expect(await Promise.all(answers)).toEqual(['children of x', 'children of y']);
    expect(batches).toEqual([['x', 'y']]);
  });
});
