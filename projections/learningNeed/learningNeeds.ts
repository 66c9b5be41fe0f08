import type { LearningNeedEventOf } from '../../domain/learningNeed/events.js';
import { projection, streamFacts } from '../types.js';

export interface LearningNeedRow {
  id: string;
  network_id: string;
  city_id: string;
  kind: 'learning' | 'capacityBuilding';
  /** JSON array of topics. */
  topics: string;
  description: string;
  priority: 'low' | 'medium' | 'high';
  status: 'open' | 'addressed' | 'closed' | 'withdrawn';
  raised_at: string;
  raised_by: string;
  first_addressed_at: string | null;
  closed_at: string | null;
  closed_note: string | null;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  /** The network's thematic group the need belongs to. */
  thematic_group_id: string | null;
  updated_at: string;
  revision: number;
}

export interface NeedLinkRow {
  need_id: string;
  revision: number;
  meeting_id: string | null;
  peer_city_id: string | null;
  note: string;
  addressed_at: string;
  addressed_by: string;
}

export interface NeedHistoryRow {
  need_id: string;
  revision: number;
  type: string;
  occurred_at: string;
  actor: string;
  role: string | null;
  /** The event's data, as JSON. */
  data: string;
}

/** Learning and capacity-building needs, what addressed them, and every change to them. */
export const learningNeedsProjection = projection({
  name: 'learningNeeds',
  version: 2,
  schema: `CREATE TABLE IF NOT EXISTS learning_needs (
    id TEXT PRIMARY KEY,
    network_id TEXT NOT NULL,
    city_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    topics TEXT NOT NULL,
    description TEXT NOT NULL,
    priority TEXT NOT NULL,
    status TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    raised_by TEXT NOT NULL,
    first_addressed_at TEXT,
    closed_at TEXT,
    closed_note TEXT,
    withdrawn_at TEXT,
    withdrawn_reason TEXT,
    thematic_group_id TEXT,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS learning_needs_network ON learning_needs (network_id, city_id);
  CREATE TABLE IF NOT EXISTS learning_need_links (
    need_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    meeting_id TEXT,
    peer_city_id TEXT,
    note TEXT NOT NULL,
    addressed_at TEXT NOT NULL,
    addressed_by TEXT NOT NULL,
    PRIMARY KEY (need_id, revision)
  );
  CREATE INDEX IF NOT EXISTS learning_need_links_meeting ON learning_need_links (meeting_id);
  CREATE TABLE IF NOT EXISTS learning_need_history (
    need_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    type TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    role TEXT,
    data TEXT NOT NULL,
    PRIMARY KEY (need_id, revision)
  );`,
  handles: ['LearningNeedRaised', 'LearningNeedRefined', 'LearningNeedAddressed', 'LearningNeedClosed', 'LearningNeedWithdrawn'],
  apply(db, event) {
    const { id, revision, at } = streamFacts(event);
    const { actor, role } = event.metadata;
    /** Closes or withdraws the need, with the when (`<status>_at`) and the why (`why` its column). */
    const end = (status: 'closed' | 'withdrawn', why: 'closed_note' | 'withdrawn_reason', text: string) =>
      db.run(`UPDATE learning_needs SET status = ?, ${status}_at = ?, ${why} = ?, updated_at = ?, revision = ? WHERE id = ?`, [status, at, text, at, revision, id]);
    db.run(
      `INSERT OR REPLACE INTO learning_need_history (need_id, revision, type, occurred_at, actor, role, data) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [id, revision, event.type, at, actor, role ?? null, JSON.stringify(event.data)],
    );
    switch (event.type) {
      case 'LearningNeedRaised': {
        const d = event.data as LearningNeedEventOf<'LearningNeedRaised'>['data'];
        db.run(
          `INSERT INTO learning_needs (id, network_id, city_id, kind, topics, description, priority, status, raised_at, raised_by,
             thematic_group_id, updated_at, revision)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)`,
          [id, d.networkId, d.cityId, d.kind, JSON.stringify(d.topics), d.description, d.priority, at, actor, d.thematicGroupId ?? null, at, revision],
        );
        break;
      }
      case 'LearningNeedRefined': {
        const { changes } = event.data as LearningNeedEventOf<'LearningNeedRefined'>['data'];
        db.run(
          `UPDATE learning_needs SET kind = coalesce(?, kind), topics = coalesce(?, topics), description = coalesce(?, description),
             priority = coalesce(?, priority), updated_at = ?, revision = ? WHERE id = ?`,
          [
            changes.kind ?? null,
            changes.topics ? JSON.stringify(changes.topics) : null,
            changes.description ?? null,
            changes.priority ?? null,
            at,
            revision,
            id,
          ],
        );
        break;
      }
      case 'LearningNeedAddressed': {
        const d = event.data as LearningNeedEventOf<'LearningNeedAddressed'>['data'];
        db.run(
          `INSERT OR REPLACE INTO learning_need_links (need_id, revision, meeting_id, peer_city_id, note, addressed_at, addressed_by)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
          [id, revision, d.meetingId, d.peerCityId, d.note, at, actor],
        );
        db.run(
          `UPDATE learning_needs SET status = CASE WHEN status = 'open' THEN 'addressed' ELSE status END,
             first_addressed_at = coalesce(first_addressed_at, ?), updated_at = ?, revision = ? WHERE id = ?`,
          [at, at, revision, id],
        );
        break;
      }
      case 'LearningNeedClosed':
        end('closed', 'closed_note', (event.data as LearningNeedEventOf<'LearningNeedClosed'>['data']).note);
        break;
      case 'LearningNeedWithdrawn':
        end('withdrawn', 'withdrawn_reason', (event.data as LearningNeedEventOf<'LearningNeedWithdrawn'>['data']).reason);
        break;
    }
  },
});
