import { z } from 'zod';
import { CountryCode } from '../domain/shared/values.js';
import { findCity, findNetworks, listCities, membershipsOfCity, type CityRow } from '../projections/network/queries.js';
import { fromSource, pageFrom, readBeside, readModelsAsOf } from './asOf.js';
import { builder } from './builder.js';
import { AsOfArg, CityArg } from './journeySupport.js';
import { Network, networkOfRow, Partner } from './network.js';

/**
 * The city registry: every city that is or was a partner of a network, found by name or country,
 * with the networks it is in. Cities have no aggregate of their own: the registry is read from
 * the partners of every network (a city's id is the same in all of them). Public, like partners.
 */

export const City = builder.objectRef<CityRow>('City').implement({
  description: 'A city (or metropolitan authority, agency) that is or was a partner of a network.',
  fields: (t) => ({
    cityId: t.exposeID('city_id', { description: 'Stable city key, e.g. torino-it: the id every city argument takes.' }),
    name: t.exposeString('name', { description: 'Its name in the network it joined last.' }),
    country: t.exposeString('country', { description: 'ISO 3166-1 alpha-2 code.' }),
    memberships: t.field({
      type: [Partner],
      description: 'Its partnerships, one per network, oldest network first: role, newcomer, when it joined (and left).',
      args: { includeFormer: t.arg.boolean({ required: false, description: 'Also networks it has left.' }) },
      resolve: (row, args, context) => readBeside(row, context, (db) => membershipsOfCity(db, row.city_id, args.includeFormer ?? false)),
    }),
    networks: t.field({
      type: [Network],
      description: 'The networks it is an active partner of (all it was in with includeFormer), oldest first.',
      args: { includeFormer: t.arg.boolean({ required: false }) },
      resolve: (row, args, context) =>
        readBeside(row, context, (db) => {
          const ids = membershipsOfCity(db, row.city_id, args.includeFormer ?? false).map((m) => m.network_id);
          const byId = new Map(findNetworks(db, ids).map((n) => [n.id, n]));
          return ids.flatMap((id) => byId.get(id) ?? []);
        }),
    }),
  }),
});

builder.objectField(Partner, 'network', (t) =>
  t.field({ type: Network, nullable: true, description: 'The network of this partnership.', resolve: networkOfRow }),
);

builder.queryFields((t) => ({
  cities: t.connection({
    type: City,
    description: 'The city registry: cities that are or were partners of a network, in the order of their names.',
    authScopes: { public: true },
    args: {
      name: t.arg.string({
        required: false,
        description: 'Part of its name, ignoring case and accents: "torin" finds Torino, "wroclaw" finds Wrocław.',
        validate: z.string().trim().max(100).nullish(),
      }),
      country: t.arg.string({ required: false, description: 'ISO 3166-1 alpha-2 code, e.g. IT.', validate: CountryCode.nullish() }),
      asOf: t.arg({ type: 'DateTime', required: false, validate: AsOfArg }),
    },
    resolve: async (_root, args, context) => {
      const db = await readModelsAsOf(context, args.asOf);
      const filter = { name: args.name, country: args.country ? CountryCode.parse(args.country) : null };
      return pageFrom(db, args, (limit, offset) => listCities(db, filter, limit, offset));
    },
  }),
  city: t.field({
    type: City,
    nullable: true,
    description: 'A city of the registry by its id (e.g. torino-it); null when no network ever had it as a partner.',
    authScopes: { public: true },
    args: { cityId: t.arg.id({ required: true, validate: CityArg }), asOf: t.arg({ type: 'DateTime', required: false, validate: AsOfArg }) },
    resolve: async (_root, args, context) => {
      const db = await readModelsAsOf(context, args.asOf);
      return fromSource(db, findCity(db, String(args.cityId).trim().toLowerCase()) ?? null);
    },
  }),
}));
