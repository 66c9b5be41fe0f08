import type { NetworkRow } from '../projections/network/networks.js';
import type { PartnerRow } from '../projections/network/partners.js';
import { findNetwork, listPartners } from '../projections/network/queries.js';
import { countMeetings, listMeetings, participationByCity, type MeetingFilter } from '../projections/meeting/queries.js';
import { listNeeds, needCoverage, type NeedCoverageRow, type NeedFilter } from '../projections/learningNeed/queries.js';
import type { ReadModelStore } from '../projections/types.js';
import { fromSource, pageFrom, readModelsAsOf } from './asOf.js';
import { builder } from './builder.js';
import { entityId } from '../src/application/ids.js';
import { AsOfArg, bareId, CityArg, DateArg, journeyScope, networkMembers, TopicArg } from './journeySupport.js';
import { LearningNeed, NeedStatusEnum } from './learningNeed.js';
import { Meeting } from './meeting.js';
import { Network, Partner } from './network.js';

/** A network's learning journey, as of a moment, narrowed by the query's filters. */
interface JourneyShape {
  readonly db: ReadModelStore;
  readonly network: NetworkRow;
  readonly asOf: string | null;
  readonly meetings: MeetingFilter;
  readonly needs: NeedFilter;
  readonly includeFormerPartners: boolean;
}

interface CoverageShape {
  readonly raised: number;
  readonly open: number;
  readonly addressed: number;
  readonly closed: number;
  readonly withdrawn: number;
}

interface PartnerJourneyShape {
  readonly journey: JourneyShape;
  readonly partner: PartnerRow;
  readonly coverage: CoverageShape;
  readonly participation: { meetings: number; people: number; learnings: number };
}

const ZERO: CoverageShape = { raised: 0, open: 0, addressed: 0, closed: 0, withdrawn: 0 };

const sum = (rows: readonly CoverageShape[]): CoverageShape =>
  rows.reduce(
    (total, r) => ({
      raised: total.raised + r.raised,
      open: total.open + r.open,
      addressed: total.addressed + r.addressed,
      closed: total.closed + r.closed,
      withdrawn: total.withdrawn + r.withdrawn,
    }),
    ZERO,
  );

const NeedCoverage = builder.objectRef<CoverageShape>('NeedCoverage').implement({
  description: 'How far needs were addressed. Withdrawn needs do not count towards coverage.',
  fields: (t) => ({
    raised: t.exposeInt('raised', { description: 'All needs raised (withdrawn included).' }),
    open: t.exposeInt('open', { description: 'Still open: not addressed by any meeting or peer yet.' }),
    addressed: t.exposeInt('addressed', { description: 'Addressed by at least one meeting or peer (closed ones included).' }),
    closed: t.exposeInt('closed'),
    withdrawn: t.exposeInt('withdrawn'),
    coverage: t.float({
      nullable: true,
      description: 'addressed / (raised - withdrawn), from 0 to 1; null when no need counts.',
      resolve: (c) => {
        const counted = c.raised - c.withdrawn;
        return counted > 0 ? Math.round((c.addressed / counted) * 10_000) / 10_000 : null;
      },
    }),
  }),
});

const PartnerJourney = builder.objectRef<PartnerJourneyShape>('PartnerJourney').implement({
  description: 'One partner\'s journey: its needs and how far they were addressed, its participation.',
  fields: (t) => ({
    partner: t.field({ type: Partner, resolve: (p) => p.partner }),
    needCoverage: t.field({ type: NeedCoverage, resolve: (p) => p.coverage }),
    needs: t.connection({
      type: LearningNeed,
      description: 'The partner\'s needs (within the journey\'s filters), highest priority first.',
      args: { status: t.arg({ type: NeedStatusEnum, required: false }) },
      resolve: (p, args) => {
        const { db, needs } = p.journey;
        return pageFrom(db, args, (limit, offset) => listNeeds(db, { ...needs, cityId: p.partner.city_id, status: args.status }, limit, offset));
      },
    }),
    meetingsAttended: t.int({ resolve: (p) => p.participation.meetings }),
    peopleSent: t.int({ description: 'Attendances recorded for the partner.', resolve: (p) => p.participation.people }),
    learningCount: t.int({ description: 'Lessons the partner learnt at meetings.', resolve: (p) => p.participation.learnings }),
  }),
});

const Journey = builder.objectRef<JourneyShape>('Journey').implement({
  description: 'A network\'s learning journey: its meetings in order, and per partner the needs raised and addressed.',
  fields: (t) => ({
    network: t.field({ type: Network, resolve: (j) => fromSource(j.db, j.network) }),
    asOf: t.field({ type: 'DateTime', nullable: true, description: 'The moment the journey is told as of; null for now.', resolve: (j) => j.asOf }),
    meetingCount: t.int({ description: 'Meetings in the timeline.', resolve: (j) => countMeetings(j.db, j.meetings) }),
    timeline: t.connection({
      type: Meeting,
      description: 'Meetings in date order with their themes, attendance and learnings (cancelled ones only when asked).',
      resolve: (j, args) =>
        pageFrom(j.db, args, (limit, offset) => listMeetings(j.db, j.meetings, limit, offset)),
    }),
    needCoverage: t.field({
      type: NeedCoverage,
      description: 'Needs of the partners shown, summed.',
      resolve: (j) => sum(partnerJourneys(j).map((p) => p.coverage)),
    }),
    partners: t.field({ type: [PartnerJourney], resolve: (j) => partnerJourneys(j) }),
  }),
});

function partnerJourneys(j: JourneyShape): PartnerJourneyShape[] {
  const coverage = new Map<string, NeedCoverageRow>(needCoverage(j.db, j.needs).map((row) => [row.city_id, row]));
  const participation = new Map(participationByCity(j.db, j.meetings).map((row) => [row.city_id, row]));
  const cityId = j.needs.cityId;
  return listPartners(j.db, j.network.id, true)
    .filter((p) => (cityId ? p.city_id === cityId : p.status === 'active' || j.includeFormerPartners || coverage.has(p.city_id)))
    .map((partner) => ({
      journey: j,
      partner,
      coverage: coverage.get(partner.city_id) ?? ZERO,
      participation: participation.get(partner.city_id) ?? { meetings: 0, people: 0, learnings: 0 },
    }));
}

builder.queryField('journey', (t) =>
  t.field({
    type: Journey,
    nullable: true,
    description:
      'A network\'s learning journey, optionally for one partner, one topic and one period, as of a moment. For the secretariat, the network\'s lead expert and coordinators of its partner cities.',
    authScopes: (_root, args) => networkMembers(bareId(entityId('Network'), args.networkId)),
    args: {
      networkId: t.arg.id({ required: true, validate: entityId('Network') }),
      cityId: t.arg.id({ required: false, validate: CityArg, description: 'One partner: its meetings and its needs.' }),
      topic: t.arg.string({ required: false, validate: TopicArg, description: 'Part of a meeting theme or of a need\'s topic.' }),
      from: t.arg({ type: 'Date', required: false, validate: DateArg, description: 'YYYY-MM-DD: meetings ending, needs raised, on or after.' }),
      to: t.arg({ type: 'Date', required: false, validate: DateArg, description: 'YYYY-MM-DD: meetings starting, needs raised, on or before.' }),
      includeCancelled: t.arg.boolean({ required: false, description: 'Show cancelled meetings in the timeline.' }),
      includeFormerPartners: t.arg.boolean({ required: false, description: 'List partners that left even without needs.' }),
      asOf: t.arg({ type: 'DateTime', required: false, validate: AsOfArg, description: 'The journey as it was then (a date: the end of that day in UTC).' }),
      knownAt: t.arg({ type: 'DateTime', required: false, validate: AsOfArg, description: 'ISO date-time: the journey as the ledger knew it then (facts recorded later left out).' }),
    },
    resolve: async (_root, args, context) => {
      const db = await readModelsAsOf(context, args.asOf, args.knownAt);
      const common = journeyScope(args);
      const network = findNetwork(db, common.networkId);
      if (!network) return null;
      return {
        db,
        network,
        asOf: args.asOf ? new Date(args.asOf).toISOString() : null,
        meetings: { ...common, includeCancelled: args.includeCancelled ?? false },
        needs: common,
        includeFormerPartners: args.includeFormerPartners ?? false,
      };
    },
  }),
);
