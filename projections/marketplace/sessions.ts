import type { MarketplaceEvent, MarketplaceEventOf } from '../../domain/marketplace/events.js';
import { sessionOfStream, sessionStream } from '../../domain/marketplace/streams.js';
import { dataOf, projection, streamFacts } from '../types.js';

export interface SessionRow {
  id: string;
  title: string;
  description: string;
  scope: 'network' | 'crossNetwork' | 'programme';
  /** JSON array of network ids. */
  network_ids: string;
  other_country_only: number;
  held_on: string | null;
  place: string;
  status: 'open' | 'closed';
  opened_at: string;
  closed_at: string | null;
  closed_reason: string | null;
  revision: number;
}

export interface PostRow {
  id: string;
  session_id: string;
  side: 'offer' | 'need';
  city_id: string;
  city_name: string;
  country: string;
  network_id: string | null;
  /** practice / experience for offers, learning / capacityBuilding for needs. */
  kind: string;
  practice_id: string | null;
  learning_need_id: string | null;
  title: string;
  description: string;
  topics: string;
  contact: string | null;
  status: 'open' | 'withdrawn';
  posted_at: string;
  withdrawn_at: string | null;
  /** Global order of posting, for stable lists. */
  seq: number;
}

export interface MatchRow {
  id: string;
  session_id: string;
  need_id: string;
  offer_id: string;
  need_city_id: string;
  offer_city_id: string;
  need_answer: 'accepted' | 'declined' | null;
  offer_answer: 'accepted' | 'declined' | null;
  need_note: string | null;
  offer_note: string | null;
  status: 'proposed' | 'agreed' | 'declined';
  /** The suggestion as explained when first answered (JSON), if any. */
  suggestion: string | null;
  proposed_at: string;
  updated_at: string;
  meeting_id: string | null;
  meeting_format: 'bilateralMeeting' | 'siteVisit' | null;
  meeting_date: string | null;
  meeting_host_city_id: string | null;
  meeting_network_id: string | null;
  meeting_title: string | null;
  meeting_recorded_in: 'marketplace' | 'journey' | null;
}

const data = dataOf<MarketplaceEvent>();

/** Marketplace sessions, their offers and needs (posts), and the matches the cities answered. */
export const marketplaceProjection = projection({
  name: 'marketplace',
  version: 1,
  schema: `CREATE TABLE IF NOT EXISTS mp_sessions (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    scope TEXT NOT NULL,
    network_ids TEXT NOT NULL,
    other_country_only INTEGER NOT NULL,
    held_on TEXT,
    place TEXT NOT NULL,
    status TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    closed_reason TEXT,
    revision INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS mp_session_networks (
    session_id TEXT NOT NULL,
    network_id TEXT NOT NULL,
    PRIMARY KEY (session_id, network_id)
  );
  CREATE INDEX IF NOT EXISTS mp_session_networks_network ON mp_session_networks (network_id);
  CREATE TABLE IF NOT EXISTS mp_posts (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    side TEXT NOT NULL,
    city_id TEXT NOT NULL,
    city_name TEXT NOT NULL,
    country TEXT NOT NULL,
    network_id TEXT,
    kind TEXT NOT NULL,
    practice_id TEXT,
    learning_need_id TEXT,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    topics TEXT NOT NULL,
    contact TEXT,
    status TEXT NOT NULL,
    posted_at TEXT NOT NULL,
    withdrawn_at TEXT,
    seq INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS mp_posts_session ON mp_posts (session_id, side, seq);
  CREATE INDEX IF NOT EXISTS mp_posts_city ON mp_posts (city_id);
  CREATE INDEX IF NOT EXISTS mp_posts_seq ON mp_posts (seq);
  CREATE TABLE IF NOT EXISTS mp_matches (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    need_id TEXT NOT NULL,
    offer_id TEXT NOT NULL,
    need_city_id TEXT NOT NULL,
    offer_city_id TEXT NOT NULL,
    need_answer TEXT,
    offer_answer TEXT,
    need_note TEXT,
    offer_note TEXT,
    status TEXT NOT NULL,
    suggestion TEXT,
    proposed_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    meeting_id TEXT,
    meeting_format TEXT,
    meeting_date TEXT,
    meeting_host_city_id TEXT,
    meeting_network_id TEXT,
    meeting_title TEXT,
    meeting_recorded_in TEXT
  );
  CREATE INDEX IF NOT EXISTS mp_matches_session ON mp_matches (session_id);
  CREATE INDEX IF NOT EXISTS mp_matches_need ON mp_matches (need_id);
  CREATE INDEX IF NOT EXISTS mp_matches_offer ON mp_matches (offer_id);`,
  handles: [
    'MarketplaceSessionOpened',
    'MarketplaceSessionClosed',
    'MarketplaceOfferPosted',
    'MarketplaceNeedPosted',
    'MarketplacePostWithdrawn',
    'MarketplaceMatchAccepted',
    'MarketplaceMatchDeclined',
    'MarketplaceMatchAgreed',
    'MarketplaceMeetingScheduled',
  ],
  apply(db, event) {
    const { revision, at } = streamFacts(event);
    // A session's events come from its own stream, or (after the re-cut) a city's posts' or a match's.
    const sessionId = sessionOfStream(event.streamId) ?? streamFacts(event).id;
    const insertPost = (
      id: string,
      side: 'offer' | 'need',
      d: { cityId: string; cityName: string; country: string; networkId: string | null; kind: string; title: string; description: string; topics: string[] },
      practiceId: string | null,
      learningNeedId: string | null,
      contact: unknown,
    ) => {
      db.run(
        `INSERT INTO mp_posts (id, session_id, side, city_id, city_name, country, network_id, kind, practice_id, learning_need_id,
           title, description, topics, contact, status, posted_at, seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, (SELECT coalesce(max(seq), 0) + 1 FROM mp_posts))`,
        [id, sessionId, side, d.cityId, d.cityName, d.country, d.networkId, d.kind, practiceId, learningNeedId, d.title,
          d.description, JSON.stringify(d.topics), contact ? JSON.stringify(contact) : null, at],
      );
    };
    const answer = (d: MarketplaceEventOf<'MarketplaceMatchAccepted'>['data'], value: 'accepted' | 'declined') => {
      db.run(
        `INSERT INTO mp_matches (id, session_id, need_id, offer_id, need_city_id, offer_city_id, status, suggestion, proposed_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'proposed', ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
        [d.matchId, sessionId, d.needId, d.offerId, d.needCityId, d.offerCityId, d.suggestion ? JSON.stringify(d.suggestion) : null, at, at],
      );
      const column = d.side === 'need' ? 'need' : 'offer';
      db.run(
        `UPDATE mp_matches SET ${column}_answer = ?, ${column}_note = ?, updated_at = ?,
           status = CASE WHEN ? = 'declined' THEN 'declined' ELSE status END WHERE id = ?`,
        [value, d.note, at, value, d.matchId],
      );
    };
    switch (event.type) {
      case 'MarketplaceSessionOpened': {
        const d = data(event, 'MarketplaceSessionOpened');
        db.run(
          `INSERT INTO mp_sessions (id, title, description, scope, network_ids, other_country_only, held_on, place, status, opened_at, revision)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
          [sessionId, d.title, d.description, d.scope, JSON.stringify(d.networkIds), d.otherCountryOnly ? 1 : 0, d.heldOn, d.place, at, revision],
        );
        for (const networkId of d.networkIds) {
          db.run('INSERT OR IGNORE INTO mp_session_networks (session_id, network_id) VALUES (?, ?)', [sessionId, networkId]);
        }
        break;
      }
      case 'MarketplaceSessionClosed':
        db.run(`UPDATE mp_sessions SET status = 'closed', closed_at = ?, closed_reason = ? WHERE id = ?`, [
          at, data(event, 'MarketplaceSessionClosed').reason, sessionId,
        ]);
        break;
      case 'MarketplaceOfferPosted': {
        const d = data(event, 'MarketplaceOfferPosted');
        insertPost(d.offerId, 'offer', d, d.practiceId, null, d.contact);
        break;
      }
      case 'MarketplaceNeedPosted': {
        const d = data(event, 'MarketplaceNeedPosted');
        insertPost(d.needId, 'need', d, null, d.learningNeedId, null);
        break;
      }
      case 'MarketplacePostWithdrawn':
        db.run(`UPDATE mp_posts SET status = 'withdrawn', withdrawn_at = ? WHERE id = ?`, [at, data(event, 'MarketplacePostWithdrawn').postId]);
        break;
      case 'MarketplaceMatchAccepted':
        answer(data(event, 'MarketplaceMatchAccepted'), 'accepted');
        break;
      case 'MarketplaceMatchDeclined':
        answer(data(event, 'MarketplaceMatchDeclined'), 'declined');
        break;
      case 'MarketplaceMatchAgreed':
        db.run(`UPDATE mp_matches SET status = 'agreed', updated_at = ? WHERE id = ?`, [at, data(event, 'MarketplaceMatchAgreed').matchId]);
        break;
      case 'MarketplaceMeetingScheduled': {
        const d = data(event, 'MarketplaceMeetingScheduled');
        db.run(
          `UPDATE mp_matches SET meeting_id = ?, meeting_format = ?, meeting_date = ?, meeting_host_city_id = ?, meeting_network_id = ?,
             meeting_title = ?, meeting_recorded_in = ?, updated_at = ? WHERE id = ?`,
          [d.meetingId, d.format, d.date, d.hostCityId, d.networkId, d.title, d.recordedIn, at, d.matchId],
        );
        break;
      }
    }
    // The session's revision (what clients send back as expectedRevision) is its own stream's.
    if (event.streamId === sessionStream(sessionId)) db.run('UPDATE mp_sessions SET revision = ? WHERE id = ?', [revision, sessionId]);
  },
});
