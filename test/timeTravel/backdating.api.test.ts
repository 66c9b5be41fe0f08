import { describe, expect, it } from 'vitest';
import { expectRefused, mutate, useNetworkSetup } from '../support/api.js';
import { useTestApp } from '../support/testApp.js';

const need = (networkId: string, occurredAt?: string) => ({
  networkId,
  cityId: 'torino-it',
  kind: 'learning',
  topics: ['finance'],
  description: 'How to develop new impact funds?',
  ...(occurredAt ? { occurredAt } : {}),
});

describe('who may record a fact as having happened earlier', () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);

  it("refuses a city coordinator's backdated fact with a typed error, writing nothing", async () => {
    await expectRefused(t, 'raiseLearningNeed', need(n.networkId, '2016-03-01T00:00:00Z'), n.torino, 'ForbiddenError', 'BACKDATING_NOT_ALLOWED');
  });

  it("refuses a lead expert's backdated fact too", async () => {
    await expectRefused(t, 'raiseLearningNeed', need(n.networkId, '2016-03-01T00:00:00Z'), n.expert, 'ForbiddenError', 'BACKDATING_NOT_ALLOWED');
  });

  it('records a coordinator\'s fact as of now, and accepts an occurredAt within clock skew', async () => {
    expect(await mutate(t, 'raiseLearningNeed', need(n.networkId), n.torino)).toMatchObject({ __typename: 'RaiseLearningNeedPayload' });
    const skewed = new Date(Date.now() - 60_000).toISOString();
    expect(await mutate(t, 'raiseLearningNeed', need(n.networkId, skewed), n.torino)).toMatchObject({ __typename: 'RaiseLearningNeedPayload' });
  });

  it('lets the secretariat backdate a fact, recording both times', async () => {
    const before = await t.app.store.headPosition();
    const raised = await mutate(t, 'raiseLearningNeed', need(n.networkId, '2016-03-01T00:00:00Z'), n.secretariat);
    expect(raised.__typename).toBe('RaiseLearningNeedPayload');
    const [event] = await t.app.store.readAll({ fromPosition: before, maxCount: 10 });
    expect(event!.metadata.occurredAt).toBe('2016-03-01T00:00:00.000Z');
    expect(Date.parse(event!.metadata.recordedAt)).toBeGreaterThan(Date.parse('2026-01-01'));
  });
});
