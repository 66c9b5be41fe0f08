import { describe, expect, it, vi } from 'vitest';
import { findSession, marketplaceDirectory, sessionSuggestions } from '../../projections/marketplace/queries.js';
import { marketplaceProjection } from '../../projections/marketplace/sessions.js';
import { practicesProjection } from '../../projections/practice/practices.js';
import { projectionHarness } from '../support/projectionSpec.js';
import { NEED_TORINO, OFFER_STRASBOURG, needTorino, offerGdansk, offerStrasbourg, opened } from './fixtures.js';

/** Counts the matching indexes built: building one is whole-session work (linear in its offers). */
const built = vi.hoisted(() => ({ indexes: 0 }));
vi.mock('../../domain/marketplace/matching.js', async (original) => {
  const actual = await original<typeof import('../../domain/marketplace/matching.js')>();
  class CountedIndex extends actual.MatchingIndex {
    constructor(...args: ConstructorParameters<typeof actual.MatchingIndex>) {
      super(...args);
      built.indexes += 1;
    }
  }
  return { ...actual, MatchingIndex: CountedIndex };
});

const SESSION = '01JSESS10N0000000000000001';
const S = `marketplace-${SESSION}`;

async function session(events: readonly (typeof opened)[]) {
  const harness = await projectionHarness([marketplaceProjection, practicesProjection]);
  await harness.append(events.map((event) => ({ streamId: S, ...event })));
  await harness.catchUp();
  return harness;
}

describe('the reasons recorded with a match answer (no whole-session work in a command)', () => {
  it('come from the index the board was read from, not from one rebuilt after a later offer', async () => {
    const harness = await session([opened, offerStrasbourg, needTorino]);
    try {
      const [shown] = sessionSuggestions(harness.db, findSession(harness.db, SESSION)!);
      expect(shown).toMatchObject({ needId: NEED_TORINO, offerId: OFFER_STRASBOURG });
      const before = built.indexes;
      await harness.append([{ streamId: S, ...offerGdansk }]);
      await harness.catchUp();
      const reasons = marketplaceDirectory(harness.db).suggestionFor(SESSION, NEED_TORINO, OFFER_STRASBOURG);
      expect(built.indexes).toBe(before);
      expect(reasons).toEqual({ score: shown!.score, sharedTopics: ['impact finance'], matchedTerms: [...shown!.matchedTerms] });
    } finally {
      await harness.close();
    }
  });

  it('are none when no index was built for the session, rather than building one', async () => {
    const harness = await session([opened, offerStrasbourg, needTorino]);
    try {
      const before = built.indexes;
      expect(marketplaceDirectory(harness.db).suggestionFor(SESSION, NEED_TORINO, OFFER_STRASBOURG)).toBeNull();
      expect(built.indexes).toBe(before);
    } finally {
      await harness.close();
    }
  });
});
