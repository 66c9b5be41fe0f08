import { describe, expect, it } from 'vitest';
import { column, defineTable } from '../../projections/table.js';
import { ReadModelDatabase } from '../../src/readModels/database.js';

const things = defineTable(
  'things',
  {
    owner: column.text(),
    number: column.integer(),
    status: column.text<'open' | 'closed'>({ default: 'open' }),
    note: column.textOrNull(),
  },
  { primaryKey: ['owner', 'number'], indexes: { things_status: ['status'] } },
);

function freshStore() {
  const db = new ReadModelDatabase(':memory:');
  db.exec(things.schema);
  return db;
}

describe('a table declared once', () => {
  it('creates its columns with their types, nullability and defaults', () => {
    const db = freshStore();
    expect(db.all('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)', ['things'])).toEqual([
      { name: 'owner', type: 'TEXT', notnull: 1, dflt_value: null, pk: 1 },
      { name: 'number', type: 'INTEGER', notnull: 1, dflt_value: null, pk: 2 },
      { name: 'status', type: 'TEXT', notnull: 1, dflt_value: "'open'", pk: 0 },
      { name: 'note', type: 'TEXT', notnull: 0, dflt_value: null, pk: 0 },
    ]);
  });

  it('creates its indexes', () => {
    const db = freshStore();
    expect(db.all('SELECT name FROM pragma_index_info(?)', ['things_status'])).toEqual([{ name: 'status' }]);
  });

  it('inserts the columns a row names, leaving the others NULL or their default', () => {
    const db = freshStore();
    things.insert(db, { owner: 'a', number: 1, note: undefined });
    expect(db.all('SELECT * FROM things')).toEqual([{ owner: 'a', number: 1, status: 'open', note: null }]);
  });

  it('keeps the old row on a clash when asked to ignore it', () => {
    const db = freshStore();
    things.insert(db, { owner: 'a', number: 1, note: 'first' });
    things.insert(db, { owner: 'a', number: 1, note: 'second' }, { or: 'IGNORE' });
    expect(db.all('SELECT note FROM things')).toEqual([{ note: 'first' }]);
  });

  it('takes the new row on a clash when asked to replace it', () => {
    const db = freshStore();
    things.insert(db, { owner: 'a', number: 1, note: 'first' });
    things.insert(db, { owner: 'a', number: 1, status: 'closed', note: 'second' }, { or: 'REPLACE' });
    expect(db.all('SELECT status, note FROM things')).toEqual([{ status: 'closed', note: 'second' }]);
  });
});
