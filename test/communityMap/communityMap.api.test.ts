import { beforeAll, describe, expect, it } from 'vitest';
import { learningNeedDecider } from '../../domain/learningNeed/decider.js';
import { networkDecider } from '../../domain/network/decider.js';
import { networkSnapshotOf } from '../../domain/network/snapshot.js';
import { streamIdOf } from '../../domain/shared/decider.js';
import { systemActor } from '../../src/auth/actor.js';
import { useTestApp } from '../support/testApp.js';
import { useBoostInnoNetwork } from '../support/api.js';
import { gdanskCreativeMapping } from '../support/boostInno.js';

describe('the community network map through the API', () => {
  const t = useTestApp();
  const f = useBoostInnoNetwork(t);
  let practiceId: string;
  let learningNeedId: string;

  beforeAll(async () => {
    const gdansk = f.gdansk;
    const proposed = await t.gql(
      `mutation($input: ProposePracticeInput!) { proposePractice(input: $input) { ... on ProposePracticePayload { aggregateId } } }`,
      { input: gdanskCreativeMapping },
      gdansk,
    );
    practiceId = proposed.data!.proposePractice.aggregateId;
    const opened = await t.gql(
      `mutation($input: OpenMarketplaceSessionInput!) { openMarketplaceSession(input: $input) { ... on OpenMarketplaceSessionPayload { aggregateId } } }`,
      { input: { title: 'Marketplace', networkIds: [f.networkId] } },
      f.expert,
    );
    const sessionId = opened.data!.openMarketplaceSession.aggregateId;
    const post = (mutation: string, input: Record<string, unknown>) =>
      t.gql(`mutation($input: ${mutation}Input!) { ${mutation.charAt(0).toLowerCase()}${mutation.slice(1)}(input: $input) { __typename } }`, { input: { sessionId, ...input } }, f.secretariat);
    await post('PostMarketplaceOffer', { cityId: 'gdansk-pl', practiceId });
    await post('PostMarketplaceOffer', {
      cityId: 'strasbourg-fr',
      title: 'Social impact funds',
      description: 'Funds investing in social enterprises with measured impact.',
      topics: ['impact finance'],
    });
    await post('PostMarketplaceNeed', {
      cityId: 'torino-it',
      title: 'How to develop new impact funds?',
      description: 'Impact funds for social enterprises.',
      topics: ['impact finance'],
    });
    // A learning need of Paris's journey (issue 3), never posted in a session: a need on the map too.
    const { state } = await t.app.commands.load(networkDecider, streamIdOf('network', f.networkId));
    learningNeedId = (
      await t.app.execute(
        learningNeedDecider,
        { create: learningNeedDecider.category },
        {
          type: 'RaiseLearningNeed',
          data: {
            cityId: 'paris-fr',
            kind: 'learning',
            topics: ['impact finance'],
            description: 'How to fund social enterprises with impact funds?',
            priority: 'medium',
            network: networkSnapshotOf(f.networkId, state)!,
          },
        },
        { actor: systemActor },
      )
    ).id;
    await post('PostMarketplaceNeed', {
      cityId: 'braga-pt',
      title: 'Mapping resources of the city',
      description: 'How do other cities map challenges and resources with civil servants?',
      topics: ['mapping'],
    });
  });

  const MAP = `query($id: ID!) { communityMap(networkId: $id) {
    nodes { id kind label cityId }
    edges { source target kind weight sharedTopics matchedTerms } } }`;

  it('returns the network as a graph of cities, topics, practices, offers and needs with give/use links', async () => {
    const res = await t.gql(MAP, { id: f.networkId }, f.paris);
    expect(res.errors).toBeUndefined();
    const { nodes, edges } = res.data!.communityMap;
    const ids = (kind: string) => nodes.filter((n: { kind: string }) => n.kind === kind).map((n: { id: string }) => n.id).sort();
    expect(ids('city')).toHaveLength(5);
    expect(ids('practice')).toEqual([`practice:${practiceId}`]);
    expect(ids('offer')).toHaveLength(1);
    expect(ids('need')).toHaveLength(3);
    expect(ids('need')).toContain(`need:${learningNeedId}`);
    expect(ids('topic')).toEqual(['topic:horizontal management', 'topic:impact finance', 'topic:mapping']);
    const pairs = (kind: string) => edges.filter((e: { kind: string }) => e.kind === kind).map((e: { source: string; target: string }) => `${e.source} > ${e.target}`);
    expect(pairs('gives')).toContain(`city:gdansk-pl > practice:${practiceId}`);
    expect(pairs('uses')).toContain(`city:paris-fr > need:${learningNeedId}`);
    expect(pairs('helps').sort()).toEqual(['city:gdansk-pl > city:braga-pt', 'city:strasbourg-fr > city:paris-fr', 'city:strasbourg-fr > city:torino-it']);
    const couldHelp = edges.find((e: { kind: string; source: string }) => e.kind === 'couldHelp' && e.source === `practice:${practiceId}`);
    expect(couldHelp).toMatchObject({ sharedTopics: ['mapping'] });
    expect(couldHelp.matchedTerms).toEqual(expect.arrayContaining(['mapping', 'challenges', 'resources', 'civil', 'servants']));
    // Every edge joins nodes of the map.
    const known = new Set(nodes.map((n: { id: string }) => n.id));
    for (const e of edges) expect(known.has(e.source) && known.has(e.target)).toBe(true);
  });

  it('tells a city its closest peers and why', async () => {
    const res = await t.gql(
      `query($id: ID!) { closestPeers(networkId: $id, cityId: "braga-pt") {
        cityId closeness parts { topics helpsMe iHelp } sharedTopics theyCanHelpWith { giveTitle needTitle score } iCanHelpWith { giveTitle } } }`,
      { id: f.networkId },
      f.braga,
    );
    expect(res.errors).toBeUndefined();
    const [closest] = res.data!.closestPeers;
    expect(closest).toMatchObject({ cityId: 'gdansk-pl', sharedTopics: ['mapping'], iCanHelpWith: [] });
    expect(closest.theyCanHelpWith[0]).toMatchObject({ giveTitle: 'Creative mapping of challenges and resources', needTitle: 'Mapping resources of the city' });
    expect(closest.parts.helpsMe).toBeGreaterThan(0);
  });

  it('is for the network members only', async () => {
    const outsider = await t.token('cityCoordinator', { cityIds: ['wroclaw-pl'] });
    expect((await t.gql(MAP, { id: f.networkId }, outsider)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(MAP, { id: f.networkId })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(MAP, { id: f.networkId }, f.expert)).errors).toBeUndefined();
  });
});
