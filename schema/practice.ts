import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { z } from 'zod';
import { LabelYear } from '../domain/marketplace/values.js';
import {
  AwardGoodPracticeLabel,
  ProposePractice,
  RevisePractice,
  SetPartnershipStatus,
  WithdrawPractice,
} from '../domain/practice/commands.js';
import { practiceDecider } from '../domain/practice/decider.js';
import { PartnershipStatus } from '../domain/practice/events.js';
import { streamIdOf } from '../domain/shared/decider.js';
import { CountryCode, IsoDateTime } from '../domain/shared/values.js';
import type { PracticeRow } from '../projections/practice/practices.js';
import { findPractice, findPractices, listPractices } from '../projections/practice/queries.js';
import { fromSource, readModelsAsOf } from './asOf.js';
import { loadManyFrom } from './loaders.js';
import { builder, type Context } from './builder.js';
import { legacyCommandMutation, entityPayload } from './command.js';
import { entityId } from '../src/application/ids.js';

export const PartnershipStatusEnum = builder.enumType('PracticePartnershipStatus', {
  values: {
    lookingForPartners: { description: 'The city looks for cities to transfer the practice to.' },
    partnershipComplete: { description: 'The transfer partnership is complete.' },
  } as const,
});

interface ContactValue {
  name: string;
  email: string | null;
  role: string;
}

export const PracticeContact = builder.objectRef<ContactValue>('PracticeContact').implement({
  description: 'Who to contact about a practice or an offer.',
  fields: (t) => ({
    name: t.exposeString('name'),
    email: t.exposeString('email', { nullable: true }),
    role: t.exposeString('role'),
  }),
});

export const ContactInput = builder.inputType('PracticeContactInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    email: t.string({ required: false }),
    role: t.string({ required: false }),
  }),
});

const topicsOf = (json: string) => JSON.parse(json) as string[];

export const GoodPractice = builder.node(builder.objectRef<PracticeRow>('GoodPractice'), {
  description:
    'What a city can offer others: a practice of the catalogue, which may carry the URBACT Good Practice label. Public.',
  id: { resolve: (row) => row.id },
  loadMany: loadManyFrom(findPractices),
  authScopes: { public: true },
  fields: (t) => ({
    practiceId: t.exposeID('id', { description: 'The bare id, also accepted wherever a practice id is asked.' }),
    cityId: t.exposeID('city_id'),
    cityName: t.exposeString('city_name'),
    country: t.exposeString('country'),
    networkId: t.exposeID('network_id', { nullable: true, description: 'The network in which it was identified, if any.' }),
    title: t.exposeString('title'),
    summary: t.exposeString('summary'),
    topics: t.stringList({ resolve: (row) => topicsOf(row.topics) }),
    results: t.exposeString('results'),
    status: t.field({ type: PartnershipStatusEnum, resolve: (row) => row.status }),
    labelled: t.boolean({ description: 'Carries the URBACT Good Practice label.', resolve: (row) => row.label_year !== null }),
    labelYear: t.exposeInt('label_year', { nullable: true }),
    withdrawn: t.boolean({ resolve: (row) => row.withdrawn === 1 }),
    contact: t.field({
      type: PracticeContact,
      description: 'Signed-in users only.',
      authScopes: { authenticated: true },
      resolve: (row) => JSON.parse(row.contact) as ContactValue,
    }),
    proposedAt: t.exposeString('proposed_at'),
    updatedAt: t.exposeString('updated_at'),
    revision: t.exposeInt('revision', { description: 'Send as expectedRevision to change this practice safely.' }),
  }),
});

builder.queryFields((t) => ({
  goodPractice: t.field({
    type: GoodPractice,
    nullable: true,
    authScopes: { public: true },
    args: {
      id: t.arg.id({ required: true, validate: entityId('GoodPractice') }),
      asOf: t.arg.string({ required: false, validate: IsoDateTime.nullish() }),
    },
    resolve: async (_root, args, context) => {
      const db = await readModelsAsOf(context, args.asOf);
      return fromSource(db, findPractice(db, entityId('GoodPractice').parse(args.id)) ?? null);
    },
  }),
  goodPractices: t.connection({
    type: GoodPractice,
    description:
      'The catalogue of good practices. `text` searches title, summary, topics and results (every word must appear; ' +
      'words are stemmed, so "funding" finds "funds"), most relevant first; otherwise labelled practices come first.',
    authScopes: { public: true },
    args: {
      text: t.arg.string({ required: false, validate: z.string().max(300).nullish() }),
      topic: t.arg.string({ required: false, validate: z.string().max(100).nullish() }),
      country: t.arg.string({ required: false, validate: CountryCode.nullish() }),
      labelled: t.arg.boolean({ required: false }),
      labelYear: t.arg.int({ required: false, validate: LabelYear.nullish() }),
      status: t.arg({ type: PartnershipStatusEnum, required: false }),
      cityId: t.arg.string({ required: false, validate: z.string().max(80).nullish() }),
      networkId: t.arg.id({ required: false, validate: entityId('Network').nullish() }),
      includeWithdrawn: t.arg.boolean({ required: false }),
      asOf: t.arg.string({ required: false, validate: IsoDateTime.nullish() }),
    },
    resolve: async (_root, args, context) => {
      const db = await readModelsAsOf(context, args.asOf);
      const filter = { ...args, networkId: args.networkId ? entityId('Network').parse(args.networkId) : null };
      return resolveOffsetConnection({ args, defaultSize: 50, maxSize: 200 }, ({ limit, offset }) =>
        fromSource(db, listPractices(db, filter, limit, offset)),
      );
    },
  }),
}));

const practicePayload = entityPayload('practice', GoodPractice, findPractice);

/** The city's coordinators and the secretariat change a practice. */
function ownerScopes(practiceId: string, context: Context) {
  const row = findPractice(context.readModels, practiceId);
  return row ? { secretariat: true, coordinatorOf: row.city_id } : { secretariat: true };
}

const PracticeTarget = z.object({ practiceId: entityId('GoodPractice') });

const ContactSchemaInput = (t: Parameters<Parameters<typeof legacyCommandMutation>[0]['input']>[0]) =>
  t.field({ type: ContactInput, required: true });

legacyCommandMutation({
  name: 'proposePractice',
  description: "A city proposes one of its practices for the catalogue. The city's coordinators, or the secretariat.",
  input: (t) => ({
    cityId: t.id({ required: true, description: 'Stable city key, e.g. gdansk-pl; the country is read from it.' }),
    cityName: t.string({ required: true }),
    networkId: t.id({ required: false, description: 'The network in which the practice was identified.' }),
    title: t.string({ required: true }),
    summary: t.string({ required: true }),
    topics: t.stringList({ required: true }),
    results: t.string({ required: false }),
    contact: ContactSchemaInput(t),
  }),
  schema: ProposePractice.extend({ networkId: entityId('Network').nullish().transform((v) => v ?? null) }),
  authScopes: ({ cityId }) => ({ secretariat: true, coordinatorOf: cityId }),
  execute: (input, { app }, options) =>
    app.execute(practiceDecider, { create: practiceDecider.category }, { type: 'ProposePractice', data: input }, options),
  ...practicePayload,
});

legacyCommandMutation({
  name: 'revisePractice',
  description: 'Changes the text, topics, results or contact of a practice; only what changed is recorded.',
  input: (t) => ({
    practiceId: t.id({ required: true }),
    title: t.string({ required: false }),
    summary: t.string({ required: false }),
    topics: t.stringList({ required: false }),
    results: t.string({ required: false }),
    contact: t.field({ type: ContactInput, required: false }),
  }),
  schema: PracticeTarget.extend(RevisePractice.shape).refine(
    ({ practiceId: _p, ...c }) => Object.values(c).some((v) => v !== undefined && v !== null),
    { message: 'change at least one field' },
  ),
  authScopes: ({ practiceId }, context) => ownerScopes(practiceId, context),
  execute: ({ practiceId, ...data }, { app }, options) =>
    app.execute(practiceDecider, streamIdOf('practice', practiceId), { type: 'RevisePractice', data }, options),
  ...practicePayload,
});

legacyCommandMutation({
  name: 'awardGoodPracticeLabel',
  description: 'Awards the URBACT Good Practice label (once). Secretariat only.',
  input: (t) => ({
    practiceId: t.id({ required: true }),
    year: t.int({ required: true }),
  }),
  schema: PracticeTarget.extend(AwardGoodPracticeLabel.shape),
  authScopes: () => ({ secretariat: true }),
  execute: ({ practiceId, ...data }, { app }, options) =>
    app.execute(practiceDecider, streamIdOf('practice', practiceId), { type: 'AwardGoodPracticeLabel', data }, options),
  ...practicePayload,
});

legacyCommandMutation({
  name: 'setPracticePartnershipStatus',
  description: 'Says whether the city still looks for partners to transfer the practice to.',
  input: (t) => ({
    practiceId: t.id({ required: true }),
    status: t.field({ type: PartnershipStatusEnum, required: true }),
  }),
  schema: PracticeTarget.extend({ status: PartnershipStatus }),
  authScopes: ({ practiceId }, context) => ownerScopes(practiceId, context),
  execute: ({ practiceId, ...data }, { app }, options) =>
    app.execute(practiceDecider, streamIdOf('practice', practiceId), { type: 'SetPartnershipStatus', data: SetPartnershipStatus.parse(data) }, options),
  ...practicePayload,
});

legacyCommandMutation({
  name: 'withdrawPractice',
  description: 'Takes a practice out of the catalogue; its history stays.',
  input: (t) => ({
    practiceId: t.id({ required: true }),
    reason: t.string({ required: false }),
  }),
  schema: PracticeTarget.extend(WithdrawPractice.shape),
  authScopes: ({ practiceId }, context) => ownerScopes(practiceId, context),
  execute: ({ practiceId, ...data }, { app }, options) =>
    app.execute(practiceDecider, streamIdOf('practice', practiceId), { type: 'WithdrawPractice', data }, options),
  ...practicePayload,
});
