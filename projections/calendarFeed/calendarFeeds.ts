import type { CalendarFeedEvent } from '../../domain/calendarFeed/events.js';
import { idOfStream } from '../../domain/shared/decider.js';
import { dataOf, type Projection } from '../types.js';

export interface CalendarFeedRow {
  id: string;
  scope: 'network' | 'city' | 'person';
  network_id: string | null;
  city_id: string | null;
  label: string;
  owner_subject: string;
  owner_role: string;
  /** JSON array of the owner's cities when it was issued. */
  owner_city_ids: string;
  issued_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  revision: number;
}

const data = dataOf<CalendarFeedEvent>();

/** Private calendar feeds: who holds each, what it shows, whether it still works. */
export const calendarFeedsProjection: Projection = {
  name: 'calendarFeeds',
  version: 1,
  tables: ['calendar_feeds'],
  setup(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS calendar_feeds (
      id TEXT PRIMARY KEY,
      scope TEXT NOT NULL,
      network_id TEXT,
      city_id TEXT,
      label TEXT NOT NULL,
      owner_subject TEXT NOT NULL,
      owner_role TEXT NOT NULL,
      owner_city_ids TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      revoked_at TEXT,
      revoked_by TEXT,
      revoke_reason TEXT,
      revision INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS calendar_feeds_owner ON calendar_feeds (owner_subject, issued_at);`);
  },
  handles: ['CalendarFeedIssued', 'CalendarFeedRevoked'],
  apply(db, event) {
    const id = idOfStream(event.streamId);
    const revision = Number(event.revision);
    switch (event.type) {
      case 'CalendarFeedIssued': {
        const d = data(event, 'CalendarFeedIssued');
        db.run(
          `INSERT INTO calendar_feeds (id, scope, network_id, city_id, label, owner_subject, owner_role, owner_city_ids, issued_at, revision)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [id, d.scope, d.networkId, d.cityId, d.label, d.owner.subject, d.owner.role, JSON.stringify(d.owner.cityIds), event.metadata.occurredAt, revision],
        );
        break;
      }
      case 'CalendarFeedRevoked': {
        const d = data(event, 'CalendarFeedRevoked');
        db.run(`UPDATE calendar_feeds SET revoked_at = ?, revoked_by = ?, revoke_reason = ?, revision = ? WHERE id = ?`, [
          event.metadata.occurredAt,
          d.revokedBy,
          d.reason,
          revision,
          id,
        ]);
        break;
      }
    }
  },
};
