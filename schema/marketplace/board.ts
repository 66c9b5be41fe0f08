import { z } from 'zod';
import type { MarketplaceEvent } from '../../domain/marketplace/events.js';
import { sessionOfStream } from '../../domain/marketplace/streams.js';
import { findMatch, findPost, findSession, postSuggestions } from '../../projections/marketplace/queries.js';
import { entityId } from '../../src/application/ids.js';
import { isEventOfSession } from '../../src/application/marketplace.js';
import { appliedEvents, positionOf, type AppliedEvent } from '../../src/projections/appliedEvents.js';
import { builder, type Context } from '../builder.js';
import { enumOf } from '../inputs.js';
import { bareId } from '../journeySupport.js';
import { sessionReaders } from './access.js';
import { MarketplaceMatch, MarketplaceNeed, MarketplaceOffer, MatchSuggestionRef, type SuggestionValue } from './refs.js';
import { suggestionsOf } from './suggestions.js';

/** A session's live board: what is new, pushed over server-sent events. */

const BoardEventKind = z.enum(['offerPosted', 'needPosted', 'postWithdrawn', 'matchAccepted', 'matchDeclined', 'matchAgreed', 'meetingScheduled', 'sessionClosed']);
const BoardEventKindEnum = enumOf(BoardEventKind, 'MarketplaceBoardEventKind');

const boardKinds: Partial<Record<MarketplaceEvent['type'], z.infer<typeof BoardEventKind>>> = {
  MarketplaceOfferPosted: 'offerPosted',
  MarketplaceNeedPosted: 'needPosted',
  MarketplacePostWithdrawn: 'postWithdrawn',
  MarketplaceMatchAccepted: 'matchAccepted',
  MarketplaceMatchDeclined: 'matchDeclined',
  MarketplaceMatchAgreed: 'matchAgreed',
  MarketplaceMeetingScheduled: 'meetingScheduled',
  MarketplaceSessionClosed: 'sessionClosed',
};

/** The offer or need an event names: posted, withdrawn, or answered in a match. */
function postNamedBy(side: 'offer' | 'need') {
  return (e: AppliedEvent, _args: unknown, context: Context) => {
    const d = e.data as { offerId?: string; needId?: string; postId?: string; side?: string };
    const id = (side === 'offer' ? d.offerId : d.needId) ?? (d.side === side ? d.postId : undefined);
    return id ? (findPost(context.readModels, id) ?? null) : null;
  };
}

const boardSuggestions = new WeakMap<AppliedEvent, SuggestionValue[]>();

const BoardEvent = builder.objectRef<AppliedEvent>('MarketplaceBoardEvent').implement({
  description: 'Something new on a session board, pushed once the read models show it.',
  fields: (t) => ({
    kind: t.field({ type: BoardEventKindEnum, resolve: (e) => boardKinds[e.type as MarketplaceEvent['type']]! }),
    sessionId: t.id({ resolve: (e) => sessionOfStream(e.streamId)! }),
    position: t.string({ description: 'Position of the event in the log.', resolve: positionOf }),
    occurredAt: t.field({ type: 'DateTime', resolve: (e) => e.metadata.occurredAt }),
    offer: t.field({ type: MarketplaceOffer, nullable: true, resolve: postNamedBy('offer') }),
    need: t.field({ type: MarketplaceNeed, nullable: true, resolve: postNamedBy('need') }),
    match: t.field({
      type: MarketplaceMatch,
      nullable: true,
      resolve: (e, _a, context) => {
        const matchId = (e.data as { matchId?: string }).matchId;
        return matchId ? (findMatch(context.readModels, matchId) ?? null) : null;
      },
    }),
    suggestions: t.field({
      type: [MatchSuggestionRef],
      description: 'New matches: for a new need, the offers that could answer it; for a new offer, the needs it answers.',
      resolve: (e, _a, context) => {
        if (e.type !== 'MarketplaceOfferPosted' && e.type !== 'MarketplaceNeedPosted') return [];
        // Every watcher gets the same event object: rank once for all of them.
        const known = boardSuggestions.get(e);
        if (known) return known;
        const d = e.data as { offerId?: string; needId?: string };
        const post = findPost(context.readModels, (d.offerId ?? d.needId)!);
        const session = post ? findSession(context.readModels, post.session_id) : undefined;
        const result = post && session ? suggestionsOf(context.readModels, session.id, postSuggestions(context.readModels, session, post)) : [];
        boardSuggestions.set(e, result);
        return result;
      },
    }),
  }),
});

builder.subscriptionField('marketplaceBoard', (t) =>
  t.field({
    type: BoardEvent,
    description:
      "A session's live board over server-sent events: new offers, needs and matches, pushed to everyone watching once the read models show them.",
    authScopes: (_root, args, context) => sessionReaders(findSession(context.readModels, bareId(entityId('MarketplaceSession'), args.sessionId))),
    args: { sessionId: t.arg.id({ required: true, validate: entityId('MarketplaceSession') }) },
    subscribe: (_root, args, { app, actor }) => {
      const sessionId = entityId('MarketplaceSession').parse(args.sessionId);
      return appliedEvents(app.projections, (event) => isEventOfSession(event, sessionId) && event.type in boardKinds, actor.subject);
    },
    resolve: (event) => event,
  }),
);
