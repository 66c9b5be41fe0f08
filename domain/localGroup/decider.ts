import { z } from 'zod';
import { type NetworkSnapshot, requireNetworkOpen, requirePartner, requireSameNetwork } from '../network/snapshot.js';
import type { Decider } from '../shared/decider.js';
import { RuleViolationError } from '../shared/errors.js';
import { LawfulBasis } from '../shared/personalData.js';
import { CityId, OptionalText, Text } from '../shared/values.js';
import { type Coordinator, Helix, type LocalGroupEvent } from './events.js';

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
  person: z
    .boolean()
    .default(false)
    .describe('A named individual rather than an organisation or group: recorded only with a lawful basis.'),
  basis: LawfulBasis.nullish()
    .transform((basis) => basis ?? null)
    .describe('Why the ledger may hold this person\'s data (GDPR art. 6): consent, public task or legitimate interest.'),
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

export interface LocalGroupState {
  readonly formed: boolean;
  readonly networkId?: string;
  readonly cityId?: string;
  readonly coordinator: Coordinator | null;
  /** Current stakeholders by id. */
  readonly stakeholders: Readonly<Record<number, { readonly name: string; readonly helix: Helix }>>;
  readonly lastStakeholderId: number;
}

const initialState = (): LocalGroupState => ({ formed: false, coordinator: null, stakeholders: {}, lastStakeholderId: 0 });

/** Every change to a formed group: it exists, its network is open, its city is still a partner. */
function requireChangeable(state: LocalGroupState, network: NetworkSnapshot): void {
  if (!state.formed) throw new RuleViolationError('LOCAL_GROUP_NOT_FOUND', 'The local group has not been formed');
  requireSameNetwork(network, state.networkId!);
  requireNetworkOpen(network);
  requirePartner(network, state.cityId!, 'The local group belongs to a former partner');
}

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;

function decide(command: LocalGroupCommand, state: LocalGroupState): LocalGroupEvent[] {
  const { network } = command.data;
  switch (command.type) {
    case 'FormLocalGroup': {
      if (state.formed) {
        throw new RuleViolationError('LOCAL_GROUP_ALREADY_FORMED', `${state.cityId} already has its local group in this network`);
      }
      requireNetworkOpen(network);
      const { cityId, name, coordinator } = command.data;
      requirePartner(network, cityId, 'Only partners form a local group');
      return [{ type: 'LocalGroupFormed', data: { networkId: network.networkId, cityId, name, coordinator } }];
    }
    case 'AddStakeholder': {
      requireChangeable(state, network);
      const { name, helix, role, planned, person, basis } = command.data;
      if (person && !basis) {
        throw new RuleViolationError(
          'STAKEHOLDER_BASIS_REQUIRED',
          'A person is recorded as a stakeholder only with the basis for holding their data (consent, public task or legitimate interest)',
        );
      }
      const existing = Object.values(state.stakeholders).find((s) => sameName(s.name, name));
      if (existing) {
        throw new RuleViolationError('STAKEHOLDER_ALREADY_IN_GROUP', `${existing.name} is already in the local group`);
      }
      return [
        {
          type: 'StakeholderAdded',
          data: { stakeholderId: state.lastStakeholderId + 1, name, helix, role, planned, person, basis },
        },
      ];
    }
    case 'RemoveStakeholder': {
      requireChangeable(state, network);
      const { stakeholderId, reason } = command.data;
      if (!Object.hasOwn(state.stakeholders, stakeholderId)) {
        throw new RuleViolationError('STAKEHOLDER_NOT_FOUND', `Stakeholder ${stakeholderId} is not in the local group`);
      }
      return [{ type: 'StakeholderRemoved', data: { stakeholderId, reason } }];
    }
    case 'ChangeLocalGroupCoordinator': {
      requireChangeable(state, network);
      const { coordinator } = command.data;
      if (state.coordinator?.name === coordinator.name && state.coordinator.organisation === coordinator.organisation) {
        return [];
      }
      return [{ type: 'LocalGroupCoordinatorChanged', data: { coordinator, previous: state.coordinator } }];
    }
  }
}

function evolve(state: LocalGroupState, event: LocalGroupEvent): LocalGroupState {
  switch (event.type) {
    case 'LocalGroupFormed':
      return { ...state, formed: true, networkId: event.data.networkId, cityId: event.data.cityId, coordinator: event.data.coordinator };
    case 'LocalGroupCoordinatorChanged':
      return { ...state, coordinator: event.data.coordinator };
    case 'StakeholderAdded': {
      const { stakeholderId, name, helix } = event.data;
      return {
        ...state,
        stakeholders: { ...state.stakeholders, [stakeholderId]: { name, helix } },
        lastStakeholderId: Math.max(state.lastStakeholderId, stakeholderId),
      };
    }
    case 'StakeholderRemoved': {
      const { [event.data.stakeholderId]: _removed, ...stakeholders } = state.stakeholders;
      return { ...state, stakeholders };
    }
    default:
      return state;
  }
}

export const localGroupDecider: Decider<LocalGroupCommand, LocalGroupEvent, LocalGroupState> = {
  category: 'localgroup',
  initialState,
  decide,
  evolve,
};
