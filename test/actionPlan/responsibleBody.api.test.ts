import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/testApp.js';
import { draftTorinoPlanThroughApi } from './fixtures.js';
import { mutate, query, useNetworkSetup, when } from '../support/api.js';

/**
 * "Torino's actions promoted by the City of Turin": the responsible body stays the free text the
 * plan gives, and its search key (case, accents and punctuation folded) is what the filter matches.
 */
describe("a plan's actions by who promotes them", () => {
  const t = useTestApp();
  const n = useNetworkSetup(t);
  let planId: string;

  beforeAll(async () => {
    planId = await draftTorinoPlanThroughApi(t, n);
    const promoters: [string, string][] = [
      ['Torino Social Factory', 'City of Turin'],
      ['Co-City', 'City of Turin (PON Metro Torino)'],
      ['AxTO', 'CITY OF TURIN, partner'],
      ['Foundamenta', 'SocialFare'],
      ['Social Impact Bond', 'Socialfare '],
      ['Open Incet', 'Città Metropolitana di Torino'],
      ['Beacons', ''],
    ];
    for (const [title, responsibleBody] of promoters) {
      const added = await mutate(t, 'addPlanAction', { planId, title, clusterKey: 'collective-actions', phase: 'design', responsibleBody }, n.torino);
      expect(added.__typename).toBe('AddPlanActionPayload');
    }
  });

  it('answers "which of Torino\'s actions does the City of Turin promote?" whatever the case and the notes after the name', async () => {
    const outcome = await when(t, {
      query: `query($networkId: ID!) { actionPlan(networkId: $networkId, cityId: "torino-it") {
        actions(responsibleBody: "city of turin") { nodes { title responsibleBody } } } }`,
      variables: { networkId: n.networkId },
      token: n.torino,
    });
    expect(outcome.errors).toBeUndefined();
    expect(outcome.data!.actionPlan.actions.nodes).toEqual([
      { title: 'Torino Social Factory', responsibleBody: 'City of Turin' },
      { title: 'Co-City', responsibleBody: 'City of Turin (PON Metro Torino)' },
      { title: 'AxTO', responsibleBody: 'CITY OF TURIN, partner' },
    ]);
    expect(outcome.newEvents).toEqual([]);
  });

  it('matches whole words, and accents either way', async () => {
    const data = await query(
      t,
      `query($networkId: ID!) { actionPlan(networkId: $networkId, cityId: "torino-it") {
        social: actions(responsibleBody: "Social") { nodes { title } }
        socialfare: actions(responsibleBody: "SOCIALFARE") { nodes { title } }
        citta: actions(responsibleBody: "citta metropolitana") { nodes { title } } } }`,
      { networkId: n.networkId },
      n.torino,
    );
    expect(data.actionPlan.social.nodes).toEqual([]);
    expect(data.actionPlan.socialfare.nodes.map((a: { title: string }) => a.title)).toEqual(['Foundamenta', 'Social Impact Bond']);
    expect(data.actionPlan.citta.nodes.map((a: { title: string }) => a.title)).toEqual(['Open Incet']);
  });

  it('lists who promotes the plan\'s actions, the same body written differently counted once', async () => {
    const data = await query(
      t,
      `query($networkId: ID!) { actionPlan(networkId: $networkId, cityId: "torino-it") { responsibleBodies { name actions } } }`,
      { networkId: n.networkId },
      n.torino,
    );
    expect(data.actionPlan.responsibleBodies).toEqual([
      { name: 'SocialFare', actions: 2 },
      { name: 'Città Metropolitana di Torino', actions: 1 },
      { name: 'City of Turin', actions: 1 },
      { name: 'CITY OF TURIN, partner', actions: 1 },
      { name: 'City of Turin (PON Metro Torino)', actions: 1 },
    ]);
  });
});
