import { z } from 'zod';
import {
  AwardGoodPracticeLabel,
  ProposePractice,
  RevisePractice,
  SetPartnershipStatus,
  WithdrawPractice,
  type PracticeCommand,
} from '../../domain/practice/commands.js';
import { practiceDecider } from '../../domain/practice/decider.js';
import { streamIdOf } from '../../domain/shared/decider.js';
import type { CommandOptions } from '../commands/handleCommand.js';
import { entityId } from './ids.js';
import type { Ledger } from './ledger.js';
import { defineUseCase } from './useCase.js';

/** The catalogue of good practices: what a city can offer others; proposed, revised, labelled, withdrawn. */

const PracticeTarget = { practiceId: entityId('GoodPractice') };

// A practice belongs to a city, not to a network: its commands need no other aggregate's facts.
const onPractice = (ledger: Ledger, practiceId: string, command: PracticeCommand, options: CommandOptions) =>
  ledger.execute(practiceDecider, streamIdOf(practiceDecider.category, practiceId), command, options);

export const proposePractice = defineUseCase(
  'proposePractice',
  ProposePractice.extend({
    networkId: entityId('Network')
      .nullish()
      .transform((id) => id ?? null)
      .describe('The network in which the practice was identified.'),
  }),
  (ledger, data, options) => ledger.execute(practiceDecider, { create: practiceDecider.category }, { type: 'ProposePractice', data }, options),
);

export const revisePractice = defineUseCase(
  'revisePractice',
  // An intersection, not extend: the rule "change at least one field" must not count the target.
  RevisePractice.and(z.object(PracticeTarget)),
  (ledger, { practiceId, ...data }, options) => onPractice(ledger, practiceId, { type: 'RevisePractice', data }, options),
);

export const awardGoodPracticeLabel = defineUseCase(
  'awardGoodPracticeLabel',
  AwardGoodPracticeLabel.extend(PracticeTarget),
  (ledger, { practiceId, ...data }, options) => onPractice(ledger, practiceId, { type: 'AwardGoodPracticeLabel', data }, options),
);

export const setPracticePartnershipStatus = defineUseCase(
  'setPracticePartnershipStatus',
  SetPartnershipStatus.extend(PracticeTarget),
  (ledger, { practiceId, ...data }, options) => onPractice(ledger, practiceId, { type: 'SetPartnershipStatus', data }, options),
);

export const withdrawPractice = defineUseCase(
  'withdrawPractice',
  WithdrawPractice.extend(PracticeTarget),
  (ledger, { practiceId, ...data }, options) => onPractice(ledger, practiceId, { type: 'WithdrawPractice', data }, options),
);
