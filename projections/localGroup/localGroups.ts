import type { LocalGroupEventOf } from '../../domain/localGroup/events.js';
import { column, defineTable, type RowOf } from '../table.js';
import { projection, streamFacts } from '../types.js';

export const localGroupsTable = defineTable(
  'local_groups',
  {
    id: column.key(),
    network_id: column.text(),
    city_id: column.text(),
    name: column.text(),
    coordinator_name: column.textOrNull(),
    coordinator_organisation: column.textOrNull(),
    formed_at: column.text(),
    revision: column.integer(),
  },
  { indexes: { local_groups_network: ['network_id', 'city_id'] } },
);

export type LocalGroupRow = RowOf<typeof localGroupsTable>;

export const stakeholdersTable = defineTable(
  'local_group_stakeholders',
  {
    group_id: column.text(),
    stakeholder_id: column.integer(),
    name: column.text(),
    helix: column.text<'public' | 'private' | 'knowledge' | 'civilSociety'>(),
    role: column.text(),
    planned: column.integer(),
    person: column.integer({ default: 0 }),
    basis: column.textOrNull<'consent' | 'publicTask' | 'legitimateInterest'>(),
    status: column.text<'active' | 'removed'>(),
    added_at: column.text(),
    removed_at: column.textOrNull(),
    removed_reason: column.textOrNull(),
  },
  { primaryKey: ['group_id', 'stakeholder_id'] },
);

export type StakeholderRow = RowOf<typeof stakeholdersTable>;

/** URBACT Local Groups: coordinator and stakeholders, current and removed. */
export const localGroupsProjection = projection({
  name: 'localGroups',
  version: 2,
  schema: `${localGroupsTable.schema}
  ${stakeholdersTable.schema}`,
  handles: ['LocalGroupFormed', 'LocalGroupCoordinatorChanged', 'StakeholderAdded', 'StakeholderRemoved'],
  apply(db, event) {
    const { id, revision, at } = streamFacts(event);
    switch (event.type) {
      case 'LocalGroupFormed': {
        const d = event.data as LocalGroupEventOf<'LocalGroupFormed'>['data'];
        db.run(
          `INSERT INTO local_groups (id, network_id, city_id, name, coordinator_name, coordinator_organisation, formed_at, revision)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [id, d.networkId, d.cityId, d.name, d.coordinator?.name ?? null, d.coordinator?.organisation ?? null, at, revision],
        );
        break;
      }
      case 'LocalGroupCoordinatorChanged': {
        const d = event.data as LocalGroupEventOf<'LocalGroupCoordinatorChanged'>['data'];
        db.run('UPDATE local_groups SET coordinator_name = ?, coordinator_organisation = ? WHERE id = ?', [
          d.coordinator.name,
          d.coordinator.organisation,
          id,
        ]);
        break;
      }
      case 'StakeholderAdded': {
        const d = event.data as LocalGroupEventOf<'StakeholderAdded'>['data'];
        db.run(
          `INSERT OR REPLACE INTO local_group_stakeholders (group_id, stakeholder_id, name, helix, role, planned, person, basis, status, added_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?)`,
          [id, d.stakeholderId, d.name, d.helix, d.role, d.planned ? 1 : 0, d.person ? 1 : 0, d.basis ?? null, at],
        );
        break;
      }
      case 'StakeholderRemoved': {
        const d = event.data as LocalGroupEventOf<'StakeholderRemoved'>['data'];
        db.run(
          `UPDATE local_group_stakeholders SET status = 'removed', removed_at = ?, removed_reason = ?
           WHERE group_id = ? AND stakeholder_id = ?`,
          [at, d.reason, id, d.stakeholderId],
        );
        break;
      }
    }
    // Every event of the group moves the revision clients send back as expectedRevision.
    db.run('UPDATE local_groups SET revision = ? WHERE id = ?', [revision, id]);
  },
});
