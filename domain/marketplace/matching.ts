import MiniSearch, { type SearchResult } from 'minisearch';
import { stemmer } from 'stemmer';
import * as stopword from 'stopword';

/**
 * Match suggestions between needs ("use") and offers ("give"). Pure: the same posts always give
 * the same ranking. Text relevance is BM25 from MiniSearch over the offers' titles and
 * descriptions, with English stop words removed and words reduced to their Porter stem (so
 * "funds" and "funding" meet); topic overlap is computed on the posts' topics.
 *
 * score = 0.5 x topics + 0.4 x text + 0.1 x label, each part in [0, 1]:
 * - topics: share of the need's topics the offer also has (|shared| / |need topics|);
 * - text: the offer's BM25 score for the need's text, relative to the best offer for that need
 *   (the best text match gets 1);
 * - label: 1 when the offer is a practice carrying the URBACT Good Practice label.
 * A pair is suggested only if it passes the hard filters (different cities; different countries
 * when asked), shares a topic or two meaningful words, and scores at least `minScore`.
 */

export interface MatchableOffer {
  readonly id: string;
  readonly cityId: string;
  readonly country: string;
  readonly title: string;
  readonly description: string;
  readonly topics: readonly string[];
  /** Year of the URBACT Good Practice label of the offered practice, if any. */
  readonly labelYear?: number | null;
}

export interface MatchableNeed {
  readonly id: string;
  readonly cityId: string;
  readonly country: string;
  readonly title: string;
  readonly description: string;
  readonly topics: readonly string[];
}

export interface MatchingOptions {
  /** Hard filter: only offers from another country than the need's. */
  readonly otherCountryOnly?: boolean;
  /** Suggestions scoring below are dropped (default 0.2). */
  readonly minScore?: number;
  /** Best suggestions kept per need; 0 keeps all (default 5). */
  readonly limitPerNeed?: number;
}

/** Each part is already weighted: they add up to the score. */
export interface ScoreParts {
  readonly topics: number;
  readonly text: number;
  readonly label: number;
}

export interface MatchSuggestion {
  readonly needId: string;
  readonly offerId: string;
  readonly needCityId: string;
  readonly offerCityId: string;
  readonly score: number;
  readonly parts: ScoreParts;
  /** Topics of the need the offer also has, in the need's order. */
  readonly sharedTopics: readonly string[];
  /** Words of the need's text found in the offer's text, as the need wrote them, in its order. */
  readonly matchedTerms: readonly string[];
  /** Share of the need's topics covered, before weighting. */
  readonly topicCoverage: number;
  /** Raw BM25 score of the offer for the need's text, and the best one among this need's candidates. */
  readonly bm25: number;
  readonly bestBm25: number;
}

export const WEIGHTS: Readonly<ScoreParts> = Object.freeze({ topics: 0.5, text: 0.4, label: 0.1 });
export const DEFAULT_MIN_SCORE = 0.2;
export const DEFAULT_LIMIT_PER_NEED = 5;

/** Words that carry no meaning in this domain's needs and offers, besides English stop words. */
const DOMAIN_STOP_WORDS = ['city', 'cities', 'urban', 'how', 'new', 'way', 'ways', 'etc', 'e.g', 'eg', 'use', 'using'];
const STOP_WORDS = new Set([...stopword.eng, ...DOMAIN_STOP_WORDS]);
const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

const stems = new Map<string, string | null>();
/** The search term of a word: lower case, stop words dropped, Porter stem. */
export function termOf(word: string): string | null {
  const lower = word.toLowerCase();
  let term = stems.get(lower);
  if (term === undefined) {
    term = lower.length < 2 || STOP_WORDS.has(lower) || /^\d+$/.test(lower) ? null : stemmer(lower);
    if (stems.size > 100_000) stems.clear();
    stems.set(lower, term);
  }
  return term;
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

interface NeedQuery {
  readonly text: string;
  /** Search term -> the word the need used first for it. */
  readonly surface: ReadonlyMap<string, string>;
  readonly termOrder: ReadonlyMap<string, number>;
}

function queryOf(need: MatchableNeed): NeedQuery {
  const text = `${need.title} ${need.description}`;
  const surface = new Map<string, string>();
  const termOrder = new Map<string, number>();
  for (const word of tokenize(text)) {
    if (!word) continue;
    const term = termOf(word);
    if (term && !surface.has(term)) {
      surface.set(term, word.toLowerCase());
      termOrder.set(term, termOrder.size);
    }
  }
  return { text, surface, termOrder };
}

/** An index of a session's offers, asked once per need. */
export class MatchingIndex {
  private readonly search: MiniSearch<MatchableOffer>;
  private readonly offers = new Map<string, MatchableOffer>();
  private readonly byTopic = new Map<string, string[]>();

  constructor(offers: Iterable<MatchableOffer>) {
    this.search = new MiniSearch<MatchableOffer>({
      idField: 'id',
      fields: ['title', 'description'],
      storeFields: [],
      tokenize,
      processTerm: (term) => termOf(term),
      searchOptions: { boost: { title: 2 }, combineWith: 'OR' },
    });
    const list: MatchableOffer[] = [];
    for (const offer of offers) {
      if (this.offers.has(offer.id)) continue;
      this.offers.set(offer.id, offer);
      list.push(offer);
      for (const topic of offer.topics) {
        const ids = this.byTopic.get(topic);
        if (ids) ids.push(offer.id);
        else this.byTopic.set(topic, [offer.id]);
      }
    }
    this.search.addAll(list);
  }

  get size(): number {
    return this.offers.size;
  }

  /** Ranked suggestions of offers for one need. */
  suggestFor(need: MatchableNeed, options: MatchingOptions = {}): MatchSuggestion[] {
    const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
    const limit = options.limitPerNeed ?? DEFAULT_LIMIT_PER_NEED;
    const allowed = (offer: MatchableOffer) =>
      offer.cityId !== need.cityId && !(options.otherCountryOnly && offer.country === need.country);

    const query = queryOf(need);
    const textHits = new Map<string, SearchResult>();
    if (query.surface.size > 0) {
      for (const hit of this.search.search(query.text)) {
        const offer = this.offers.get(hit.id as string);
        if (offer && allowed(offer)) textHits.set(offer.id, hit);
      }
    }
    let bestBm25 = 0;
    for (const hit of textHits.values()) bestBm25 = Math.max(bestBm25, hit.score);

    const candidates = new Set(textHits.keys());
    for (const topic of need.topics) {
      for (const id of this.byTopic.get(topic) ?? []) {
        if (!candidates.has(id) && allowed(this.offers.get(id)!)) candidates.add(id);
      }
    }

    const suggestions: MatchSuggestion[] = [];
    for (const offerId of candidates) {
      const offer = this.offers.get(offerId)!;
      const offerTopics = new Set(offer.topics);
      const sharedTopics = need.topics.filter((t) => offerTopics.has(t));
      const hit = textHits.get(offerId);
      const matchedTerms = hit
        ? hit.terms
            .filter((term) => query.surface.has(term))
            .sort((a, b) => query.termOrder.get(a)! - query.termOrder.get(b)!)
            .map((term) => query.surface.get(term)!)
        : [];
      if (sharedTopics.length === 0 && matchedTerms.length < 2) continue;
      const topicCoverage = need.topics.length === 0 ? 0 : sharedTopics.length / need.topics.length;
      const bm25 = hit?.score ?? 0;
      const parts: ScoreParts = {
        topics: round(WEIGHTS.topics * topicCoverage),
        text: round(bestBm25 > 0 ? (WEIGHTS.text * bm25) / bestBm25 : 0),
        label: offer.labelYear ? WEIGHTS.label : 0,
      };
      const score = round(parts.topics + parts.text + parts.label);
      if (score < minScore) continue;
      suggestions.push({
        needId: need.id,
        offerId,
        needCityId: need.cityId,
        offerCityId: offer.cityId,
        score,
        parts,
        sharedTopics,
        matchedTerms,
        topicCoverage: round(topicCoverage),
        bm25: round(bm25),
        bestBm25: round(bestBm25),
      });
    }
    suggestions.sort(bySuggestionRank);
    return limit > 0 ? suggestions.slice(0, limit) : suggestions;
  }
}

/** Best first; ties go to more shared topics, then to the offer id (stable across runs). */
export function bySuggestionRank(a: MatchSuggestion, b: MatchSuggestion): number {
  return (
    b.score - a.score ||
    b.sharedTopics.length - a.sharedTopics.length ||
    (a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0) ||
    (a.needId < b.needId ? -1 : a.needId > b.needId ? 1 : 0)
  );
}

/** Suggestions for every need of a session, need by need in the order given. */
export function suggestMatches(
  offers: Iterable<MatchableOffer>,
  needs: Iterable<MatchableNeed>,
  options: MatchingOptions = {},
): MatchSuggestion[] {
  const index = new MatchingIndex(offers);
  const result: MatchSuggestion[] = [];
  for (const need of needs) for (const suggestion of index.suggestFor(need, options)) result.push(suggestion);
  return result;
}

/**
 * Matching is reciprocal: for one city, who could help it (suggestions for its needs) and whom it
 * could help (suggestions where its offers answer other cities' needs). Pass every suggestion of
 * the session (limitPerNeed 0), so a city's offer shows even where it is not in a need's top few.
 */
export function reciprocalView(
  suggestions: readonly MatchSuggestion[],
  cityId: string,
  limit = 20,
): { helpsMe: MatchSuggestion[]; iCanHelp: MatchSuggestion[] } {
  const helpsMe = suggestions.filter((s) => s.needCityId === cityId).sort(bySuggestionRank);
  const iCanHelp = suggestions.filter((s) => s.offerCityId === cityId).sort(bySuggestionRank);
  return { helpsMe: helpsMe.slice(0, limit), iCanHelp: iCanHelp.slice(0, limit) };
}
