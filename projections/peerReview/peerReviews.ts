import type { PeerReviewEvent } from '../../domain/peerReview/events.js';
import { column, defineTable, type RowOf } from '../table.js';
import { dataOf, projection, streamFacts } from '../types.js';

export const peerReviewsTable = defineTable(
  'pr_reviews',
  {
    id: column.key(),
    host_city_id: column.text(),
    host_city_name: column.text(),
    host_country: column.text(),
    network_id: column.textOrNull(),
    challenge: column.text(),
    description: column.text(),
    topics: column.text(),
    planned_for: column.textOrNull(),
    status: column.text<'requested' | 'held' | 'cancelled'>(),
    held_on: column.textOrNull(),
    place: column.textOrNull(),
    requested_at: column.text(),
    cancelled_reason: column.textOrNull(),
    revision: column.integer(),
  },
  { indexes: { pr_reviews_host: ['host_city_id'], pr_reviews_network: ['network_id'] } },
);

export type PeerReviewRow = RowOf<typeof peerReviewsTable>;

export interface PeerReviewPeerRow {
  review_id: string;
  city_id: string;
  city_name: string;
  country: string;
  reviewer: string;
  status: 'invited' | 'accepted' | 'declined';
  note: string | null;
  took_part: number;
  invited_at: string;
}

export interface RecommendationRow {
  review_id: string;
  recommendation_id: string;
  number: number;
  text: string;
  topics: string;
  recorded_by: string | null;
  recorded_at: string;
  follow_up_status: string | null;
  follow_up_note: string | null;
  follow_up_date: string | null;
}

export interface TodoRow {
  review_id: string;
  todo_id: string;
  number: number;
  text: string;
  owner: string;
  due_date: string | null;
  recorded_at: string;
}

export interface FollowUpRow {
  review_id: string;
  recommendation_id: string;
  number: number;
  status: string;
  note: string;
  date: string;
  recorded_at: string;
}

const data = dataOf<PeerReviewEvent>();

/** Peer reviews: the host's challenge, the peers, recommendations, to-dos and follow-ups. */
export const peerReviewsProjection = projection({
  name: 'peerReviews',
  version: 1,
  schema: `${peerReviewsTable.schema}
  CREATE TABLE IF NOT EXISTS pr_peers (
    review_id TEXT NOT NULL,
    city_id TEXT NOT NULL,
    city_name TEXT NOT NULL,
    country TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT,
    took_part INTEGER NOT NULL DEFAULT 0,
    invited_at TEXT NOT NULL,
    PRIMARY KEY (review_id, city_id)
  );
  CREATE INDEX IF NOT EXISTS pr_peers_city ON pr_peers (city_id);
  CREATE TABLE IF NOT EXISTS pr_recommendations (
    review_id TEXT NOT NULL,
    recommendation_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    text TEXT NOT NULL,
    topics TEXT NOT NULL,
    recorded_by TEXT,
    recorded_at TEXT NOT NULL,
    follow_up_status TEXT,
    follow_up_note TEXT,
    follow_up_date TEXT,
    PRIMARY KEY (review_id, recommendation_id)
  );
  CREATE TABLE IF NOT EXISTS pr_todos (
    review_id TEXT NOT NULL,
    todo_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    text TEXT NOT NULL,
    owner TEXT NOT NULL,
    due_date TEXT,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (review_id, todo_id)
  );
  CREATE TABLE IF NOT EXISTS pr_follow_ups (
    review_id TEXT NOT NULL,
    recommendation_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL,
    date TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (review_id, recommendation_id, number)
  );`,
  handles: [
    'PeerReviewRequested',
    'PeerReviewPeerInvited',
    'PeerReviewInvitationAnswered',
    'PeerReviewHeld',
    'PeerReviewRecommendationsRecorded',
    'PeerReviewFollowUpRecorded',
    'PeerReviewCancelled',
  ],
  apply(db, event) {
    const { id, revision, at } = streamFacts(event);
    switch (event.type) {
      case 'PeerReviewRequested': {
        const d = data(event, 'PeerReviewRequested');
        peerReviewsTable.insert(db, {
          id,
          host_city_id: d.hostCityId,
          host_city_name: d.hostCityName,
          host_country: d.hostCountry,
          network_id: d.networkId,
          challenge: d.challenge,
          description: d.description,
          topics: JSON.stringify(d.topics),
          planned_for: d.plannedFor,
          status: 'requested',
          requested_at: at,
          revision,
        });
        break;
      }
      case 'PeerReviewPeerInvited': {
        const d = data(event, 'PeerReviewPeerInvited');
        db.run(
          `INSERT INTO pr_peers (review_id, city_id, city_name, country, reviewer, status, invited_at)
           VALUES (?, ?, ?, ?, ?, 'invited', ?)
           ON CONFLICT (review_id, city_id) DO UPDATE SET city_name = excluded.city_name, reviewer = excluded.reviewer,
             status = 'invited', note = NULL, invited_at = excluded.invited_at`,
          [id, d.cityId, d.cityName, d.country, d.reviewer, at],
        );
        break;
      }
      case 'PeerReviewInvitationAnswered': {
        const d = data(event, 'PeerReviewInvitationAnswered');
        db.run('UPDATE pr_peers SET status = ?, note = ? WHERE review_id = ? AND city_id = ?', [
          d.accepted ? 'accepted' : 'declined', d.note, id, d.cityId,
        ]);
        break;
      }
      case 'PeerReviewHeld': {
        const d = data(event, 'PeerReviewHeld');
        db.run(`UPDATE pr_reviews SET status = 'held', held_on = ?, place = ? WHERE id = ?`, [d.heldOn, d.place, id]);
        for (const cityId of d.peerCityIds) {
          db.run('UPDATE pr_peers SET took_part = 1 WHERE review_id = ? AND city_id = ?', [id, cityId]);
        }
        break;
      }
      case 'PeerReviewRecommendationsRecorded': {
        const d = data(event, 'PeerReviewRecommendationsRecorded');
        for (const r of d.recommendations) {
          db.run(
            `INSERT INTO pr_recommendations (review_id, recommendation_id, number, text, topics, recorded_by, recorded_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
            [id, r.recommendationId, Number(r.recommendationId.slice(1)), r.text, JSON.stringify(r.topics), d.recordedBy, at],
          );
        }
        for (const t of d.todos) {
          db.run(
            `INSERT INTO pr_todos (review_id, todo_id, number, text, owner, due_date, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
            [id, t.todoId, Number(t.todoId.slice(1)), t.text, t.owner, t.dueDate, at],
          );
        }
        break;
      }
      case 'PeerReviewFollowUpRecorded': {
        const d = data(event, 'PeerReviewFollowUpRecorded');
        db.run(
          `INSERT INTO pr_follow_ups (review_id, recommendation_id, number, status, note, date, recorded_at)
           VALUES (?, ?, (SELECT coalesce(max(number), 0) + 1 FROM pr_follow_ups WHERE review_id = ? AND recommendation_id = ?), ?, ?, ?, ?)`,
          [id, d.recommendationId, id, d.recommendationId, d.status, d.note, d.date, at],
        );
        db.run(
          `UPDATE pr_recommendations SET follow_up_status = ?, follow_up_note = ?, follow_up_date = ?
           WHERE review_id = ? AND recommendation_id = ?`,
          [d.status, d.note, d.date, id, d.recommendationId],
        );
        break;
      }
      case 'PeerReviewCancelled':
        db.run(`UPDATE pr_reviews SET status = 'cancelled', cancelled_reason = ? WHERE id = ?`, [data(event, 'PeerReviewCancelled').reason, id]);
        break;
    }
    // Every event of the review moves the revision clients send back as expectedRevision.
    db.run('UPDATE pr_reviews SET revision = ? WHERE id = ?', [revision, id]);
  },
});
