import type { MatchSuggestion } from '../../domain/marketplace/matching.js';
import type { MatchRow, PostRow, SessionRow } from '../../projections/marketplace/sessions.js';
import { builder } from '../builder.js';

/** The marketplace's GraphQL types refer to each other: their refs, implemented each in its own file. */

/** A suggestion of the matcher, with the session it was made in (to read its need and offer). */
export interface SuggestionValue extends MatchSuggestion {
  readonly sessionId: string;
}

export const MarketplaceSession = builder.objectRef<SessionRow>('MarketplaceSession');
export const MarketplaceOffer = builder.objectRef<PostRow>('MarketplaceOffer');
export const MarketplaceNeed = builder.objectRef<PostRow>('MarketplaceNeed');
export const MarketplaceMatch = builder.objectRef<MatchRow>('MarketplaceMatch');
export const MatchSuggestionRef = builder.objectRef<SuggestionValue>('MatchSuggestion');
