import type { NetworkEventOf } from '../../domain/network/events.js';
import { idOfStream } from '../../domain/shared/decider.js';
import { searchKey } from '../../domain/shared/searchKey.js';
import { column, defineTable, type RowOf } from '../table.js';
import { projection } from '../types.js';

export const partnersTable = defineTable(
  'partners',
  {
    network_id: column.text(),
    city_id: column.text(),
    name: column.text(),
    /** The name's search key (domain/shared/searchKey.ts), for the city registry's name filter. */
    name_key: column.text(),
    country: column.text(),
    partner_kind: column.text(),
    role: column.text<'leadPartner' | 'partner'>(),
    newcomer: column.integer(),
    status: column.text<'active' | 'left'>(),
    joined_at: column.text(),
    left_at: column.textOrNull(),
    left_reason: column.textOrNull(),
  },
  { primaryKey: ['network_id', 'city_id'], indexes: { partners_city: ['city_id'], partners_country: ['country', 'city_id'] } },
);

export type PartnerRow = RowOf<typeof partnersTable>;

/** Membership of cities in networks, current and past. */
export const partnersProjection = projection({
  name: 'partners',
  version: 2,
  schema: partnersTable.schema,
  handles: ['PartnerJoined', 'PartnerLeft'],
  apply(db, event) {
    const networkId = idOfStream(event.streamId);
    if (event.type === 'PartnerJoined') {
      const d = event.data as NetworkEventOf<'PartnerJoined'>['data'];
      // A city that left and joins again is one membership, active again.
      db.run(
        `INSERT INTO partners (network_id, city_id, name, name_key, country, partner_kind, role, newcomer, status, joined_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?)
         ON CONFLICT (network_id, city_id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key, country = excluded.country,
           partner_kind = excluded.partner_kind, role = excluded.role, newcomer = excluded.newcomer,
           status = 'active', joined_at = excluded.joined_at, left_at = NULL, left_reason = NULL`,
        [networkId, d.cityId, d.name, searchKey(d.name), d.country, d.partnerKind, d.role, d.newcomer ? 1 : 0, event.metadata.occurredAt],
      );
    } else if (event.type === 'PartnerLeft') {
      const d = event.data as NetworkEventOf<'PartnerLeft'>['data'];
      db.run(`UPDATE partners SET status = 'left', left_at = ?, left_reason = ? WHERE network_id = ? AND city_id = ?`, [
        event.metadata.occurredAt,
        d.reason,
        networkId,
        d.cityId,
      ]);
    }
  },
});
