import { matchIdOf } from '../../domain/marketplace/events.js';
import { findMatch, findMatches, findPost } from '../../projections/marketplace/queries.js';
import type { MatchRow } from '../../projections/marketplace/sessions.js';
import { respondToMarketplaceMatch, scheduleMarketplaceMeeting } from '../../src/application/marketplace.js';
import { readBeside } from '../asOf.js';
import { builder, type Context } from '../builder.js';
import { commandMutation, type CommandPayload, type PayloadFieldBuilder } from '../command.js';
import { rowNode } from '../loaders.js';
import { readersOfSessionOf } from './access.js';
import { MatchAnswerEnum, MatchStatusEnum, MeetingFormatEnum } from './enums.js';
import { MarketplaceMatch, MarketplaceNeed, MarketplaceOffer, MarketplaceSession } from './refs.js';
import { sessionOf, sessionPayload } from './session.js';

/** Matches: both sides answer; an agreed match schedules a bilateral meeting or a site visit. */

export const ScheduledMeeting = builder.objectRef<MatchRow>('MarketplaceScheduledMeeting').implement({
  description: 'A bilateral meeting or site visit an agreed match scheduled.',
  fields: (t) => ({
    meetingId: t.id({ resolve: (row) => row.meeting_id! }),
    format: t.field({ type: MeetingFormatEnum, resolve: (row) => row.meeting_format! }),
    date: t.field({ type: 'Date', resolve: (row) => row.meeting_date! }),
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

/** A post of the match, from the read models the match came from. */
const postOf = (row: MatchRow, postId: string, context: Context) => readBeside(row, context, (db) => findPost(db, postId)!);

rowNode(MarketplaceMatch, 'matchId', findMatches, {
  description: 'A match of a need with an offer that a side answered. Both sides accept for it to be agreed.',
  authScopes: readersOfSessionOf,
  fields: (t) => ({
    session: t.field({ type: MarketplaceSession, resolve: sessionOf }),
    need: t.field({ type: MarketplaceNeed, resolve: (row, _a, context) => postOf(row, row.need_id, context) }),
    offer: t.field({ type: MarketplaceOffer, resolve: (row, _a, context) => postOf(row, row.offer_id, context) }),
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
    proposedAt: t.expose('proposed_at', { type: 'DateTime' }),
    updatedAt: t.expose('updated_at', { type: 'DateTime' }),
    meeting: t.field({ type: ScheduledMeeting, nullable: true, resolve: (row) => (row.meeting_id ? row : null) }),
  }),
});

// ---------------------------------------------------------------- mutations

/** The match a command answered or scheduled, from its events (also on an idempotent replay). */
function matchIdIn(events: readonly { type: string; data: unknown }[]): string | undefined {
  for (const e of events) {
    const d = e.data as { matchId?: string; needId?: string; offerId?: string };
    if (d.matchId) return d.matchId;
    if (e.type.startsWith('MarketplaceMatch') && d.needId && d.offerId) return matchIdOf(d.needId, d.offerId);
  }
  return undefined;
}

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

commandMutation({
  useCase: respondToMarketplaceMatch,
  description:
    'The city with the need, or the one with the offer, accepts or declines a match (usually a suggestion). When both accepted, the match is agreed. Their coordinators, or the secretariat.',
  authScopes: ({ cityId }) => ({ secretariat: true, coordinatorOf: cityId }),
  payload: matchPayload,
});

commandMutation({
  useCase: scheduleMarketplaceMeeting,
  description:
    "Schedules a bilateral meeting or a site visit (at the giving city) for an agreed match, on the journey of the learning city's network when both cities are its partners; the need records it.",
  // The two cities' coordinators, the lead expert of the learning city's network, or the secretariat.
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
  payload: matchPayload,
});
