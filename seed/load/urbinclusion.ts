/**
 * URBinclusion through Torino's Operational Implementation Framework (doc 003).
 *
 * - The network: doc 003 gives no dates ("during the two years of the project"). The API needs
 *   them, so it is registered over the span of the meetings the document lists: from the first
 *   day of the first one's month (Copenhagen, September 2017) to the last day of the last one's
 *   month (Barcelona, April 2019). Only Torino is recorded as a partner (the document names the
 *   other cities as hosts, never as partners).
 * - Meetings and seminars, the Krakow market place and the Local Support Group (LSG) workshops
 *   are meetings; what Torino learnt at each is a learning recorded for Torino (the framework is
 *   Torino's log-book), with the city or person the document attributes it to.
 * - The three needs stated at the 4th LSG workshop are learning needs; the practices the
 *   document describes go to the catalogue; the LSG is Torino's local group (no members listed).
 * - The framework itself is a plan of Torino in this network: one cluster per action of the
 *   framework, its sub-actions as actions (phase realisation: all are being carried out), the
 *   PON Metro / UIA amounts as planned funding, and the GO.IN SUSTAINABLE CITY monitoring as the
 *   plan's indicators (process and performance indicators, not listed, with no values: the
 *   document says the tool was developed but not yet applied).
 */
import { torinoImplementationFramework, urbinclusion } from '../data/index.js';
import type { LoadContext, MeetingTotals } from './network.js';
import { cityId, formLocalGroups, joinPartners, loadMeetings, proposePractices, raiseNeeds, recordNetworkLessons, registerNetwork, written } from './network.js';
import { lastDayOfMonth } from '../../domain/shared/values.js';
import { at, clip, inLanguage } from './values.js';

const PREFIX = 'seed:urbinclusion';
export const URBINCLUSION_START = '2017-09-01';
export const URBINCLUSION_END = lastDayOfMonth('2019-04');
/** The 4th LSG workshop, where the three needs were stated. */
const NEEDS_STATED_ON = '2019-03-07';

type Source = 'ESF' | 'ERDF' | 'UIA' | 'national' | 'private' | 'other';

/** Planned funding by programme code, as doc 003 section 2.2 gives the amounts. */
const FUNDING_BY_PROGRAMME: Record<string, ({ source?: Source; channel?: 'UIA' | 'nationalOperationalProgramme'; instrument?: 'coFinancing' } & { amount: string; programme: string })[]> = {
  'PON METRO 3.3.1 A': [{ channel: 'nationalOperationalProgramme', amount: '1285000', programme: 'PON METRO 2014-2020, axis 3, action 3.3.1A' }],
  'PON METRO 3.3.1 B': [{ channel: 'nationalOperationalProgramme', amount: '45000', programme: 'PON METRO 2014-2020, axis 3, action 3.3.1B' }],
  'PON METRO 3.3.1 C': [{ channel: 'nationalOperationalProgramme', amount: '140250', programme: 'PON METRO 2014-2020, axis 3, action 3.3.1C' }],
  'Urban Innovative Action': [
    { channel: 'UIA', amount: '4100000', programme: 'Urban Innovative Actions' },
    { source: 'other', instrument: 'coFinancing', amount: '1000000', programme: 'Local partners co-financing' },
  ],
};

const PROGRAMME_NOTES: Record<string, string> = {
  'PON METRO 3.3.1 A':
    'Doc 003 section 2.2: 3.3.1A, €1,285,000, "experimental social innovation services". (The framework\'s action list puts mentoring and coaching under 3.3.1 A; section 2.2 describes 3.3.1C as accompaniment, coaching and training: amounts follow the code.)',
  'PON METRO 3.3.1 B': 'Doc 003 section 2.2: 3.3.1B, €45,000 for the development and animation of a civic crowdfunding platform.',
  'PON METRO 3.3.1 C':
    'Doc 003 section 2.2: 3.3.1C, €140,250 for accompaniment, coaching and training. (Amounts follow the code, see 3.3.1 A.)',
  'Urban Innovative Action': 'Doc 003 section 2.2: 4.100.000€ from the European Union, plus €1,000,000 local co-financing.',
};

/** Which framework action each challenge's projects belong to. */
function actionOfProject(project: string): string | undefined {
  if (/mentoring/i.test(project)) return 'torino-social-factory';
  if (/crowdfunding/i.test(project)) return 'civic-crowdfunding-service';
  if (/axto/i.test(project)) return 'axto';
  if (/co-city/i.test(project)) return 'co-city';
  if (/wegovnow/i.test(project)) return 'wegovnow';
  return undefined;
}

export async function loadUrbinclusion(ctx: LoadContext): Promise<{ networkId: string; counts: Record<string, number> }> {
  const networkId = await registerNetwork(
    ctx,
    PREFIX,
    {
      name: urbinclusion.name,
      kind: urbinclusion.kind,
      theme: urbinclusion.theme,
      topics: urbinclusion.topics,
      startDate: URBINCLUSION_START,
      endDate: URBINCLUSION_END,
    },
    at(URBINCLUSION_START),
  );
  await joinPartners(ctx, PREFIX, networkId, urbinclusion.partners, at(URBINCLUSION_START));
  ctx.log(`URBinclusion: network (${URBINCLUSION_START}..${URBINCLUSION_END}, span of its meetings), ${urbinclusion.partners.length} partners (${written(ctx)})`);

  const partners = new Set(urbinclusion.partners.map((p) => p.city));
  const totals: MeetingTotals = { meetings: 0, learnings: 0, approximateDates: 0 };
  await loadMeetings(ctx, PREFIX, networkId, urbinclusion.meetings, { partners, learnerOf: () => 'torino' }, totals);
  const workshops = urbinclusion.meetings.filter((m) => m.kind === 'localGroupWorkshop').length;
  ctx.log(
    `URBinclusion: ${totals.meetings} meetings (${workshops} LSG workshops, ${totals.approximateDates} with month-only dates), ` +
      `${totals.learnings} lessons learnt (${written(ctx)})`,
  );
  // The framework's general highlights are the network's, of no one meeting: known by its end.
  const lessons = await recordNetworkLessons(ctx, PREFIX, networkId, urbinclusion.learnings ?? [], at(URBINCLUSION_END));
  ctx.log(`URBinclusion: ${lessons} lessons of the network (${written(ctx)})`);

  const needs = await raiseNeeds(ctx, PREFIX, networkId, urbinclusion.needs, at(NEEDS_STATED_ON));
  const practices = await proposePractices(ctx, PREFIX, networkId, urbinclusion.practices, at(URBINCLUSION_START), { partners: urbinclusion.partners });
  await formLocalGroups(ctx, PREFIX, networkId, urbinclusion.localGroups, at(URBINCLUSION_START));
  ctx.log(
    `URBinclusion: ${needs.length} needs, ${practices.ids.length} good practices, ${urbinclusion.localGroups.length} local support group (${written(ctx)})`,
  );

  const framework = torinoImplementationFramework;
  const m = framework.monitoring;
  const vision = [
    'Objectives:',
    ...framework.objectives.map((o) => `- ${o}`),
    '',
    'Pillars:',
    ...framework.pillars.map((p) => `- ${p.name}: ${p.description}`),
    '',
    `Monitoring – ${m.name}: ${m.description}`,
    ...m.objectives.map((o) => `- ${o}`),
    `Instruments: ${m.instruments.join('; ')}.`,
    `Status: ${m.status}`,
  ].join('\n');
  const challengesOf = (key: string) =>
    framework.challenges.filter((c) => c.projects.some((p) => actionOfProject(p) === key)).map((c) => c.text);
  const { aggregateId: planId } = await ctx.client.mutate('draftActionPlan', `${PREFIX}:oif:plan`, at(URBINCLUSION_START), {
    networkId,
    cityId: cityId(framework.city),
    title: framework.title,
    vision: clip(vision, 5000),
    clusters: framework.actions.map((a) => {
      const challenges = challengesOf(a.key);
      const axto = framework.funding.find((f) => f.project.startsWith('AxTO 2017'));
      const description = [
        a.programme ? `Programme: ${a.programme}.` : '',
        challenges.length ? `Challenges it addresses (doc 003): ${challenges.join('; ')}.` : '',
        a.key === 'axto' && axto ? `AxTO 2017-2019: €40,000,000 of national funds; ${axto.note ?? ''}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      return { key: a.key, title: clip(a.title, 200), ...(description ? { description: clip(description, 2000) } : {}) };
    }),
  });

  let actions = 0;
  for (const action of framework.actions) {
    const items = action.subActions?.length ? action.subActions : [{ title: action.title, programme: action.programme }];
    for (const [i, item] of items.entries()) {
      const programme = item.programme ?? action.programme;
      const funding = programme ? FUNDING_BY_PROGRAMME[programme] : undefined;
      const summary = [
        action.subActions?.length ? `Part of "${action.title}" in Torino's Operational Implementation Framework.` : "An action of Torino's Operational Implementation Framework.",
        programme ? `Programme: ${programme}.` : '',
        programme && PROGRAMME_NOTES[programme] ? PROGRAMME_NOTES[programme] : '',
        'Source: doc 003, section 3.1 and EN version 1.2.',
      ]
        .filter(Boolean)
        .join('\n\n');
      await ctx.client.mutate('addPlanAction', `${PREFIX}:oif:action:${action.key}:${i + 1}`, at(URBINCLUSION_START), {
        planId,
        // The framework names its actions in English in both its Italian and its English version.
        ...inLanguage('title', item.title, undefined, 300),
        clusterKey: action.key,
        phase: 'realisation',
        ...inLanguage('summary', summary, undefined, 5000),
        ...(funding ? { funding } : {}),
      });
      actions++;
    }
  }
  for (const kind of ['process', 'performance']) {
    await ctx.client.mutate('defineIndicator', `${PREFIX}:oif:indicator:${kind}`, at(URBINCLUSION_START), {
      planId,
      name: `${m.name}: ${kind} indicators (not listed in the document; developed in theory, not yet applied)`,
    });
  }
  ctx.log(
    `URBinclusion: Torino's implementation framework as a plan: ${framework.actions.length} clusters, ${actions} actions, ` +
      `2 monitoring indicators (${m.name}) (${written(ctx)})`,
  );
  return {
    networkId,
    counts: {
      partners: urbinclusion.partners.length,
      meetings: totals.meetings,
      learnings: totals.learnings,
      needs: needs.length,
      practices: practices.ids.length,
      frameworkActions: actions,
    },
  };
}
