import {
  MatchingIndex,
  type MatchableNeed,
  type MatchableOffer,
  type MatchSuggestion,
} from '../../domain/marketplace/matching.js';
import type { ReadModelStore } from '../types.js';
import type { PracticeRow } from '../practice/practices.js';
import type { PostRow } from '../marketplace/sessions.js';

/**
 * The community network map: a network drawn as a graph of its cities, what they give (good
 * practices, experience offered in marketplace sessions), what they need (learning needs of the
 * journey, needs posted in marketplace sessions), the topics of both,
 * and the give/use links between them found by the matcher. Read from the read models only.
 */

export type MapNodeKind = 'city' | 'topic' | 'practice' | 'offer' | 'need';
export type MapEdgeKind = 'gives' | 'uses' | 'about' | 'couldHelp' | 'agreed' | 'helps';

export interface MapNode {
  readonly id: string;
  readonly kind: MapNodeKind;
  readonly label: string;
  readonly cityId: string | null;
  readonly country: string | null;
  readonly topics: readonly string[];
  readonly labelYear: number | null;
}

/** Why a need and what gives to it match: the topics they share and the need's words found, as the matcher gives them. */
type MatchEvidence = Pick<MatchSuggestion, 'sharedTopics' | 'matchedTerms'>;

export interface MapEdge extends MatchEvidence {
  readonly source: string;
  readonly target: string;
  readonly kind: MapEdgeKind;
  /** 1 for structural links; the match score for couldHelp and helps. */
  readonly weight: number;
}

export interface MatchLink extends MatchEvidence {
  readonly needId: string;
  readonly needTitle: string;
  /** The practice (for practices) or the offer (for experience) that gives. */
  readonly giveId: string;
  readonly giveTitle: string;
  readonly score: number;
}

export interface ClosePeer {
  readonly cityId: string;
  readonly name: string;
  readonly country: string;
  /** 0.4 x topics + 0.3 x helpsMe + 0.3 x iHelp, each part in [0, 1] before weighting. */
  readonly closeness: number;
  readonly parts: { readonly topics: number; readonly helpsMe: number; readonly iHelp: number };
  /** Topics both cities work on (practices, offers, needs). */
  readonly sharedTopics: readonly string[];
  /** What the peer gives that answers this city's needs (complementary give/use). */
  readonly theyCanHelpWith: readonly MatchLink[];
  /** What this city gives that answers the peer's needs. */
  readonly iCanHelpWith: readonly MatchLink[];
}

export interface CommunityMap {
  readonly networkId: string;
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
}

export const CLOSENESS_WEIGHTS = Object.freeze({ topics: 0.4, helpsMe: 0.3, iHelp: 0.3 });

interface Give extends MatchableOffer {
  readonly nodeId: string;
}

interface Need extends MatchableNeed {
  readonly nodeId: string;
}

interface MapData {
  readonly cities: { city_id: string; name: string; country: string }[];
  readonly practices: PracticeRow[];
  readonly offers: PostRow[];
  readonly needs: PostRow[];
  readonly gives: Give[];
  readonly uses: Need[];
  readonly agreed: { need_id: string; learning_need_id: string | null; offer_id: string; practice_id: string | null }[];
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;
const hasTable = (db: ReadModelStore, name: string) =>
  db.get(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`, [name]) !== undefined;
const topicsOf = (json: string) => JSON.parse(json) as string[];

/** A marketplace post as a node of the map: an offer's node is `offer:<id>`, a need's `need:<id>`. */
const postNode = (p: PostRow) => ({
  id: p.id,
  nodeId: `${p.side}:${p.id}`,
  cityId: p.city_id,
  country: p.country,
  title: p.title,
  description: p.description,
  topics: topicsOf(p.topics),
});

function load(db: ReadModelStore, networkId: string): MapData {
  const cities = db.all<{ city_id: string; name: string; country: string }>(
    `SELECT city_id, name, country FROM partners WHERE network_id = ? AND status = 'active' ORDER BY name, city_id`,
    [networkId],
  );
  const cityIds = JSON.stringify(cities.map((c) => c.city_id));
  const practices = db.all<PracticeRow>(
    `SELECT * FROM mp_practices WHERE withdrawn = 0 AND city_id IN (SELECT value FROM json_each(?)) ORDER BY title, id`,
    [cityIds],
  );
  const posts = db.all<PostRow>(
    `SELECT * FROM mp_posts WHERE status = 'open' AND city_id IN (SELECT value FROM json_each(?))
       AND session_id IN (SELECT session_id FROM mp_session_networks WHERE network_id = ?) ORDER BY seq`,
    [cityIds, networkId],
  );
  const offers = posts.filter((p) => p.side === 'offer');
  const needs = posts.filter((p) => p.side === 'need');
  const practiceIds = new Set(practices.map((p) => p.id));
  const gives: Give[] = [
    ...practices.map((p) => ({
      id: p.id,
      nodeId: `practice:${p.id}`,
      cityId: p.city_id,
      country: p.country,
      title: p.title,
      description: `${p.summary} ${p.results}`,
      topics: topicsOf(p.topics),
      labelYear: p.label_year,
    })),
    // An offer of a practice is that practice on the map; experience offers are nodes of their own.
    ...offers
      .filter((o) => !(o.practice_id && practiceIds.has(o.practice_id)))
      .map((o) => ({ ...postNode(o), labelYear: null })),
  ];
  // The learning needs of the journey (issue 3's read model) are needs on the map too; a marketplace
  // need posted from one of them is that learning need.
  const learningNeeds = hasTable(db, 'learning_needs')
    ? db.all<{ id: string; city_id: string; description: string; topics: string }>(
        `SELECT id, city_id, description, topics FROM learning_needs
         WHERE network_id = ? AND status IN ('open', 'addressed') AND city_id IN (SELECT value FROM json_each(?))
         ORDER BY raised_at, id`,
        [networkId, cityIds],
      )
    : [];
  const countryOf = new Map(cities.map((c) => [c.city_id, c.country]));
  const learningNeedIds = new Set(learningNeeds.map((n) => n.id));
  const uses: Need[] = [
    ...learningNeeds.map((n) => ({
      id: n.id,
      nodeId: `need:${n.id}`,
      cityId: n.city_id,
      country: countryOf.get(n.city_id) ?? '',
      title: n.description.length > 200 ? `${n.description.slice(0, 197)}...` : n.description,
      description: n.description,
      topics: topicsOf(n.topics),
    })),
    ...needs
      .filter((n) => !(n.learning_need_id && learningNeedIds.has(n.learning_need_id)))
      .map(postNode),
  ];
  const agreed = db.all<{ need_id: string; learning_need_id: string | null; offer_id: string; practice_id: string | null }>(
    `SELECT m.need_id, n.learning_need_id, m.offer_id, o.practice_id
     FROM mp_matches m JOIN mp_posts o ON o.id = m.offer_id JOIN mp_posts n ON n.id = m.need_id
     WHERE m.status = 'agreed' AND m.session_id IN (SELECT session_id FROM mp_session_networks WHERE network_id = ?)`,
    [networkId],
  );
  return { cities, practices, offers, needs, gives, uses, agreed };
}

function suggestions(data: MapData): MatchSuggestion[] {
  const index = new MatchingIndex(data.gives);
  return data.uses.flatMap((need) => index.suggestFor(need, { limitPerNeed: 0 }));
}

export function communityMap(db: ReadModelStore, networkId: string, options: { linksPerNeed?: number } = {}): CommunityMap {
  const data = load(db, networkId);
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  const topics = new Set<string>();
  const structural = (source: string, target: string, kind: MapEdgeKind): MapEdge => ({
    source, target, kind, weight: 1, sharedTopics: [], matchedTerms: [],
  });
  for (const city of data.cities) {
    nodes.push({ id: `city:${city.city_id}`, kind: 'city', label: city.name, cityId: city.city_id, country: city.country, topics: [], labelYear: null });
  }
  for (const give of data.gives) {
    const kind = give.nodeId.startsWith('practice:') ? 'practice' : 'offer';
    nodes.push({ id: give.nodeId, kind, label: give.title, cityId: give.cityId, country: give.country, topics: give.topics, labelYear: give.labelYear ?? null });
    edges.push(structural(`city:${give.cityId}`, give.nodeId, 'gives'));
    for (const topic of give.topics) {
      topics.add(topic);
      edges.push(structural(give.nodeId, `topic:${topic}`, 'about'));
    }
  }
  for (const need of data.uses) {
    nodes.push({ id: need.nodeId, kind: 'need', label: need.title, cityId: need.cityId, country: need.country, topics: need.topics, labelYear: null });
    edges.push(structural(`city:${need.cityId}`, need.nodeId, 'uses'));
    for (const topic of need.topics) {
      topics.add(topic);
      edges.push(structural(need.nodeId, `topic:${topic}`, 'about'));
    }
  }
  for (const topic of [...topics].sort()) {
    nodes.push({ id: `topic:${topic}`, kind: 'topic', label: topic, cityId: null, country: null, topics: [], labelYear: null });
  }

  const giveById = new Map(data.gives.map((g) => [g.id, g]));
  const linksPerNeed = options.linksPerNeed ?? 3;
  const all = suggestions(data);
  const shownPerNeed = new Map<string, number>();
  const helps = new Map<string, MatchSuggestion>();
  for (const s of all) {
    const shown = shownPerNeed.get(s.needId) ?? 0;
    if (shown < linksPerNeed) {
      shownPerNeed.set(s.needId, shown + 1);
      edges.push({
        source: giveById.get(s.offerId)!.nodeId,
        target: `need:${s.needId}`,
        kind: 'couldHelp',
        weight: s.score,
        sharedTopics: s.sharedTopics,
        matchedTerms: s.matchedTerms,
      });
    }
    const key = `${s.offerCityId}>${s.needCityId}`;
    const best = helps.get(key);
    if (!best || s.score > best.score) helps.set(key, s);
  }
  for (const [key, s] of [...helps].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [from, to] = key.split('>');
    edges.push({ source: `city:${from}`, target: `city:${to}`, kind: 'helps', weight: s.score, sharedTopics: s.sharedTopics, matchedTerms: s.matchedTerms });
  }
  const nodeIds = new Set(nodes.map((n) => n.id));
  for (const match of data.agreed) {
    const source = match.practice_id && nodeIds.has(`practice:${match.practice_id}`) ? `practice:${match.practice_id}` : `offer:${match.offer_id}`;
    const target = match.learning_need_id && nodeIds.has(`need:${match.learning_need_id}`) ? `need:${match.learning_need_id}` : `need:${match.need_id}`;
    if (nodeIds.has(source) && nodeIds.has(target)) edges.push(structural(source, target, 'agreed'));
  }
  return { networkId, nodes, edges };
}

/** The peers closest to a city on the map, and why. */
export function closestPeers(db: ReadModelStore, networkId: string, cityId: string, limit = 5): ClosePeer[] {
  const data = load(db, networkId);
  const topicSets = new Map<string, Set<string>>();
  for (const item of [...data.gives, ...data.uses]) {
    const set = topicSets.get(item.cityId) ?? new Set<string>();
    for (const topic of item.topics) set.add(topic);
    topicSets.set(item.cityId, set);
  }
  const mine = topicSets.get(cityId) ?? new Set<string>();
  const myNeeds = data.uses.filter((n) => n.cityId === cityId);
  const giveById = new Map(data.gives.map((g) => [g.id, g]));
  const needById = new Map(data.uses.map((n) => [n.id, n]));
  const all = suggestions(data);
  const link = (s: MatchSuggestion): MatchLink => {
    const give = giveById.get(s.offerId)!;
    return {
      needId: s.needId,
      needTitle: needById.get(s.needId)!.title,
      giveId: give.id,
      giveTitle: give.title,
      score: s.score,
      sharedTopics: s.sharedTopics,
      matchedTerms: s.matchedTerms,
    };
  };
  /** Mean over the needs of the best score of the giver's offers for each (0 where none). */
  const coverage = (needs: readonly Need[], links: readonly MatchSuggestion[]) => {
    if (needs.length === 0) return 0;
    const best = new Map<string, number>();
    for (const s of links) best.set(s.needId, Math.max(best.get(s.needId) ?? 0, s.score));
    return needs.reduce((sum, n) => sum + (best.get(n.id) ?? 0), 0) / needs.length;
  };
  const peers: ClosePeer[] = [];
  for (const city of data.cities) {
    if (city.city_id === cityId) continue;
    const theirs = topicSets.get(city.city_id) ?? new Set<string>();
    const sharedTopics = [...mine].filter((t) => theirs.has(t)).sort();
    const union = new Set([...mine, ...theirs]).size;
    const topicScore = union === 0 ? 0 : sharedTopics.length / union;
    const theyHelp = all.filter((s) => s.offerCityId === city.city_id && s.needCityId === cityId);
    const iHelp = all.filter((s) => s.offerCityId === cityId && s.needCityId === city.city_id);
    const theirNeeds = data.uses.filter((n) => n.cityId === city.city_id);
    const parts = { topics: round(topicScore), helpsMe: round(coverage(myNeeds, theyHelp)), iHelp: round(coverage(theirNeeds, iHelp)) };
    const closeness = round(
      CLOSENESS_WEIGHTS.topics * parts.topics + CLOSENESS_WEIGHTS.helpsMe * parts.helpsMe + CLOSENESS_WEIGHTS.iHelp * parts.iHelp,
    );
    if (closeness === 0) continue;
    peers.push({
      cityId: city.city_id,
      name: city.name,
      country: city.country,
      closeness,
      parts,
      sharedTopics,
      theyCanHelpWith: theyHelp.sort((a, b) => b.score - a.score).map(link),
      iCanHelpWith: iHelp.sort((a, b) => b.score - a.score).map(link),
    });
  }
  return peers.sort((a, b) => b.closeness - a.closeness || (a.cityId < b.cityId ? -1 : 1)).slice(0, limit);
}
