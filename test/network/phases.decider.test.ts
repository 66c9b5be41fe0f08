import { describe, it } from 'vitest';
import { RecordBaselineStudy } from '../../domain/network/commands.js';
import { networkDecider } from '../../domain/network/decider.js';
import type { NetworkEvent } from '../../domain/network/events.js';
import { deciderSpec } from '../support/deciderSpec.js';
import { expect } from 'vitest';

const spec = deciderSpec(networkDecider);
const registered: NetworkEvent = {
  type: 'NetworkRegistered',
  data: {
    name: 'BoostInno',
    kind: 'actionPlanning',
    theme: 'Boosting social innovation',
    topics: ['social innovation'],
    startDate: '2015-09-01',
    endDate: '2018-05-31',
  },
};
const baseline = {
  title: 'BoostInno baseline study',
  date: '2016-03-14',
  summary: 'Synthesis of the exchange and learning needs of the ten cities',
  url: null,
};
const recorded: NetworkEvent = { type: 'BaselineStudyRecorded', data: baseline };
const closed: NetworkEvent = { type: 'NetworkClosed', data: { reason: 'programme ended' } };
const started: NetworkEvent = { type: 'ImplementationPhaseStarted', data: { startDate: '2016-05-01' } };

describe('network phases', () => {
  it('records the baseline study during activation, and a revision of it', () => {
    spec.given([registered]).when({ type: 'RecordBaselineStudy', data: baseline }).then([recorded]);
    const revised = { ...baseline, url: 'https://urbact.eu/boostinno' };
    spec.given([registered, recorded]).when({ type: 'RecordBaselineStudy', data: revised }).then([{ type: 'BaselineStudyRecorded', data: revised }]);
    spec.given([registered, recorded]).when({ type: 'RecordBaselineStudy', data: baseline }).thenNothing();
  });

  it('refuses a baseline study outside the network dates, after activation, or on a closed network', () => {
    spec.given([registered]).when({ type: 'RecordBaselineStudy', data: { ...baseline, date: '2019-01-01' } }).thenFails('OUTSIDE_NETWORK_DATES');
    spec.given([registered, recorded, started]).when({ type: 'RecordBaselineStudy', data: baseline }).thenFails('ACTIVATION_PHASE_OVER');
    spec.given([registered, closed]).when({ type: 'RecordBaselineStudy', data: baseline }).thenFails('NETWORK_CLOSED');
    spec.given([]).when({ type: 'RecordBaselineStudy', data: baseline }).thenFails('NETWORK_NOT_FOUND');
  });

  it('starts the implementation phase once, after the baseline study', () => {
    spec.given([registered, recorded]).when({ type: 'StartImplementationPhase', data: { startDate: '2016-05-01' } }).then([started]);
    spec.given([registered]).when({ type: 'StartImplementationPhase', data: { startDate: '2016-05-01' } }).thenFails('BASELINE_STUDY_MISSING');
    spec.given([registered, recorded, started]).when({ type: 'StartImplementationPhase', data: { startDate: '2016-06-01' } }).thenFails('IMPLEMENTATION_ALREADY_STARTED');
    spec.given([registered, recorded]).when({ type: 'StartImplementationPhase', data: { startDate: '2016-01-01' } }).thenFails('IMPLEMENTATION_BEFORE_BASELINE');
    spec.given([registered, recorded]).when({ type: 'StartImplementationPhase', data: { startDate: '2018-06-01' } }).thenFails('OUTSIDE_NETWORK_DATES');
    spec.given([registered, recorded, closed]).when({ type: 'StartImplementationPhase', data: { startDate: '2016-05-01' } }).thenFails('NETWORK_CLOSED');
  });

  it('validates the baseline study input: a summary or an http(s) address', () => {
    expect(RecordBaselineStudy.safeParse({ title: 'Study', date: '2016-03-14' }).success).toBe(false);
    expect(RecordBaselineStudy.safeParse({ title: 'Study', date: '2016-03-14', url: 'javascript:alert(1)' }).success).toBe(false);
    expect(RecordBaselineStudy.parse({ title: ' Study ', date: '2016-03-14', url: 'https://urbact.eu/x' })).toEqual({
      title: 'Study',
      date: '2016-03-14',
      summary: '',
      url: 'https://urbact.eu/x',
    });
  });
});
