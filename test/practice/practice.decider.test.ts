import { describe, it } from 'vitest';
import { practiceDecider } from '../../domain/practice/decider.js';
import type { PracticeEvent } from '../../domain/practice/events.js';
import { deciderSpec } from '../support/deciderSpec.js';

const spec = deciderSpec(practiceDecider);

const contact = { name: 'Anna Kowalska', email: 'anna@gdansk.example', role: 'ULG coordinator' };
const propose = {
  cityId: 'gdansk-pl',
  cityName: 'Gdansk',
  networkId: null,
  title: 'Creative mapping of challenges and resources',
  summary: 'Horizontal management techniques based on creative mapping of challenges and resources.',
  topics: ['mapping', 'horizontal management'],
  results: 'Civil servants from 12 departments map challenges together.',
  contact,
};
const proposed: PracticeEvent = {
  type: 'PracticeProposed',
  data: { ...propose, country: 'PL', status: 'lookingForPartners' },
};
const withdrawn: PracticeEvent = { type: 'PracticeWithdrawn', data: { reason: 'replaced' } };

describe('practice decider', () => {
  it('proposes a practice, its country read from the city id, looking for partners', () => {
    spec.given([]).when({ type: 'ProposePractice', data: propose }).then([proposed]);
    spec.given([proposed]).when({ type: 'ProposePractice', data: propose }).thenFails('PRACTICE_ALREADY_PROPOSED');
  });

  it('revises only what changed, and nothing when nothing changed', () => {
    spec
      .given([proposed])
      .when({ type: 'RevisePractice', data: { title: 'Creative mapping', summary: propose.summary } })
      .then([{ type: 'PracticeRevised', data: { title: 'Creative mapping' } }]);
    spec.given([proposed]).when({ type: 'RevisePractice', data: { topics: ['mapping', 'horizontal management'], contact } }).thenNothing();
    spec.given([]).when({ type: 'RevisePractice', data: { title: 'x' } }).thenFails('PRACTICE_NOT_FOUND');
    spec.given([proposed, withdrawn]).when({ type: 'RevisePractice', data: { title: 'x' } }).thenFails('PRACTICE_WITHDRAWN');
  });

  it('awards the URBACT Good Practice label once', () => {
    const awarded: PracticeEvent = { type: 'GoodPracticeLabelAwarded', data: { year: 2017 } };
    spec.given([proposed]).when({ type: 'AwardGoodPracticeLabel', data: { year: 2017 } }).then([awarded]);
    spec.given([proposed, awarded]).when({ type: 'AwardGoodPracticeLabel', data: { year: 2018 } }).thenFails('LABEL_ALREADY_AWARDED');
    spec.given([proposed, withdrawn]).when({ type: 'AwardGoodPracticeLabel', data: { year: 2017 } }).thenFails('PRACTICE_WITHDRAWN');
  });

  it('tracks whether the city still looks for partners', () => {
    const complete: PracticeEvent = { type: 'PracticePartnershipStatusChanged', data: { status: 'partnershipComplete' } };
    spec.given([proposed]).when({ type: 'SetPartnershipStatus', data: { status: 'partnershipComplete' } }).then([complete]);
    spec.given([proposed]).when({ type: 'SetPartnershipStatus', data: { status: 'lookingForPartners' } }).thenNothing();
    spec
      .given([proposed, complete])
      .when({ type: 'SetPartnershipStatus', data: { status: 'lookingForPartners' } })
      .then([{ type: 'PracticePartnershipStatusChanged', data: { status: 'lookingForPartners' } }]);
  });

  it('withdraws a practice once', () => {
    spec.given([proposed]).when({ type: 'WithdrawPractice', data: { reason: 'replaced' } }).then([withdrawn]);
    spec.given([proposed, withdrawn]).when({ type: 'WithdrawPractice', data: { reason: '' } }).thenFails('PRACTICE_WITHDRAWN');
    spec.given([]).when({ type: 'WithdrawPractice', data: { reason: '' } }).thenFails('PRACTICE_NOT_FOUND');
  });
});
