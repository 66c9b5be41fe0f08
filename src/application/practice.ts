import { z } from 'zod';
import * as practice from '../../domain/practice/decider.js';
import { aggregate } from './aggregate.js';
import { entityId, optionalEntityId } from './ids.js';

/** The catalogue of good practices: what a city can offer others; proposed, revised, labelled, withdrawn. */

// A practice belongs to a city, not to a network: its commands need no other aggregate's facts.
const practices = aggregate(practice.practiceDecider, { practiceId: entityId('GoodPractice') });

export const proposePractice = practices.define(
  'proposePractice',
  practice.ProposePractice.extend({ networkId: optionalEntityId('Network').describe('The network in which the practice was identified.') }),
  (ledger, data, options) => practices.create(ledger, { type: 'ProposePractice', data }, options),
);

export const revisePractice = practices.define(
  'revisePractice',
  // An intersection, not extend: the rule "change at least one field" must not count the target.
  practice.RevisePractice.and(z.object(practices.target)),
  (ledger, { practiceId, ...data }, options) => practices.change(ledger, practiceId, { type: 'RevisePractice', data }, options),
);

export const awardGoodPracticeLabel = practices.useCase('awardGoodPracticeLabel', practice.AwardGoodPracticeLabel.extend(practices.target), 'AwardGoodPracticeLabel');

export const setPracticePartnershipStatus = practices.useCase('setPracticePartnershipStatus', practice.SetPartnershipStatus.extend(practices.target), 'SetPartnershipStatus');

export const withdrawPractice = practices.useCase('withdrawPractice', practice.WithdrawPractice.extend(practices.target), 'WithdrawPractice');
