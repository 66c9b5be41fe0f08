import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { AttendeeInput, KINDS_WITH_HOST, MeetingOriginInput } from '../domain/meeting/decider.js';
import { MeetingKind, MeetingStatus } from '../domain/meeting/events.js';
import type { AttendeeRow, LearningRow, MeetingRow } from '../projections/meeting/meetings.js';
import { countAttendees, findMeeting, findMeetings, listAttendees, listLearnings, listMeetings } from '../projections/meeting/queries.js';
import { entityField, fromSource, pageFrom, readModelsAsOf, sourceOf } from './asOf.js';
import { rowNode } from './loaders.js';
import { builder, type Context } from './builder.js';
import { commandMutation, entityPayload } from './command.js';
import { enumOf, inputName } from './inputs.js';
import { entityId } from '../src/application/ids.js';
import {
  AsOfArg,
  CityArg,
  DateArg,
  journeyScope,
  networkMembers,
  parseJson,
  TopicArg,
} from './journeySupport.js';
import {
  cancelMeeting,
  describeMeeting,
  markMeetingHeld,
  recordAttendance,
  recordLearning,
  rescheduleMeeting,
  scheduleMeetingUseCase,
} from '../src/application/meeting.js';
import { Network, networkOfRow, Partner, partnerBeside } from './network.js';

export const MeetingKindEnum = enumOf(MeetingKind, 'MeetingKind', {
  values: {
    transnationalMeeting: 'All partners meet in one city.',
    thematicSeminar: 'A seminar on one theme, often with outside experts.',
    studyVisit: 'A study visit or field trip, possibly to a city outside the network.',
    bilateralMeeting: 'Two partners meet, e.g. after a marketplace match.',
    webinar: 'Online.',
    localGroupWorkshop: 'A workshop of one partner\'s URBACT Local Group.',
    marketplaceSession: 'Cities post offers and needs and are matched.',
  },
});

export const MeetingStatusEnum = enumOf(MeetingStatus, 'MeetingStatus');

const MeetingOrigin = builder.objectRef<{ kind: string; id: string }>('MeetingOrigin').implement({
  description: 'What led to the meeting, e.g. a marketplace match.',
  fields: (t) => ({ kind: t.exposeString('kind'), id: t.exposeString('id') }),
});

export const MeetingAttendee = builder.objectRef<AttendeeRow & { network_id: string }>('MeetingAttendee').implement({
  description: 'Someone who took part, for a partner city.',
  fields: (t) => ({
    name: t.exposeString('name'),
    cityId: t.exposeID('city_id'),
    partner: t.field({ type: Partner, nullable: true, resolve: (row, _args, context) => partnerBeside(row, context, row.network_id, row.city_id) }),
    recordedAt: t.expose('recorded_at', { type: 'DateTime' }),
  }),
});

export const Learning = builder.objectRef<LearningRow>('Learning').implement({
  description: 'A lesson a partner learnt at a meeting.',
  fields: (t) => ({
    number: t.exposeInt('learning_number', { description: '1, 2, 3... within the meeting.' }),
    lesson: t.exposeString('lesson'),
    theme: t.exposeString('theme', { nullable: true }),
    cityId: t.exposeID('city_id', { description: 'The partner that learnt it.' }),
    partner: t.field({ type: Partner, nullable: true, resolve: (row, _args, context) => partnerBeside(row, context, row.network_id, row.city_id) }),
    meetingId: t.exposeID('meeting_id'),
    recordedAt: t.expose('recorded_at', { type: 'DateTime' }),
    recordedBy: t.exposeString('recorded_by'),
  }),
});

export const Meeting = rowNode(builder.objectRef<MeetingRow>('Meeting'), 'meetingId', findMeetings, {
  description:
    'A meeting of a network, of any kind. Its agenda is public; attendance and learnings are for the network (secretariat, lead expert, partner coordinators).',
  idDescription: 'The bare id, also accepted wherever a meeting id is asked.',
  authScopes: { public: true },
  fields: (t) => ({
    networkId: t.exposeID('network_id'),
    network: t.field({
      type: Network,
      nullable: true,
      resolve: networkOfRow,
    }),
    kind: t.field({ type: MeetingKindEnum, resolve: (row) => MeetingKind.parse(row.kind) }),
    title: t.exposeString('title'),
    hostCityId: t.exposeID('host_city_id', { nullable: true, description: 'Null for online meetings.' }),
    host: t.field({
      type: Partner,
      nullable: true,
      description: 'The host when it is a partner (study visits may go to other cities).',
      resolve: (row, _args, context) => partnerBeside(row, context, row.network_id, row.host_city_id),
    }),
    startDate: t.expose('start_date', { type: 'Date' }),
    endDate: t.expose('end_date', { type: 'Date' }),
    themes: t.stringList({ resolve: (row) => parseJson<string[]>(row.themes) }),
    guidingQuestions: t.stringList({ resolve: (row) => parseJson<string[]>(row.guiding_questions) }),
    partnerCityIds: t.idList({
      description: 'The partners the meeting is for; empty when it is for the whole network.',
      resolve: (row) => parseJson<string[]>(row.partner_city_ids),
    }),
    origin: t.field({
      type: MeetingOrigin,
      nullable: true,
      resolve: (row) => (row.origin_kind && row.origin_id ? { kind: row.origin_kind, id: row.origin_id } : null),
    }),
    status: t.field({ type: MeetingStatusEnum, resolve: (row) => row.status }),
    heldAt: t.expose('held_at', { type: 'DateTime', nullable: true }),
    cancelledAt: t.expose('cancelled_at', { type: 'DateTime', nullable: true }),
    cancelReason: t.exposeString('cancel_reason', { nullable: true }),
    rescheduleCount: t.exposeInt('reschedule_count'),
    description: t.exposeString('description', {
      description: 'What the meeting is about: its programme and purpose (empty until described), shown with the public agenda.',
    }),
    notes: t.exposeString('notes', {
      nullable: true,
      description: "The network's notes on the meeting (discussions, agreements, follow-up), for its members.",
      authScopes: (row) => networkMembers(row.network_id),
    }),
    revision: t.exposeInt('revision', { description: 'Send as expectedRevision to change this meeting safely.' }),
    attendeeCount: t.int({
      nullable: true,
      authScopes: (row) => networkMembers(row.network_id),
      resolve: (row, _args, context) => countAttendees(sourceOf(row, context), row.id).people,
    }),
    attendingCityCount: t.int({
      nullable: true,
      authScopes: (row) => networkMembers(row.network_id),
      resolve: (row, _args, context) => countAttendees(sourceOf(row, context), row.id).cities,
    }),
    attendance: t.connection({
      extensions: { defaultPageSize: 100 }, // counted by the cost model (src/server/queryCost.ts)
      type: MeetingAttendee,
      nullable: true,
      description: 'Who attended, by partner city and name.',
      authScopes: (row) => networkMembers(row.network_id),
      resolve: (row, args, context) => {
        const db = sourceOf(row, context);
        return resolveOffsetConnection({ args, defaultSize: 100, maxSize: 500 }, ({ limit, offset }) =>
          fromSource(db, listAttendees(db, row.id, limit, offset).map((a) => ({ ...a, network_id: row.network_id }))),
        );
      },
    }),
    learnings: t.connection({
      type: Learning,
      nullable: true,
      description: 'What partners learnt, in the order recorded.',
      args: { cityId: t.arg.id({ required: false, validate: CityArg }) },
      authScopes: (row) => networkMembers(row.network_id),
      resolve: (row, args, context) => {
        const db = sourceOf(row, context);
        const cityId = CityArg.parse(args.cityId);
        return pageFrom(db, args, (limit, offset) => listLearnings(db, row.id, { cityId }, limit, offset));
      },
    }),
  }),
});

builder.queryFields((t) => ({
  meeting: entityField(t, {
    type: Meeting,
    find: findMeeting,
    authScopes: { public: true },
    asOfDescription: 'ISO date-time: the meeting as it was then.',
  }),
  meetings: t.connection({
    type: Meeting,
    description: 'A network\'s meetings in date order (cancelled ones only when asked).',
    authScopes: { public: true },
    args: {
      networkId: t.arg.id({ required: true, validate: entityId('Network') }),
      kind: t.arg({ type: MeetingKindEnum, required: false }),
      status: t.arg({ type: MeetingStatusEnum, required: false }),
      cityId: t.arg.id({ required: false, validate: CityArg, description: 'Meetings that concern this partner.' }),
      topic: t.arg.string({ required: false, validate: TopicArg, description: 'Part of a theme.' }),
      from: t.arg({ type: 'Date', required: false, validate: DateArg, description: 'YYYY-MM-DD: meetings ending on or after.' }),
      to: t.arg({ type: 'Date', required: false, validate: DateArg, description: 'YYYY-MM-DD: meetings starting on or before.' }),
      includeCancelled: t.arg.boolean({ required: false }),
      asOf: t.arg({ type: 'DateTime', required: false, validate: AsOfArg }),
    },
    resolve: async (_root, args, context) => {
      const db = await readModelsAsOf(context, args.asOf);
      const filter = { ...journeyScope(args), kind: args.kind, status: args.status, includeCancelled: args.includeCancelled };
      return pageFrom(db, args, (limit, offset) => listMeetings(db, filter, limit, offset));
    },
  }),
}));

// ------------------------------------------------------------------ mutations

const meetingPayload = entityPayload('meeting', Meeting, findMeeting);

inputName(MeetingOriginInput, 'MeetingOriginInput');
inputName(AttendeeInput, 'AttendeeInput');

/**
 * Who may change a meeting: the secretariat, the network's lead expert, and for a local group
 * workshop the coordinator of the host city.
 */
function meetingWriters({ meetingId }: { meetingId: string }, context: Context) {
  const meeting = findMeeting(context.readModels, meetingId);
  if (!meeting) return { secretariat: true };
  return {
    secretariat: true,
    leadExpertOf: meeting.network_id,
    ...(meeting.kind === 'localGroupWorkshop' && meeting.host_city_id ? { coordinatorOf: meeting.host_city_id } : {}),
  };
}

commandMutation({
  useCase: scheduleMeetingUseCase,
  description: `Schedules a meeting within the network's dates. ${KINDS_WITH_HOST.join(', ')} need a host city; a bilateral meeting names its two partners.`,
  authScopes: ({ networkId, kind, hostCityId }) => ({
    secretariat: true,
    leadExpertOf: networkId,
    ...(kind === 'localGroupWorkshop' && hostCityId ? { coordinatorOf: hostCityId } : {}),
  }),
  ...meetingPayload,
});

commandMutation({
  useCase: rescheduleMeeting,
  description: 'Moves a scheduled meeting to new dates within the network\'s dates.',
  authScopes: meetingWriters,
  ...meetingPayload,
});

commandMutation({
  useCase: cancelMeeting,
  description: 'Cancels a meeting that has not been held.',
  authScopes: meetingWriters,
  ...meetingPayload,
});

commandMutation({
  useCase: markMeetingHeld,
  description: 'Records that the meeting took place; attendance and learnings are recorded after this.',
  authScopes: meetingWriters,
  ...meetingPayload,
});

/**
 * A coordinator writes through its city's local-group workshop only for its own city: the
 * attendees and the learning must be of the workshop's host city.
 */
function forHostCityOnly(cityIds: readonly string[]) {
  return (input: { meetingId: string }, context: Context) => {
    const { coordinatorOf, ...others } = meetingWriters(input, context) as ReturnType<typeof meetingWriters> & { coordinatorOf?: string };
    return coordinatorOf !== undefined && cityIds.every((cityId) => cityId === coordinatorOf) ? { ...others, coordinatorOf } : others;
  };
}

commandMutation({
  useCase: recordAttendance,
  description: 'Records who attended a held meeting; only people of partner cities. People already recorded are skipped.',
  authScopes: (input, context) => forHostCityOnly(input.attendees.map((attendee) => attendee.cityId))(input, context),
  ...meetingPayload,
});

commandMutation({
  useCase: recordLearning,
  description: 'Records a lesson a partner learnt at a held meeting.',
  authScopes: (input, context) => forHostCityOnly([input.cityId])(input, context),
  ...meetingPayload,
});

commandMutation({
  useCase: describeMeeting,
  description: "Records what a meeting is about and the network's notes on it, replacing the previous ones (an empty text clears one).",
  authScopes: meetingWriters,
  ...meetingPayload,
});
