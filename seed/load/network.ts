/**
 * Mapping of what every seed network has (the network, partners, meetings with learnings,
 * needs, practices, local groups) onto the API's mutations. Each record gets a deterministic
 * idempotency key `seed:<network>:<kind>:<record>`, so loading twice writes nothing new.
 */
import { cities, type SeedCity, type SeedLearning, type SeedLocalGroup, type SeedMeeting, type SeedNeed, type SeedPartner, type SeedPractice } from '../data/index.js';
import { SeedError, type SeedClient } from './client.js';
import { at, cityIdOf, clip, inLanguage, meetingDates, slug } from './values.js';

export type CityKey = keyof typeof cities;

export interface LoadContext {
  readonly client: SeedClient;
  /** One progress line. */
  readonly log: (line: string) => void;
}

/**
 * How many independent records (different streams) are written at once. Records of one stream
 * (a network's partners, a plan's actions, a group's stakeholders) are written one after the other.
 */
export const CONCURRENCY = 8;

/** Runs `fn` over the items, `limit` at a time; results keep the items' order. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A context for work done alongside: its own progress counts. */
export const branch = (ctx: LoadContext): LoadContext => ({ client: ctx.client.fork(), log: ctx.log });

/**
 * Posts to one marketplace session are sent a few at a time: each goes to a stream of its own,
 * checked against the session's (and its practice's or learning need's claim: the command handler
 * retries on a concurrent append), so their order in the session varies.
 */
export const SESSION_CONCURRENCY = 4;

export function cityOf(key: string): SeedCity {
  const city = (cities as Record<string, SeedCity>)[key];
  if (!city) throw new SeedError(`unknown seed city ${key}`);
  return city;
}

export const cityId = (key: string) => cityIdOf(cityOf(key));

/** Record keys from text: stable across runs, readable in the log, unique within a list. */
export function textKeys<T>(items: readonly T[], text: (item: T) => string): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = slug(text(item)).slice(0, 80).replace(/-+$/, '');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

export const needKeys = (needs: readonly SeedNeed[]) => textKeys(needs, (n) => `${n.city} ${n.kind} ${n.description}`);
export const practiceKeys = (practices: readonly SeedPractice[]) => textKeys(practices, (p) => `${p.city} ${p.title}`);

export interface NetworkInput {
  readonly name: string;
  readonly kind: 'actionPlanning' | 'transfer' | 'innovationTransfer' | 'implementation';
  readonly theme: string;
  readonly topics: readonly string[];
  readonly startDate: string;
  readonly endDate: string;
}

export async function registerNetwork(ctx: LoadContext, prefix: string, network: NetworkInput, occurredAt: string): Promise<string> {
  const { aggregateId } = await ctx.client.mutate('registerNetwork', `${prefix}:network`, occurredAt, {
    name: network.name,
    kind: network.kind,
    theme: network.theme,
    topics: network.topics,
    startDate: network.startDate,
    endDate: network.endDate,
  });
  return aggregateId;
}

export type PartnerKind = 'city' | 'agency' | 'metropolitanAuthority';

export async function joinPartners(
  ctx: LoadContext,
  prefix: string,
  networkId: string,
  partners: readonly SeedPartner[],
  occurredAt: string,
  kinds: Partial<Record<string, PartnerKind>> = {},
): Promise<void> {
  for (const partner of partners) {
    const city = cityOf(partner.city);
    await ctx.client.mutate('joinNetwork', `${prefix}:partner:${partner.city}`, occurredAt, {
      networkId,
      cityId: cityIdOf(city),
      name: city.name,
      country: city.country,
      partnerKind: kinds[partner.city] ?? 'city',
      // The API has no "unknown" role or newcomer flag: where the documents are silent the
      // partner is recorded as an ordinary partner and not a newcomer (docs/demo.md).
      role: partner.role ?? 'partner',
      newcomer: partner.newcomer ?? false,
    });
  }
}

export interface MeetingOptions {
  /** Seed city keys of the network's partners (learnings and local workshops need one). */
  readonly partners: ReadonlySet<string>;
  /**
   * Who learnt a lesson: by default the partner the document attributes it to, else the whole
   * network (null). URBinclusion's lessons are all Torino's (its framework is Torino's log-book).
   */
  readonly learnerOf?: (meeting: SeedMeeting, learning: SeedLearning) => string | null;
  /** For undated meetings: the meeting whose month they are placed in. */
  readonly anchors?: Readonly<Record<string, string>>;
}

export interface MeetingTotals {
  meetings: number;
  learnings: number;
  approximateDates: number;
}

/** The lesson as the API stores it, in its language: the document's text, with the person it is attributed to. */
function lessonInLanguage(learning: SeedLearning): Record<string, unknown> {
  const by = (text: string) => (learning.author ? `${text} (${learning.author})` : text);
  return inLanguage('lesson', by(learning.lesson), learning.lessonOriginal && by(learning.lessonOriginal), 4000);
}

/** Where a lesson was learnt from when not from its learner: the partner named, else a host outside the partnership. */
function learntFrom(meeting: SeedMeeting, learning: SeedLearning, learner: string | null, partners: ReadonlySet<string>): string | undefined {
  if (learning.partner && learning.partner !== learner) return cityOf(learning.partner).name;
  if (meeting.host && !partners.has(meeting.host) && meeting.host !== learner) return cityOf(meeting.host).name;
  return undefined;
}

/** What the meeting was, beyond its agenda: the document's note and the activities held during it. */
function descriptionOf(meeting: SeedMeeting): string {
  return [meeting.description, ...(meeting.activities ?? []).map((a) => `Activity: ${a}`), meeting.note].filter(Boolean).join('\n\n');
}

/**
 * Schedules each meeting (occurred on its start day), marks it held (on its end day, the end of its
 * month when only the month is known: every meeting of the documents took place), describes it
 * (activities, invited speakers) and records its learnings. Returns the meeting ids by seed key.
 */
export async function loadMeetings(
  ctx: LoadContext,
  prefix: string,
  networkId: string,
  meetings: readonly SeedMeeting[],
  options: MeetingOptions,
  totals: MeetingTotals,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const byKey = new Map(meetings.map((m) => [m.key, m]));
  const learnerOf = options.learnerOf ?? ((_m: SeedMeeting, l: SeedLearning) => (l.partner && options.partners.has(l.partner) ? l.partner : null));
  const load = async (meeting: SeedMeeting) => {
    const anchorKey = options.anchors?.[meeting.key];
    const dates = meetingDates(meeting, anchorKey ? byKey.get(anchorKey) : undefined);
    const host = meeting.host ? cityOf(meeting.host) : undefined;
    const { aggregateId } = await ctx.client.mutate('scheduleMeeting', `${prefix}:meeting:${meeting.key}`, at(dates.startDate), {
      networkId,
      kind: meeting.kind,
      // An Italian title is the original; the English of seed/data is its translation, marked as such.
      ...inLanguage('title', meeting.title, meeting.titleOriginal, 300),
      ...(host ? { hostCityId: cityIdOf(host) } : {}),
      ...(host && !options.partners.has(meeting.host!) ? { externalHost: { name: host.name, country: host.country } } : {}),
      startDate: dates.startDate,
      endDate: dates.endDate,
      ...(dates.datePrecision ? { datePrecision: dates.datePrecision } : {}),
      ...(dates.dateWording ? { dateWording: clip(dates.dateWording, 200) } : {}),
      themes: meeting.themes.map((t) => clip(t, 200)).slice(0, 20),
      guidingQuestions: meeting.guidingQuestions ?? [],
    });
    ids.set(meeting.key, aggregateId);
    totals.meetings++;
    if (dates.datePrecision) totals.approximateDates++;
    await ctx.client.mutate('markMeetingHeld', `${prefix}:meeting:${meeting.key}:held`, at(dates.endDate), { meetingId: aggregateId });
    const description = descriptionOf(meeting);
    if (description || meeting.speakers?.length) {
      await ctx.client.mutate('describeMeeting', `${prefix}:meeting:${meeting.key}:description`, at(dates.endDate), {
        meetingId: aggregateId,
        // A meeting described by its speakers alone has no text to give a language.
        ...(description ? inLanguage('description', description, meeting.descriptionOriginal, 4000) : { description }),
        ...(meeting.speakers?.length ? { speakers: meeting.speakers } : {}),
      });
    }
    // Learnings are numbered in their meeting's stream: one after the other, in the document's order.
    for (const [i, learning] of (meeting.learnings ?? []).entries()) {
      const learner = learnerOf(meeting, learning);
      const from = learntFrom(meeting, learning, learner, options.partners);
      await ctx.client.mutate('recordLearning', `${prefix}:meeting:${meeting.key}:learning:${i + 1}`, at(dates.endDate), {
        meetingId: aggregateId,
        ...(learner ? { cityId: cityId(learner) } : {}),
        ...lessonInLanguage(learning),
        ...(learning.theme ? { theme: clip(learning.theme, 200) } : {}),
        ...(from ? { learntFrom: clip(from, 200) } : {}),
      });
      totals.learnings++;
    }
  };
  // Meetings placed in the month of another ("right before the Tartu meeting") are recorded first:
  // meetings known only by the same month are listed in the order they were recorded.
  const anchored = meetings.filter((m) => options.anchors?.[m.key]);
  await pool(anchored, 1, load);
  await pool(meetings.filter((m) => !options.anchors?.[m.key]), CONCURRENCY, load);
  return ids;
}

/** Raises each need; returns the learning need ids in the order given. */
export async function raiseNeeds(
  ctx: LoadContext,
  prefix: string,
  networkId: string,
  needs: readonly SeedNeed[],
  occurredAt: string,
): Promise<string[]> {
  const keys = needKeys(needs);
  return pool(needs, CONCURRENCY, async (need, i) => {
    const { aggregateId } = await ctx.client.mutate('raiseLearningNeed', `${prefix}:need:${keys[i]}`, occurredAt, {
      networkId,
      cityId: cityId(need.city),
      kind: need.kind,
      topics: need.topics,
      description: clip(need.description, 2000),
      ...(need.priority ? { priority: need.priority } : {}),
    });
    return aggregateId;
  });
}

export interface PracticeOptions {
  /** The network's partners: the organisation of each is the practice's contact (no person is named). */
  readonly partners: readonly SeedPartner[];
  /**
   * The URBACT Good Practice label of practices a document says are labelled: the documents give
   * no year (see docs/demo.md), so none leaves the label unrecorded.
   */
  readonly label?: { readonly year: number; readonly occurredAt: string };
}

/** Proposes each practice for the catalogue; labels those a document says are labelled. */
export async function proposePractices(
  ctx: LoadContext,
  prefix: string,
  networkId: string,
  practices: readonly SeedPractice[],
  occurredAt: string,
  options: PracticeOptions,
): Promise<{ ids: string[]; labelled: number }> {
  const keys = practiceKeys(practices);
  const organisations: Record<string, string | undefined> = Object.fromEntries(options.partners.map((p) => [p.city, p.organisation]));
  let labelled = 0;
  const ids = await pool(practices, CONCURRENCY, async (practice, i) => {
    const city = cityOf(practice.city);
    const { aggregateId } = await ctx.client.mutate('proposePractice', `${prefix}:practice:${keys[i]}`, occurredAt, {
      cityId: cityIdOf(city),
      cityName: city.name,
      networkId,
      title: clip(practice.title, 200),
      summary: clip(practice.summary, 4000),
      topics: practice.topics,
      results: clip(`Source: ${practice.source}.`, 4000),
      contact: {
        name: organisations[practice.city] ?? `City of ${city.name}`,
        role: 'Organisation named in the source document; no contact person is given',
      },
    });
    if (practice.urbactGoodPractice && options.label) {
      await ctx.client.mutate('awardGoodPracticeLabel', `${prefix}:practice:${keys[i]}:label`, options.label.occurredAt, {
        practiceId: aggregateId,
        year: options.label.year,
      });
      labelled++;
    }
    return aggregateId;
  });
  return { ids, labelled };
}

/** Forms each local group and adds its stakeholders with their helix; returns the stakeholder count. */
export async function formLocalGroups(
  ctx: LoadContext,
  prefix: string,
  networkId: string,
  groups: readonly SeedLocalGroup[],
  occurredAt: string,
): Promise<number> {
  let stakeholders = 0;
  await pool(groups, CONCURRENCY, async (group) => {
    const { aggregateId } = await ctx.client.mutate('formLocalGroup', `${prefix}:ulg:${group.city}`, occurredAt, {
      networkId,
      cityId: cityId(group.city),
      ...(group.name ? { name: clip(group.name, 200) } : {}),
      ...(group.coordinator ? { coordinator: { name: group.coordinator } } : {}),
    });
    const keys = textKeys(group.stakeholders, (s) => s.name);
    for (const [i, stakeholder] of group.stakeholders.entries()) {
      await ctx.client.mutate('addStakeholder', `${prefix}:ulg:${group.city}:stakeholder:${keys[i]}`, occurredAt, {
        localGroupId: aggregateId,
        name: clip(stakeholder.name, 300),
        helix: stakeholder.helix,
        planned: stakeholder.planned ?? false,
        ...(stakeholder.role ? { role: clip(stakeholder.role, 500) } : {}),
      });
      stakeholders++;
    }
  });
  return stakeholders;
}

/** "n written, m already there" for a progress line. */
export function written(ctx: LoadContext): string {
  const tally = ctx.client.step();
  return tally.replayed === 0
    ? `${tally.created} mutations`
    : `${tally.total} mutations, ${tally.replayed} already loaded`;
}

/** Records the lessons of the whole network that belong to no meeting, in the document's order (one stream: one after the other). */
export async function recordNetworkLessons(
  ctx: LoadContext,
  prefix: string,
  networkId: string,
  lessons: readonly SeedLearning[],
  occurredAt: string,
): Promise<number> {
  for (const [i, lesson] of lessons.entries()) {
    await ctx.client.mutate('recordNetworkLesson', `${prefix}:lesson:${i + 1}`, occurredAt, {
      networkId,
      ...lessonInLanguage(lesson),
      ...(lesson.theme ? { theme: clip(lesson.theme, 200) } : {}),
      ...(lesson.partner ? { learntFrom: cityOf(lesson.partner).name } : {}),
    });
  }
  return lessons.length;
}
