import { z } from 'zod';
import {
  AssignLeadExpert,
  CloseNetwork,
  JoinNetwork,
  LeaveNetwork,
  RecordBaselineStudy,
  RegisterNetwork,
  StartImplementationPhase,
  type NetworkCommand,
} from '../../domain/network/decider.js';
import { networkDecider, type NetworkState } from '../../domain/network/decider.js';
import { streamIdOf } from '../../domain/shared/decider.js';
import type { CommandOptions, CommandResult } from '../commands/handleCommand.js';
import { entityId } from './ids.js';
import type { Ledger } from './ledger.js';
import { defineUseCase } from './useCase.js';

/** Networks: registered, given a lead expert, joined and left by partners, through their phases, closed. */

const NetworkTarget = z.object({ networkId: entityId('Network') });

/** The network decider refuses a network that was never registered (NETWORK_NOT_FOUND). */
function changeNetwork(ledger: Ledger, networkId: string, command: NetworkCommand, options: CommandOptions): Promise<CommandResult<NetworkState>> {
  return ledger.execute(networkDecider, streamIdOf(networkDecider.category, networkId), command, options);
}

export const registerNetwork = defineUseCase('registerNetwork', RegisterNetwork, (ledger, data, options) =>
  ledger.execute(networkDecider, { create: networkDecider.category }, { type: 'RegisterNetwork', data }, options),
);

export const assignLeadExpert = defineUseCase(
  'assignLeadExpert',
  NetworkTarget.extend(AssignLeadExpert.shape),
  (ledger, { networkId, ...data }, options) => changeNetwork(ledger, networkId, { type: 'AssignLeadExpert', data }, options),
);

export const closeNetwork = defineUseCase(
  'closeNetwork',
  NetworkTarget.extend(CloseNetwork.shape),
  (ledger, { networkId, ...data }, options) => changeNetwork(ledger, networkId, { type: 'CloseNetwork', data }, options),
);

export const joinNetwork = defineUseCase(
  'joinNetwork',
  NetworkTarget.extend(JoinNetwork.shape),
  (ledger, { networkId, ...data }, options) => changeNetwork(ledger, networkId, { type: 'JoinNetwork', data }, options),
);

export const leaveNetwork = defineUseCase(
  'leaveNetwork',
  NetworkTarget.extend(LeaveNetwork.shape),
  (ledger, { networkId, ...data }, options) => changeNetwork(ledger, networkId, { type: 'LeaveNetwork', data }, options),
);

export const recordBaselineStudy = defineUseCase(
  'recordBaselineStudy',
  RecordBaselineStudy.extend(NetworkTarget.shape),
  (ledger, { networkId, ...data }, options) => changeNetwork(ledger, networkId, { type: 'RecordBaselineStudy', data }, options),
);

export const startImplementationPhase = defineUseCase(
  'startImplementationPhase',
  NetworkTarget.extend(StartImplementationPhase.shape),
  (ledger, { networkId, ...data }, options) => changeNetwork(ledger, networkId, { type: 'StartImplementationPhase', data }, options),
);
