import { z } from 'zod';
import { LawfulBasis, person } from '../shared/personalData.js';
import { CityId } from '../shared/values.js';
import type { MessagesOf } from '../shared/decider.js';

/** The quadruple helix: the four kinds of local stakeholders a ULG brings together. */
export const Helix = z.enum(['public', 'private', 'knowledge', 'civilSociety']);
export type Helix = z.infer<typeof Helix>;

export const Coordinator = person(z.object({ name: z.string(), organisation: z.string() }), {
  identifiedBy: ['name'],
  fields: ['name', 'organisation'],
});
export type Coordinator = z.infer<typeof Coordinator>;

export const LocalGroupEventSchemas = {
  LocalGroupFormed: z.object({
    networkId: z.string(),
    cityId: CityId,
    name: z.string(),
    /** Null while the partner has not named one. */
    coordinator: Coordinator.nullable(),
  }),
  LocalGroupCoordinatorChanged: z.object({
    coordinator: Coordinator,
    previous: Coordinator.nullable(),
  }),
  StakeholderAdded: person(
    z.object({
      /** 1, 2, 3... within the group; never reused. */
      stakeholderId: z.number().int().positive(),
      name: z.string(),
      helix: Helix,
      /** The stakeholder's role in the group, as the partner words it. */
      role: z.string(),
      /** Envisaged rather than already involved. */
      planned: z.boolean(),
      /** A named individual (then `basis` is set) rather than an organisation; absent before it was asked. */
      person: z.boolean().optional(),
      /** The lawful basis for holding a person's data; null for an organisation. */
      basis: LawfulBasis.nullable().optional(),
    }),
    { identifiedBy: ['name'], fields: ['name', 'role'] },
  ),
  StakeholderRemoved: z.object({
    stakeholderId: z.number().int().positive(),
    reason: z.string(),
  }),
} as const;

export type LocalGroupEvent = MessagesOf<typeof LocalGroupEventSchemas>;
export type LocalGroupEventOf<K extends LocalGroupEvent['type']> = Extract<LocalGroupEvent, { type: K }>;
