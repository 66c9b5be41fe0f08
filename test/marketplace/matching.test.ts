import { describe, expect, it } from 'vitest';
import {
  MAX_QUERY_TERMS,
  MatchingIndex,
  WEIGHTS,
  reciprocalView,
  suggestMatches,
  termOf,
  type MatchableNeed,
  type MatchableOffer,
} from '../../domain/marketplace/matching.js';

// Offers and needs as the BoostInno partners wrote them in the 2016 synthesis.
const offers: MatchableOffer[] = [
  {
    id: 'strasbourg',
    cityId: 'strasbourg-fr',
    country: 'FR',
    title: 'Local currency and social impact funds',
    description: 'Public support to a local currency, the Stück, and funds investing in social enterprises with measured impact.',
    topics: ['impact finance', 'social economy'],
    labelYear: 2017,
  },
  {
    id: 'paris',
    cityId: 'paris-fr',
    country: 'FR',
    title: 'Public procurement for social entrepreneurs',
    description: 'Implementation of public procurement rules that give possibilities to social entrepreneurs in a circular economy.',
    topics: ['public procurement', 'circular economy'],
  },
  {
    id: 'braga',
    cityId: 'braga-pt',
    country: 'PT',
    title: 'A social enterprise funding local NGOs',
    description: 'A social enterprise which contributes some of its profits to local NGOs as a standard policy.',
    topics: ['social enterprises'],
  },
  {
    id: 'baia-mare',
    cityId: 'baia-mare-ro',
    country: 'RO',
    title: 'Social centres and social canteen on wheels',
    description: 'Neighbourhood multifunctional social centres for elderly, disabled and Roma persons; social canteen.',
    topics: ['social inclusion'],
  },
  {
    // Torino's own offer must never be suggested to Torino.
    id: 'torino-own',
    cityId: 'torino-it',
    country: 'IT',
    title: 'Torino Social Innovation impact funds',
    description: 'Impact funds for social entrepreneurship in Torino.',
    topics: ['impact finance'],
  },
  {
    id: 'milano',
    cityId: 'milano-it',
    country: 'IT',
    title: 'Impact funds for startups',
    description: 'A municipal fund co-investing in social impact startups.',
    topics: ['impact finance'],
  },
];

const torinoNeed: MatchableNeed = {
  id: 'torino-funds',
  cityId: 'torino-it',
  country: 'IT',
  title: 'How to develop new impact funds?',
  description: 'How to develop new impact funds and public/private brokerage for social enterprises.',
  topics: ['impact finance', 'social enterprises'],
};

const gdanskNeed: MatchableNeed = {
  id: 'gdansk-procurement',
  cityId: 'gdansk-pl',
  country: 'PL',
  title: 'Innovation in public procurement',
  description: 'How do other cities use public procurement to support social entrepreneurs?',
  topics: ['public procurement'],
};

describe('matching', () => {
  it('ranks the obvious peer first, and explains why', () => {
    const [first, ...rest] = new MatchingIndex(offers).suggestFor(torinoNeed, { otherCountryOnly: true });
    expect(first).toMatchObject({
      needId: 'torino-funds',
      offerId: 'strasbourg',
      offerCityId: 'strasbourg-fr',
      sharedTopics: ['impact finance'],
      topicCoverage: 0.5,
    });
    // The words of the need found in the offer, as the need wrote them, in its order.
    expect(first!.matchedTerms).toEqual(['impact', 'funds', 'public', 'social', 'enterprises']);
    // The parts add up to the score: half the topics, the best text match, and the label.
    expect(first!.parts).toEqual({ topics: WEIGHTS.topics * 0.5, text: WEIGHTS.text, label: WEIGHTS.label });
    expect(first!.score).toBeCloseTo(first!.parts.topics + first!.parts.text + first!.parts.label, 4);
    expect(first!.bm25).toBe(first!.bestBm25);
    // Braga shares the other topic; ranked below Strasbourg.
    expect(rest.map((s) => s.offerId)).toContain('braga');
    for (const s of rest) expect(s.score).toBeLessThan(first!.score);
  });

  it('applies the hard filters: never the same city; another country when asked', () => {
    const strict = new MatchingIndex(offers).suggestFor(torinoNeed, { otherCountryOnly: true, limitPerNeed: 0, minScore: 0 });
    expect(strict.map((s) => s.offerCityId)).not.toContain('torino-it');
    expect(strict.map((s) => s.offerCityId)).not.toContain('milano-it');
    const loose = new MatchingIndex(offers).suggestFor(torinoNeed, { limitPerNeed: 0, minScore: 0 });
    expect(loose.map((s) => s.offerCityId)).toContain('milano-it');
    expect(loose.map((s) => s.offerCityId)).not.toContain('torino-it');
  });

  it('does not suggest offers sharing neither a topic nor two meaningful words', () => {
    const all = new MatchingIndex(offers).suggestFor(torinoNeed, { limitPerNeed: 0, minScore: 0 });
    // Baia Mare only shares the word "social" with the need.
    expect(all.map((s) => s.offerId)).not.toContain('baia-mare');
  });

  it('reduces words to their stem and drops stop words', () => {
    expect(termOf('funds')).toBe(termOf('funding'));
    expect(termOf('the')).toBeNull();
    expect(termOf('cities')).toBeNull();
  });

  it('is reciprocal: a city sees who could help it and whom it could help, with the same scores', () => {
    const all = suggestMatches(offers, [torinoNeed, gdanskNeed], { limitPerNeed: 0 });
    const paris = reciprocalView(all, 'paris-fr');
    expect(paris.helpsMe).toEqual([]);
    expect(paris.iCanHelp[0]).toMatchObject({ needId: 'gdansk-procurement', needCityId: 'gdansk-pl', sharedTopics: ['public procurement'] });
    const torino = reciprocalView(all, 'torino-it');
    expect(torino.iCanHelp).toEqual([]);
    const strasbourgForTorino = torino.helpsMe.find((s) => s.offerCityId === 'strasbourg-fr')!;
    const torinoForStrasbourg = reciprocalView(all, 'strasbourg-fr').iCanHelp.find((s) => s.needCityId === 'torino-it')!;
    expect(torinoForStrasbourg).toEqual(strasbourgForTorino);
  });

  it('gives the same ranking every time (ties broken by offer id)', () => {
    const twins: MatchableOffer[] = ['b', 'a'].map((id) => ({
      id,
      cityId: `${id}city-fr`,
      country: 'FR',
      title: 'Impact funds',
      description: 'Impact funds',
      topics: ['impact finance'],
    }));
    const ranked = new MatchingIndex(twins).suggestFor(torinoNeed);
    expect(ranked.map((s) => s.offerId)).toEqual(['a', 'b']);
    expect(ranked[0]!.score).toBe(ranked[1]!.score);
  });

  it('in big sessions, searches a need by its most specific words', () => {
    // 60 offers all about "innovation"; one of them also about "zebra crossings" and "mural".
    const many: MatchableOffer[] = Array.from({ length: 60 }, (_, i) => ({
      id: `o${String(i).padStart(2, '0')}`,
      cityId: `c${i}-fr`,
      country: 'FR',
      title: `Innovation lab ${i}`,
      description: i === 7 ? 'Social innovation with zebra crossings and a mural' : `Social innovation number ${i} with partners`,
      topics: [],
    }));
    const need: MatchableNeed = {
      id: 'n',
      cityId: 'x-it',
      country: 'IT',
      title: 'Innovation for zebra crossings',
      description: 'Social innovation: painting a mural on zebra crossings',
      topics: [],
    };
    const [best] = new MatchingIndex(many).suggestFor(need);
    expect(best).toMatchObject({ offerId: 'o07' });
    // "innovation" and "social" are in every offer: not searched, so not among the reasons.
    expect(best!.matchedTerms).toEqual(['zebra', 'crossings', 'mural']);
    const wordy: MatchableNeed = { ...need, description: Array.from({ length: 30 }, (_, i) => `word${String.fromCharCode(97 + i % 26)}${i}`).join(' ') };
    for (const s of new MatchingIndex(many).suggestFor(wordy, { minScore: 0 })) expect(s.matchedTerms.length).toBeLessThanOrEqual(MAX_QUERY_TERMS);
  });
});
