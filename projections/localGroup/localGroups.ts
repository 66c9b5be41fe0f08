import type { LocalGroupEventOf } from '../../domain/localGroup/events.js';
import { projection, streamFacts } from '../types.js';

export interface LocalGroupRow {
  id: string;
  network_id: string;
  city_id: string;
  name: string;
  coordinator_name: string | null;
  coordinator_organisation: string | null;
  formed_at: string;
  revision: number;
}

export interface StakeholderRow {
  group_id: string;
  stakeholder_id: number;
  name: string;
  helix: 'public' | 'private' | 'knowledge' | 'civilSociety';
  role: string;
  planned: number;
  person: number;
  basis: 'consent' | 'publicTask' | 'legitimateInterest' | null;
  status: 'active' | 'removed';
  added_at: string;
  removed_at: string | null;
  removed_reason: string | null;
}

/** URBACT Local Groups: coordinator and stakeholders, current and removed. */
export const localGroupsProjection = projection({
  name: 'localGroups',
  version: 2,
  schema: `CREATE TABLE IF NOT EXISTS local_groups (
    id TEXT PRIMARY KEY,
    network_id TEXT NOT NULL,
    city_id TEXT NOT NULL,
    name TEXT NOT NULL,
    coordinator_name TEXT,
    coordinator_organisation TEXT,
    formed_at TEXT NOT NULL,
    revision INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS local_groups_network ON local_groups (network_id, city_id);
  CREATE TABLE IF NOT EXISTS local_group_stakeholders (
    group_id TEXT NOT NULL,
    stakeholder_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    helix TEXT NOT NULL,
    role TEXT NOT NULL,
    planned INTEGER NOT NULL,
    person INTEGER NOT NULL DEFAULT 0,
    basis TEXT,
    status TEXT NOT NULL,
    added_at TEXT NOT NULL,
    removed_at TEXT,
    removed_reason TEXT,
    PRIMARY KEY (group_id, stakeholder_id)
  );`,
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
