import { NetworkEventSchemas, type NetworkEvent } from '../../domain/network/events.js';
import { searchKey } from '../../domain/shared/searchKey.js';
import { column, defineTable, type RowOf } from '../table.js';
import { dataOf, projection, streamFacts } from '../types.js';

export const networksTable = defineTable(
  'networks',
  {
    id: column.key(),
    name: column.text(),
    /** The name's search key (domain/shared/searchKey.ts): the name filter is one LIKE on it. */
    name_key: column.text(),
    kind: column.text(),
    theme: column.text(),
    topics: column.text(),
    start_date: column.text(),
    end_date: column.text(),
    status: column.text<'open' | 'closed'>(),
    lead_expert_subject: column.textOrNull(),
    lead_expert_name: column.textOrNull(),
    registered_at: column.text(),
    closed_at: column.textOrNull(),
    closed_reason: column.textOrNull(),
    revision: column.integer(),
  },
  { indexes: { networks_lead_expert: ['lead_expert_subject'] } },
);

export type NetworkRow = RowOf<typeof networksTable>;

const data = dataOf<NetworkEvent>();

/** One row per network: what the lead expert and the secretariat see in lists. */
export const networksProjection = projection({
  name: 'networks',
  version: 3,
  schema: networksTable.schema,
  // Every network event moves the revision clients send back as expectedRevision.
  handles: Object.keys(NetworkEventSchemas),
  apply(db, event) {
    const { id, revision } = streamFacts(event);
    switch (event.type) {
      case 'NetworkRegistered': {
        const d = data(event, 'NetworkRegistered');
        networksTable.insert(db, {
          id,
          name: d.name,
          name_key: searchKey(d.name),
          kind: d.kind,
          theme: d.theme,
          topics: JSON.stringify(d.topics),
          start_date: d.startDate,
          end_date: d.endDate,
          status: 'open',
          registered_at: event.metadata.occurredAt,
          revision,
        });
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
