import { z } from 'zod';
import {
  AwardGoodPracticeLabel,
  ProposePractice,
  RevisePractice,
  SetPartnershipStatus,
  WithdrawPractice,
} from '../../domain/practice/decider.js';
import { practiceDecider } from '../../domain/practice/decider.js';
import { aggregate } from './aggregate.js';
import { entityId, optionalEntityId } from './ids.js';

/** The catalogue of good practices: what a city can offer others; proposed, revised, labelled, withdrawn. */

const PracticeTarget = { practiceId: entityId('GoodPractice') };

// A practice belongs to a city, not to a network: its commands need no other aggregate's facts.
const practices = aggregate(practiceDecider, 'practiceId');

export const proposePractice = practices.define(
  'proposePractice',
  ProposePractice.extend({ networkId: optionalEntityId('Network').describe('The network in which the practice was identified.') }),
  (ledger, data, options) => practices.create(ledger, { type: 'ProposePractice', data }, options),
);

export const revisePractice = practices.define(
  'revisePractice',
  // An intersection, not extend: the rule "change at least one field" must not count the target.
  RevisePractice.and(z.object(PracticeTarget)),
  (ledger, { practiceId, ...data }, options) => practices.change(ledger, practiceId, { type: 'RevisePractice', data }, options),
);

export const awardGoodPracticeLabel = practices.useCase('awardGoodPracticeLabel', AwardGoodPracticeLabel.extend(PracticeTarget), 'AwardGoodPracticeLabel');

export const setPracticePartnershipStatus = practices.useCase('setPracticePartnershipStatus', SetPartnershipStatus.extend(PracticeTarget), 'SetPartnershipStatus');

export const withdrawPractice = practices.useCase('withdrawPractice', WithdrawPractice.extend(PracticeTarget), 'WithdrawPractice');
