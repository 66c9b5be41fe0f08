import { decodeGlobalID, resolveOffsetConnection } from '@pothos/plugin-relay';
import { ulid } from 'ulid';
import { z } from 'zod';
import { learningNeedDecider } from '../domain/learningNeed/decider.js';
import {
  CloseSession,
  OpenSession,
  PostNeed,
  PostOffer,
  RespondToMatch,
  ScheduleMatchMeeting,
  WithdrawPost,
  type LearningNeedSnapshot,
  type MarketplaceCommand,
  type NetworkSnapshot as SessionNetworkSnapshot,
  type ParticipantSnapshot,
  type PracticeSnapshot,
} from '../domain/marketplace/commands.js';
import { marketplaceDecider } from '../domain/marketplace/decider.js';
import { MatchId, NeedKind, OfferKind, SessionScope, matchIdOf } from '../domain/marketplace/events.js';
import type { MatchSuggestion } from '../domain/marketplace/matching.js';
import { meetingDecider } from '../domain/meeting/decider.js';
import { meetingSnapshotOf } from '../domain/meeting/snapshot.js';
import { isPartner, networkDecider } from '../domain/network/decider.js';
import { findNetworkSnapshot } from '../src/application/networkSnapshot.js';
import { practiceDecider } from '../domain/practice/decider.js';
import { streamIdOf } from '../domain/shared/decider.js';
import { NotFoundError } from '../domain/shared/errors.js';
import { CityId, IsoDateTime } from '../domain/shared/values.js';
import { citySuggestions, findMatch, findMatches, findPost, findPosts, findSession, findSessions, listMatches, listPosts, listSessions, meetingsOfNeed, pairSuggestion, postSuggestions, sessionNetworkIds, sessionSuggestions } from '../projections/marketplace/queries.js';
import { findPractice } from '../projections/practice/queries.js';
import type { MatchRow, PostRow, SessionRow } from '../projections/marketplace/sessions.js';
import type { ReadModelStore } from '../projections/types.js';
import type { CommandOptions } from '../src/commands/handleCommand.js';
import { appliedEvents } from '../src/projections/appliedEvents.js';
import { positionToString, type RecordedEvent } from '../src/eventStore/port.js';
import { fromSource, readModelsAsOf, sourceOf } from './asOf.js';
import { loadManyFrom } from './loaders.js';
import { builder, type Context } from './builder.js';
import { legacyCommandMutation, entityPayload, type CommandPayload, type PayloadFieldBuilder } from './command.js';
import { entityId } from '../src/application/ids.js';
import { ContactInput, GoodPractice, PracticeContact } from './practice.js';

// ---------------------------------------------------------------- who may read and act

type ScopeMap = Record<string, unknown>;

/**
 * Any one of several networks grants the given scopes: `{ a: n1, $any: { a: n2, $any: ... } }`.
 * (A scope map holds one value per scope, so several networks nest.)
 */
export function anyNetwork(networkIds: readonly string[], scopes: (networkId: string) => ScopeMap, base: ScopeMap = {}): ScopeMap {
  const [first, ...rest] = networkIds;
  if (first === undefined) return base;
  return { ...base, ...scopes(first), ...(rest.length ? { $any: anyNetwork(rest, scopes) } : {}) };
}

/** Who reads a session: the secretariat, its networks' lead experts and partner coordinators; everyone signed in for programme-wide sessions. */
export function sessionReaders(session: Pick<SessionRow, 'network_ids' | 'scope'> | undefined): ScopeMap {
  if (!session) return { secretariat: true };
  if (session.scope === 'programme') return { authenticated: true };
  return anyNetwork(sessionNetworkIds(session), (id) => ({ leadExpertOf: id, partnerOf: id }), { secretariat: true });
}

/** Who runs a session: the secretariat, or the lead expert of every network of it. */
function sessionRunners(networkIds: readonly string[]): ScopeMap {
  if (networkIds.length === 0) return { secretariat: true };
  let all: ScopeMap = {};
  for (const id of [...networkIds].reverse()) all = { leadExpertOf: id, ...(Object.keys(all).length ? { $all: all } : {}) };
  return { secretariat: true, $all: all };
}

/** The bare id of an id argument (scopes may see it before it is transformed). */
function bare(typename: string, value: unknown): string {
  const parsed = entityId(typename).safeParse(value);
  return parsed.success ? parsed.data : String(value);
}

// ---------------------------------------------------------------- types

export const SessionScopeEnum = builder.enumType('MarketplaceSessionScope', {
  values: {
    network: { description: "One network's session." },
    crossNetwork: { description: 'A session across several networks.' },
    programme: { description: 'A session open to partners of every network.' },
  } as const,
});
export const SessionStatusEnum = builder.enumType('MarketplaceSessionStatus', { values: ['open', 'closed'] as const });
export const OfferKindEnum = builder.enumType('MarketplaceOfferKind', {
  values: {
    practice: { description: 'A practice of the catalogue.' },
    experience: { description: 'Experience the city can share, described in the offer.' },
  } as const,
});
export const NeedKindEnum = builder.enumType('MarketplaceNeedKind', {
  values: {
    learning: { description: 'What the city wants to learn.' },
    capacityBuilding: { description: 'A capacity-building need (skills, resources).' },
  } as const,
});
export const PostStatusEnum = builder.enumType('MarketplacePostStatus', { values: ['open', 'withdrawn'] as const });
export const MatchStatusEnum = builder.enumType('MarketplaceMatchStatus', {
  values: {
    proposed: { description: 'One side accepted; waiting for the other.' },
    agreed: { description: 'Both sides accepted.' },
    declined: { description: 'One side declined.' },
  } as const,
});
export const MatchAnswerEnum = builder.enumType('MarketplaceMatchAnswer', { values: ['accepted', 'declined'] as const });
export const MeetingFormatEnum = builder.enumType('MarketplaceMeetingFormat', {
  values: {
    bilateralMeeting: { description: 'A bilateral meeting between the two cities.' },
    siteVisit: { description: 'A site visit to the city that gives (a study visit on the journey).' },
  } as const,
});

const topicsOf = (json: string) => JSON.parse(json) as string[];

export const ScoreParts = builder.objectRef<MatchSuggestion['parts']>('MatchScoreParts').implement({
  description: 'The weighted parts of a score; they add up to it. Weights: topics 0.5, text 0.4, label 0.1.',
  fields: (t) => ({
    topics: t.exposeFloat('topics', { description: '0.5 x the share of the need\'s topics the offer also has.' }),
    text: t.exposeFloat('text', { description: '0.4 x the offer\'s BM25 text relevance, relative to the best offer for this need.' }),
    label: t.exposeFloat('label', { description: '0.1 when the offer is a practice with the URBACT Good Practice label.' }),
  }),
});

export interface SuggestionValue extends MatchSuggestion {
  readonly sessionId: string;
}

export const MatchSuggestionRef = builder.objectRef<SuggestionValue>('MatchSuggestion');
export const MarketplaceSession = builder.objectRef<SessionRow>('MarketplaceSession');
export const MarketplaceOffer = builder.objectRef<PostRow>('MarketplaceOffer');
export const MarketplaceNeed = builder.objectRef<PostRow>('MarketplaceNeed');
export const MarketplaceMatch = builder.objectRef<MatchRow>('MarketplaceMatch');

const ScheduledMeeting = builder.objectRef<MatchRow>('MarketplaceScheduledMeeting').implement({
  description: 'A bilateral meeting or site visit an agreed match scheduled.',
  fields: (t) => ({
    meetingId: t.id({ resolve: (row) => row.meeting_id! }),
    format: t.field({ type: MeetingFormatEnum, resolve: (row) => row.meeting_format! }),
    date: t.string({ resolve: (row) => row.meeting_date! }),
    hostCityId: t.string({ resolve: (row) => row.meeting_host_city_id! }),
    networkId: t.exposeID('meeting_network_id', { nullable: true }),
    title: t.string({ resolve: (row) => row.meeting_title! }),
    onJourney: t.boolean({
      description: "True when the meeting is also on the network's journey (a meeting of the journey, with its id).",
      resolve: (row) => row.meeting_recorded_in === 'journey',
    }),
    matchId: t.exposeID('id'),
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
    needId: t.exposeID('needId'),
    offerId: t.exposeID('offerId'),
    needCityId: t.exposeString('needCityId'),
    offerCityId: t.exposeString('offerCityId'),
    need: t.field({ type: MarketplaceNeed, resolve: (s, _a, context) => fromSource(sourceOf(s, context), findPost(sourceOf(s, context), s.needId)!) }),
    offer: t.field({ type: MarketplaceOffer, resolve: (s, _a, context) => fromSource(sourceOf(s, context), findPost(sourceOf(s, context), s.offerId)!) }),
    match: t.field({
      type: MarketplaceMatch,
      nullable: true,
      description: 'The match, once a side answered.',
      resolve: (s, _a, context) => fromSource(sourceOf(s, context), findMatch(sourceOf(s, context), `${s.needId}-${s.offerId}`) ?? null),
    }),
  }),
});

const suggestionsOf = (db: ReadModelStore, sessionId: string, list: readonly MatchSuggestion[]): SuggestionValue[] =>
  fromSource(db, list.map((s) => ({ ...s, sessionId })));

const CitySuggestions = builder
  .objectRef<{ helpsMe: SuggestionValue[]; iCanHelp: SuggestionValue[] }>('MarketplaceCitySuggestions')
  .implement({
    description: 'Matching is reciprocal: who could help the city, and whom it could help.',
    fields: (t) => ({
      helpsMe: t.field({ type: [MatchSuggestionRef], description: "Offers answering the city's needs, best first.", resolve: (v) => v.helpsMe }),
      iCanHelp: t.field({ type: [MatchSuggestionRef], description: "Other cities' needs the city's offers answer, best first.", resolve: (v) => v.iCanHelp }),
    }),
  });

const MatchingArgs = {
  minScore: z.number().min(0).max(1).nullish(),
  limit: z.number().int().min(0).max(100).nullish(),
};

builder.node(MarketplaceSession, {
  description: 'A marketplace session: cities post offers ("give") and needs ("use"); the matcher suggests matches.',
  id: { resolve: (row) => row.id },
  loadMany: loadManyFrom(findSessions),
  authScopes: (row) => sessionReaders(row),
  fields: (t) => ({
    sessionId: t.exposeID('id'),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    scope: t.field({ type: SessionScopeEnum, resolve: (row) => SessionScope.parse(row.scope) }),
    networkIds: t.idList({ resolve: (row) => sessionNetworkIds(row) }),
    otherCountryOnly: t.boolean({ description: 'Hard filter: matches only between cities of different countries.', resolve: (row) => row.other_country_only === 1 }),
    heldOn: t.exposeString('held_on', { nullable: true }),
    place: t.exposeString('place'),
    status: t.field({ type: SessionStatusEnum, resolve: (row) => row.status }),
    openedAt: t.exposeString('opened_at'),
    closedAt: t.exposeString('closed_at', { nullable: true }),
    revision: t.exposeInt('revision'),
    offers: t.connection({
      type: MarketplaceOffer,
      authScopes: (row) => sessionReaders(row),
      args: { cityId: t.arg.string({ required: false, validate: CityId.nullish() }), includeWithdrawn: t.arg.boolean({ required: false }) },
      resolve: (row, args, context) => {
        const db = sourceOf(row, context);
        return resolveOffsetConnection({ args, defaultSize: 100, maxSize: 500 }, ({ limit, offset }) =>
          fromSource(db, listPosts(db, row.id, 'offer', args, limit, offset)),
        );
      },
    }),
    needs: t.connection({
      type: MarketplaceNeed,
      authScopes: (row) => sessionReaders(row),
      args: { cityId: t.arg.string({ required: false, validate: CityId.nullish() }), includeWithdrawn: t.arg.boolean({ required: false }) },
      resolve: (row, args, context) => {
        const db = sourceOf(row, context);
        return resolveOffsetConnection({ args, defaultSize: 100, maxSize: 500 }, ({ limit, offset }) =>
          fromSource(db, listPosts(db, row.id, 'need', args, limit, offset)),
        );
      },
    }),
    matches: t.connection({
      type: MarketplaceMatch,
      description: 'Matches a side answered (accepted or declined).',
      authScopes: (row) => sessionReaders(row),
      args: { cityId: t.arg.string({ required: false, validate: CityId.nullish() }), status: t.arg({ type: MatchStatusEnum, required: false }) },
      resolve: (row, args, context) => {
        const db = sourceOf(row, context);
        return resolveOffsetConnection({ args, defaultSize: 100, maxSize: 500 }, ({ limit, offset }) =>
          fromSource(db, listMatches(db, row.id, args, limit, offset)),
        );
      },
    }),
    suggestions: t.connection({
      type: MatchSuggestionRef,
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

function sessionOfPost(row: { session_id: string }, context: Context): SessionRow {
  return fromSource(sourceOf(row, context), findSession(sourceOf(row, context), row.session_id)!);
}

const sharedPostFields = {
  session: (row: { session_id: string }, _a: unknown, context: Context) => sessionOfPost(row, context),
};

builder.node(MarketplaceOffer, {
  description: 'An offer ("give"): a practice of the catalogue, or experience a city can share.',
  id: { resolve: (row) => row.id },
  loadMany: loadManyFrom(findPosts, (r) => r.side === 'offer'),
  authScopes: (row, context) => sessionReaders(findSession(sourceOf(row, context), row.session_id)),
  fields: (t) => ({
    offerId: t.exposeID('id'),
    session: t.field({ type: MarketplaceSession, resolve: sharedPostFields.session }),
    cityId: t.exposeString('city_id'),
    cityName: t.exposeString('city_name'),
    country: t.exposeString('country'),
    networkId: t.exposeID('network_id', { nullable: true }),
    kind: t.field({ type: OfferKindEnum, resolve: (row) => OfferKind.parse(row.kind) }),
    practice: t.field({
      type: GoodPractice,
      nullable: true,
      resolve: (row, _a, context) => (row.practice_id ? (findPractice(sourceOf(row, context), row.practice_id) ?? null) : null),
    }),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    topics: t.stringList({ resolve: (row) => topicsOf(row.topics) }),
    contact: t.field({ type: PracticeContact, nullable: true, resolve: (row) => (row.contact ? JSON.parse(row.contact) : null) }),
    status: t.field({ type: PostStatusEnum, resolve: (row) => row.status }),
    postedAt: t.exposeString('posted_at'),
    suggestions: t.field({
      type: [MatchSuggestionRef],
      description: "Needs of other cities this offer answers, best first.",
      args: { limit: t.arg.int({ required: false, validate: MatchingArgs.limit }) },
      resolve: (row, args, context) => {
        const db = sourceOf(row, context);
        return suggestionsOf(db, row.session_id, postSuggestions(db, findSession(db, row.session_id)!, row, args.limit ?? 5));
      },
    }),
  }),
});

builder.node(MarketplaceNeed, {
  description: 'A need ("use"): what a city wants to learn, or a capacity it wants to build.',
  id: { resolve: (row) => row.id },
  loadMany: loadManyFrom(findPosts, (r) => r.side === 'need'),
  authScopes: (row, context) => sessionReaders(findSession(sourceOf(row, context), row.session_id)),
  fields: (t) => ({
    needId: t.exposeID('id'),
    session: t.field({ type: MarketplaceSession, resolve: sharedPostFields.session }),
    cityId: t.exposeString('city_id'),
    cityName: t.exposeString('city_name'),
    country: t.exposeString('country'),
    networkId: t.exposeID('network_id', { nullable: true }),
    kind: t.field({ type: NeedKindEnum, resolve: (row) => NeedKind.parse(row.kind) }),
    learningNeedId: t.exposeID('learning_need_id', { nullable: true, description: "The learning need of the city's journey it comes from." }),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    topics: t.stringList({ resolve: (row) => topicsOf(row.topics) }),
    status: t.field({ type: PostStatusEnum, resolve: (row) => row.status }),
    postedAt: t.exposeString('posted_at'),
    suggestions: t.field({
      type: [MatchSuggestionRef],
      description: 'Offers that could answer this need, best first.',
      args: { limit: t.arg.int({ required: false, validate: MatchingArgs.limit }) },
      resolve: (row, args, context) => {
        const db = sourceOf(row, context);
        return suggestionsOf(db, row.session_id, postSuggestions(db, findSession(db, row.session_id)!, row, args.limit ?? 5));
      },
    }),
    meetings: t.field({
      type: [ScheduledMeeting],
      description: 'Bilateral meetings and site visits scheduled for this need from agreed matches.',
      resolve: (row, _a, context) => meetingsOfNeed(sourceOf(row, context), row.id),
    }),
  }),
});

builder.node(MarketplaceMatch, {
  description: 'A match of a need with an offer that a side answered. Both sides accept for it to be agreed.',
  id: { resolve: (row) => row.id },
  loadMany: loadManyFrom(findMatches),
  authScopes: (row, context) => sessionReaders(findSession(sourceOf(row, context), row.session_id)),
  fields: (t) => ({
    matchId: t.exposeID('id'),
    session: t.field({ type: MarketplaceSession, resolve: sharedPostFields.session }),
    need: t.field({ type: MarketplaceNeed, resolve: (row, _a, context) => fromSource(sourceOf(row, context), findPost(sourceOf(row, context), row.need_id)!) }),
    offer: t.field({ type: MarketplaceOffer, resolve: (row, _a, context) => fromSource(sourceOf(row, context), findPost(sourceOf(row, context), row.offer_id)!) }),
    needCityId: t.exposeString('need_city_id'),
    offerCityId: t.exposeString('offer_city_id'),
    needAnswer: t.field({ type: MatchAnswerEnum, nullable: true, resolve: (row) => row.need_answer }),
    offerAnswer: t.field({ type: MatchAnswerEnum, nullable: true, resolve: (row) => row.offer_answer }),
    needNote: t.exposeString('need_note', { nullable: true }),
    offerNote: t.exposeString('offer_note', { nullable: true }),
    status: t.field({ type: MatchStatusEnum, resolve: (row) => row.status }),
    suggestedScore: t.float({
      nullable: true,
      description: 'The score the matcher gave when the first side answered.',
      resolve: (row) => (row.suggestion ? (JSON.parse(row.suggestion) as { score: number }).score : null),
    }),
    suggestedBecause: t.stringList({
      description: 'Shared topics and matched words when the first side answered.',
      resolve: (row) => {
        if (!row.suggestion) return [];
        const s = JSON.parse(row.suggestion) as { sharedTopics: string[]; matchedTerms: string[] };
        return [...s.sharedTopics.map((x) => `topic: ${x}`), ...s.matchedTerms.map((x) => `word: ${x}`)];
      },
    }),
    proposedAt: t.exposeString('proposed_at'),
    updatedAt: t.exposeString('updated_at'),
    meeting: t.field({ type: ScheduledMeeting, nullable: true, resolve: (row) => (row.meeting_id ? row : null) }),
  }),
});

// ---------------------------------------------------------------- queries

builder.queryFields((t) => ({
  marketplaceSession: t.field({
    type: MarketplaceSession,
    nullable: true,
    authScopes: (_root, args, context) => sessionReaders(findSession(context.readModels, bare('MarketplaceSession', args.id))),
    args: {
      id: t.arg.id({ required: true, validate: entityId('MarketplaceSession') }),
      asOf: t.arg.string({ required: false, validate: IsoDateTime.nullish() }),
    },
    resolve: async (_root, args, context) => {
      const db = await readModelsAsOf(context, args.asOf);
      return fromSource(db, findSession(db, entityId('MarketplaceSession').parse(args.id)) ?? null);
    },
  }),
  marketplaceSessions: t.connection({
    type: MarketplaceSession,
    description:
      "A network's sessions (for its lead expert, partner coordinators and the secretariat); without a network, the programme-wide sessions (all sessions for the secretariat).",
    authScopes: (_root, args) =>
      args.networkId
        ? (() => {
            const id = bare('Network', args.networkId);
            return { secretariat: true, leadExpertOf: id, partnerOf: id };
          })()
        : { authenticated: true },
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

// ---------------------------------------------------------------- snapshots for the deciders

async function networkStatuses(context: Context, networkIds: readonly string[]): Promise<Record<string, SessionNetworkSnapshot>> {
  const result: Record<string, SessionNetworkSnapshot> = {};
  for (const id of networkIds) {
    const { state } = await context.app.commands.load(networkDecider, streamIdOf('network', id));
    result[id] = state.status;
  }
  return result;
}

/** How a city takes part in a session: as a current partner of one of its networks (the first). */
async function participantOf(context: Context, session: SessionRow | undefined, cityId: string): Promise<ParticipantSnapshot | null> {
  if (!session) return null;
  const networkIds = sessionNetworkIds(session);
  if (networkIds.length === 0) {
    const row = context.readModels.get<{ name: string }>(
      `SELECT name FROM partners WHERE city_id = ? AND status = 'active' ORDER BY joined_at LIMIT 1`,
      [cityId],
    );
    return row ? { name: row.name, networkId: null } : null;
  }
  for (const networkId of networkIds) {
    const { state } = await context.app.commands.load(networkDecider, streamIdOf('network', networkId));
    const partner = state.partners[cityId];
    if (partner) return { name: partner.name, networkId };
  }
  return null;
}

async function practiceSnapshot(context: Context, practiceId: string | null): Promise<PracticeSnapshot | null> {
  if (!practiceId) return null;
  const { state } = await context.app.commands.load(practiceDecider, streamIdOf('practice', practiceId));
  if (state.status === 'none') return null;
  return {
    practiceId,
    cityId: state.cityId!,
    title: state.title!,
    summary: state.summary!,
    topics: state.topics ?? [],
    contact: state.contact ?? null,
    withdrawn: state.status === 'withdrawn',
  };
}

/** A learning need of the journey (issue 3's learning-need aggregate), as a marketplace need uses it. */
async function learningNeedSnapshot(context: Context, learningNeedId: string | null): Promise<LearningNeedSnapshot | null> {
  if (!learningNeedId) return null;
  const { state } = await context.app.commands.load(learningNeedDecider, streamIdOf(learningNeedDecider.category, learningNeedId));
  if (state.status === 'unraised') return null;
  const description = state.description ?? '';
  return {
    learningNeedId,
    cityId: state.cityId!,
    title: description.length > 200 ? `${description.slice(0, 197)}...` : description,
    description,
    topics: state.topics ?? [],
    closed: state.status === 'closed' || state.status === 'withdrawn',
  };
}

// ---------------------------------------------------------------- mutations

const SessionTarget = z.object({ sessionId: entityId('MarketplaceSession') });

const sessionPayload = entityPayload('session', MarketplaceSession, findSession).payload;

function runSession(command: MarketplaceCommand, sessionId: string, context: Context, options: CommandOptions) {
  return context.app.execute(marketplaceDecider, streamIdOf(marketplaceDecider.category, sessionId), command, options);
}

legacyCommandMutation({
  name: 'openMarketplaceSession',
  description:
    "Opens a marketplace session for one network (its lead expert), across networks (the lead expert of each), or for the whole programme (the secretariat).",
  input: (t) => ({
    title: t.string({ required: true }),
    description: t.string({ required: false }),
    networkIds: t.idList({ required: false, description: 'One network, several, or none for a programme-wide session.' }),
    otherCountryOnly: t.boolean({ required: false, description: 'Hard filter: match only cities of different countries.' }),
    heldOn: t.string({ required: false, description: 'YYYY-MM-DD' }),
    place: t.string({ required: false }),
  }),
  schema: OpenSession.extend({
    networkIds: z
      .array(entityId('Network'))
      .max(20, 'at most 20 networks')
      .nullish()
      .transform((ids) => [...new Set(ids ?? [])]),
  }),
  authScopes: ({ networkIds }) => sessionRunners(networkIds),
  execute: async (input, context, options) =>
    context.app.execute(
      marketplaceDecider,
      { create: marketplaceDecider.category },
      { type: 'OpenSession', data: { ...input, networks: await networkStatuses(context, input.networkIds) } },
      options,
    ),
  payload: sessionPayload,
});

legacyCommandMutation({
  name: 'closeMarketplaceSession',
  description: 'Closes a session: no new offers, needs or matches; matches under way can still be answered and scheduled.',
  input: (t) => ({ sessionId: t.id({ required: true }), reason: t.string({ required: false }) }),
  schema: SessionTarget.extend(CloseSession.shape),
  authScopes: ({ sessionId }, context) => {
    const session = findSession(context.readModels, sessionId);
    return session ? sessionRunners(sessionNetworkIds(session)) : { secretariat: true };
  },
  execute: ({ sessionId, ...data }, context, options) => runSession({ type: 'CloseSession', data }, sessionId, context, options),
  payload: sessionPayload,
});

const offerPayload = (t: PayloadFieldBuilder) => ({
  ...sessionPayload(t),
  offer: t.field({
    type: MarketplaceOffer,
    nullable: true,
    resolve: (payload: CommandPayload, _a: unknown, context: Context) => {
      const postId = postIdOf(payload.events);
      return postId ? (findPost(context.readModels, postId) ?? null) : null;
    },
  }),
});

const needPayload = (t: PayloadFieldBuilder) => ({
  ...sessionPayload(t),
  need: t.field({
    type: MarketplaceNeed,
    nullable: true,
    resolve: (payload: CommandPayload, _a: unknown, context: Context) => {
      const postId = postIdOf(payload.events);
      return postId ? (findPost(context.readModels, postId) ?? null) : null;
    },
  }),
});

/** The match a command answered or scheduled, from its events (also on an idempotent replay). */
function matchIdIn(events: readonly { type: string; data: unknown }[]): string | undefined {
  for (const e of events) {
    const d = e.data as { matchId?: string; needId?: string; offerId?: string };
    if (d.matchId) return d.matchId;
    if (e.type.startsWith('MarketplaceMatch') && d.needId && d.offerId) return matchIdOf(d.needId, d.offerId);
  }
  return undefined;
}

/** The id of the post the command created (also on an idempotent replay). */
function postIdOf(events: readonly { type: string; data: unknown }[]): string | undefined {
  for (const e of events) {
    const d = e.data as { offerId?: string; needId?: string };
    if (e.type === 'MarketplaceOfferPosted') return d.offerId;
    if (e.type === 'MarketplaceNeedPosted') return d.needId;
  }
  return undefined;
}

legacyCommandMutation({
  name: 'postMarketplaceOffer',
  description:
    'A city posts an offer ("give"): one of its practices of the catalogue (text and topics taken from it), or its experience described here. Its coordinators, or the secretariat.',
  input: (t) => ({
    sessionId: t.id({ required: true }),
    cityId: t.id({ required: true }),
    practiceId: t.id({ required: false, description: 'A practice of the catalogue of the same city.' }),
    title: t.string({ required: false }),
    description: t.string({ required: false }),
    topics: t.stringList({ required: false }),
    contact: t.field({ type: ContactInput, required: false }),
  }),
  schema: SessionTarget.extend(PostOffer.shape).extend({
    practiceId: entityId('GoodPractice').nullish().transform((v) => v ?? null),
  }),
  authScopes: ({ cityId }) => ({ secretariat: true, coordinatorOf: cityId }),
  execute: async ({ sessionId, ...data }, context, options) => {
    const session = findSession(context.readModels, sessionId);
    return runSession(
      {
        type: 'PostOffer',
        data: {
          ...data,
          offerId: ulid(),
          participant: await participantOf(context, session, data.cityId),
          practice: await practiceSnapshot(context, data.practiceId),
        },
      },
      sessionId,
      context,
      options,
    );
  },
  payload: offerPayload,
});

legacyCommandMutation({
  name: 'postMarketplaceNeed',
  description:
    "A city posts a need (\"use\"): a learning need of its journey (text and topics taken from it), or one described here. Its coordinators, or the secretariat.",
  input: (t) => ({
    sessionId: t.id({ required: true }),
    cityId: t.id({ required: true }),
    kind: t.field({ type: NeedKindEnum, required: false }),
    learningNeedId: t.id({ required: false, description: "A learning need of the city's journey." }),
    title: t.string({ required: false }),
    description: t.string({ required: false }),
    topics: t.stringList({ required: false }),
  }),
  schema: SessionTarget.extend(PostNeed.shape).extend({
    learningNeedId: entityId('LearningNeed').nullish().transform((v) => v ?? null),
  }),
  authScopes: ({ cityId }) => ({ secretariat: true, coordinatorOf: cityId }),
  execute: async ({ sessionId, ...data }, context, options) => {
    const session = findSession(context.readModels, sessionId);
    return runSession(
      {
        type: 'PostNeed',
        data: {
          ...data,
          needId: ulid(),
          participant: await participantOf(context, session, data.cityId),
          learningNeed: await learningNeedSnapshot(context, data.learningNeedId),
        },
      },
      sessionId,
      context,
      options,
    );
  },
  payload: needPayload,
});

legacyCommandMutation({
  name: 'withdrawMarketplacePost',
  description: "Withdraws an offer or a need from the session. The city's coordinators, or the secretariat.",
  input: (t) => ({ sessionId: t.id({ required: true }), postId: t.id({ required: true }), reason: t.string({ required: false }) }),
  schema: SessionTarget.extend(WithdrawPost.shape).extend({
    postId: z.string().trim().transform((v, ctx) => {
      for (const type of ['MarketplaceOffer', 'MarketplaceNeed']) {
        const parsed = entityId(type).safeParse(v);
        if (parsed.success) return parsed.data;
      }
      ctx.addIssue({ code: 'custom', message: 'must be the id of an offer or a need' });
      return z.NEVER;
    }),
  }),
  authScopes: ({ postId }, context) => {
    const post = findPost(context.readModels, postId);
    return post ? { secretariat: true, coordinatorOf: post.city_id } : { secretariat: true };
  },
  execute: ({ sessionId, ...data }, context, options) => runSession({ type: 'WithdrawPost', data }, sessionId, context, options),
  payload: sessionPayload,
});

const matchPayload = (t: PayloadFieldBuilder) => ({
  ...sessionPayload(t),
  match: t.field({
    type: MarketplaceMatch,
    nullable: true,
    resolve: (payload: CommandPayload, _a: unknown, context: Context) => {
      const matchId = matchIdIn(payload.events);
      return matchId ? (findMatch(context.readModels, matchId) ?? null) : null;
    },
  }),
});

legacyCommandMutation({
  name: 'respondToMarketplaceMatch',
  description:
    'The city with the need, or the one with the offer, accepts or declines a match (usually a suggestion). When both accepted, the match is agreed. Their coordinators, or the secretariat.',
  input: (t) => ({
    sessionId: t.id({ required: true }),
    needId: t.id({ required: true }),
    offerId: t.id({ required: true }),
    cityId: t.id({ required: true, description: 'The city answering.' }),
    accept: t.boolean({ required: true }),
    note: t.string({ required: false }),
  }),
  schema: SessionTarget.extend(RespondToMatch.shape).extend({
    needId: entityId('MarketplaceNeed'),
    offerId: entityId('MarketplaceOffer'),
  }),
  authScopes: ({ cityId }) => ({ secretariat: true, coordinatorOf: cityId }),
  execute: async ({ sessionId, ...data }, context, options) => {
    const session = findSession(context.readModels, sessionId);
    const suggestion = session ? pairSuggestion(context.readModels, session, data.needId, data.offerId) : undefined;
    return runSession(
      {
        type: 'RespondToMatch',
        data: {
          ...data,
          suggestion: suggestion
            ? { score: suggestion.score, sharedTopics: [...suggestion.sharedTopics], matchedTerms: [...suggestion.matchedTerms] }
            : null,
        },
      },
      sessionId,
      context,
      options,
    );
  },
  payload: matchPayload,
});

/**
 * Schedules the meeting of an agreed match. When both cities are partners of the learning city's
 * network (and it is open), the meeting is scheduled on that network's journey with the meeting
 * decider (a bilateral meeting, or a study visit for a site visit), and the journey's learning need
 * the marketplace need came from is addressed by it. Otherwise it is recorded in the marketplace.
 */
legacyCommandMutation({
  name: 'scheduleMarketplaceMeeting',
  description:
    "Schedules a bilateral meeting or a site visit (at the giving city) for an agreed match, on the journey of the learning city's network when both cities are its partners; the need records it.",
  input: (t) => ({
    sessionId: t.id({ required: true }),
    matchId: t.id({ required: true }),
    format: t.field({ type: MeetingFormatEnum, required: true }),
    date: t.string({ required: true, description: 'YYYY-MM-DD' }),
    hostCityId: t.id({ required: false, description: 'Defaults to the city that gives.' }),
    title: t.string({ required: false }),
  }),
  schema: SessionTarget.extend(ScheduleMatchMeeting.shape).extend({
    matchId: z.string().trim().transform((v, ctx) => {
      if (MatchId.safeParse(v).success) return v;
      try {
        const decoded = decodeGlobalID(v);
        if (decoded.typename === 'MarketplaceMatch' && MatchId.safeParse(decoded.id).success) return decoded.id;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: 'custom', message: 'must be the id of a MarketplaceMatch' });
      return z.NEVER;
    }),
  }),
  authScopes: ({ matchId }, context) => {
    const match = findMatch(context.readModels, matchId);
    if (!match) return { secretariat: true };
    const need = findPost(context.readModels, match.need_id);
    return {
      secretariat: true,
      coordinatorOf: match.need_city_id,
      $any: { coordinatorOf: match.offer_city_id, ...(need?.network_id ? { leadExpertOf: need.network_id } : {}) },
    };
  },
  execute: async ({ sessionId, ...input }, context, options) => {
    const { app } = context;
    const sessionStream = streamIdOf(marketplaceDecider.category, sessionId);
    const loaded = await app.commands.load(marketplaceDecider, sessionStream);
    const key = options.idempotency?.key;
    const retry = key !== undefined && loaded.events.some((e) => e.metadata.idempotencyKey === key);
    const match = loaded.state.matches[input.matchId];
    const need = match ? loaded.state.posts[match.needId] : undefined;
    const offer = match ? loaded.state.posts[match.offerId] : undefined;

    // Check the marketplace's own rules first, so that nothing is scheduled for a match that cannot have it.
    const command = (meetingId: string, recordedIn: 'marketplace' | 'journey'): MarketplaceCommand => ({
      type: 'ScheduleMatchMeeting',
      data: { ...input, meetingId, recordedIn },
    });
    if (!retry) marketplaceDecider.decide(command(ulid(), 'marketplace'), loaded.state);
    if (!match || !need || !offer) throw new NotFoundError('MarketplaceMatch', input.matchId);

    let meetingId = ulid();
    let recordedIn: 'marketplace' | 'journey' = 'marketplace';
    const network = need.networkId ? await findNetworkSnapshot(app, need.networkId) : null;
    const sub = (suffix: string): CommandOptions => ({
      actor: options.actor,
      ...(options.correlationId ? { correlationId: options.correlationId } : {}),
      ...(options.occurredAt ? { occurredAt: options.occurredAt } : {}),
      ...(options.idempotency ? { idempotency: { key: `${options.idempotency.key}:${suffix}`, fingerprint: options.idempotency.fingerprint } } : {}),
    });
    if (
      network &&
      !network.closed &&
      isPartner(network, need.cityId) &&
      isPartner(network, offer.cityId)
    ) {
      const hostCityId = input.hostCityId ?? offer.cityId;
      const label = input.format === 'siteVisit' ? 'Site visit' : 'Bilateral meeting';
      const scheduled = await app.execute(
        meetingDecider,
        streamIdOf(meetingDecider.category, meetingId),
        {
          type: 'ScheduleMeeting',
          data: {
            kind: input.format === 'siteVisit' ? 'studyVisit' : 'bilateralMeeting',
            title: input.title ?? `${label}: ${need.title}`,
            hostCityId,
            startDate: input.date,
            endDate: input.date,
            themes: [],
            guidingQuestions: [],
            partnerCityIds: [need.cityId, offer.cityId],
            origin: { kind: 'marketplaceMatch', id: input.matchId },
            network,
          },
        },
        sub('meeting'),
      );
      meetingId = scheduled.id;
      recordedIn = 'journey';
    }
    const result = await runSession(command(meetingId, recordedIn), sessionId, context, options);

    // The journey's learning need records the meeting that addresses it.
    if (recordedIn === 'journey' && need.learningNeedId && network) {
      const { state: meetingState } = await app.commands.load(meetingDecider, streamIdOf(meetingDecider.category, meetingId));
      const learningNeed = await app.commands.load(learningNeedDecider, streamIdOf(learningNeedDecider.category, need.learningNeedId));
      if (learningNeed.state.status === 'open' || learningNeed.state.status === 'addressed') {
        await app.execute(
          learningNeedDecider,
          streamIdOf(learningNeedDecider.category, need.learningNeedId),
          {
            type: 'AddressLearningNeed',
            data: {
              meetingId,
              peerCityId: null,
              note: `Marketplace match with ${offer.cityId}`,
              meeting: meetingSnapshotOf(meetingId, meetingState) ?? null,
              network,
            },
          },
          sub('learningNeed'),
        );
      }
    }
    return result;
  },
  payload: matchPayload,
});

// ---------------------------------------------------------------- live board

const BoardEventKindEnum = builder.enumType('MarketplaceBoardEventKind', {
  values: ['offerPosted', 'needPosted', 'postWithdrawn', 'matchAccepted', 'matchDeclined', 'matchAgreed', 'meetingScheduled', 'sessionClosed'] as const,
});

const boardKinds: Record<string, (typeof BoardEventKindEnum)['$inferType']> = {
  MarketplaceOfferPosted: 'offerPosted',
  MarketplaceNeedPosted: 'needPosted',
  MarketplacePostWithdrawn: 'postWithdrawn',
  MarketplaceMatchAccepted: 'matchAccepted',
  MarketplaceMatchDeclined: 'matchDeclined',
  MarketplaceMatchAgreed: 'matchAgreed',
  MarketplaceMeetingScheduled: 'meetingScheduled',
  MarketplaceSessionClosed: 'sessionClosed',
};

const boardSuggestions = new WeakMap<RecordedEvent, SuggestionValue[]>();

const BoardEvent = builder.objectRef<RecordedEvent>('MarketplaceBoardEvent').implement({
  description: 'Something new on a session board, pushed once the read models show it.',
  fields: (t) => ({
    kind: t.field({ type: BoardEventKindEnum, resolve: (e) => boardKinds[e.type]! }),
    sessionId: t.id({ resolve: (e) => e.streamId.slice(e.streamId.indexOf('-') + 1) }),
    position: t.string({ description: 'Position of the event in the log.', resolve: (e) => positionToString(e.position) }),
    occurredAt: t.string({ resolve: (e) => e.metadata.occurredAt }),
    offer: t.field({
      type: MarketplaceOffer,
      nullable: true,
      resolve: (e, _a, context) => {
        const d = e.data as { offerId?: string; postId?: string; side?: string };
        const id = d.offerId ?? (d.side === 'offer' ? d.postId : undefined);
        return id ? (findPost(context.readModels, id) ?? null) : null;
      },
    }),
    need: t.field({
      type: MarketplaceNeed,
      nullable: true,
      resolve: (e, _a, context) => {
        const d = e.data as { needId?: string; postId?: string; side?: string };
        const id = d.needId ?? (d.side === 'need' ? d.postId : undefined);
        return id ? (findPost(context.readModels, id) ?? null) : null;
      },
    }),
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
    authScopes: (_root, args, context) => sessionReaders(findSession(context.readModels, bare('MarketplaceSession', args.sessionId))),
    args: { sessionId: t.arg.id({ required: true, validate: entityId('MarketplaceSession') }) },
    subscribe: (_root, args, { app }) => {
      const stream = streamIdOf(marketplaceDecider.category, entityId('MarketplaceSession').parse(args.sessionId));
      return appliedEvents(app.projections, (event) => event.streamId === stream && event.type in boardKinds);
    },
    resolve: (event) => event,
  }),
);
