import { AsOfArg } from './journeySupport.js';
import type { ObjectFieldBuilder } from '@pothos/core';
import { NetworkKind, NetworkPhase, PartnerKind, PartnerRole } from '../domain/network/events.js';
import type { NetworkRow } from '../projections/network/networks.js';
import type { PartnerRow } from '../projections/network/partners.js';
import type { NetworkPhaseRow } from '../projections/network/phases.js';
import { listNetworkLessons, type NetworkLessonRow } from '../projections/network/lessons.js';
import { findThematicGroup, listThematicGroups, type ThematicGroupRow } from '../projections/network/thematicGroups.js';
import { textInLanguageFields } from './language.js';
import { networkMembers } from './journeySupport.js';
import {
  findNetwork,
  findNetworkPhase,
  findPartner,
  findNetworks,
  listNetworks,
  listPartnersOfNetworks,
} from '../projections/network/queries.js';
import { networkColumnsAsked, partnerColumnsAsked } from './networkColumnsAsked.js';
import { loadWithPage, loaderFor, rememberPage, rowNode } from './loaders.js';
import { CityArg } from './journeySupport.js';
import { entityField, fromSource, pageFrom, readAsOf, readBeside, sourceOf } from './asOf.js';
import { builder, type Context, type Types } from './builder.js';
import { commandMutation, entityPayload } from './command.js';
import { enumOf } from './inputs.js';
import {
  assignLeadExpert,
  closeNetwork,
  defineThematicGroup,
  joinNetwork,
  leaveNetwork,
  recordBaselineStudy,
  recordNetworkLesson,
  registerNetwork,
  startImplementationPhase,
  translateNetworkLesson,
} from '../src/application/network.js';
import { z } from 'zod';

export const NetworkKindEnum = enumOf(NetworkKind, 'NetworkKind', {
  values: {
    actionPlanning: 'Action Planning Network: each city produces an Integrated Action Plan.',
    transfer: 'Transfer Network: cities adapt a labelled Good Practice.',
    innovationTransfer: 'Innovation Transfer Network / UIA Transfer Mechanism.',
    implementation: 'Implementation Network: cities carry out an existing integrated strategy.',
  },
});

const NetworkLesson = builder.objectRef<NetworkLessonRow>('NetworkLesson').implement({
  description: 'A lesson of the whole network, not of one partner nor of one meeting.',
  fields: (t) => ({
    number: t.exposeInt('lesson_number', { description: '1, 2, 3... within the network.' }),
    ...textInLanguageFields(t, 'lesson'),
    theme: t.exposeString('theme', { nullable: true }),
    learntFrom: t.exposeString('learnt_from', { nullable: true }),
    recordedAt: t.expose('recorded_at', { type: 'DateTime' }),
  }),
});

export const ThematicGroup = builder.objectRef<ThematicGroupRow>('ThematicGroup').implement({
  description: 'A thematic group of a network: partners working more closely on one theme.',
  fields: (t) => ({
    groupId: t.exposeString('group_id', { description: 'Its key within the network; meetings and learning needs name it.' }),
    name: t.exposeString('name'),
    theme: t.exposeString('theme'),
    description: t.exposeString('description'),
    members: t.field({
      type: [Partner],
      description: 'The partner cities in the group (a partner who left the network stays listed).',
      resolve: async (row, _args, context) => {
        const db = sourceOf(row, context);
        const loader = loaderFor(context, db, 'partners:true', (source, ids) => listPartnersOfNetworks(source, ids, true));
        const partners = await loader.load(row.network_id);
        const members: string[] = JSON.parse(row.member_cities);
        return fromSource(db, members.flatMap((cityId) => partners.filter((p) => p.city_id === cityId)));
      },
    }),
  }),
});

/** The field naming the network's thematic group a row (a meeting, a learning need) belongs to, read from the row's moment. */
export function thematicGroupField<Row extends { network_id: string; thematic_group_id: string | null }>(t: ObjectFieldBuilder<Types, Row>) {
  return t.field({
    type: ThematicGroup,
    nullable: true,
    description: "The network's thematic group it belongs to, if any.",
    resolve: (row, _args, context) =>
      row.thematic_group_id ? (readBeside(row, context, (db) => findThematicGroup(db, row.network_id, row.thematic_group_id!)) ?? null) : null,
  });
}

export const NetworkStatusEnum = builder.enumType('NetworkStatus', { values: ['open', 'closed'] as const });

export const LeadExpert = builder.objectRef<{ subject: string; name: string }>('LeadExpert').implement({
  fields: (t) => ({ subject: t.exposeString('subject'), name: t.exposeString('name') }),
});

export const NetworkPhaseEnum = enumOf(NetworkPhase, 'NetworkPhase', {
  values: {
    activation: 'Phase 1: partners assess their challenge; ends with the baseline study.',
    implementation: 'Phase 2: exchange and learning, and the partners\' plans.',
  },
});

export const BaselineStudy = builder.objectRef<NetworkPhaseRow>('BaselineStudy').implement({
  description: 'The study that concludes the activation phase.',
  fields: (t) => ({
    title: t.string({ resolve: (row) => row.baseline_title ?? '' }),
    date: t.field({ type: 'Date', resolve: (row) => row.baseline_date! }),
    summary: t.string({ resolve: (row) => row.baseline_summary ?? '' }),
    url: t.exposeString('baseline_url', { nullable: true }),
    recordedAt: t.field({ type: 'DateTime', resolve: (row) => row.baseline_recorded_at! }),
  }),
});

export const PartnerKindEnum = enumOf(PartnerKind, 'PartnerKind');
export const PartnerRoleEnum = enumOf(PartnerRole, 'PartnerRole');

export const Partner = builder.objectRef<PartnerRow>('Partner').implement({
  description: 'A city, metropolitan authority or agency taking part in a network.',
  fields: (t) => ({
    cityId: t.exposeID('city_id', { description: 'Stable city key, e.g. torino-it.' }),
    networkId: t.exposeID('network_id'),
    name: t.exposeString('name'),
    country: t.exposeString('country', { description: 'ISO 3166-1 alpha-2 code.' }),
    kind: t.field({ type: PartnerKindEnum, resolve: (row) => PartnerKind.parse(row.partner_kind) }),
    role: t.field({ type: PartnerRoleEnum, resolve: (row) => row.role }),
    newcomer: t.boolean({ resolve: (row) => row.newcomer === 1, description: 'New to the URBACT programme.' }),
    active: t.boolean({ resolve: (row) => row.status === 'active' }),
    joinedAt: t.expose('joined_at', { type: 'DateTime' }),
    leftAt: t.expose('left_at', { type: 'DateTime', nullable: true }),
  }),
});

export const Network = rowNode(builder.objectRef<NetworkRow>('Network'), 'networkId', findNetworks, {
  idDescription: 'The bare id, also accepted wherever a network id is asked.',
  authScopes: { public: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.field({ type: NetworkKindEnum, resolve: (row) => NetworkKind.parse(row.kind) }),
    theme: t.exposeString('theme'),
    topics: t.stringList({ resolve: (row) => JSON.parse(row.topics) as string[] }),
    startDate: t.expose('start_date', { type: 'Date' }),
    endDate: t.expose('end_date', { type: 'Date' }),
    status: t.field({ type: NetworkStatusEnum, resolve: (row) => row.status }),
    leadExpert: t.field({
      type: LeadExpert,
      nullable: true,
      resolve: (row) =>
        row.lead_expert_subject ? { subject: row.lead_expert_subject, name: row.lead_expert_name ?? '' } : null,
    }),
    closedReason: t.exposeString('closed_reason', { nullable: true }),
    partners: t.field({
      type: [Partner],
      args: { includeFormer: t.arg.boolean({ required: false }) },
      resolve: (row, args, context, info) => {
        const db = sourceOf(row, context);
        const includeFormer = args.includeFormer ?? false;
        const columns = partnerColumnsAsked(info);
        const partners = loadWithPage(context, db, `partners:${includeFormer}:${columns?.join(',') ?? '*'}`, row, (source, ids) =>
          listPartnersOfNetworks(source, ids, includeFormer, columns),
        );
        return partners instanceof Promise ? partners.then((rows) => fromSource(db, rows)) : fromSource(db, partners);
      },
    }),
    thematicGroups: t.field({
      type: [ThematicGroup],
      description: 'Thematic groups: partners working more closely on one theme, by name.',
      resolve: (row, _args, context) => {
        const db = sourceOf(row, context);
        return fromSource(db, listThematicGroups(db, row.id));
      },
    }),
    phase: t.field({
      type: NetworkPhaseEnum,
      description: 'Activation until the implementation phase starts.',
      resolve: (row, _args, context) => NetworkPhase.parse(findNetworkPhase(sourceOf(row, context), row.id)?.phase ?? 'activation'),
    }),
    baselineStudy: t.field({
      type: BaselineStudy,
      nullable: true,
      resolve: (row, _args, context) => {
        const phase = findNetworkPhase(sourceOf(row, context), row.id);
        return phase?.baseline_title ? phase : null;
      },
    }),
    implementationStartDate: t.field({
      type: 'Date',
      nullable: true,
      resolve: (row, _args, context) => findNetworkPhase(sourceOf(row, context), row.id)?.implementation_start_date ?? null,
    }),
    lessons: t.connection({
      type: NetworkLesson,
      nullable: true,
      description: "Lessons of the whole network, of no one meeting (general highlights, guidelines); a meeting's are on Meeting.learnings.",
      authScopes: (row) => networkMembers(row.id),
      resolve: (row, args, context) => {
        const db = sourceOf(row, context);
        return pageFrom(db, args, (limit, offset) => listNetworkLessons(db, row.id, limit, offset));
      },
    }),
    revision: t.exposeInt('revision', { description: 'Send as expectedRevision to change this network safely.' }),
  }),
});

/** Resolves the network a row belongs to, at the same moment as the row (see `fromSource`). */
export function networkOfRow(row: { network_id: string }, _args: unknown, context: Context): NetworkRow | null {
  return readBeside(row, context, (db) => findNetwork(db, row.network_id) ?? null);
}

/** Resolves the partner (city in its network) a row belongs to, at the same moment as the row. */
export function partnerOfRow(row: { network_id: string; city_id: string }, _args: unknown, context: Context): PartnerRow | null {
  return partnerBeside(row, context, row.network_id, row.city_id);
}

/** The partner a row names (none when `cityId` is null), at the same moment as the row. */
export function partnerBeside(row: object, context: Context, networkId: string, cityId: string | null): PartnerRow | null {
  return cityId ? readBeside(row, context, (db) => findPartner(db, networkId, cityId) ?? null) : null;
}

/** The fields of a row that belongs to one partner of a network: both ids, and the network and partner they name. */
export function partnerRowFields<Row extends { network_id: string; city_id: string }>(t: ObjectFieldBuilder<Types, Row>) {
  return {
    networkId: t.id({ resolve: (row) => row.network_id }),
    network: t.field({ type: Network, nullable: true, resolve: networkOfRow }),
    cityId: t.id({ resolve: (row) => row.city_id }),
    partner: t.field({ type: Partner, nullable: true, resolve: partnerOfRow }),
  };
}

builder.queryFields((t) => ({
  network: entityField(t, { type: Network, find: findNetwork, authScopes: { public: true } }),
  networks: t.connection({
    type: Network,
    authScopes: { public: true },
    args: {
      kind: t.arg({ type: NetworkKindEnum, required: false }),
      status: t.arg({ type: NetworkStatusEnum, required: false }),
      topic: t.arg.string({ required: false, validate: z.string().max(100).nullish() }),
      name: t.arg.string({
        required: false,
        description: 'Part of the name, ignoring case and accents: "boost" finds BoostInno.',
        validate: z.string().trim().max(100).nullish(),
      }),
      cityId: t.arg.id({
        required: false,
        description: 'Only networks this city is an active partner of (e.g. torino-it; the city registry, `cities`, finds the id).',
        validate: CityArg,
      }),
      asOf: t.arg({ type: 'DateTime', required: false, validate: AsOfArg }),
    },
    resolve: (_root, args, context, info) => {
      const columns = networkColumnsAsked(info);
      return readAsOf(context, args.asOf, (db) => pageFrom(db, args, (limit, offset) => rememberPage(context, listNetworks(db, args, limit, offset, columns))));
    },
  }),
}));

// ------------------------------------------------------------------ mutations

const networkPayload = entityPayload('network', Network, findNetwork);

const secretariatOnly = () => ({ secretariat: true });
/** Who runs a network: the secretariat and the network's lead expert. */
const networkRunners = ({ networkId }: { networkId: string }) => ({ secretariat: true, leadExpertOf: networkId });

commandMutation({
  useCase: registerNetwork,
  description: 'Registers a network the programme has approved. Secretariat only.',
  authScopes: secretariatOnly,
  ...networkPayload,
});

commandMutation({
  useCase: assignLeadExpert,
  description: 'Assigns the lead expert of a network, replacing the current one. Secretariat only.',
  authScopes: secretariatOnly,
  ...networkPayload,
});

commandMutation({
  useCase: closeNetwork,
  description: 'Closes a network at the end of its programme: no changes after that.',
  authScopes: networkRunners,
  ...networkPayload,
});

commandMutation({
  useCase: joinNetwork,
  description: 'A city, metropolitan authority or agency joins a network. One lead partner per network.',
  authScopes: networkRunners,
  ...networkPayload,
});

commandMutation({
  useCase: leaveNetwork,
  description: 'A partner leaves a network; its history stays.',
  authScopes: networkRunners,
  ...networkPayload,
});

commandMutation({
  useCase: recordBaselineStudy,
  description:
    'Records the baseline study that concludes the activation phase (again to revise it, until implementation starts).',
  authScopes: networkRunners,
  ...networkPayload,
});

commandMutation({
  useCase: recordNetworkLesson,
  description: 'Records a lesson of the whole network that belongs to no one meeting (a general highlight, a guideline).',
  authScopes: networkRunners,
  ...networkPayload,
});

commandMutation({
  useCase: translateNetworkLesson,
  description:
    "Adds a translation of a lesson of the network (by its number), keeping the original; one into a language already translated replaces it. Who may record the network's lessons may translate them.",
  authScopes: networkRunners,
  ...networkPayload,
});

commandMutation({
  useCase: defineThematicGroup,
  description: 'Defines a thematic group of the network (its partners working more closely on one theme), or changes it under the same groupId.',
  authScopes: networkRunners,
  ...networkPayload,
});

commandMutation({
  useCase: startImplementationPhase,
  description: 'Moves the network from activation to implementation; needs the baseline study.',
  authScopes: networkRunners,
  ...networkPayload,
});
