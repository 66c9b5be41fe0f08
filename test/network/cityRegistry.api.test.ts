import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { networkDecider } from '../../domain/network/decider.js';
import { streamIdOf } from '../../domain/shared/decider.js';
import { boostInnoRegistration } from '../support/boostInno.js';
import { given, when, type GivenStream } from '../support/api.js';
import { useTestApp } from '../support/testApp.js';

/**
 * "Which networks is Torino in?" and "find BoostInno": the city registry and the name and city
 * filters of `networks`, asked without knowing any id in advance.
 */

const t = useTestApp();

function partner(cityId: string, name: string, role = 'partner') {
  return { type: 'PartnerJoined', data: { cityId, name, country: cityId.slice(-2).toUpperCase(), partnerKind: 'city', role, newcomer: false } };
}

function network(name: string, startDate: string, partners: ReturnType<typeof partner>[], extra: GivenStream['events'] = []) {
  const networkId = ulid();
  const stream: GivenStream = {
    streamId: streamIdOf(networkDecider.category, networkId),
    events: [{ type: 'NetworkRegistered', data: { ...boostInnoRegistration, name, startDate, topics: ['social innovation'] } }, ...partners, ...extra],
  };
  return { networkId, stream };
}

const boostInno = network('BoostInno', '2015-09-01', [partner('torino-it', 'Torino', 'leadPartner'), partner('gdansk-pl', 'Gdańsk'), partner('wroclaw-pl', 'Wrocław')]);
const urbInclusion = network('URBinclusion', '2017-09-01', [partner('torino-it', 'Torino'), partner('barcelona-es', 'Barcelona', 'leadPartner')]);
const interactiveCities = network('Interactive Cities', '2015-01-01', [partner('genoa-it', 'Genoa', 'leadPartner'), partner('torino-it', 'Torino')], [
  { type: 'PartnerLeft', data: { cityId: 'torino-it', reason: 'left early' } },
]);

describe('the city registry and the network filters', () => {
  it('answers "which networks is Torino in?" by finding Torino by name, then its networks', async () => {
    await given(t, [boostInno.stream, urbInclusion.stream, interactiveCities.stream]);

    const outcome = await when(t, {
      query: `{ cities(name: "torino") { nodes { cityId name country
        networks { name } memberships { role network { name } }
        everything: networks(includeFormer: true) { name } } } }`,
    });

    expect(outcome.errors).toBeUndefined();
    expect(outcome.data!.cities.nodes).toEqual([
      {
        cityId: 'torino-it', name: 'Torino', country: 'IT',
        networks: [{ name: 'BoostInno' }, { name: 'URBinclusion' }],
        memberships: [{ role: 'leadPartner', network: { name: 'BoostInno' } }, { role: 'partner', network: { name: 'URBinclusion' } }],
        everything: [{ name: 'Interactive Cities' }, { name: 'BoostInno' }, { name: 'URBinclusion' }],
      },
    ]);
    expect(outcome.newEvents).toEqual([]);
  });

  it('finds cities by name ignoring case and accents, and by country', async () => {
    const outcome = await when(t, {
      query: `{ accents: cities(name: "GDANSK") { nodes { name } }
                polish: cities(country: "pl") { nodes { cityId name } }
                one: city(cityId: "wroclaw-pl") { name networks { name } }
                none: city(cityId: "lviv-ua") { name } }`,
    });
    expect(outcome.errors).toBeUndefined();
    expect(outcome.data).toEqual({
      accents: { nodes: [{ name: 'Gdańsk' }] },
      polish: { nodes: [{ cityId: 'gdansk-pl', name: 'Gdańsk' }, { cityId: 'wroclaw-pl', name: 'Wrocław' }] },
      one: { name: 'Wrocław', networks: [{ name: 'BoostInno' }] },
      none: null,
    });
  });

  it('answers "find BoostInno": networks by part of their name, ignoring case', async () => {
    const outcome = await when(t, { query: `{ networks(name: "boost") { nodes { networkId name } } }` });
    expect(outcome.errors).toBeUndefined();
    expect(outcome.data!.networks.nodes).toEqual([{ networkId: boostInno.networkId, name: 'BoostInno' }]);
  });

  it('lists the networks a city is an active partner of with the city filter', async () => {
    const outcome = await when(t, { query: `{ networks(cityId: "torino-it") { nodes { name } } gdansk: networks(cityId: "gdansk-pl", name: "urb") { nodes { name } } }` });
    expect(outcome.errors).toBeUndefined();
    expect(outcome.data).toEqual({ networks: { nodes: [{ name: 'BoostInno' }, { name: 'URBinclusion' }] }, gdansk: { nodes: [] } });
  });

  it('refuses a city filter that is not a city id', async () => {
    const outcome = await when(t, { query: `{ networks(cityId: "Torino") { nodes { name } } }` });
    expect(outcome.errors?.[0]?.message).toMatch(/city id/);
  });
});
