import { z } from 'zod';
import type { NetworkSnapshot } from '../network/snapshot.js';
import { CityId, OptionalText, Text } from '../shared/values.js';
import { Helix } from './events.js';

export const CoordinatorInput = z.object({
  name: Text(200),
  organisation: OptionalText(200).default(''),
});

export const FormLocalGroup = z.object({
  cityId: CityId,
  name: OptionalText(200)
    .nullish()
    .transform((name) => name || 'URBACT Local Group')
    .describe('Defaults to "URBACT Local Group".'),
  coordinator: CoordinatorInput.nullish().transform((c) => c ?? null),
});

export const AddStakeholder = z.object({
  name: Text(300),
  helix: Helix,
  role: OptionalText(500).default(''),
  planned: z.boolean().default(false).describe('Envisaged rather than already involved.'),
});

export const RemoveStakeholder = z.object({
  stakeholderId: z.number().int().positive('must be a stakeholder id of the group'),
  reason: OptionalText(1000).default(''),
});

export const ChangeLocalGroupCoordinator = z.object({ coordinator: CoordinatorInput });

type WithNetwork<T> = T & { readonly network: NetworkSnapshot };

export type LocalGroupCommand =
  | { type: 'FormLocalGroup'; data: WithNetwork<z.output<typeof FormLocalGroup>> }
  | { type: 'AddStakeholder'; data: WithNetwork<z.output<typeof AddStakeholder>> }
  | { type: 'RemoveStakeholder'; data: WithNetwork<z.output<typeof RemoveStakeholder>> }
  | { type: 'ChangeLocalGroupCoordinator'; data: WithNetwork<z.output<typeof ChangeLocalGroupCoordinator>> };
