import type { NetworkEventOf } from '../../domain/network/events.js';
import { idOfStream } from '../../domain/shared/decider.js';
import type { ReadModelStore } from '../types.js';
import { projection } from '../types.js';

export interface ThematicGroupRow {
  network_id: string;
  group_id: string;
  name: string;
  theme: string;
  /** JSON array of city ids. */
  member_cities: string;
  description: string;
  defined_at: string;
}

/** A network's thematic groups: partners working more closely on one theme. */
export const thematicGroupsProjection = projection({
  name: 'thematicGroups',
  version: 1,
  schema: `CREATE TABLE IF NOT EXISTS thematic_groups (
    network_id TEXT NOT NULL,
    group_id TEXT NOT NULL,
    name TEXT NOT NULL,
    theme TEXT NOT NULL,
    member_cities TEXT NOT NULL,
    description TEXT NOT NULL,
    defined_at TEXT NOT NULL,
    PRIMARY KEY (network_id, group_id)
  );`,
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
