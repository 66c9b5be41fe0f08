import { z } from 'zod';
import { CityId } from '../domain/shared/values.js';
import {
  CLOSENESS_WEIGHTS,
  closestPeers,
  communityMap,
  type ClosePeer,
  type CommunityMap,
  type MapEdge,
  type MapNode,
  type MatchLink,
} from '../projections/communityMap/communityMap.js';
import { builder } from './builder.js';
import { entityId } from '../src/application/ids.js';

/**
 * The community network map: a network as a graph to draw (cities, topics, practices, offers,
 * needs, and the give/use links between them), and for one city the peers closest to it and why.
 * Read by the network's members: the secretariat, its lead expert, its partner coordinators.
 */

const MapNodeKindEnum = builder.enumType('CommunityMapNodeKind', {
  values: {
    city: { description: 'A partner city of the network.' },
    topic: { description: 'A topic of practices, offers or needs.' },
    practice: { description: 'A good practice of the catalogue (also when offered in a session).' },
    offer: { description: 'Experience offered in a marketplace session.' },
    need: { description: 'A learning need of the journey, or a need posted in a marketplace session.' },
  } as const,
});

const MapEdgeKindEnum = builder.enumType('CommunityMapEdgeKind', {
  values: {
    gives: { description: 'city -> practice or offer.' },
    uses: { description: 'city -> need.' },
    about: { description: 'practice, offer or need -> topic.' },
    couldHelp: { description: 'practice or offer -> need, suggested by the matcher (weight: score).' },
    agreed: { description: 'practice or offer -> need, a match both cities agreed.' },
    helps: { description: 'city -> city: the giver could help the other with at least one need (weight: best score).' },
  } as const,
});

const MapNodeRef = builder.objectRef<MapNode>('CommunityMapNode').implement({
  fields: (t) => ({
    id: t.exposeString('id', { description: 'Unique within the map: `<kind>:<id>`, e.g. city:torino-it, topic:impact finance.' }),
    kind: t.field({ type: MapNodeKindEnum, resolve: (n) => n.kind }),
    label: t.exposeString('label'),
    cityId: t.exposeString('cityId', { nullable: true }),
    country: t.exposeString('country', { nullable: true }),
    topics: t.exposeStringList('topics'),
    labelYear: t.exposeInt('labelYear', { nullable: true }),
  }),
});

const MapEdgeRef = builder.objectRef<MapEdge>('CommunityMapEdge').implement({
  fields: (t) => ({
    source: t.exposeString('source'),
    target: t.exposeString('target'),
    kind: t.field({ type: MapEdgeKindEnum, resolve: (e) => e.kind }),
    weight: t.exposeFloat('weight'),
    sharedTopics: t.exposeStringList('sharedTopics'),
    matchedTerms: t.exposeStringList('matchedTerms'),
  }),
});

const CommunityMapRef = builder.objectRef<CommunityMap>('CommunityMap').implement({
  fields: (t) => ({
    networkId: t.exposeID('networkId'),
    nodes: t.field({ type: [MapNodeRef], resolve: (m) => [...m.nodes] }),
    edges: t.field({ type: [MapEdgeRef], resolve: (m) => [...m.edges] }),
  }),
});

const MatchLinkRef = builder.objectRef<MatchLink>('CommunityMapMatchLink').implement({
  description: 'A give/use link: what one city gives that answers a need of the other.',
  fields: (t) => ({
    needId: t.exposeID('needId'),
    needTitle: t.exposeString('needTitle'),
    giveId: t.exposeID('giveId', { description: 'The practice, or the offer for experience.' }),
    giveTitle: t.exposeString('giveTitle'),
    score: t.exposeFloat('score'),
    sharedTopics: t.exposeStringList('sharedTopics'),
    matchedTerms: t.exposeStringList('matchedTerms'),
  }),
});

const ClosenessParts = builder.objectRef<ClosePeer['parts']>('PeerClosenessParts').implement({
  description: `Parts of closeness before weighting (topics ${CLOSENESS_WEIGHTS.topics}, helpsMe ${CLOSENESS_WEIGHTS.helpsMe}, iHelp ${CLOSENESS_WEIGHTS.iHelp}).`,
  fields: (t) => ({
    topics: t.exposeFloat('topics', { description: 'Shared topics / all topics of the two cities (Jaccard).' }),
    helpsMe: t.exposeFloat('helpsMe', { description: "Mean over the city's needs of the peer's best match score." }),
    iHelp: t.exposeFloat('iHelp', { description: "Mean over the peer's needs of the city's best match score." }),
  }),
});

const ClosePeerRef = builder.objectRef<ClosePeer>('ClosePeer').implement({
  description: 'A peer close to a city on the map, and why.',
  fields: (t) => ({
    cityId: t.exposeString('cityId'),
    name: t.exposeString('name'),
    country: t.exposeString('country'),
    closeness: t.exposeFloat('closeness'),
    parts: t.field({ type: ClosenessParts, resolve: (p) => p.parts }),
    sharedTopics: t.exposeStringList('sharedTopics'),
    theyCanHelpWith: t.field({ type: [MatchLinkRef], resolve: (p) => [...p.theyCanHelpWith] }),
    iCanHelpWith: t.field({ type: [MatchLinkRef], resolve: (p) => [...p.iCanHelpWith] }),
  }),
});

function networkMembers(raw: unknown) {
  const parsed = entityId('Network').safeParse(raw);
  const id = parsed.success ? parsed.data : String(raw);
  return { secretariat: true, leadExpertOf: id, partnerOf: id };
}

builder.queryFields((t) => ({
  communityMap: t.field({
    type: CommunityMapRef,
    description: 'The network as a graph for drawing: cities, topics, practices, offers and needs, and the give/use links between them.',
    authScopes: (_root, args) => networkMembers(args.networkId),
    args: {
      networkId: t.arg.id({ required: true, validate: entityId('Network') }),
      linksPerNeed: t.arg.int({ required: false, description: 'couldHelp edges per need (default 3).', validate: z.number().int().min(0).max(20).nullish() }),
    },
    resolve: (_root, args, context) =>
      communityMap(context.readModels, entityId('Network').parse(args.networkId), { linksPerNeed: args.linksPerNeed ?? 3 }),
  }),
  closestPeers: t.field({
    type: [ClosePeerRef],
    description: 'The peers closest to a city on the map: shared topics and complementary give/use.',
    authScopes: (_root, args) => networkMembers(args.networkId),
    args: {
      networkId: t.arg.id({ required: true, validate: entityId('Network') }),
      cityId: t.arg.string({ required: true, validate: CityId }),
      limit: t.arg.int({ required: false, validate: z.number().int().min(1).max(50).nullish() }),
    },
    resolve: (_root, args, context) =>
      closestPeers(context.readModels, entityId('Network').parse(args.networkId), CityId.parse(args.cityId), args.limit ?? 5),
  }),
}));
