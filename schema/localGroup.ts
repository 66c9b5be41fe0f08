import { LawfulBasis } from '../domain/shared/personalData.js';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import type { z } from 'zod';
import { CoordinatorInput } from '../domain/localGroup/decider.js';
import { Helix } from '../domain/localGroup/events.js';
import type { LocalGroupRow, StakeholderRow } from '../projections/localGroup/localGroups.js';
import { compositionOf, findLocalGroup, findLocalGroups, listLocalGroups, listStakeholders } from '../projections/localGroup/queries.js';
import {
  addStakeholder,
  changeLocalGroupCoordinator,
  formLocalGroup,
  removeStakeholder,
} from '../src/application/localGroup.js';
import { entityField, fromSource, readModelsAsOf, sourceOf } from './asOf.js';
import { rowNode } from './loaders.js';
import { builder, type Context } from './builder.js';
import { commandMutation, entityPayload } from './command.js';
import { enumOf, inputName } from './inputs.js';
import { entityId } from '../src/application/ids.js';
import { AsOfArg, bareId, CityArg, networkMembers, partnerRowWriters, partnerWriters } from './journeySupport.js';
import { partnerRowFields } from './network.js';

export const HelixEnum = enumOf(Helix, 'Helix', {
  description: 'The quadruple helix of local stakeholders.',
  values: {
    public: 'Public authorities and agencies.',
    private: 'Businesses, banks, incubators.',
    knowledge: 'Universities, research and training centres.',
    civilSociety: 'Associations, NGOs, the third sector, citizens.',
  },
});

const LocalGroupCoordinator = builder
  .objectRef<{ name: string; organisation: string }>('LocalGroupCoordinator')
  .implement({ fields: (t) => ({ name: t.exposeString('name'), organisation: t.exposeString('organisation') }) });

export const LawfulBasisEnum = enumOf(LawfulBasis, 'LawfulBasis', {
  description: "Why the ledger may hold a person's data (GDPR art. 6).",
  values: {
    consent: 'The person agreed.',
    publicTask: 'Needed for a task in the public interest (the programme).',
    legitimateInterest: "The programme's legitimate interest, weighed against the person's.",
  },
});

export const Stakeholder = builder.objectRef<StakeholderRow>('Stakeholder').implement({
  fields: (t) => ({
    stakeholderId: t.exposeInt('stakeholder_id', { description: 'Number within the group; use it to remove the stakeholder.' }),
    name: t.exposeString('name'),
    helix: t.field({ type: HelixEnum, resolve: (row) => Helix.parse(row.helix) }),
    role: t.exposeString('role'),
    planned: t.boolean({ resolve: (row) => row.planned === 1, description: 'Envisaged rather than already involved.' }),
    person: t.boolean({ resolve: (row) => row.person === 1, description: 'A named individual rather than an organisation or group.' }),
    basis: t.field({
      type: LawfulBasisEnum,
      nullable: true,
      description: "The lawful basis for holding the person's data; null for an organisation.",
      resolve: (row) => (row.basis ? LawfulBasis.parse(row.basis) : null),
    }),
    active: t.boolean({ resolve: (row) => row.status === 'active' }),
    addedAt: t.expose('added_at', { type: 'DateTime' }),
    removedAt: t.expose('removed_at', { type: 'DateTime', nullable: true }),
    removedReason: t.exposeString('removed_reason', { nullable: true }),
  }),
});

const HelixCount = builder.objectRef<{ helix: z.infer<typeof Helix>; count: number; planned: number }>('HelixCount').implement({
  fields: (t) => ({
    helix: t.field({ type: HelixEnum, resolve: (row) => row.helix }),
    count: t.exposeInt('count'),
    planned: t.exposeInt('planned', { description: 'Of which envisaged rather than already involved.' }),
  }),
});

type Composition = ReturnType<typeof compositionOf>;
const countOf = (rows: Composition, helix: string) => rows.find((r) => r.helix === helix)?.count ?? 0;

const LocalGroupComposition = builder.objectRef<Composition>('LocalGroupComposition').implement({
  description: 'Current stakeholders per helix.',
  fields: (t) => ({
    total: t.int({ resolve: (rows) => rows.reduce((sum, r) => sum + r.count, 0) }),
    public: t.int({ resolve: (rows) => countOf(rows, 'public') }),
    private: t.int({ resolve: (rows) => countOf(rows, 'private') }),
    knowledge: t.int({ resolve: (rows) => countOf(rows, 'knowledge') }),
    civilSociety: t.int({ resolve: (rows) => countOf(rows, 'civilSociety') }),
    byHelix: t.field({ type: [HelixCount], resolve: (rows) => rows }),
    helixesCovered: t.int({
      description: 'How many of the four helixes have at least one stakeholder.',
      resolve: (rows) => rows.filter((r) => r.count > 0).length,
    }),
  }),
});

/**
 * Who reads a local group: the network's members (secretariat, lead expert, partner coordinators)
 * and the coordinators of its city.
 */
const groupReaders = (row: LocalGroupRow) => ({ ...networkMembers(row.network_id), coordinatorOf: row.city_id });

export const LocalGroup = rowNode(builder.objectRef<LocalGroupRow>('LocalGroup'), 'localGroupId', findLocalGroups, {
  description: 'A partner\'s URBACT Local Group (ULG): its coordinator and local stakeholders.',
  authScopes: (row) => groupReaders(row),
  fields: (t) => ({
    ...partnerRowFields(t),
    name: t.exposeString('name'),
    coordinator: t.field({
      type: LocalGroupCoordinator,
      nullable: true,
      resolve: (row) => (row.coordinator_name ? { name: row.coordinator_name, organisation: row.coordinator_organisation ?? '' } : null),
    }),
    formedAt: t.expose('formed_at', { type: 'DateTime' }),
    composition: t.field({ type: LocalGroupComposition, resolve: (row, _args, context) => compositionOf(sourceOf(row, context), row.id) }),
    stakeholders: t.connection({
      extensions: { defaultPageSize: 100 }, // counted by the cost model (src/server/queryCost.ts)
      type: Stakeholder,
      args: {
        helix: t.arg({ type: HelixEnum, required: false }),
        includeRemoved: t.arg.boolean({ required: false }),
      },
      resolve: (row, args, context) => {
        const db = sourceOf(row, context);
        return resolveOffsetConnection({ args, defaultSize: 100, maxSize: 500 }, ({ limit, offset }) =>
          listStakeholders(db, row.id, args, limit, offset),
        );
      },
    }),
    revision: t.exposeInt('revision'),
  }),
});

builder.queryFields((t) => ({
  localGroup: entityField(t, {
    type: LocalGroup,
    find: findLocalGroup,
    authScopes: { authenticated: true },
    description: 'For the network\'s members and the coordinators of the group\'s city.',
  }),
  localGroups: t.field({
    type: [LocalGroup],
    description: 'The local groups of a network\'s partners (one per partner).',
    authScopes: (_root, args) => networkMembers(bareId(entityId('Network'), args.networkId)),
    args: {
      networkId: t.arg.id({ required: true, validate: entityId('Network') }),
      cityId: t.arg.id({ required: false, validate: CityArg }),
      asOf: t.arg({ type: 'DateTime', required: false, validate: AsOfArg }),
    },
    resolve: async (_root, args, context) => {
      const db = await readModelsAsOf(context, args.asOf);
      return fromSource(db, listLocalGroups(db, entityId('Network').parse(args.networkId), CityArg.parse(args.cityId)));
    },
  }),
}));

// ------------------------------------------------------------------ mutations

const localGroupPayload = entityPayload('localGroup', LocalGroup, findLocalGroup);

inputName(CoordinatorInput, 'LocalGroupCoordinatorInput');

/** Who changes a local group: the partnerWriters of its city. */
const groupWriters = ({ localGroupId }: { localGroupId: string }, context: Context) =>
  partnerRowWriters(findLocalGroup(context.readModels, localGroupId));

commandMutation({
  useCase: formLocalGroup,
  description: 'Forms a partner\'s URBACT Local Group; one per partner and network.',
  authScopes: ({ networkId, cityId }) => partnerWriters(networkId, cityId),
  ...localGroupPayload,
});

commandMutation({
  useCase: addStakeholder,
  description: 'Adds a local stakeholder, with its helix, to a local group.',
  authScopes: groupWriters,
  ...localGroupPayload,
});

commandMutation({
  useCase: removeStakeholder,
  description: 'Removes a stakeholder from a local group; it stays in the group\'s history.',
  authScopes: groupWriters,
  ...localGroupPayload,
});

commandMutation({
  useCase: changeLocalGroupCoordinator,
  description: 'Names the local group\'s coordinator, replacing the current one.',
  authScopes: groupWriters,
  ...localGroupPayload,
});
