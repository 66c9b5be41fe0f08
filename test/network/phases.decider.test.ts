import { describe, expect, it } from 'vitest';
import { RecordBaselineStudy } from '../../domain/network/decider.js';
import { networkDecider } from '../../domain/network/decider.js';
import type { NetworkEvent } from '../../domain/network/events.js';
import { deciderSpec } from '../support/deciderSpec.js';
import { closed, registered } from './fixtures.js';

const spec = deciderSpec(networkDecider);
const baseline = {
  title: 'BoostInno baseline study',
  date: '2016-03-14',
  summary: 'Synthesis of the exchange and learning needs of the ten cities',
  url: null,
};
const recorded: NetworkEvent = { type: 'BaselineStudyRecorded', data: baseline };
const started: NetworkEvent = { type: 'ImplementationPhaseStarted', data: { startDate: '2016-05-01' } };

describe('network phases: the baseline study', () => {
  it('records the baseline study during activation', () => {
    spec.given([registered]).when({ type: 'RecordBaselineStudy', data: baseline }).then([recorded]);
  });

  it('records a revision of it', () => {
    const revised = { ...baseline, url: 'https://urbact.eu/boostinno' };
    spec.given([registered, recorded]).when({ type: 'RecordBaselineStudy', data: revised }).then([{ type: 'BaselineStudyRecorded', data: revised }]);
  });

  it('treats the same study again as a no-op', () => {
    spec.given([registered, recorded]).when({ type: 'RecordBaselineStudy', data: baseline }).thenNothing();
  });

  it('refuses a study outside the network dates', () => {
    spec.given([registered]).when({ type: 'RecordBaselineStudy', data: { ...baseline, date: '2019-01-01' } }).thenFails('OUTSIDE_NETWORK_DATES');
  });

  it('refuses a study after activation', () => {
    spec.given([registered, recorded, started]).when({ type: 'RecordBaselineStudy', data: baseline }).thenFails('ACTIVATION_PHASE_OVER');
  });

  it('refuses a study of a closed network', () => {
    spec.given([registered, closed]).when({ type: 'RecordBaselineStudy', data: baseline }).thenFails('NETWORK_CLOSED');
  });

  it('refuses a study of a network that does not exist', () => {
    spec.given([]).when({ type: 'RecordBaselineStudy', data: baseline }).thenFails('NETWORK_NOT_FOUND');
  });
});

describe('network phases: implementation', () => {
  it('starts the implementation phase after the baseline study', () => {
    spec.given([registered, recorded]).when({ type: 'StartImplementationPhase', data: { startDate: '2016-05-01' } }).then([started]);
  });

  it('refuses to start without the baseline study', () => {
    spec.given([registered]).when({ type: 'StartImplementationPhase', data: { startDate: '2016-05-01' } }).thenFails('BASELINE_STUDY_MISSING');
  });

  it('starts it once', () => {
    spec.given([registered, recorded, started]).when({ type: 'StartImplementationPhase', data: { startDate: '2016-06-01' } }).thenFails('IMPLEMENTATION_ALREADY_STARTED');
  });

  it('refuses a start before the baseline study', () => {
    spec.given([registered, recorded]).when({ type: 'StartImplementationPhase', data: { startDate: '2016-01-01' } }).thenFails('IMPLEMENTATION_BEFORE_BASELINE');
  });

  it('refuses a start outside the network dates', () => {
    spec.given([registered, recorded]).when({ type: 'StartImplementationPhase', data: { startDate: '2018-06-01' } }).thenFails('OUTSIDE_NETWORK_DATES');
  });

  it('refuses a start in a closed network', () => {
    spec.given([registered, recorded, closed]).when({ type: 'StartImplementationPhase', data: { startDate: '2016-05-01' } }).thenFails('NETWORK_CLOSED');
  });
});

describe('baseline study input', () => {
  it('wants a summary or an address', () => {
    expect(RecordBaselineStudy.safeParse({ title: 'Study', date: '2016-03-14' }).success).toBe(false);
  });

  it('wants an http(s) address', () => {
    expect(RecordBaselineStudy.safeParse({ title: 'Study', date: '2016-03-14', url: 'javascript:alert(1)' }).success).toBe(false);
  });

  it('trims the title and defaults the summary', () => {
    expect(RecordBaselineStudy.parse({ title: ' Study ', date: '2016-03-14', url: 'https://urbact.eu/x' })).toEqual({
      title: 'Study',
      date: '2016-03-14',
      summary: '',
      url: 'https://urbact.eu/x',
    });
  });
});
