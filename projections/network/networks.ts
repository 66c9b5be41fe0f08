import { NetworkEventSchemas, type NetworkEvent } from '../../domain/network/events.js';
import { searchKey } from '../../domain/shared/searchKey.js';
import { dataOf, projection, streamFacts } from '../types.js';

export interface NetworkRow {
  id: string;
  name: string;
  /** The name's search key (domain/shared/searchKey.ts): the name filter is one LIKE on it. */
  name_key: string;
  kind: string;
  theme: string;
  topics: string;
  start_date: string;
  end_date: string;
  status: 'open' | 'closed';
  lead_expert_subject: string | null;
  lead_expert_name: string | null;
  registered_at: string;
  closed_at: string | null;
  closed_reason: string | null;
  revision: number;
}

const data = dataOf<NetworkEvent>();

/** One row per network: what the lead expert and the secretariat see in lists. */
export const networksProjection = projection({
  name: 'networks',
  version: 3,
  schema: `CREATE TABLE IF NOT EXISTS networks (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    theme TEXT NOT NULL,
    topics TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    status TEXT NOT NULL,
    lead_expert_subject TEXT,
    lead_expert_name TEXT,
    registered_at TEXT NOT NULL,
    closed_at TEXT,
    closed_reason TEXT,
    revision INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS networks_lead_expert ON networks (lead_expert_subject);`,
  // Every network event moves the revision clients send back as expectedRevision.
  handles: Object.keys(NetworkEventSchemas),
  apply(db, event) {
    const { id, revision } = streamFacts(event);
    switch (event.type) {
      case 'NetworkRegistered': {
        const d = data(event, 'NetworkRegistered');
        db.run(
          `INSERT INTO networks (id, name, name_key, kind, theme, topics, start_date, end_date, status, registered_at, revision)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
          [id, d.name, searchKey(d.name), d.kind, d.theme, JSON.stringify(d.topics), d.startDate, d.endDate, event.metadata.occurredAt, revision],
        );
        break;
      }
      case 'LeadExpertAssigned': {
        const d = data(event, 'LeadExpertAssigned');
        db.run('UPDATE networks SET lead_expert_subject = ?, lead_expert_name = ?, revision = ? WHERE id = ?', [
          d.subject,
          d.name,
          revision,
          id,
        ]);
        break;
      }
      case 'NetworkClosed': {
        const d = data(event, 'NetworkClosed');
        db.run(`UPDATE networks SET status = 'closed', closed_at = ?, closed_reason = ?, revision = ? WHERE id = ?`, [
          event.metadata.occurredAt,
          d.reason,
          revision,
          id,
        ]);
        break;
      }
      default:
        db.run('UPDATE networks SET revision = ? WHERE id = ?', [revision, id]);
    }
  },
});
