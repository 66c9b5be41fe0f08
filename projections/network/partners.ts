import type { NetworkEventOf } from '../../domain/network/events.js';
import { idOfStream } from '../../domain/shared/decider.js';
import { searchKey } from '../../domain/shared/searchKey.js';
import { projection } from '../types.js';

export interface PartnerRow {
  network_id: string;
  city_id: string;
  name: string;
  /** The name's search key (domain/shared/searchKey.ts), for the city registry's name filter. */
  name_key: string;
  country: string;
  partner_kind: string;
  role: 'leadPartner' | 'partner';
  newcomer: number;
  status: 'active' | 'left';
  joined_at: string;
  left_at: string | null;
  left_reason: string | null;
}

/** Membership of cities in networks, current and past. */
export const partnersProjection = projection({
  name: 'partners',
  version: 2,
  schema: `CREATE TABLE IF NOT EXISTS partners (
    network_id TEXT NOT NULL,
    city_id TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    country TEXT NOT NULL,
    partner_kind TEXT NOT NULL,
    role TEXT NOT NULL,
    newcomer INTEGER NOT NULL,
    status TEXT NOT NULL,
    joined_at TEXT NOT NULL,
    left_at TEXT,
    left_reason TEXT,
    PRIMARY KEY (network_id, city_id)
  );
  CREATE INDEX IF NOT EXISTS partners_city ON partners (city_id);
  CREATE INDEX IF NOT EXISTS partners_country ON partners (country, city_id);`,
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
