import { describe, expect, it } from 'vitest';
import { expectRefused, issuePaths, mutate, pause, query, setUpNetwork, useNetworkSetup } from '../support/api.js';
import { useTestApp } from '../support/testApp.js';

const PHASE = `query($id: ID!, $asOf: DateTime) { network(id: $id, asOf: $asOf) {
  phase implementationStartDate baselineStudy { title date summary url } } }`;

describe('network phases through the API', () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);

  it('starts in activation, with no baseline study; phases are public', async () => {
    expect((await query(t, PHASE, { id: n.networkId })).network).toEqual({ phase: 'activation', implementationStartDate: null, baselineStudy: null });
  });

  it('refuses bad input, other roles and a start before the baseline study, writing nothing', async () => {
    const bad = await expectRefused(t, 'recordBaselineStudy', { networkId: n.networkId, title: '', date: '2016-02-30', url: 'ftp://x' }, n.expert, 'InputValidationError');
    expect(issuePaths(bad)).toEqual(expect.arrayContaining(['title', 'date', 'url']));
    await expectRefused(t, 'recordBaselineStudy', { networkId: n.networkId, title: 'Study', date: '2016-03-14' }, n.expert, 'InputValidationError');
    const study = { networkId: n.networkId, title: 'BoostInno baseline study', date: '2016-03-14', summary: 'Needs of ten cities' };
    await expectRefused(t, 'recordBaselineStudy', study, n.otherExpert, 'ForbiddenError');
    await expectRefused(t, 'recordBaselineStudy', study, n.torino, 'ForbiddenError');
    await expectRefused(t, 'recordBaselineStudy', study, undefined, 'ForbiddenError');
    await expectRefused(t, 'recordBaselineStudy', { ...study, date: '2019-01-01' }, n.expert, 'RuleViolationError', 'OUTSIDE_NETWORK_DATES');
    await expectRefused(t, 'startImplementationPhase', { networkId: n.networkId, startDate: '2016-05-01' }, n.expert, 'RuleViolationError', 'BASELINE_STUDY_MISSING');
    await expectRefused(t, 'startImplementationPhase', { networkId: n.networkId, startDate: '1 May 2016' }, n.expert, 'InputValidationError');
    await expectRefused(t, 'startImplementationPhase', { networkId: n.networkId, startDate: '2016-05-01' }, n.gdansk, 'ForbiddenError');
  });

  it('lets the lead expert record the baseline study and start implementation; as of before, still activation', async () => {
    // Recording a fact as of an earlier date is the secretariat's: the lead expert records as of now.
    const study = { networkId: n.networkId, title: 'BoostInno baseline study', date: '2016-03-14', url: 'https://urbact.eu/boostinno' };
    await expectRefused(t, 'recordBaselineStudy', { ...study, occurredAt: '2016-03-14T12:00:00Z' }, n.expert, 'ForbiddenError', 'BACKDATING_NOT_ALLOWED');
    const recorded = await mutate(t, 'recordBaselineStudy', study, n.expert, 'network { phase baselineStudy { title url } }');
    expect(recorded).toMatchObject({ __typename: 'RecordBaselineStudyPayload', network: { phase: 'activation', baselineStudy: { url: 'https://urbact.eu/boostinno' } } });
    await pause(5);
    const betweenBoth = new Date().toISOString();
    await pause(5);
    const started = await mutate(t, 'startImplementationPhase', { networkId: n.networkId, startDate: '2016-05-01' }, n.expert, 'network { phase implementationStartDate }');
    expect(started.network).toEqual({ phase: 'implementation', implementationStartDate: '2016-05-01' });
    await expectRefused(t, 'startImplementationPhase', { networkId: n.networkId, startDate: '2016-06-01' }, n.secretariat, 'RuleViolationError', 'IMPLEMENTATION_ALREADY_STARTED');
    await expectRefused(t, 'recordBaselineStudy', { networkId: n.networkId, title: 'Late', date: '2016-06-01', summary: 'x' }, n.secretariat, 'RuleViolationError', 'ACTIVATION_PHASE_OVER');

    expect((await query(t, PHASE, { id: n.networkId, asOf: betweenBoth })).network).toEqual({
      phase: 'activation',
      implementationStartDate: null,
      baselineStudy: { title: 'BoostInno baseline study', date: '2016-03-14', summary: '', url: 'https://urbact.eu/boostinno' },
    });
    expect((await query(t, PHASE, { id: n.networkId })).network.phase).toBe('implementation');
  });

  it('refuses changes to a closed network', async () => {
    const other = await setUpNetwork(t, 'Interactive Cities');
    await mutate(t, 'closeNetwork', { networkId: other.networkId }, other.secretariat);
    await expectRefused(
      t,
      'recordBaselineStudy',
      { networkId: other.networkId, title: 'Study', date: '2016-03-14', summary: 'x' },
      other.secretariat,
      'RuleViolationError',
      'NETWORK_CLOSED',
    );
  });
});
