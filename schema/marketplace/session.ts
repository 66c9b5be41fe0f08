import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { SessionScope } from '../../domain/marketplace/events.js';
import { CityId } from '../../domain/shared/values.js';
import {
  citySuggestions,
  findSession,
  findSessions,
  listMatches,
  listPosts,
  listSessions,
  sessionNetworkIds,
  sessionSuggestions,
} from '../../projections/marketplace/queries.js';
import type { SessionRow } from '../../projections/marketplace/sessions.js';
import { entityId } from '../../src/application/ids.js';
import { closeMarketplaceSession, openMarketplaceSession } from '../../src/application/marketplace.js';
import { entityField, readBeside, sourceOf } from '../asOf.js';
import { nestedPage } from '../nestedPage.js';
import { builder, type Context, type Types } from '../builder.js';
import { commandMutation, entityPayload } from '../command.js';
import { bareId } from '../journeySupport.js';
import { rowNode } from '../loaders.js';
import { sessionReaders, sessionRunners } from './access.js';
import { MatchStatusEnum, SessionScopeEnum, SessionStatusEnum } from './enums.js';
import { MarketplaceMatch, MarketplaceNeed, MarketplaceOffer, MarketplaceSession, MatchSuggestionRef } from './refs.js';
import { CitySuggestions, MatchingArgs, suggestionsOf } from './suggestions.js';

/** A marketplace session: its posts, matches and suggestions; opened and closed. */

/** The session's offers or needs, a city's only if asked. */
function postsOf(t: PothosSchemaTypes.ObjectFieldBuilder<Types, SessionRow>, side: 'offer' | 'need') {
  return t.connection({
    extensions: { defaultPageSize: 100 }, // counted by the cost model (src/server/queryCost.ts)
    type: side === 'offer' ? MarketplaceOffer : MarketplaceNeed,
    // Restricted fields are nullable: withholding one leaves the rest of the answer.
    nullable: true,
    authScopes: (row) => sessionReaders(row),
    args: { cityId: t.arg.string({ required: false, validate: CityId.nullish() }), includeWithdrawn: t.arg.boolean({ required: false }) },
    resolve: (row, args, context) => nestedPage(row, args, context, (db, limit, offset) => listPosts(db, row.id, side, args, limit, offset)),
  });
}

rowNode(MarketplaceSession, 'sessionId', findSessions, {
  description: 'A marketplace session: cities post offers ("give") and needs ("use"); the matcher suggests matches.',
  authScopes: (row) => sessionReaders(row),
  fields: (t) => ({
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    scope: t.field({ type: SessionScopeEnum, resolve: (row) => SessionScope.parse(row.scope) }),
    networkIds: t.idList({ resolve: (row) => sessionNetworkIds(row) }),
    otherCountryOnly: t.boolean({ description: 'Hard filter: matches only between cities of different countries.', resolve: (row) => row.other_country_only === 1 }),
    heldOn: t.expose('held_on', { type: 'Date', nullable: true }),
    place: t.exposeString('place'),
    status: t.field({ type: SessionStatusEnum, resolve: (row) => row.status }),
    openedAt: t.expose('opened_at', { type: 'DateTime' }),
    closedAt: t.expose('closed_at', { type: 'DateTime', nullable: true }),
    revision: t.exposeInt('revision'),
    offers: postsOf(t, 'offer'),
    needs: postsOf(t, 'need'),
    matches: t.connection({
      extensions: { defaultPageSize: 100 }, // counted by the cost model (src/server/queryCost.ts)
      type: MarketplaceMatch,
      nullable: true,
      description: 'Matches a side answered (accepted or declined).',
      authScopes: (row) => sessionReaders(row),
      args: { cityId: t.arg.string({ required: false, validate: CityId.nullish() }), status: t.arg({ type: MatchStatusEnum, required: false }) },
      resolve: (row, args, context) => nestedPage(row, args, context, (db, limit, offset) => listMatches(db, row.id, args, limit, offset)),
    }),
    suggestions: t.connection({
      extensions: { defaultPageSize: 100 }, // counted by the cost model (src/server/queryCost.ts)
      type: MatchSuggestionRef,
      nullable: true,
      description: 'Ranked match suggestions for every open need of the session (need by need, best first).',
      authScopes: (row) => sessionReaders(row),
      args: {
        perNeed: t.arg.int({ required: false, description: 'Suggestions per need (default 5, 0 for all).', validate: MatchingArgs.limit }),
        minScore: t.arg.float({ required: false, validate: MatchingArgs.minScore }),
        otherCountryOnly: t.arg.boolean({ required: false, description: 'Only offers from another country (always, when the session says so).' }),
      },
      resolve: (row, args, context) => {
        const db = sourceOf(row, context);
        const all = sessionSuggestions(db, row, {
          ...(args.perNeed != null ? { limitPerNeed: args.perNeed } : {}),
          ...(args.minScore != null ? { minScore: args.minScore } : {}),
          otherCountryOnly: args.otherCountryOnly ?? false,
        });
        return resolveOffsetConnection({ args, defaultSize: 100, maxSize: 1000 }, ({ limit, offset }) =>
          suggestionsOf(db, row.id, all.slice(offset, offset + limit)),
        );
      },
    }),
    suggestionsForCity: t.field({
      type: CitySuggestions,
      nullable: true,
      description: 'For one city: who could help it and whom it could help.',
      authScopes: (row) => sessionReaders(row),
      args: {
        cityId: t.arg.string({ required: true, validate: CityId }),
        limit: t.arg.int({ required: false, validate: MatchingArgs.limit }),
        minScore: t.arg.float({ required: false, validate: MatchingArgs.minScore }),
      },
      resolve: (row, args, context) => {
        const db = sourceOf(row, context);
        const view = citySuggestions(db, row, CityId.parse(args.cityId), {
          ...(args.limit != null ? { limit: args.limit } : {}),
          ...(args.minScore != null ? { minScore: args.minScore } : {}),
        });
        return { helpsMe: suggestionsOf(db, row.id, view.helpsMe), iCanHelp: suggestionsOf(db, row.id, view.iCanHelp) };
      },
    }),
  }),
});

builder.queryFields((t) => ({
  marketplaceSession: entityField(t, {
    type: MarketplaceSession,
    find: findSession,
    authScopes: (id, context) => sessionReaders(findSession(context.readModels, id)),
  }),
  marketplaceSessions: t.connection({
    type: MarketplaceSession,
    description:
      "A network's sessions (for its lead expert, partner coordinators and the secretariat); without a network, the programme-wide sessions (all sessions for the secretariat).",
    authScopes: (_root, args) => {
      if (!args.networkId) return { authenticated: true };
      const id = bareId(entityId('Network'), args.networkId);
      return { secretariat: true, leadExpertOf: id, partnerOf: id };
    },
    args: {
      networkId: t.arg.id({ required: false, validate: entityId('Network').nullish() }),
      status: t.arg({ type: SessionStatusEnum, required: false }),
    },
    resolve: (_root, args, context) => {
      const networkId = args.networkId ? entityId('Network').parse(args.networkId) : null;
      const scope = networkId || context.actor.role === 'secretariat' ? null : 'programme';
      return resolveOffsetConnection({ args, defaultSize: 50, maxSize: 200 }, ({ limit, offset }) =>
        listSessions(context.readModels, { networkId, status: args.status, scope }, limit, offset),
      );
    },
  }),
}));

// ---------------------------------------------------------------- mutations

/** The payload of every session command: the session, as the read models show it. */
export const sessionPayload = entityPayload('session', MarketplaceSession, findSession).payload;

commandMutation({
  useCase: openMarketplaceSession,
  description:
    "Opens a marketplace session for one network (its lead expert), across networks (the lead expert of each), or for the whole programme (the secretariat).",
  authScopes: ({ networkIds }) => sessionRunners(networkIds),
  payload: sessionPayload,
});

commandMutation({
  useCase: closeMarketplaceSession,
  description: 'Closes a session: no new offers, needs or matches; matches under way can still be answered and scheduled.',
  authScopes: ({ sessionId }, context) => {
    const session = findSession(context.readModels, sessionId);
    return session ? sessionRunners(sessionNetworkIds(session)) : { secretariat: true };
  },
  payload: sessionPayload,
});

/** The session a post or a match belongs to, from the read models the row came from. */
export function sessionOf(row: { session_id: string }, _args: unknown, context: Context): SessionRow {
  return readBeside(row, context, (db) => findSession(db, row.session_id)!);
}
