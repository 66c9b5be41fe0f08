import type { NetworkEventOf } from '../../domain/network/events.js';
import { idOfStream } from '../../domain/shared/decider.js';
import { column, defineTable, type RowOf } from '../table.js';
import { projection } from '../types.js';

export const outcomeNetworksTable = defineTable(
  'outcome_networks',
  {
    id: column.key(),
    name: column.text(),
    kind: column.text(),
    theme: column.text(),
    /** Lower-case theme and topics, for the theme filter. */
    search: column.text(),
    start_date: column.text(),
    end_date: column.text(),
  },
  { indexes: { outcome_networks_kind: ['kind'] } },
);

export type OutcomeNetworkRow = RowOf<typeof outcomeNetworksTable>;

export const outcomePartnersTable = defineTable(
  'outcome_partners',
  {
    network_id: column.text(),
    city_id: column.text(),
    name: column.text(),
    country: column.text(),
    /** 1 when the city was new to the programme when it joined. */
    newcomer: column.integer(),
    joined_on: column.text(),
    active: column.integer(),
  },
  { primaryKey: ['network_id', 'city_id'], indexes: { outcome_partners_newcomer: ['newcomer', 'country', 'joined_on'] } },
);

export type OutcomePartnerRow = RowOf<typeof outcomePartnersTable>;

/**
 * The outcome dimensions: networks (kind, theme) and partners (country, newcomer). Outcome
 * queries join these tables at read time; no projection reads them while applying events.
 */
export const outcomeNetworksProjection = projection({
  name: 'outcomeNetworks',
  version: 1,
  schema: `${outcomeNetworksTable.schema}
  ${outcomePartnersTable.schema}`,
  handles: ['NetworkRegistered', 'PartnerJoined', 'PartnerLeft'],
  apply(db, event) {
    const networkId = idOfStream(event.streamId);
    if (event.type === 'NetworkRegistered') {
      const d = event.data as NetworkEventOf<'NetworkRegistered'>['data'];
      const search = [d.theme, ...d.topics].join('\n').toLowerCase();
      outcomeNetworksTable.insert(
        db,
        { id: networkId, name: d.name, kind: d.kind, theme: d.theme, search, start_date: d.startDate, end_date: d.endDate },
        { or: 'REPLACE' },
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
