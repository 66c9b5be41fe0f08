import { beforeAll, describe, expect, it } from 'vitest';
import { networkDecider } from '../../domain/network/decider.js';
import { useTestApp } from '../support/testApp.js';

const JOIN = `mutation($input: JoinNetworkInput!) { joinNetwork(input: $input) {
  __typename ... on JoinNetworkPayload { revision } ... on Error { code } } }`;

describe('100 concurrent conflicting mutations on one aggregate', () => {
  const t = useTestApp();
  let networkId: string;
  beforeAll(async () => {
    const created = await t.gql(
      `mutation { registerNetwork(input: { name: "Race", kind: actionPlanning, theme: "t", startDate: "2020-01-01", endDate: "2022-01-01" }) { ... on RegisterNetworkPayload { aggregateId } } }`,
      {},
      t.secretariat,
    );
    networkId = created.data!.registerNetwork.aggregateId;
  });

  it('each succeeds or gets a conflict; the final state is exactly the accepted events', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.gql(JOIN, { input: { networkId, cityId: `city${i}-it`, name: `City ${i}`, country: 'IT', expectedRevision: 0 } }, t.secretariat),
      ),
    );
    const outcomes = responses.map((r) => r.data?.joinNetwork?.__typename ?? `HTTP ${r.status}`);
    const accepted = responses.flatMap((r, i) => (r.data!.joinNetwork.__typename === 'JoinNetworkPayload' ? [i] : []));
    expect(new Set(outcomes)).toEqual(new Set(['JoinNetworkPayload', 'ConcurrencyConflictError']));
    expect(accepted).toHaveLength(1);

    const loaded = await t.app.commands.load(networkDecider, `network-${networkId}`);
    expect(Object.keys(loaded.state.partners)).toEqual([`city${accepted[0]}-it`]);
    const read = await t.gql(`query($id: ID!) { network(id: $id) { partners { cityId } revision } }`, { id: networkId });
    expect(read.data!.network).toEqual({ partners: [{ cityId: `city${accepted[0]}-it` }], revision: 1 });
  });

  it('without an expected revision, all 100 land by retrying on fresh state; none is lost', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.gql(JOIN, { input: { networkId, cityId: `town${i}-fr`, name: `Town ${i}`, country: 'FR' } }, t.secretariat),
      ),
    );
    const acknowledged = responses.filter((r) => r.data!.joinNetwork.__typename === 'JoinNetworkPayload');
    const conflicts = responses.filter((r) => r.data!.joinNetwork.__typename === 'ConcurrencyConflictError');
    expect(acknowledged.length + conflicts.length).toBe(100);
    const loaded = await t.app.commands.load(networkDecider, `network-${networkId}`);
    const towns = Object.keys(loaded.state.partners).filter((c) => c.startsWith('town'));
    // Every acknowledged write is in the log, and nothing else is.
    expect(towns).toHaveLength(acknowledged.length);
    expect(new Set(acknowledged.map((r) => r.data!.joinNetwork.revision)).size).toBe(acknowledged.length);
    expect(acknowledged.length).toBeGreaterThanOrEqual(90);
  });
});
