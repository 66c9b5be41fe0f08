import type { CalendarFeedEvent } from '../../domain/calendarFeed/events.js';
import { idOfStream } from '../../domain/shared/decider.js';
import type { MeetingRow } from '../meeting/meetings.js';
import { listMeetings } from '../meeting/queries.js';
import { rowsById } from '../sql.js';
import { column, defineTable, type RowOf } from '../table.js';
import { dataOf, type Projection, type ReadModelStore } from '../types.js';

export const calendarFeedsTable = defineTable(
  'calendar_feeds',
  {
    id: column.key(),
    scope: column.text<'network' | 'city' | 'person'>(),
    network_id: column.textOrNull(),
    city_id: column.textOrNull(),
    label: column.text(),
    owner_subject: column.text(),
    owner_role: column.text(),
    /** JSON array of the owner's cities when it was issued. */
    owner_city_ids: column.text(),
    issued_at: column.text(),
    revoked_at: column.textOrNull(),
    revoked_by: column.textOrNull(),
    revoke_reason: column.textOrNull(),
    revision: column.integer(),
  },
  { indexes: { calendar_feeds_owner: ['owner_subject', 'issued_at'] } },
);

export type CalendarFeedRow = RowOf<typeof calendarFeedsTable>;

const data = dataOf<CalendarFeedEvent>();

/** Private calendar feeds: who holds each, what it shows, whether it still works. */
export const calendarFeedsProjection: Projection = {
  name: 'calendarFeeds',
  keepsHistory: false,
  version: 1,
  tables: [calendarFeedsTable.name],
  setup(db) {
    db.exec(calendarFeedsTable.schema);
  },
  handles: ['CalendarFeedIssued', 'CalendarFeedRevoked'],
  apply(db, event) {
    const id = idOfStream(event.streamId);
    const revision = Number(event.revision);
    switch (event.type) {
      case 'CalendarFeedIssued': {
        const d = data(event, 'CalendarFeedIssued');
        calendarFeedsTable.insert(db, {
          id,
          scope: d.scope,
          network_id: d.networkId,
          city_id: d.cityId,
          label: d.label,
          owner_subject: d.owner.subject,
          owner_role: d.owner.role,
          owner_city_ids: JSON.stringify(d.owner.cityIds),
          issued_at: event.metadata.occurredAt,
          revision,
        });
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

// ---------------------------------------------------------------- queries

const feedsById = rowsById<CalendarFeedRow>('calendar_feeds');
export const findCalendarFeed = feedsById.find;

/** A person's feeds, newest first; revoked ones only when asked. */
export function listCalendarFeedsOf(db: ReadModelStore, ownerSubject: string, includeRevoked: boolean): CalendarFeedRow[] {
  return db.all<CalendarFeedRow>(
    `SELECT * FROM calendar_feeds WHERE owner_subject = ? ${includeRevoked ? '' : 'AND revoked_at IS NULL'} ORDER BY issued_at DESC, id DESC`,
    [ownerSubject],
  );
}

/** Most events one feed carries: a network has a few dozen meetings, a person a few hundred. */
export const FEED_MEETING_LIMIT = 2000;

/** One network's meetings, cancelled ones included (so subscribers see the cancellation). */
export function meetingsOfNetwork(db: ReadModelStore, networkId: string): MeetingRow[] {
  return listMeetings(db, { networkId, includeCancelled: true }, FEED_MEETING_LIMIT, 0);
}

/** Networks a city is or was a partner of. */
export function networksOfCity(db: ReadModelStore, cityId: string): string[] {
  return db.all<{ network_id: string }>('SELECT DISTINCT network_id FROM partners WHERE city_id = ? ORDER BY network_id', [cityId]).map(
    (row) => row.network_id,
  );
}

/** Networks whose current lead expert is this subject. */
export function networksLedBy(db: ReadModelStore, subject: string): string[] {
  return db.all<{ id: string }>('SELECT id FROM networks WHERE lead_expert_subject = ? ORDER BY id', [subject]).map((row) => row.id);
}

export function allNetworkIds(db: ReadModelStore): string[] {
  return db.all<{ id: string }>('SELECT id FROM networks ORDER BY id').map((row) => row.id);
}

/** The meetings that concern a city in every network it is a partner of, in date order. */
export function meetingsOfCity(db: ReadModelStore, cityId: string): MeetingRow[] {
  return byDate(networksOfCity(db, cityId).flatMap((networkId) => listMeetings(db, { networkId, cityId, includeCancelled: true }, FEED_MEETING_LIMIT, 0)));
}

/** Meetings of several networks (and, for cities, only those that concern them), each once, in date order; the latest when there are too many. */
export function meetingsOf(db: ReadModelStore, scope: { networkIds: readonly string[]; cityIds: readonly string[] }): MeetingRow[] {
  const rows = [
    ...scope.networkIds.flatMap((networkId) => meetingsOfNetwork(db, networkId)),
    ...scope.cityIds.flatMap((cityId) => meetingsOfCity(db, cityId)),
  ];
  return byDate([...new Map(rows.map((row) => [row.id, row])).values()]);
}

function byDate(rows: MeetingRow[]): MeetingRow[] {
  return rows
    .sort((a, b) => a.start_date.localeCompare(b.start_date) || a.end_date.localeCompare(b.end_date) || a.id.localeCompare(b.id))
    .slice(-FEED_MEETING_LIMIT);
}

/**
 * Whether the holder of a feed may still read what it shows, judged now (access follows the
 * ledger: a lead expert replaced, or a city that left the network, loses the network's feed).
 */
export function feedStillAllowed(db: ReadModelStore, feed: CalendarFeedRow): boolean {
  const cityIds = JSON.parse(feed.owner_city_ids) as string[];
  if (feed.owner_role === 'secretariat') return true;
  switch (feed.scope) {
    case 'person':
      return true;
    case 'city':
      return feed.owner_role === 'cityCoordinator' && cityIds.includes(feed.city_id!);
    case 'network':
      if (feed.owner_role === 'leadExpert') return networksLedBy(db, feed.owner_subject).includes(feed.network_id!);
      if (feed.owner_role !== 'cityCoordinator') return false;
      return (
        db.get<{ ok: number }>(
          `SELECT 1 AS ok FROM partners WHERE network_id = ? AND status = 'active' AND city_id IN (SELECT value FROM json_each(?))`,
          [feed.network_id, JSON.stringify(cityIds)],
        ) !== undefined
      );
  }
}

/** What a person feed shows: all networks for the secretariat, led networks for an expert, their cities for a coordinator. */
export function personFeedScope(db: ReadModelStore, feed: CalendarFeedRow): { networkIds: string[]; cityIds: string[] } {
  if (feed.owner_role === 'secretariat') return { networkIds: allNetworkIds(db), cityIds: [] };
  if (feed.owner_role === 'leadExpert') return { networkIds: networksLedBy(db, feed.owner_subject), cityIds: [] };
  if (feed.owner_role === 'cityCoordinator') return { networkIds: [], cityIds: JSON.parse(feed.owner_city_ids) as string[] };
  return { networkIds: [], cityIds: [] };
}
