import {
  MatchingIndex,
  suggestionsForCity,
  type MatchableNeed,
  type MatchableOffer,
  type MatchingOptions,
  type MatchSuggestion,
} from '../../domain/marketplace/matching.js';
import { pageOf, rowsById, Where } from '../sql.js';
import type { ReadModelStore } from '../types.js';
import type { MatchRow, PostRow, SessionRow } from './sessions.js';

// ---------------------------------------------------------------- sessions and posts

export const { find: findSession, findMany: findSessions } = rowsById<SessionRow>('mp_sessions');

export function listSessions(
  db: ReadModelStore,
  filter: { networkId?: string | null; status?: string | null; scope?: string | null },
  limit: number,
  offset: number,
): SessionRow[] {
  const where = new Where();
  if (filter.scope) where.add('scope = ?', filter.scope);
  if (filter.networkId) where.add('id IN (SELECT session_id FROM mp_session_networks WHERE network_id = ?)', filter.networkId);
  if (filter.status) where.add('status = ?', filter.status);
  return pageOf<SessionRow>(db, 'mp_sessions', where, 'opened_at DESC, id DESC', limit, offset);
}

export function sessionNetworkIds(session: Pick<SessionRow, 'network_ids'>): string[] {
  return JSON.parse(session.network_ids) as string[];
}

export const { find: findPost, findMany: findPosts } = rowsById<PostRow>('mp_posts');

export function listPosts(
  db: ReadModelStore,
  sessionId: string,
  side: 'offer' | 'need',
  filter: { cityId?: string | null; includeWithdrawn?: boolean | null },
  limit: number,
  offset: number,
): PostRow[] {
  const where = new Where().add('session_id = ?', sessionId).add('side = ?', side);
  if (!filter.includeWithdrawn) where.add(`status = 'open'`);
  if (filter.cityId) where.add('city_id = ?', filter.cityId);
  return pageOf<PostRow>(db, 'mp_posts', where, 'seq', limit, offset);
}

// ---------------------------------------------------------------- matches

export const { find: findMatch, findMany: findMatches } = rowsById<MatchRow>('mp_matches');

export function listMatches(
  db: ReadModelStore,
  sessionId: string,
  filter: { cityId?: string | null; status?: string | null },
  limit: number,
  offset: number,
): MatchRow[] {
  const where = new Where().add('session_id = ?', sessionId);
  if (filter.cityId) where.add('(need_city_id = ? OR offer_city_id = ?)', filter.cityId, filter.cityId);
  if (filter.status) where.add('status = ?', filter.status);
  return pageOf<MatchRow>(db, 'mp_matches', where, 'proposed_at, id', limit, offset);
}

/** Meetings the marketplace scheduled for a need (the need records them). */
export function meetingsOfNeed(db: ReadModelStore, needId: string): MatchRow[] {
  return db.all<MatchRow>('SELECT * FROM mp_matches WHERE need_id = ? AND meeting_id IS NOT NULL ORDER BY meeting_date, id', [needId]);
}

// ---------------------------------------------------------------- suggestions

const topicsOf = (json: string) => JSON.parse(json) as string[];

export function offerOf(row: PostRow & { label_year?: number | null }): MatchableOffer {
  return {
    id: row.id,
    cityId: row.city_id,
    country: row.country,
    title: row.title,
    description: row.description,
    topics: topicsOf(row.topics),
    labelYear: row.label_year ?? null,
  };
}

export function needOf(row: PostRow): MatchableNeed {
  return { id: row.id, cityId: row.city_id, country: row.country, title: row.title, description: row.description, topics: topicsOf(row.topics) };
}

/** The open offers (with the label of their practice, as it is now) and open needs of a session. */
export function sessionMatchables(
  db: ReadModelStore,
  sessionId: string,
  which: 'offers' | 'needs' | 'both' = 'both',
): { offers: MatchableOffer[]; needs: MatchableNeed[] } {
  const offers =
    which === 'needs'
      ? []
      : db
    .all<PostRow & { label_year: number | null }>(
      `SELECT o.*, p.label_year FROM mp_posts o LEFT JOIN mp_practices p ON p.id = o.practice_id
       WHERE o.session_id = ? AND o.side = 'offer' AND o.status = 'open' ORDER BY o.seq`,
      [sessionId],
    )
    .map(offerOf);
  const needs =
    which === 'offers'
      ? []
      : db
    .all<PostRow>(`SELECT * FROM mp_posts WHERE session_id = ? AND side = 'need' AND status = 'open' ORDER BY seq`, [sessionId])
    .map(needOf);
  return { offers, needs };
}

/**
 * The matching index of a session's open offers, built once and kept while the offers (and the
 * labels of their practices) stay the same: every read of suggestions reuses it.
 */
const indexes = new WeakMap<ReadModelStore, Map<string, { key: string; index: MatchingIndex }>>();

export function sessionIndex(db: ReadModelStore, sessionId: string): MatchingIndex {
  const state = db.get<{ seq: number | null; withdrawn: number | null; labels: number; practices: string | null }>(
    `SELECT max(o.seq) AS seq, sum(o.status = 'withdrawn') AS withdrawn, count(p.label_year) AS labels, max(p.updated_at) AS practices
     FROM mp_posts o LEFT JOIN mp_practices p ON p.id = o.practice_id WHERE o.session_id = ? AND o.side = 'offer'`,
    [sessionId],
  );
  const key = `${state?.seq}:${state?.withdrawn}:${state?.labels}:${state?.practices}`;
  let cache = indexes.get(db);
  if (!cache) indexes.set(db, (cache = new Map()));
  const cached = cache.get(sessionId);
  if (cached && cached.key === key) return cached.index;
  const index = new MatchingIndex(sessionMatchables(db, sessionId, 'offers').offers);
  cache.delete(sessionId);
  cache.set(sessionId, { key, index });
  while (cache.size > 16) cache.delete(cache.keys().next().value!);
  return index;
}

const sessionOptions = (session: SessionRow, options: MatchingOptions = {}): MatchingOptions => ({
  ...options,
  otherCountryOnly: Boolean(session.other_country_only) || options.otherCountryOnly === true,
});

/** Every suggestion of a session, need by need (each need's best first). */
export function sessionSuggestions(db: ReadModelStore, session: SessionRow, options: MatchingOptions = {}): MatchSuggestion[] {
  const index = sessionIndex(db, session.id);
  const { needs } = sessionMatchables(db, session.id, 'needs');
  const effective = sessionOptions(session, options);
  return needs.flatMap((need) => index.suggestFor(need, effective));
}

/** For one city: who could help it, and whom it could help. */
export function citySuggestions(
  db: ReadModelStore,
  session: SessionRow,
  cityId: string,
  options: MatchingOptions & { limit?: number } = {},
): { helpsMe: MatchSuggestion[]; iCanHelp: MatchSuggestion[] } {
  const { needs } = sessionMatchables(db, session.id, 'needs');
  return suggestionsForCity(sessionIndex(db, session.id), needs, cityId, sessionOptions(session, options));
}

/** Suggestions involving one post: for a need its offers, for an offer the needs it answers. */
export function postSuggestions(db: ReadModelStore, session: SessionRow, post: PostRow, limit = 5): MatchSuggestion[] {
  if (post.status !== 'open') return [];
  const index = sessionIndex(db, session.id);
  if (post.side === 'need') return index.suggestFor(needOf(post), sessionOptions(session, { limitPerNeed: limit }));
  const { needs } = sessionMatchables(db, session.id, 'needs');
  return needs
    .flatMap((need) => index.suggestFor(need, sessionOptions(session, { limitPerNeed: 0, onlyOfferCityId: post.city_id })))
    .filter((s) => s.offerId === post.id)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/**
 * The matching index last built for a session by a read of its suggestions, however many offers
 * came since; never builds one (that is whole-session work: linear in its offers).
 */
export function builtSessionIndex(db: ReadModelStore, sessionId: string): MatchingIndex | undefined {
  return indexes.get(db)?.get(sessionId)?.index;
}

/** The suggestion for one pair, if the matcher suggests it with this index. */
export function pairSuggestion(
  db: ReadModelStore,
  session: SessionRow,
  needId: string,
  offerId: string,
  index: MatchingIndex = sessionIndex(db, session.id),
): MatchSuggestion | undefined {
  const need = findPost(db, needId);
  const offer = findPost(db, offerId);
  if (!need || need.side !== 'need' || !offer) return undefined;
  return index
    .suggestFor(needOf(need), sessionOptions(session, { limitPerNeed: 0, minScore: 0, onlyOfferCityId: offer.city_id }))
    .find((s) => s.offerId === offerId);
}


// ---------------------------------------------------------------- for the marketplace's use cases

/**
 * What the marketplace's commands read from the read models (the application's
 * MarketplaceDirectory): a city's name as an active partner of some network, and the matcher's
 * reasons for a pair. A command never builds a matching index: the reasons recorded with a match are
 * those of the index the session's board and suggestions were last read from (what the cities
 * saw), or none when no index was built or the offer came after it.
 */
export function marketplaceDirectory(db: ReadModelStore) {
  return {
    partnerName(cityId: string): string | undefined {
      return db.get<{ name: string }>(
        `SELECT name FROM partners WHERE city_id = ? AND status = 'active' ORDER BY joined_at LIMIT 1`,
        [cityId],
      )?.name;
    },
    suggestionFor(sessionId: string, needId: string, offerId: string) {
      const session = findSession(db, sessionId);
      const index = builtSessionIndex(db, sessionId);
      const suggestion = session && index ? pairSuggestion(db, session, needId, offerId, index) : undefined;
      if (!suggestion) return null;
      return { score: suggestion.score, sharedTopics: [...suggestion.sharedTopics], matchedTerms: [...suggestion.matchedTerms] };
    },
  };
}
