import { z } from 'zod';
import { matchIdOf } from '../../domain/marketplace/events.js';
import type { MatchSuggestion } from '../../domain/marketplace/matching.js';
import { findMatch, findPost } from '../../projections/marketplace/queries.js';
import type { ReadModelStore } from '../../projections/types.js';
import { fromSource, readBeside } from '../asOf.js';
import { builder } from '../builder.js';
import { MarketplaceMatch, MarketplaceNeed, MarketplaceOffer, MatchSuggestionRef, type SuggestionValue } from './refs.js';

/** The matcher's suggestions: a need with an offer, scored, with the reasons. */

export const ScoreParts = builder.objectRef<MatchSuggestion['parts']>('MatchScoreParts').implement({
  description: 'The weighted parts of a score; they add up to it. Weights: topics 0.5, text 0.4, label 0.1.',
  fields: (t) => ({
    topics: t.exposeFloat('topics', { description: '0.5 x the share of the need\'s topics the offer also has.' }),
    text: t.exposeFloat('text', { description: '0.4 x the offer\'s BM25 text relevance, relative to the best offer for this need.' }),
    label: t.exposeFloat('label', { description: '0.1 when the offer is a practice with the URBACT Good Practice label.' }),
  }),
});

function explain(s: MatchSuggestion): string {
  const why: string[] = [];
  if (s.sharedTopics.length) why.push(`shares the topic${s.sharedTopics.length > 1 ? 's' : ''} ${s.sharedTopics.join(', ')}`);
  if (s.matchedTerms.length) why.push(`mentions ${s.matchedTerms.map((w) => `"${w}"`).join(', ')}`);
  if (s.parts.label) why.push('is a labelled URBACT Good Practice');
  return `Score ${s.score.toFixed(2)} (topics ${s.parts.topics.toFixed(2)} + text ${s.parts.text.toFixed(2)} + label ${s.parts.label.toFixed(2)}): the offer ${why.join('; ')}.`;
}

MatchSuggestionRef.implement({
  description: 'A suggested match of a need with an offer, with the reasons for it.',
  fields: (t) => ({
    score: t.exposeFloat('score', { description: 'Between 0 and 1; the parts add up to it.' }),
    parts: t.field({ type: ScoreParts, resolve: (s) => s.parts }),
    sharedTopics: t.exposeStringList('sharedTopics', { description: "Topics of the need the offer also has." }),
    matchedTerms: t.exposeStringList('matchedTerms', { description: "Words of the need found in the offer's text (stemmed match)." }),
    topicCoverage: t.exposeFloat('topicCoverage', { description: "Share of the need's topics covered, before weighting." }),
    bm25: t.exposeFloat('bm25', { description: 'Raw BM25 relevance of the offer for the need.' }),
    bestBm25: t.exposeFloat('bestBm25', { description: 'Best BM25 among the offers for this need (text part = 0.4 x bm25 / bestBm25).' }),
    explanation: t.string({ description: 'The same, in a sentence.', resolve: explain }),
    matchId: t.id({
      description: 'The id of the match this suggestion is (or becomes once a side answers): what respondToMarketplaceMatch takes.',
      resolve: (s) => matchIdOf(s.needId, s.offerId),
    }),
    needId: t.exposeID('needId'),
    offerId: t.exposeID('offerId'),
    needCityId: t.exposeString('needCityId'),
    offerCityId: t.exposeString('offerCityId'),
    need: t.field({ type: MarketplaceNeed, resolve: (s, _a, context) => readBeside(s, context, (db) => findPost(db, s.needId)!) }),
    offer: t.field({ type: MarketplaceOffer, resolve: (s, _a, context) => readBeside(s, context, (db) => findPost(db, s.offerId)!) }),
    match: t.field({
      type: MarketplaceMatch,
      nullable: true,
      description: 'The match, once a side answered.',
      resolve: (s, _a, context) => readBeside(s, context, (db) => findMatch(db, matchIdOf(s.needId, s.offerId)) ?? null),
    }),
  }),
});

/** Suggestions as the API returns them: with their session, from the read models they were ranked on. */
export const suggestionsOf = (db: ReadModelStore, sessionId: string, list: readonly MatchSuggestion[]): SuggestionValue[] =>
  fromSource(db, list.map((s) => ({ ...s, sessionId })));

export const CitySuggestions = builder
  .objectRef<{ helpsMe: SuggestionValue[]; iCanHelp: SuggestionValue[] }>('MarketplaceCitySuggestions')
  .implement({
    description: 'Matching is reciprocal: who could help the city, and whom it could help.',
    fields: (t) => ({
      helpsMe: t.field({ type: [MatchSuggestionRef], description: "Offers answering the city's needs, best first.", resolve: (v) => v.helpsMe }),
      iCanHelp: t.field({ type: [MatchSuggestionRef], description: "Other cities' needs the city's offers answer, best first.", resolve: (v) => v.iCanHelp }),
    }),
  });

/** Arguments that tune the matcher. */
export const MatchingArgs = {
  minScore: z.number().min(0).max(1).nullish(),
  limit: z.number().int().min(0).max(100).nullish(),
};
