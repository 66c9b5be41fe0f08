import { decodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { Ulid } from '../domain/shared/values.js';

/**
 * An input id: the Relay global id a query returned, or the bare aggregate id. Either way the
 * resolver gets the bare id, checked to belong to the expected type.
 */
export function entityId(typename: string) {
  return z
    .string()
    .trim()
    .max(200)
    .transform((value, ctx) => {
      if (Ulid.safeParse(value).success) return value;
      try {
        const decoded = decodeGlobalID(value);
        if (decoded.typename === typename && Ulid.safeParse(decoded.id).success) return decoded.id;
      } catch {
        // not base64: reported below
      }
      ctx.addIssue({ code: 'custom', message: `must be the id of a ${typename}` });
      return z.NEVER;
    });
}
