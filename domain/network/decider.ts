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
}

const initialState = (): NetworkState => ({ status: 'unregistered' });

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
      };
    case 'LeadExpertAssigned':
      return { ...state, leadExpert: { subject: event.data.subject, name: event.data.name } };
    case 'NetworkClosed':
      return { ...state, status: 'closed' };
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
