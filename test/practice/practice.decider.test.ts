import { describe, it } from 'vitest';
import { practiceDecider } from '../../domain/practice/decider.js';
import type { PracticeEvent } from '../../domain/practice/events.js';
import { createdOnceScenarios, deciderSpec } from '../support/deciderSpec.js';

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
  describe('proposes a practice, its country read from the city id, looking for partners', () => {
    createdOnceScenarios(spec, { first: 'proposes it', command: { type: 'ProposePractice', data: propose }, created: proposed, twice: 'PRACTICE_ALREADY_PROPOSED' });
  });

  describe('revises only what changed, and nothing when nothing changed', () => {
    it('records only the fields that changed', () => {
      spec
        .given([proposed])
        .when({ type: 'RevisePractice', data: { title: 'Creative mapping', summary: propose.summary } })
        .then([{ type: 'PracticeRevised', data: { title: 'Creative mapping' } }]);
    });

    it('records nothing when nothing changed', () => {
      spec.given([proposed]).when({ type: 'RevisePractice', data: { topics: ['mapping', 'horizontal management'], contact } }).thenNothing();
    });

    it('not a practice never proposed', () => {
      spec.given([]).when({ type: 'RevisePractice', data: { title: 'x' } }).thenFails('PRACTICE_NOT_FOUND');
    });

    it('not a withdrawn practice', () => {
      spec.given([proposed, withdrawn]).when({ type: 'RevisePractice', data: { title: 'x' } }).thenFails('PRACTICE_WITHDRAWN');
    });
  });

  describe('awards the URBACT Good Practice label once', () => {
    const awarded: PracticeEvent = { type: 'GoodPracticeLabelAwarded', data: { year: 2017 } };

    it('awards it', () => {
      spec.given([proposed]).when({ type: 'AwardGoodPracticeLabel', data: { year: 2017 } }).then([awarded]);
    });

    it('once', () => {
      spec.given([proposed, awarded]).when({ type: 'AwardGoodPracticeLabel', data: { year: 2018 } }).thenFails('LABEL_ALREADY_AWARDED');
    });

    it('not to a withdrawn practice', () => {
      spec.given([proposed, withdrawn]).when({ type: 'AwardGoodPracticeLabel', data: { year: 2017 } }).thenFails('PRACTICE_WITHDRAWN');
    });
  });

  describe('tracks whether the city still looks for partners', () => {
    const complete: PracticeEvent = { type: 'PracticePartnershipStatusChanged', data: { status: 'partnershipComplete' } };

    it('records a complete partnership', () => {
      spec.given([proposed]).when({ type: 'SetPartnershipStatus', data: { status: 'partnershipComplete' } }).then([complete]);
    });

    it('records nothing when the status does not change', () => {
      spec.given([proposed]).when({ type: 'SetPartnershipStatus', data: { status: 'lookingForPartners' } }).thenNothing();
    });

    it('records looking for partners again', () => {
      spec
        .given([proposed, complete])
        .when({ type: 'SetPartnershipStatus', data: { status: 'lookingForPartners' } })
        .then([{ type: 'PracticePartnershipStatusChanged', data: { status: 'lookingForPartners' } }]);
    });
  });

  describe('withdraws a practice once', () => {
    it('withdraws it', () => {
      spec.given([proposed]).when({ type: 'WithdrawPractice', data: { reason: 'replaced' } }).then([withdrawn]);
    });

    it('once', () => {
      spec.given([proposed, withdrawn]).when({ type: 'WithdrawPractice', data: { reason: '' } }).thenFails('PRACTICE_WITHDRAWN');
    });

    it('not a practice never proposed', () => {
      spec.given([]).when({ type: 'WithdrawPractice', data: { reason: '' } }).thenFails('PRACTICE_NOT_FOUND');
    });
  });
});
