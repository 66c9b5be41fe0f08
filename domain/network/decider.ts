import type { Decider } from '../shared/decider.js';
import { RuleViolationError } from '../shared/errors.js';
import type { NetworkCommand } from './commands.js';
import type { NetworkEvent, NetworkKind } from './events.js';

export interface NetworkState {
  readonly status: 'unregistered' | 'open' | 'closed';
  readonly kind?: NetworkKind;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly leadExpert?: { readonly subject: string; readonly name: string };
  /** Current partners by city id; partners who left are removed. */
  readonly partners: Readonly<Record<string, NetworkPartner>>;
}

export interface NetworkPartner {
  readonly name: string;
  readonly country: string;
  readonly role: 'leadPartner' | 'partner';
}

export function isPartner(state: NetworkState, cityId: string): boolean {
  return Object.hasOwn(state.partners, cityId);
}

const initialState = (): NetworkState => ({ status: 'unregistered', partners: {} });

function requireOpen(state: NetworkState): void {
  if (state.status === 'unregistered') throw new RuleViolationError('NETWORK_NOT_FOUND', 'The network does not exist');
  if (state.status === 'closed') throw new RuleViolationError('NETWORK_CLOSED', 'The network is closed: no more changes');
}

function decide(command: NetworkCommand, state: NetworkState): NetworkEvent[] {
  switch (command.type) {
    case 'RegisterNetwork':
      if (state.status !== 'unregistered') {
        throw new RuleViolationError('NETWORK_ALREADY_REGISTERED', 'The network is already registered');
      }
      return [{ type: 'NetworkRegistered', data: command.data }];
    case 'AssignLeadExpert': {
      requireOpen(state);
      if (state.leadExpert?.subject === command.data.subject) return [];
      return [
        {
          type: 'LeadExpertAssigned',
          data: { ...command.data, replaces: state.leadExpert?.subject ?? null },
        },
      ];
    }
    case 'CloseNetwork':
      requireOpen(state);
      return [{ type: 'NetworkClosed', data: command.data }];
    case 'JoinNetwork': {
      requireOpen(state);
      const { cityId, role } = command.data;
      if (isPartner(state, cityId)) {
        throw new RuleViolationError('ALREADY_PARTNER', `${command.data.name} is already a partner of this network`);
      }
      const lead = Object.entries(state.partners).find(([, p]) => p.role === 'leadPartner');
      if (role === 'leadPartner' && lead) {
        throw new RuleViolationError(
          'SECOND_LEAD_PARTNER',
          `${lead[1].name} is already the lead partner; a network has one lead partner`,
        );
      }
      return [{ type: 'PartnerJoined', data: command.data }];
    }
    case 'LeaveNetwork':
      requireOpen(state);
      if (!isPartner(state, command.data.cityId)) {
        throw new RuleViolationError('NOT_A_PARTNER', `${command.data.cityId} is not a partner of this network`);
      }
      return [{ type: 'PartnerLeft', data: command.data }];
  }
}

function evolve(state: NetworkState, event: NetworkEvent): NetworkState {
  switch (event.type) {
    case 'NetworkRegistered':
      return {
        status: 'open',
        kind: event.data.kind,
        startDate: event.data.startDate,
        endDate: event.data.endDate,
        partners: {},
      };
    case 'LeadExpertAssigned':
      return { ...state, leadExpert: { subject: event.data.subject, name: event.data.name } };
    case 'NetworkClosed':
      return { ...state, status: 'closed' };
    case 'PartnerJoined': {
      const { cityId, name, country, role } = event.data;
      return { ...state, partners: { ...state.partners, [cityId]: { name, country, role } } };
    }
    case 'PartnerLeft': {
      const { [event.data.cityId]: _left, ...partners } = state.partners;
      return { ...state, partners };
    }
    default:
      return state;
  }
}

export const networkDecider: Decider<NetworkCommand, NetworkEvent, NetworkState> = {
  category: 'network',
  initialState,
  decide,
  evolve,
};
