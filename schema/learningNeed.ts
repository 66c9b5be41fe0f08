import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { NeedKind, NeedPriority, NeedStatus, type LearningNeedEventOf } from '../domain/learningNeed/events.js';
import type { LearningNeedRow, NeedHistoryRow, NeedLinkRow } from '../projections/learningNeed/learningNeeds.js';
import { findMeeting } from '../projections/meeting/queries.js';
import { findNeed, findNeeds, listNeedHistory, listNeedLinks, listNeeds, listNeedsAddressedBy } from '../projections/learningNeed/queries.js';
import {
  addressLearningNeed,
  closeLearningNeed,
  raiseLearningNeed,
  refineLearningNeed,
  withdrawLearningNeed,
} from '../src/application/learningNeed.js';
import { entityField, fromSource, pageFrom, readBeside, readModelsAsOf, sourceOf } from './asOf.js';
import { rowNode } from './loaders.js';
import { builder, type Context } from './builder.js';
import { commandMutation, entityPayload } from './command.js';
import { enumOf } from './inputs.js';
import { entityId } from '../src/application/ids.js';
import {
  AsOfArg,
  bareId,
  CityArg,
  DateArg,
  journeyScope,
  networkMembers,
  parseJson,
  partnerRowWriters,
  partnerWriters,
  TopicArg,
} from './journeySupport.js';
import { Meeting } from './meeting.js';
import { Partner, partnerBeside, partnerRowFields, thematicGroupField } from './network.js';

export const NeedKindEnum = enumOf(NeedKind, 'NeedKind', {
  values: {
    learning: 'What the city wants to learn, e.g. "How to develop new impact funds?"',
    capacityBuilding: 'A capacity the city wants to build, e.g. "Brokerage capacity".',
  },
});
export const NeedPriorityEnum = enumOf(NeedPriority, 'NeedPriority');
export const NeedStatusEnum = enumOf(NeedStatus, 'NeedStatus', {
  values: {
    open: 'Raised, not addressed yet.',
    addressed: 'At least one meeting or peer addressed it.',
    closed: 'Addressed and closed.',
    withdrawn: 'Withdrawn by the partner.',
  },
});

/** Who reads a need: the network's members, and the coordinators of the need's city. */
const needReaders = (row: { network_id: string; city_id: string }) => ({ ...networkMembers(row.network_id), coordinatorOf: row.city_id });

const NeedLink = builder.objectRef<NeedLinkRow & { network_id: string }>('LearningNeedLink').implement({
  description: 'A meeting or a peer (another partner city) that addressed the need.',
  fields: (t) => ({
    meetingId: t.exposeID('meeting_id', { nullable: true }),
    meeting: t.field({
      type: Meeting,
      nullable: true,
      resolve: (row, _args, context) => {
        const meetingId = row.meeting_id;
        return meetingId ? readBeside(row, context, (db) => findMeeting(db, meetingId) ?? null) : null;
      },
    }),
    peerCityId: t.exposeID('peer_city_id', { nullable: true }),
    peer: t.field({
      type: Partner,
      nullable: true,
      resolve: (row, _args, context) => partnerBeside(row, context, row.network_id, row.peer_city_id),
    }),
    note: t.exposeString('note'),
    addressedAt: t.expose('addressed_at', { type: 'DateTime' }),
    addressedBy: t.exposeString('addressed_by'),
  }),
});

const CHANGE_KINDS = {
  LearningNeedRaised: 'raised',
  LearningNeedRefined: 'refined',
  LearningNeedAddressed: 'addressed',
  LearningNeedClosed: 'closed',
  LearningNeedWithdrawn: 'withdrawn',
} as const;

const NeedChangeKindEnum = builder.enumType('LearningNeedChangeKind', {
  values: ['raised', 'refined', 'addressed', 'closed', 'withdrawn'] as const,
});

interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

const text = (value: unknown): string | null =>
  value === undefined || value === null ? null : Array.isArray(value) ? value.join(', ') : String(value);

/** What a change set, field by field (before is null when the need was raised). */
function fieldChanges(row: NeedHistoryRow): FieldChange[] {
  const data = parseJson<Record<string, unknown>>(row.data);
  const fields = ['kind', 'topics', 'description', 'priority'] as const;
  if (row.type === 'LearningNeedRaised') {
    return fields.map((field) => ({ field, before: null, after: text(data[field]) }));
  }
  if (row.type === 'LearningNeedRefined') {
    const { changes, previous } = data as LearningNeedEventOf<'LearningNeedRefined'>['data'];
    return fields.filter((f) => f in changes).map((field) => ({ field, before: text(previous[field]), after: text(changes[field]) }));
  }
  return [];
}

const NeedFieldChange = builder.objectRef<FieldChange>('LearningNeedFieldChange').implement({
  fields: (t) => ({
    field: t.exposeString('field'),
    before: t.exposeString('before', { nullable: true, description: 'Topics are joined with ", ".' }),
    after: t.exposeString('after', { nullable: true }),
  }),
});

const NeedChange = builder.objectRef<NeedHistoryRow>('LearningNeedChange').implement({
  description: 'One change to a need: what, when, who.',
  fields: (t) => ({
    revision: t.exposeInt('revision'),
    kind: t.field({ type: NeedChangeKindEnum, resolve: (row) => CHANGE_KINDS[row.type as keyof typeof CHANGE_KINDS] }),
    occurredAt: t.expose('occurred_at', { type: 'DateTime' }),
    actor: t.exposeString('actor', { description: 'Subject of who did it.' }),
    role: t.exposeString('role', { nullable: true }),
    changes: t.field({ type: [NeedFieldChange], resolve: fieldChanges }),
    meetingId: t.id({ nullable: true, resolve: (row) => text(parseJson<{ meetingId?: string }>(row.data).meetingId) }),
    peerCityId: t.id({ nullable: true, resolve: (row) => text(parseJson<{ peerCityId?: string }>(row.data).peerCityId) }),
    note: t.string({
      nullable: true,
      description: 'The note or reason given with the change.',
      resolve: (row) => {
        const data = parseJson<{ note?: string; reason?: string }>(row.data);
        return data.note ?? data.reason ?? null;
      },
    }),
  }),
});

export const LearningNeed = rowNode(builder.objectRef<LearningNeedRow>('LearningNeed'), 'learningNeedId', findNeeds, {
  description: 'What a partner wants to learn or a capacity it wants to build, and how it was addressed.',
  authScopes: (row) => needReaders(row),
  fields: (t) => ({
    ...partnerRowFields(t),
    kind: t.field({ type: NeedKindEnum, resolve: (row) => NeedKind.parse(row.kind) }),
    topics: t.stringList({ resolve: (row) => parseJson<string[]>(row.topics) }),
    description: t.exposeString('description'),
    thematicGroup: thematicGroupField(t),
    priority: t.field({ type: NeedPriorityEnum, resolve: (row) => NeedPriority.parse(row.priority) }),
    status: t.field({ type: NeedStatusEnum, resolve: (row) => NeedStatus.parse(row.status) }),
    raisedAt: t.expose('raised_at', { type: 'DateTime' }),
    raisedBy: t.exposeString('raised_by'),
    firstAddressedAt: t.expose('first_addressed_at', { type: 'DateTime', nullable: true }),
    closedAt: t.expose('closed_at', { type: 'DateTime', nullable: true }),
    closedNote: t.exposeString('closed_note', { nullable: true }),
    withdrawnAt: t.expose('withdrawn_at', { type: 'DateTime', nullable: true }),
    withdrawnReason: t.exposeString('withdrawn_reason', { nullable: true }),
    updatedAt: t.expose('updated_at', { type: 'DateTime' }),
    addressedBy: t.field({
      type: [NeedLink],
      description: 'The meetings and peers that addressed the need, in the order they were linked.',
      resolve: (row, _args, context) => {
        const db = sourceOf(row, context);
        return fromSource(db, listNeedLinks(db, row.id).map((link) => ({ ...link, network_id: row.network_id })));
      },
    }),
    history: t.connection({
      type: NeedChange,
      description: 'Every change, oldest first, with when and who.',
      resolve: (row, args, context) => {
        const db = sourceOf(row, context);
        return resolveOffsetConnection({ args, defaultSize: 50, maxSize: 200 }, ({ limit, offset }) =>
          listNeedHistory(db, row.id, limit, offset),
        );
      },
    }),
    revision: t.exposeInt('revision', { description: 'Send as expectedRevision to change this need safely.' }),
  }),
});

builder.objectField(Meeting, 'addressedNeeds', (t) =>
  t.field({
    type: [LearningNeed],
    nullable: true,
    description: 'The learning needs this meeting addressed.',
    authScopes: (row) => networkMembers(row.network_id),
    resolve: (row, _args, context) => {
      const db = sourceOf(row, context);
      return fromSource(db, listNeedsAddressedBy(db, row.id));
    },
  }),
);


builder.queryFields((t) => ({
  learningNeed: entityField(t, {
    type: LearningNeed,
    find: findNeed,
    authScopes: { authenticated: true },
    description: 'For the network\'s members and the coordinators of the need\'s city.',
    asOfDescription: 'ISO date-time: the need as it was then.',
  }),
  learningNeeds: t.connection({
    type: LearningNeed,
    description: 'A network\'s learning needs: by city, highest priority first.',
    authScopes: (_root, args) => {
      const networkId = bareId(entityId('Network'), args.networkId);
      const cityId = CityArg.safeParse(args.cityId).data;
      return { ...networkMembers(networkId), ...(cityId ? { coordinatorOf: cityId } : {}) };
    },
    args: {
      networkId: t.arg.id({ required: true, validate: entityId('Network') }),
      cityId: t.arg.id({ required: false, validate: CityArg }),
      status: t.arg({ type: NeedStatusEnum, required: false }),
      kind: t.arg({ type: NeedKindEnum, required: false }),
      topic: t.arg.string({ required: false, validate: TopicArg, description: 'Part of a topic or of the description.' }),
      from: t.arg({ type: 'Date', required: false, validate: DateArg, description: 'YYYY-MM-DD: raised on or after.' }),
      to: t.arg({ type: 'Date', required: false, validate: DateArg, description: 'YYYY-MM-DD: raised on or before.' }),
      asOf: t.arg({ type: 'DateTime', required: false, validate: AsOfArg }),
    },
    resolve: async (_root, args, context) => {
      const db = await readModelsAsOf(context, args.asOf);
      const filter = { ...journeyScope(args), status: args.status, kind: args.kind };
      return pageFrom(db, args, (limit, offset) => listNeeds(db, filter, limit, offset));
    },
  }),
}));

// ------------------------------------------------------------------ mutations


const needPayload = entityPayload('learningNeed', LearningNeed, findNeed);

/** Who changes a need: the partnerWriters of its city. */
const needWriters = ({ learningNeedId }: { learningNeedId: string }, context: Context) =>
  partnerRowWriters(findNeed(context.readModels, learningNeedId));

commandMutation({
  useCase: raiseLearningNeed,
  description: 'A partner raises what it wants to learn, or a capacity it wants to build.',
  authScopes: ({ networkId, cityId }) => partnerWriters(networkId, cityId),
  ...needPayload,
});

commandMutation({
  useCase: refineLearningNeed,
  description: 'Refines a need: its kind, topics, description or priority (give only what changes).',
  authScopes: needWriters,
  ...needPayload,
});

commandMutation({
  useCase: addressLearningNeed,
  description: 'Links a need to a meeting of the network, or to a peer (another partner city), that addressed it.',
  authScopes: needWriters,
  ...needPayload,
});

commandMutation({
  useCase: closeLearningNeed,
  description: 'Closes a need that meetings or peers addressed.',
  authScopes: needWriters,
  ...needPayload,
});

commandMutation({
  useCase: withdrawLearningNeed,
  description: 'Withdraws a need the partner no longer has.',
  authScopes: needWriters,
  ...needPayload,
});
