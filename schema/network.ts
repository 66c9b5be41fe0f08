import { resolveOffsetConnection } from '@pothos/plugin-relay';
import {
  AssignLeadExpert,
  CloseNetwork,
  JoinNetwork,
  LeaveNetwork,
  RecordBaselineStudy,
  RegisterNetwork,
  StartImplementationPhase,
} from '../domain/network/commands.js';
import { networkDecider } from '../domain/network/decider.js';
import { NetworkKind, NetworkPhase, PartnerKind } from '../domain/network/events.js';
import { streamIdOf } from '../domain/shared/decider.js';
import { IsoDateTime } from '../domain/shared/values.js';
import type { NetworkRow } from '../projections/network/networks.js';
import type { PartnerRow } from '../projections/network/partners.js';
import type { NetworkPhaseRow } from '../projections/network/phases.js';
import {
  findNetwork,
  findNetworkPhase,
  findPartner,
  findNetworks,
  listNetworks,
  listPartnersOfNetworks,
} from '../projections/network/queries.js';
import { loaderFor, loadManyFrom } from './loaders.js';
import { fromSource, readModelsAsOf, sourceOf } from './asOf.js';
import { builder, type Context } from './builder.js';
import { legacyCommandMutation, entityPayload } from './command.js';
import { entityId } from '../src/application/ids.js';
import { z } from 'zod';

export const NetworkKindEnum = builder.enumType('NetworkKind', {
  values: {
    actionPlanning: { description: 'Action Planning Network: each city produces an Integrated Action Plan.' },
    transfer: { description: 'Transfer Network: cities adapt a labelled Good Practice.' },
    innovationTransfer: { description: 'Innovation Transfer Network / UIA Transfer Mechanism.' },
    implementation: { description: 'Implementation Network: cities carry out an existing integrated strategy.' },
  } as const,
});

export const NetworkStatusEnum = builder.enumType('NetworkStatus', { values: ['open', 'closed'] as const });

export const LeadExpert = builder.objectRef<{ subject: string; name: string }>('LeadExpert').implement({
  fields: (t) => ({ subject: t.exposeString('subject'), name: t.exposeString('name') }),
});

export const NetworkPhaseEnum = builder.enumType('NetworkPhase', {
  values: {
    activation: { description: 'Phase 1: partners assess their challenge; ends with the baseline study.' },
    implementation: { description: 'Phase 2: exchange and learning, and the partners\' plans.' },
  } as const,
});

export const BaselineStudy = builder.objectRef<NetworkPhaseRow>('BaselineStudy').implement({
  description: 'The study that concludes the activation phase.',
  fields: (t) => ({
    title: t.string({ resolve: (row) => row.baseline_title ?? '' }),
    date: t.string({ resolve: (row) => row.baseline_date ?? '' }),
    summary: t.string({ resolve: (row) => row.baseline_summary ?? '' }),
    url: t.exposeString('baseline_url', { nullable: true }),
    recordedAt: t.string({ resolve: (row) => row.baseline_recorded_at ?? '' }),
  }),
});

export const PartnerKindEnum = builder.enumType('PartnerKind', { values: PartnerKind.options });
export const PartnerRoleEnum = builder.enumType('PartnerRole', { values: ['leadPartner', 'partner'] as const });

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
    joinedAt: t.exposeString('joined_at'),
    leftAt: t.exposeString('left_at', { nullable: true }),
  }),
});

export const Network = builder.node(builder.objectRef<NetworkRow>('Network'), {
  id: { resolve: (row) => row.id },
  loadMany: loadManyFrom(findNetworks),
  authScopes: { public: true },
  fields: (t) => ({
    networkId: t.exposeID('id', { description: 'The bare id, also accepted wherever a network id is asked.' }),
    name: t.exposeString('name'),
    kind: t.field({ type: NetworkKindEnum, resolve: (row) => NetworkKind.parse(row.kind) }),
    theme: t.exposeString('theme'),
    topics: t.stringList({ resolve: (row) => JSON.parse(row.topics) as string[] }),
    startDate: t.exposeString('start_date'),
    endDate: t.exposeString('end_date'),
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
      resolve: async (row, args, context) => {
        const db = sourceOf(row, context);
        const includeFormer = args.includeFormer ?? false;
        const loader = loaderFor(context, db, `partners:${includeFormer}`, (source, ids) =>
          listPartnersOfNetworks(source, ids, includeFormer),
        );
        return fromSource(db, await loader.load(row.id));
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
    implementationStartDate: t.string({
      nullable: true,
      resolve: (row, _args, context) => findNetworkPhase(sourceOf(row, context), row.id)?.implementation_start_date ?? null,
    }),
    revision: t.exposeInt('revision', { description: 'Send as expectedRevision to change this network safely.' }),
  }),
});

/** Resolves the network a row belongs to, at the same moment as the row (see `fromSource`). */
export function networkOfRow(row: { network_id: string }, _args: unknown, context: Context): NetworkRow | null {
  const db = sourceOf(row, context);
  return fromSource(db, findNetwork(db, row.network_id) ?? null);
}

/** Resolves the partner (city in its network) a row belongs to, at the same moment as the row. */
export function partnerOfRow(row: { network_id: string; city_id: string }, _args: unknown, context: Context): PartnerRow | null {
  const db = sourceOf(row, context);
  return fromSource(db, findPartner(db, row.network_id, row.city_id) ?? null);
}

builder.queryFields((t) => ({
  network: t.field({
    type: Network,
    nullable: true,
    authScopes: { public: true },
    args: {
      id: t.arg.id({ required: true, validate: entityId('Network') }),
      asOf: t.arg.string({ required: false, validate: IsoDateTime.nullish() }),
    },
    resolve: async (_root, args, context) => {
      const db = await readModelsAsOf(context, args.asOf);
      return fromSource(db, findNetwork(db, entityId('Network').parse(args.id)) ?? null);
    },
  }),
  networks: t.connection({
    type: Network,
    authScopes: { public: true },
    args: {
      kind: t.arg({ type: NetworkKindEnum, required: false }),
      status: t.arg({ type: NetworkStatusEnum, required: false }),
      topic: t.arg.string({ required: false, validate: z.string().max(100).nullish() }),
      asOf: t.arg.string({ required: false, validate: IsoDateTime.nullish() }),
    },
    resolve: async (_root, args, context) => {
      const db = await readModelsAsOf(context, args.asOf);
      return resolveOffsetConnection({ args, defaultSize: 50, maxSize: 200 }, ({ limit, offset }) =>
        fromSource(db, listNetworks(db, args, limit, offset)),
      );
    },
  }),
}));

const networkPayload = entityPayload('network', Network, findNetwork);

legacyCommandMutation({
  name: 'registerNetwork',
  description: 'Registers a network the programme has approved. Secretariat only.',
  input: (t) => ({
    name: t.string({ required: true }),
    kind: t.field({ type: NetworkKindEnum, required: true }),
    theme: t.string({ required: true }),
    topics: t.stringList({ required: false }),
    startDate: t.string({ required: true, description: 'YYYY-MM-DD' }),
    endDate: t.string({ required: true, description: 'YYYY-MM-DD' }),
  }),
  schema: RegisterNetwork,
  authScopes: () => ({ secretariat: true }),
  execute: (input, { app }, options) =>
    app.execute(networkDecider, { create: networkDecider.category }, { type: 'RegisterNetwork', data: input }, options),
  ...networkPayload,
});

const NetworkTarget = z.object({ networkId: entityId('Network') });

legacyCommandMutation({
  name: 'assignLeadExpert',
  description: 'Assigns the lead expert of a network, replacing the current one. Secretariat only.',
  input: (t) => ({
    networkId: t.id({ required: true }),
    subject: t.string({ required: true, description: 'The expert\'s subject id, as in their token.' }),
    name: t.string({ required: true }),
  }),
  schema: NetworkTarget.extend(AssignLeadExpert.shape),
  authScopes: () => ({ secretariat: true }),
  execute: ({ networkId, ...data }, { app }, options) =>
    app.execute(networkDecider, streamIdOf('network', networkId), { type: 'AssignLeadExpert', data }, options),
  ...networkPayload,
});

legacyCommandMutation({
  name: 'closeNetwork',
  description: 'Closes a network at the end of its programme: no changes after that.',
  input: (t) => ({
    networkId: t.id({ required: true }),
    reason: t.string({ required: false }),
  }),
  schema: NetworkTarget.extend(CloseNetwork.shape),
  authScopes: ({ networkId }) => ({ secretariat: true, leadExpertOf: networkId }),
  execute: ({ networkId, ...data }, { app }, options) =>
    app.execute(networkDecider, streamIdOf('network', networkId), { type: 'CloseNetwork', data }, options),
  ...networkPayload,
});

legacyCommandMutation({
  name: 'joinNetwork',
  description: 'A city, metropolitan authority or agency joins a network. One lead partner per network.',
  input: (t) => ({
    networkId: t.id({ required: true }),
    cityId: t.id({ required: true, description: 'Stable city key: name and country code, e.g. torino-it.' }),
    name: t.string({ required: true }),
    country: t.string({ required: true, description: 'ISO 3166-1 alpha-2 code, e.g. IT.' }),
    partnerKind: t.field({ type: PartnerKindEnum, required: false }),
    role: t.field({ type: PartnerRoleEnum, required: false }),
    newcomer: t.boolean({ required: false, description: 'New to the URBACT programme.' }),
  }),
  schema: NetworkTarget.extend(JoinNetwork.shape),
  authScopes: ({ networkId }) => ({ secretariat: true, leadExpertOf: networkId }),
  execute: ({ networkId, ...data }, { app }, options) =>
    app.execute(networkDecider, streamIdOf('network', networkId), { type: 'JoinNetwork', data }, options),
  ...networkPayload,
});

legacyCommandMutation({
  name: 'leaveNetwork',
  description: 'A partner leaves a network; its history stays.',
  input: (t) => ({
    networkId: t.id({ required: true }),
    cityId: t.id({ required: true }),
    reason: t.string({ required: false }),
  }),
  schema: NetworkTarget.extend(LeaveNetwork.shape),
  authScopes: ({ networkId }) => ({ secretariat: true, leadExpertOf: networkId }),
  execute: ({ networkId, ...data }, { app }, options) =>
    app.execute(networkDecider, streamIdOf('network', networkId), { type: 'LeaveNetwork', data }, options),
  ...networkPayload,
});

legacyCommandMutation({
  name: 'recordBaselineStudy',
  description:
    'Records the baseline study that concludes the activation phase (again to revise it, until implementation starts).',
  input: (t) => ({
    networkId: t.id({ required: true }),
    title: t.string({ required: true }),
    date: t.string({ required: true, description: 'YYYY-MM-DD, within the network\'s dates.' }),
    summary: t.string({ required: false, description: 'A summary, or give the url (or both).' }),
    url: t.string({ required: false, description: 'Where the study is published (http or https).' }),
  }),
  schema: RecordBaselineStudy.extend(NetworkTarget.shape),
  authScopes: ({ networkId }) => ({ secretariat: true, leadExpertOf: networkId }),
  execute: ({ networkId, ...data }, { app }, options) =>
    app.execute(networkDecider, streamIdOf('network', networkId), { type: 'RecordBaselineStudy', data }, options),
  ...networkPayload,
});

legacyCommandMutation({
  name: 'startImplementationPhase',
  description: 'Moves the network from activation to implementation; needs the baseline study.',
  input: (t) => ({
    networkId: t.id({ required: true }),
    startDate: t.string({ required: true, description: 'YYYY-MM-DD, within the network\'s dates, not before the baseline study.' }),
  }),
  schema: NetworkTarget.extend(StartImplementationPhase.shape),
  authScopes: ({ networkId }) => ({ secretariat: true, leadExpertOf: networkId }),
  execute: ({ networkId, ...data }, { app }, options) =>
    app.execute(networkDecider, streamIdOf('network', networkId), { type: 'StartImplementationPhase', data }, options),
  ...networkPayload,
});
