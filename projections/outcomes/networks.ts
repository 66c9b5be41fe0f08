import type { NetworkEventOf } from '../../domain/network/events.js';
import { idOfStream } from '../../domain/shared/decider.js';
import { projection } from '../types.js';

export interface OutcomeNetworkRow {
  id: string;
  name: string;
  kind: string;
  theme: string;
  /** Lower-case theme and topics, for the theme filter. */
  search: string;
  start_date: string;
  end_date: string;
}

export interface OutcomePartnerRow {
  network_id: string;
  city_id: string;
  name: string;
  country: string;
  newcomer: number;
  joined_on: string;
  active: number;
}

/**
 * The outcome dimensions: networks (kind, theme) and partners (country, newcomer). Outcome
 * queries join these tables at read time; no projection reads them while applying events.
 */
export const outcomeNetworksProjection = projection({
  name: 'outcomeNetworks',
  version: 1,
  schema: `CREATE TABLE IF NOT EXISTS outcome_networks (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, theme TEXT NOT NULL, search TEXT NOT NULL,
    start_date TEXT NOT NULL, end_date TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS outcome_networks_kind ON outcome_networks (kind);
  CREATE TABLE IF NOT EXISTS outcome_partners (
    network_id TEXT NOT NULL, city_id TEXT NOT NULL, name TEXT NOT NULL, country TEXT NOT NULL, newcomer INTEGER NOT NULL,
    joined_on TEXT NOT NULL, active INTEGER NOT NULL, PRIMARY KEY (network_id, city_id));
  CREATE INDEX IF NOT EXISTS outcome_partners_newcomer ON outcome_partners (newcomer, country, joined_on);`,
  handles: ['NetworkRegistered', 'PartnerJoined', 'PartnerLeft'],
  apply(db, event) {
    const networkId = idOfStream(event.streamId);
    if (event.type === 'NetworkRegistered') {
      const d = event.data as NetworkEventOf<'NetworkRegistered'>['data'];
      const search = [d.theme, ...d.topics].join('\n').toLowerCase();
      db.run(
        `INSERT OR REPLACE INTO outcome_networks (id, name, kind, theme, search, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [networkId, d.name, d.kind, d.theme, search, d.startDate, d.endDate],
      );
    } else if (event.type === 'PartnerJoined') {
      const d = event.data as NetworkEventOf<'PartnerJoined'>['data'];
      // Joining again keeps the first join date: a newcomer is counted when it first joined.
      db.run(
        `INSERT INTO outcome_partners (network_id, city_id, name, country, newcomer, joined_on, active) VALUES (?, ?, ?, ?, ?, ?, 1)
         ON CONFLICT (network_id, city_id) DO UPDATE SET active = 1, newcomer = excluded.newcomer`,
        [networkId, d.cityId, d.name, d.country, d.newcomer ? 1 : 0, event.metadata.occurredAt.slice(0, 10)],
      );
    } else if (event.type === 'PartnerLeft') {
      const d = event.data as NetworkEventOf<'PartnerLeft'>['data'];
      db.run('UPDATE outcome_partners SET active = 0 WHERE network_id = ? AND city_id = ?', [networkId, d.cityId]);
    }
  },
});
