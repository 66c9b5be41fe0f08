import { createRequire } from 'node:module';
import { stemmer } from 'stemmer';
import * as stopword from 'stopword';

/**
 * Match suggestions between needs ("use") and offers ("give"). Pure: the same posts always give
 * the same ranking.
 *
 * Text relevance is Okapi BM25 (k1 1.2, b 0.75) of the offer for the need's words. The BM25 term
 * weights of every offer (idf x saturated term frequency, length-normalised) come from wink-nlp's
 * BM25 vectorizer; the offer's BM25 score for a need is the sum of its weights for the need's
 * distinct words, accumulated over an inverted index (one pass per need over the postings of its
 * words), which scores a 5,000 x 5,000 session in well under a second. Words are lower-cased,
 * English stop words (the `stopword` package) and a few words of the trade dropped, and reduced to
 * their Porter stem (the `stemmer` package), so "funds" and "funding" meet. An offer's title
 * counts twice. In sessions of 50 offers or more, words found in more than half of the offers are
 * left out of the query: their idf is near zero, and they would make every pair a candidate
 * (Lucene's MoreLikeThis prunes the same way).
 *
 * score = 0.5 x topics + 0.4 x text + 0.1 x label, each part in [0, 1] before weighting:
 * - topics: share of the need's topics the offer also has (|shared| / |need topics|);
 * - text: the offer's BM25 score for the need, relative to the best offer for that need
 *   (the best text match gets 1);
 * - label: 1 when the offer is a practice carrying the URBACT Good Practice label.
 * A pair is suggested only if it passes the hard filters (different cities; different countries
 * when asked), shares a topic or two words, and scores at least `minScore`.
 */

/** What the matcher reads of a need (and of an offer). */
export interface MatchableNeed {
  readonly id: string;
  readonly cityId: string;
  readonly country: string;
  readonly title: string;
  readonly description: string;
  readonly topics: readonly string[];
}

export interface MatchableOffer extends MatchableNeed {
  /** Year of the URBACT Good Practice label of the offered practice, if any. */
  readonly labelYear?: number | null;
}

export interface MatchingOptions {
  /** Hard filter: only offers from another country than the need's. */
  readonly otherCountryOnly?: boolean;
  /** Suggestions scoring below are dropped (default 0.2). */
  readonly minScore?: number;
  /** Best suggestions kept per need; 0 keeps all (default 5). */
  readonly limitPerNeed?: number;
  /**
   * Only suggest offers of this city (for "whom could it help"); scores stay those of the full
   * ranking (the text part is still relative to the best offer for the need among all offers).
   */
  readonly onlyOfferCityId?: string;
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
  /** Words of the need found in the offer's text, as the need wrote them, in its order. */
  readonly matchedTerms: readonly string[];
  /** Share of the need's topics covered, before weighting. */
  readonly topicCoverage: number;
  /** BM25 score of the offer for the need's text, and the best one among this need's candidates. */
  readonly bm25: number;
  readonly bestBm25: number;
}

export const WEIGHTS: Readonly<ScoreParts> = Object.freeze({ topics: 0.5, text: 0.4, label: 0.1 });
export const DEFAULT_MIN_SCORE = 0.2;
export const DEFAULT_LIMIT_PER_NEED = 5;
/** Words in more than this share of the offers are not searched for (near-zero idf)... */
export const MAX_DOC_FREQUENCY = 0.5;
/** ...in sessions with at least this many offers (in small ones every word still tells). */
export const PRUNE_FROM_OFFERS = 50;
/** A need is searched by its most specific words (lowest document frequency), at most this many. */
export const MAX_QUERY_TERMS = 12;

interface Bm25Vectorizer {
  learn(tokens: string[]): void;
  out(f: unknown): unknown;
}
const require = createRequire(import.meta.url);
const bm25Vectorizer = require('wink-nlp/utilities/bm25-vectorizer.js') as (config?: {
  k?: number;
  k1?: number;
  b?: number;
  norm?: 'none' | 'l1' | 'l2';
}) => Bm25Vectorizer;
const its = require('wink-nlp/src/its.js') as { docBOWArray: unknown };

/** Words that carry no meaning in this domain's needs and offers, besides English stop words. */
const DOMAIN_STOP_WORDS = ['city', 'cities', 'urban', 'how', 'new', 'way', 'ways', 'etc', 'eg', 'use', 'using'];
const STOP_WORDS = new Set([...stopword.eng, ...DOMAIN_STOP_WORDS]);
const SEPARATORS = /[^\p{L}\p{N}]+/u;

const stems = new Map<string, string | null>();
/** The search term of a word: lower case, stop words dropped, Porter stem. */
export function termOf(word: string): string | null {
  return termOfLower(word.toLowerCase());
}

function termOfLower(lower: string): string | null {
  let term = stems.get(lower);
  if (term === undefined) {
    term = lower.length < 2 || STOP_WORDS.has(lower) || /^\d+$/.test(lower) ? null : stemmer(lower);
    if (stems.size > 100_000) stems.clear();
    stems.set(lower, term);
  }
  return term;
}

/** The words of a text with their terms, in order. */
function words(text: string): { word: string; term: string }[] {
  const result: { word: string; term: string }[] = [];
  for (const word of text.toLowerCase().split(SEPARATORS)) {
    const term = word ? termOfLower(word) : null;
    if (term) result.push({ word, term });
  }
  return result;
}

/** Just the terms, for indexing. */
function termsOf(text: string, into: string[]): string[] {
  for (const word of text.toLowerCase().split(SEPARATORS)) {
    const term = word ? termOfLower(word) : null;
    if (term) into.push(term);
  }
  return into;
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

interface Postings {
  readonly offers: Int32Array;
  readonly weights: Float64Array;
}

/** An index of a session's offers, asked once per need. */
export class MatchingIndex {
  private readonly offers: MatchableOffer[] = [];
  /** BM25 weight of each term in each offer. */
  private readonly bows: Record<string, number>[] = [];
  private readonly postings = new Map<string, Postings>();
  private readonly byTopic = new Map<string, Int32Array>();
  private readonly cityOf: Int32Array;
  private readonly countryOf: Int32Array;
  private readonly labelled: Uint8Array;
  private readonly cityIds = new Map<string, number>();
  private readonly countries = new Map<string, number>();
  // Scratch space for one need at a time.
  private readonly acc: Float64Array;
  private readonly termHits: Uint16Array;
  private readonly topicHits: Uint16Array;
  private readonly seen: Uint8Array;
  private readonly touched: Int32Array;

  constructor(offers: Iterable<MatchableOffer>) {
    const ids = new Set<string>();
    for (const offer of offers) {
      if (ids.has(offer.id)) continue;
      ids.add(offer.id);
      this.offers.push(offer);
    }
    const n = this.offers.length;
    this.cityOf = new Int32Array(n);
    this.countryOf = new Int32Array(n);
    this.labelled = new Uint8Array(n);
    this.acc = new Float64Array(n);
    this.termHits = new Uint16Array(n);
    this.topicHits = new Uint16Array(n);
    this.seen = new Uint8Array(n);
    this.touched = new Int32Array(n);
    const code = (map: Map<string, number>, key: string) => {
      let value = map.get(key);
      if (value === undefined) map.set(key, (value = map.size));
      return value;
    };
    if (n === 0) return;

    const vectorizer = bm25Vectorizer({ k1: 1.2, b: 0.75, k: 1, norm: 'none' });
    const topicLists = new Map<string, number[]>();
    const distinct: string[][] = new Array(n);
    const documentFrequency = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const offer = this.offers[i]!;
      this.cityOf[i] = code(this.cityIds, offer.cityId);
      this.countryOf[i] = code(this.countries, offer.country);
      this.labelled[i] = offer.labelYear ? 1 : 0;
      const title = termsOf(offer.title, []);
      const tokens = termsOf(offer.description, [...title, ...title]);
      vectorizer.learn(tokens);
      const unique = [...new Set(tokens)];
      distinct[i] = unique;
      for (const term of unique) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      for (const topic of new Set(offer.topics)) {
        const list = topicLists.get(topic);
        if (list) list.push(i);
        else topicLists.set(topic, [i]);
      }
    }
    for (const [topic, list] of topicLists) this.byTopic.set(topic, Int32Array.from(list));

    // The BM25 weight of every term in every offer, as postings lists of offers and weights.
    this.bows.push(...(vectorizer.out(its.docBOWArray) as Record<string, number>[]));
    const filled = new Map<string, { offers: Int32Array; weights: Float64Array; next: number }>();
    for (const [term, df] of documentFrequency) filled.set(term, { offers: new Int32Array(df), weights: new Float64Array(df), next: 0 });
    for (let i = 0; i < n; i++) {
      const bow = this.bows[i]!;
      for (const term of distinct[i]!) {
        const list = filled.get(term)!;
        list.offers[list.next] = i;
        list.weights[list.next++] = bow[term]!;
      }
    }
    for (const [term, list] of filled) this.postings.set(term, { offers: list.offers, weights: list.weights });
  }

  get size(): number {
    return this.offers.length;
  }

  /** A need's distinct terms and the words it used for them (remembered while the need's text stays the same). */
  private readonly needTerms = new Map<string, { text: string; surface: Map<string, string> }>();
  private surfaceOf(need: MatchableNeed): Map<string, string> {
    const text = `${need.title} ${need.description}`;
    const known = this.needTerms.get(need.id);
    if (known && known.text === text) return known.surface;
    const surface = new Map<string, string>();
    for (const { word, term } of words(text)) if (!surface.has(term)) surface.set(term, word);
    if (this.needTerms.size >= 50_000) this.needTerms.clear();
    this.needTerms.set(need.id, { text, surface });
    return surface;
  }

  /** Ranked suggestions of offers for one need. */
  suggestFor(need: MatchableNeed, options: MatchingOptions = {}): MatchSuggestion[] {
    const n = this.offers.length;
    if (n === 0) return [];
    const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
    const limit = options.limitPerNeed ?? DEFAULT_LIMIT_PER_NEED;
    const needCity = this.cityIds.get(need.cityId) ?? -1;
    const needCountry = options.otherCountryOnly ? (this.countries.get(need.country) ?? -1) : -2;
    const onlyCity = options.onlyOfferCityId === undefined ? -1 : (this.cityIds.get(options.onlyOfferCityId) ?? -3);
    if (onlyCity === -3) return [];
    const { acc, termHits, topicHits, seen, touched, cityOf, countryOf, labelled } = this;
    let touchedCount = 0;

    // Accumulate the BM25 weights of the need's distinct terms, offer by offer.
    const surface = this.surfaceOf(need);
    const maxPostings = n >= PRUNE_FROM_OFFERS ? Math.floor(MAX_DOC_FREQUENCY * n) : n;
    const searched: { term: string; postings: Postings; order: number }[] = [];
    for (const term of surface.keys()) {
      const postings = this.postings.get(term);
      if (postings && postings.offers.length <= maxPostings) searched.push({ term, postings, order: searched.length });
    }
    if (searched.length > MAX_QUERY_TERMS) {
      searched.sort((a, b) => a.postings.offers.length - b.postings.offers.length || a.order - b.order);
      searched.length = MAX_QUERY_TERMS;
      searched.sort((a, b) => a.order - b.order);
    }
    const queryTerms = searched.map((s) => s.term);
    for (const { postings } of searched) {
      const { offers, weights } = postings;
      for (let p = 0; p < offers.length; p++) {
        const i = offers[p]!;
        if (seen[i] === 0) {
          seen[i] = 1;
          touched[touchedCount++] = i;
        }
        acc[i]! += weights[p]!;
        termHits[i]!++;
      }
    }
    const needTopics = [...new Set(need.topics)];
    for (const topic of needTopics) {
      const offers = this.byTopic.get(topic);
      if (!offers) continue;
      for (let p = 0; p < offers.length; p++) {
        const i = offers[p]!;
        if (seen[i] === 0) {
          seen[i] = 1;
          touched[touchedCount++] = i;
        }
        topicHits[i]!++;
      }
    }

    // The best text match among the offers the hard filters allow.
    let best = 0;
    for (let k = 0; k < touchedCount; k++) {
      const i = touched[k]!;
      if (acc[i]! > best && cityOf[i] !== needCity && countryOf[i] !== needCountry) best = acc[i]!;
    }
    const topicWeight = needTopics.length === 0 ? 0 : WEIGHTS.topics / needTopics.length;
    const textWeight = best > 0 ? WEIGHTS.text / best : 0;

    // Score every candidate; keep the best `limit` (or all) without allocating for the others.
    const keep = limit > 0 ? limit : touchedCount;
    const keptIndex = new Int32Array(Math.min(keep, touchedCount));
    const keptScore = new Float64Array(keptIndex.length);
    const keptShared = new Uint16Array(keptIndex.length);
    let kept = 0;
    let worst = 0;
    const below = (score: number, shared: number, i: number, j: number) =>
      score < keptScore[j]! ||
      (score === keptScore[j]! && (shared < keptShared[j]! || (shared === keptShared[j]! && this.offers[i]!.id > this.offers[keptIndex[j]!]!.id)));
    for (let k = 0; k < touchedCount; k++) {
      const i = touched[k]!;
      const shared = topicHits[i]!;
      const hits = termHits[i]!;
      const text = acc[i]!;
      acc[i] = 0;
      termHits[i] = 0;
      topicHits[i] = 0;
      seen[i] = 0;
      if (cityOf[i] === needCity || countryOf[i] === needCountry || (onlyCity >= 0 && cityOf[i] !== onlyCity)) continue;
      if (shared === 0 && hits < 2) continue;
      const score = topicWeight * shared + textWeight * text + (labelled[i] ? WEIGHTS.label : 0);
      if (score < minScore - 1e-9) continue;
      if (kept < keptIndex.length) {
        keptIndex[kept] = i;
        keptScore[kept] = score;
        keptShared[kept] = shared;
        kept++;
        if (kept === keptIndex.length) {
          worst = 0;
          for (let j = 1; j < kept; j++) if (below(keptScore[j]!, keptShared[j]!, keptIndex[j]!, worst)) worst = j;
        }
      } else if (score >= keptScore[worst]! && !below(score, shared, i, worst)) {
        keptIndex[worst] = i;
        keptScore[worst] = score;
        keptShared[worst] = shared;
        worst = 0;
        for (let j = 1; j < kept; j++) if (below(keptScore[j]!, keptShared[j]!, keptIndex[j]!, worst)) worst = j;
      }
    }

    // Explain the kept ones.
    const suggestions: MatchSuggestion[] = [];
    for (let j = 0; j < kept; j++) {
      const i = keptIndex[j]!;
      const offer = this.offers[i]!;
      const bow = this.bows[i]!;
      const offerTopics = new Set(offer.topics);
      const sharedTopics = needTopics.filter((t) => offerTopics.has(t));
      const matched = queryTerms.filter((t) => bow[t] !== undefined);
      const bm25 = matched.reduce((sum, t) => sum + bow[t]!, 0);
      const parts = {
        topics: round(topicWeight * sharedTopics.length),
        text: round(textWeight * bm25),
        label: labelled[i] ? WEIGHTS.label : 0,
      };
      suggestions.push({
        needId: need.id,
        offerId: offer.id,
        needCityId: need.cityId,
        offerCityId: offer.cityId,
        score: round(parts.topics + parts.text + parts.label),
        parts,
        sharedTopics,
        matchedTerms: matched.map((t) => surface.get(t)!),
        topicCoverage: round(needTopics.length === 0 ? 0 : sharedTopics.length / needTopics.length),
        bm25: round(bm25),
        bestBm25: round(best),
      });
    }
    return suggestions.sort(bySuggestionRank);
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
 * could help (suggestions where its offers answer other cities' needs). Every suggestion above the
 * minimum score counts, so a city's offer shows even where it is not in a need's top few; a pair
 * has the same score in both cities' views.
 */
export function suggestionsForCity(
  index: MatchingIndex,
  needs: readonly MatchableNeed[],
  cityId: string,
  options: MatchingOptions & { limit?: number } = {},
): { helpsMe: MatchSuggestion[]; iCanHelp: MatchSuggestion[] } {
  const all: MatchSuggestion[] = [];
  for (const need of needs) {
    const mine = need.cityId === cityId;
    all.push(...index.suggestFor(need, { ...options, limitPerNeed: 0, ...(mine ? {} : { onlyOfferCityId: cityId }) }));
  }
  return reciprocalView(all, cityId, options.limit ?? 20);
}

/** The same, from suggestions already computed (pass every one: limitPerNeed 0). */
export function reciprocalView(
  suggestions: readonly MatchSuggestion[],
  cityId: string,
  limit = 20,
): { helpsMe: MatchSuggestion[]; iCanHelp: MatchSuggestion[] } {
  const helpsMe = suggestions.filter((s) => s.needCityId === cityId).sort(bySuggestionRank);
  const iCanHelp = suggestions.filter((s) => s.offerCityId === cityId).sort(bySuggestionRank);
  return { helpsMe: helpsMe.slice(0, limit), iCanHelp: iCanHelp.slice(0, limit) };
}
