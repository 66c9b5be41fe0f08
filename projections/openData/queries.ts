import type { PlanActionRowForExport } from './rows.js';
import type { MeetingRow } from '../meeting/meetings.js';
import { MEETING_ORDER } from '../meeting/queries.js';
import type { NetworkRow } from '../network/networks.js';
import type { PartnerRow } from '../network/partners.js';
import type { PracticeRow } from '../practice/practices.js';
import type { ReadModelStore } from '../types.js';

/**
 * Whole tables for the open-data exports, in a stable order (so two exports of the same state
 * are byte-identical). Exports are bounded by the programme's size: hundreds of networks,
 * thousands of meetings and actions.
 */

export const allNetworks = (db: ReadModelStore) => db.all<NetworkRow>('SELECT * FROM networks ORDER BY start_date, name, id');

export const allPartners = (db: ReadModelStore) =>
  db.all<PartnerRow>(
    `SELECT p.* FROM partners p JOIN networks n ON n.id = p.network_id
     ORDER BY n.start_date, n.name, p.network_id, p.role = 'leadPartner' DESC, p.name, p.city_id`,
  );

export const allMeetings = (db: ReadModelStore) =>
  db.all<MeetingRow & { attendee_count: number; attending_city_count: number }>(
    `SELECT m.*,
       (SELECT count(*) FROM meeting_attendees a WHERE a.meeting_id = m.id) AS attendee_count,
       (SELECT count(DISTINCT a.city_id) FROM meeting_attendees a WHERE a.meeting_id = m.id) AS attending_city_count
     FROM meetings m ORDER BY ${MEETING_ORDER}`,
  );

/** Practices in the catalogue; withdrawn ones only when asked (the public catalogue leaves them out). */
export const allPractices = (db: ReadModelStore, includeWithdrawn: boolean) =>
  db.all<PracticeRow>(`SELECT * FROM mp_practices ${includeWithdrawn ? '' : 'WHERE withdrawn = 0'} ORDER BY city_id, title, id`);

export const allPlanActions = (db: ReadModelStore) =>
  db.all<PlanActionRowForExport>(
    `SELECT a.*, p.city_id, p.city_name, p.country, p.network_id
     FROM plan_actions a JOIN action_plans p ON p.id = a.plan_id
     ORDER BY p.city_id, p.id, a.position, a.id`,
  );
