import type { LearningNeedEventOf } from '../../domain/learningNeed/events.js';
import { column, defineTable, type RowOf } from '../table.js';
import { projection, streamFacts } from '../types.js';

export const learningNeedsTable = defineTable(
  'learning_needs',
  {
    id: column.key(),
    network_id: column.text(),
    city_id: column.text(),
    kind: column.text<'learning' | 'capacityBuilding'>(),
    /** JSON array of topics. */
    topics: column.text(),
    description: column.text(),
    priority: column.text<'low' | 'medium' | 'high'>(),
    status: column.text<'open' | 'addressed' | 'closed' | 'withdrawn'>(),
    raised_at: column.text(),
    raised_by: column.text(),
    first_addressed_at: column.textOrNull(),
    closed_at: column.textOrNull(),
    closed_note: column.textOrNull(),
    withdrawn_at: column.textOrNull(),
    withdrawn_reason: column.textOrNull(),
    /** The network's thematic group the need belongs to. */
    thematic_group_id: column.textOrNull(),
    updated_at: column.text(),
    revision: column.integer(),
  },
  { indexes: { learning_needs_network: ['network_id', 'city_id'] } },
);

export type LearningNeedRow = RowOf<typeof learningNeedsTable>;

export const needLinksTable = defineTable(
  'learning_need_links',
  {
    need_id: column.text(),
    revision: column.integer(),
    meeting_id: column.textOrNull(),
    peer_city_id: column.textOrNull(),
    note: column.text(),
    addressed_at: column.text(),
    addressed_by: column.text(),
  },
  { primaryKey: ['need_id', 'revision'], indexes: { learning_need_links_meeting: ['meeting_id'] } },
);

export type NeedLinkRow = RowOf<typeof needLinksTable>;

export const needHistoryTable = defineTable(
  'learning_need_history',
  {
    need_id: column.text(),
    revision: column.integer(),
    type: column.text(),
    occurred_at: column.text(),
    actor: column.text(),
    role: column.textOrNull(),
    /** The event's data, as JSON. */
    data: column.text(),
  },
  { primaryKey: ['need_id', 'revision'] },
);

export type NeedHistoryRow = RowOf<typeof needHistoryTable>;

/** Learning and capacity-building needs, what addressed them, and every change to them. */
export const learningNeedsProjection = projection({
  name: 'learningNeeds',
  version: 2,
  schema: `${learningNeedsTable.schema}
  ${needLinksTable.schema}
  ${needHistoryTable.schema}`,
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
