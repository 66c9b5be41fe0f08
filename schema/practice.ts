import { AsOfArg } from './journeySupport.js';
import { z } from 'zod';
import { Contact, LabelYear } from '../domain/marketplace/values.js';
import { PartnershipStatus } from '../domain/practice/events.js';
import { CountryCode } from '../domain/shared/values.js';
import type { PracticeRow } from '../projections/practice/practices.js';
import { findPractice, findPractices, listPractices } from '../projections/practice/queries.js';
import { entityField, pageFrom, readModelsAsOf } from './asOf.js';
import { rowNode } from './loaders.js';
import { builder, type Context } from './builder.js';
import { commandMutation, entityPayload } from './command.js';
import { enumOf, inputName } from './inputs.js';
import { entityId } from '../src/application/ids.js';
import {
  awardGoodPracticeLabel,
  proposePractice,
  revisePractice,
  setPracticePartnershipStatus,
  withdrawPractice,
} from '../src/application/practice.js';

export const PartnershipStatusEnum = enumOf(PartnershipStatus, 'PracticePartnershipStatus', {
  values: {
    lookingForPartners: 'The city looks for cities to transfer the practice to.',
    partnershipComplete: 'The transfer partnership is complete.',
  },
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

inputName(Contact, 'PracticeContactInput');

const topicsOf = (json: string) => JSON.parse(json) as string[];

export const GoodPractice = rowNode(builder.objectRef<PracticeRow>('GoodPractice'), 'practiceId', findPractices, {
  description:
    'What a city can offer others: a practice of the catalogue, which may carry the URBACT Good Practice label. Public.',
  idDescription: 'The bare id, also accepted wherever a practice id is asked.',
  authScopes: { public: true },
  fields: (t) => ({
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
      nullable: true,
      description: 'Signed-in users only (null for the public: only this field is withheld).',
      authScopes: { authenticated: true },
      resolve: (row) => JSON.parse(row.contact) as ContactValue,
    }),
    proposedAt: t.expose('proposed_at', { type: 'DateTime' }),
    updatedAt: t.expose('updated_at', { type: 'DateTime' }),
    revision: t.exposeInt('revision', { description: 'Send as expectedRevision to change this practice safely.' }),
  }),
});

builder.queryFields((t) => ({
  goodPractice: entityField(t, { type: GoodPractice, find: findPractice, authScopes: { public: true } }),
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
      asOf: t.arg({ type: 'DateTime', required: false, validate: AsOfArg }),
    },
    resolve: async (_root, args, context) => {
      const db = await readModelsAsOf(context, args.asOf);
      const filter = { ...args, networkId: args.networkId ? entityId('Network').parse(args.networkId) : null };
      return pageFrom(db, args, (limit, offset) => listPractices(db, filter, limit, offset));
    },
  }),
}));

const practicePayload = entityPayload('practice', GoodPractice, findPractice);

/** The city's coordinators and the secretariat change a practice. */
function ownerScopes({ practiceId }: { practiceId: string }, context: Context) {
  const row = findPractice(context.readModels, practiceId);
  return row ? { secretariat: true, coordinatorOf: row.city_id } : { secretariat: true };
}

commandMutation({
  useCase: proposePractice,
  description: "A city proposes one of its practices for the catalogue. The city's coordinators, or the secretariat.",
  authScopes: ({ cityId }) => ({ secretariat: true, coordinatorOf: cityId }),
  ...practicePayload,
});

commandMutation({
  useCase: revisePractice,
  description: 'Changes the text, topics, results or contact of a practice; only what changed is recorded.',
  authScopes: ownerScopes,
  ...practicePayload,
});

commandMutation({
  useCase: awardGoodPracticeLabel,
  description: 'Awards the URBACT Good Practice label (once). Secretariat only.',
  authScopes: () => ({ secretariat: true }),
  ...practicePayload,
});

commandMutation({
  useCase: setPracticePartnershipStatus,
  description: 'Says whether the city still looks for partners to transfer the practice to.',
  authScopes: ownerScopes,
  ...practicePayload,
});

commandMutation({
  useCase: withdrawPractice,
  description: 'Takes a practice out of the catalogue; its history stays.',
  authScopes: ownerScopes,
  ...practicePayload,
});
