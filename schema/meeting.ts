import { AttendeeInput, ExternalHostInput, KINDS_WITH_HOST, MeetingOriginInput, SpeakerInput } from '../domain/meeting/decider.js';
import { MeetingKind, MeetingStatus, MeetingTextField } from '../domain/meeting/events.js';
import { DatePrecision } from '../domain/shared/values.js';
import type { AttendeeRow, LearningRow, MeetingRow } from '../projections/meeting/meetings.js';
import { countAttendees, findLearning, findMeeting, findMeetings, listAttendees, listLearnings, listMeetings } from '../projections/meeting/queries.js';
import { entityField, pageFrom, readModelsAsOf, sourceOf } from './asOf.js';
import { nestedPage } from './nestedPage.js';
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
  translateMeeting,
} from '../src/application/meeting.js';
import { Network, networkOfRow, Partner, partnerBeside, thematicGroupField } from './network.js';
import { languageFields, textInLanguageFields } from './language.js';

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

enumOf(MeetingTextField, 'MeetingTextField', {
  description: 'A text of a meeting that a person writes, kept in its language.',
  values: { title: 'The title.', description: 'The description.', notes: "The network's notes.", lesson: "A learning's lesson (with its number)." },
});

export const DatePrecisionEnum = enumOf(DatePrecision, 'DatePrecision', {
  description: 'How exactly a date is known. Not day: the dates given are the first and last days of the period (month or year).',
  values: { day: 'The day is known.', month: 'Only the month is known.', year: 'Only the year is known.' },
});

const ExternalHost = builder.objectRef<{ name: string; country: string | null }>('ExternalHost').implement({
  description: 'A host outside the partnership: a city visited on a field trip, an organisation.',
  fields: (t) => ({ name: t.exposeString('name'), country: t.exposeString('country', { nullable: true, description: 'ISO 3166-1 alpha-2.' }) }),
});

const Speaker = builder.objectRef<{ name: string; affiliation: string }>('Speaker').implement({
  description: 'Someone from outside the partnership who spoke (an invited expert).',
  fields: (t) => ({ name: t.exposeString('name'), affiliation: t.exposeString('affiliation') }),
});

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
    ...textInLanguageFields(t, 'lesson'),
    theme: t.exposeString('theme', { nullable: true }),
    cityId: t.exposeID('city_id', { nullable: true, description: 'The partner that learnt it; null for a lesson of the whole network.' }),
    ofNetwork: t.boolean({ description: 'True for a lesson of the whole network, not of one partner.', resolve: (row) => row.city_id === null }),
    learntFrom: t.exposeString('learnt_from', { nullable: true, description: 'Where it was learnt from when not from a partner (the city visited).' }),
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
    ...textInLanguageFields(t, 'title'),
    hostCityId: t.exposeID('host_city_id', { nullable: true, description: 'Null for online meetings.' }),
    host: t.field({
      type: Partner,
      nullable: true,
      description: 'The host when it is a partner (study visits may go to other cities: see externalHost).',
      resolve: (row, _args, context) => partnerBeside(row, context, row.network_id, row.host_city_id),
    }),
    externalHost: t.field({
      type: ExternalHost,
      nullable: true,
      description: 'The host when it is not a partner (a field trip to Helsinki).',
      resolve: (row) => (row.external_host_name ? { name: row.external_host_name, country: row.external_host_country } : null),
    }),
    speakers: t.field({
      type: [Speaker],
      nullable: true,
      description: 'Speakers from outside the partnership (invited experts), for the network: names are personal data.',
      authScopes: (row) => networkMembers(row.network_id),
      resolve: (row) => parseJson<{ name: string; affiliation: string }[]>(row.speakers),
    }),
    startDate: t.expose('start_date', { type: 'Date' }),
    endDate: t.expose('end_date', { type: 'Date' }),
    datePrecision: t.field({
      type: DatePrecisionEnum,
      description: 'How exactly the dates are known; when not day, startDate..endDate is the month or year it took place in.',
      resolve: (row) => row.date_precision,
    }),
    dateWording: t.exposeString('date_wording', { nullable: true, description: 'The date as the source words it ("Settembre 2017").' }),
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
    ...languageFields(t, 'description'),
    thematicGroup: thematicGroupField(t),
    notes: t.exposeString('notes', {
      nullable: true,
      description: "The network's notes on the meeting (discussions, agreements, follow-up), for its members.",
      authScopes: (row) => networkMembers(row.network_id),
    }),
    ...languageFields(t, 'notes', (row) => networkMembers(row.network_id)),
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
      resolve: (row, args, context) =>
        nestedPage(row, args, context, (db, limit, offset) => listAttendees(db, row.id, limit, offset).map((a) => ({ ...a, network_id: row.network_id }))),
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
inputName(ExternalHostInput, 'ExternalHostInput');
inputName(SpeakerInput, 'SpeakerInput');

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

/** The secretariat and the network's lead expert (not a local group coordinator). */
function networkWriters(input: { meetingId: string }, context: Context) {
  const { coordinatorOf: _coordinator, ...others } = meetingWriters(input, context) as ReturnType<typeof meetingWriters> & { coordinatorOf?: string };
  return others;
}

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
  description: 'Records a lesson a partner (or, without cityId, the whole network) learnt at a held meeting.',
  // A lesson of the whole network is the network's to record, not a local group coordinator's.
  authScopes: (input, context) =>
    input.cityId === null ? networkWriters(input, context) : forHostCityOnly([input.cityId])(input, context),
  ...meetingPayload,
});

commandMutation({
  useCase: describeMeeting,
  description: "Records what a meeting is about and the network's notes on it, replacing the previous ones (an empty text clears one).",
  authScopes: meetingWriters,
  ...meetingPayload,
});

commandMutation({
  useCase: translateMeeting,
  description:
    "Adds a translation of a meeting's title, description, notes or a learning's lesson, keeping the original; one into a language already translated replaces it. Who may edit the text may translate it.",
  // A lesson is translated by who may record it; the meeting's own texts by who may describe it.
  authScopes: (input, context) => {
    if (input.field !== 'lesson' || input.learningNumber === undefined) return meetingWriters(input, context);
    const learning = findLearning(context.readModels, input.meetingId, input.learningNumber);
    return learning?.city_id ? forHostCityOnly([learning.city_id])(input, context) : networkWriters(input, context);
  },
  ...meetingPayload,
});
