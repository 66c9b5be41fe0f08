import { z } from 'zod';
import { CityId, IsoDate, Moment } from '../domain/shared/values.js';
import { entityId } from '../src/application/ids.js';
import type { Types } from './builder.js';
import type { ArgBuilder } from '@pothos/core';

/**
 * Who reads a network's journey, needs, attendance, learnings and local groups: the secretariat,
 * the network's lead expert, and coordinators of its (active) partner cities.
 */
export function networkMembers(networkId: string) {
  return { secretariat: true, leadExpertOf: networkId, partnerOf: networkId } as const;
}

/**
 * Who changes what a partner city owns in a network (its needs, its local group, its action plan):
 * the secretariat, the network's lead expert and the city's coordinators.
 */
export function partnerWriters(networkId: string, cityId: string) {
  return { secretariat: true, leadExpertOf: networkId, coordinatorOf: cityId };
}

/** The partnerWriters of a partner's row; the secretariat alone when there is no such row. */
export function partnerRowWriters(row: { network_id: string; city_id: string } | undefined) {
  return row ? partnerWriters(row.network_id, row.city_id) : { secretariat: true };
}

/** Validators of the arguments journey queries share. */
export const AsOfArg = Moment.nullish();
export const DateArg = IsoDate.nullish();
export const TopicArg = z.string().trim().max(100).nullish();
export const CityArg = CityId.nullish();

/**
 * What journey queries narrow the journey to, from the arguments they share: the network, and
 * optionally one partner, a topic and a period.
 */
export function journeyScope(args: { networkId: string; cityId?: string | null; topic?: string | null; from?: string | null; to?: string | null }) {
  return {
    networkId: entityId('Network').parse(args.networkId),
    cityId: CityArg.parse(args.cityId) ?? null,
    topic: args.topic ?? null,
    from: args.from ?? null,
    to: args.to ?? null,
  };
}

/** The arguments of a list narrowed to a network or to a city (see networkOrCity). */
export function networkOrCityArgs(arg: ArgBuilder<Types>) {
  return {
    networkId: arg.id({ required: false, validate: entityId('Network').nullish() }),
    cityId: arg.id({ required: false, validate: CityId.nullish() }),
  };
}

/** The network and the city a list is narrowed to (see networkOrCityArgs), null when not. */
export function networkOrCity(args: { networkId?: string | null; cityId?: string | null }) {
  return {
    networkId: args.networkId ? entityId('Network').parse(args.networkId) : null,
    cityId: args.cityId ? CityId.parse(args.cityId) : null,
  };
}

/** The bare id of an argument already validated with entityId (scopes run before it is transformed). */
export function bareId(schema: z.ZodType<string>, value: unknown): string {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : String(value);
}

export const parseJson = <T>(text: string): T => JSON.parse(text) as T;
