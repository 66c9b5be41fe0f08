import type { NetworkEventOf } from '../../domain/network/events.js';
import { idOfStream } from '../../domain/shared/decider.js';
import { column, defineTable, type RowOf } from '../table.js';
import type { ReadModelStore } from '../types.js';
import { projection } from '../types.js';

export const thematicGroupsTable = defineTable(
  'thematic_groups',
  {
    network_id: column.text(),
    group_id: column.text(),
    name: column.text(),
    theme: column.text(),
    /** JSON array of city ids. */
    member_cities: column.text(),
    description: column.text(),
    defined_at: column.text(),
  },
  { primaryKey: ['network_id', 'group_id'] },
);

export type ThematicGroupRow = RowOf<typeof thematicGroupsTable>;

/** A network's thematic groups: partners working more closely on one theme. */
export const thematicGroupsProjection = projection({
  name: 'thematicGroups',
  version: 1,
  schema: thematicGroupsTable.schema,
  handles: ['ThematicGroupDefined'],
  apply(db, event) {
    const d = event.data as NetworkEventOf<'ThematicGroupDefined'>['data'];
    db.run(
      `INSERT OR REPLACE INTO thematic_groups (network_id, group_id, name, theme, member_cities, description, defined_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [idOfStream(event.streamId), d.groupId, d.name, d.theme, JSON.stringify(d.memberCities), d.description, event.metadata.occurredAt],
    );
  },
});

/** The groups of a network, by name. */
export function listThematicGroups(db: ReadModelStore, networkId: string): ThematicGroupRow[] {
  return db.all<ThematicGroupRow>('SELECT * FROM thematic_groups WHERE network_id = ? ORDER BY name, group_id', [networkId]);
}

export function findThematicGroup(db: ReadModelStore, networkId: string, groupId: string): ThematicGroupRow | undefined {
  return db.all<ThematicGroupRow>('SELECT * FROM thematic_groups WHERE network_id = ? AND group_id = ?', [networkId, groupId])[0];
}
