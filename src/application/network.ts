import { z } from 'zod';
import {
  AssignLeadExpert,
  CloseNetwork,
  DefineThematicGroup,
  JoinNetwork,
  LeaveNetwork,
  RecordBaselineStudy,
  RecordNetworkLesson,
  RegisterNetwork,
  StartImplementationPhase,
  TranslateNetworkLesson,
} from '../../domain/network/decider.js';
import { networkDecider } from '../../domain/network/decider.js';
import { aggregate } from './aggregate.js';
import { entityId } from './ids.js';

/** Networks: registered, given a lead expert, joined and left by partners, through their phases, closed. */

// The network decider refuses a network that was never registered (NETWORK_NOT_FOUND).
const network = aggregate(networkDecider, { networkId: entityId('Network') });
const NetworkTarget = z.object(network.target);

export const registerNetwork = network.define('registerNetwork', RegisterNetwork, (ledger, data, options) =>
  network.create(ledger, { type: 'RegisterNetwork', data }, options),
);

export const assignLeadExpert = network.useCase('assignLeadExpert', NetworkTarget.extend(AssignLeadExpert.shape), 'AssignLeadExpert');

export const closeNetwork = network.useCase('closeNetwork', NetworkTarget.extend(CloseNetwork.shape), 'CloseNetwork');

export const joinNetwork = network.useCase('joinNetwork', NetworkTarget.extend(JoinNetwork.shape), 'JoinNetwork');

export const leaveNetwork = network.useCase('leaveNetwork', NetworkTarget.extend(LeaveNetwork.shape), 'LeaveNetwork');

export const recordBaselineStudy = network.useCase('recordBaselineStudy', RecordBaselineStudy.extend(NetworkTarget.shape), 'RecordBaselineStudy');

export const recordNetworkLesson = network.useCase('recordNetworkLesson', NetworkTarget.extend(RecordNetworkLesson.shape), 'RecordNetworkLesson');

export const translateNetworkLesson = network.useCase('translateNetworkLesson', NetworkTarget.extend(TranslateNetworkLesson.shape), 'TranslateNetworkLesson');

export const startImplementationPhase = network.useCase('startImplementationPhase', NetworkTarget.extend(StartImplementationPhase.shape), 'StartImplementationPhase');

export const defineThematicGroup = network.useCase('defineThematicGroup', NetworkTarget.extend(DefineThematicGroup.shape), 'DefineThematicGroup');
