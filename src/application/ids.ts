import { z } from 'zod';
import { CityId, Ulid } from '../../domain/shared/values.js';

/**
 * Schemas of inputs that name an entity, so transports can type them as ids (GraphQL `ID`).
 * Domain value schemas such as `CityId` are registered where they are first used as ids.
 */
export const idSchemas = new WeakSet<z.ZodType>();

/** Marks a schema as naming an entity; returns it. */
export function asId<T extends z.ZodType>(schema: T): T {
  idSchemas.add(schema);
  return schema;
}

/** Decodes a Relay global id (base64 of `Type:id`); undefined when it is not one. */
function decodeGlobalId(value: string): { typename: string; id: string } | undefined {
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { typename: decoded.slice(0, colon), id: decoded.slice(colon + 1) };
}

/**
 * An input id: the Relay global id a query returned, or the bare aggregate id. Either way the
 * use case gets the bare id, checked to belong to the expected type. Bare ids are ULIDs unless
 * `bareId` says otherwise (a marketplace match is named by its need and offer).
 */
export function entityId(typename: string, bareId: z.ZodType<string> = Ulid) {
  return asId(
    z
      .string()
      .trim()
      .max(200)
      .transform((value, ctx) => {
        if (bareId.safeParse(value).success) return value;
        const decoded = decodeGlobalId(value);
        if (decoded?.typename === typename && bareId.safeParse(decoded.id).success) return decoded.id;
        ctx.addIssue({ code: 'custom', message: `must be the id of a ${typename}` });
        return z.NEVER;
      }),
  );
}

/** An optional input id (as `entityId`): null when it is not given. */
export function optionalEntityId(typename: string) {
  return entityId(typename)
    .nullish()
    .transform((id) => id ?? null);
}

// Cities and people are named by natural keys; inputs naming them are ids too.
asId(CityId);
