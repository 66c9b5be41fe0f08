/**
 * Interactive Cities (doc 004, the network's final report): 10 partners with Genoa as Lead
 * Partner, the five transnational meetings with their themes and guiding questions, the two
 * field trips (study visits), the two webinars, the Paris ULG meetings, the good practices of the
 * methodology boxes, the local groups the report describes, and the three thematic groups.
 *
 * - The report gives months, not days: meetings are placed on the first day of their month;
 *   the field trips, undated, on the first day of the month of the meeting they preceded.
 * - Learnings not attributed to a partner are recorded for the host when it is a partner, else
 *   for the Lead Partner (Genoa), with the city they come from in the text.
 * - The three thematic groups are the network's thematic groups, their guiding questions in the
 *   description.
 * - No Lead Expert is named (three experts are, without roles), so none is assigned.
 */
import { interactiveCities, interactiveCitiesThematicGroups } from '../data/index.js';
import { GOOD_PRACTICE_LABEL } from './boostinno.js';
import type { LoadContext, MeetingTotals } from './network.js';
import { cityId, formLocalGroups, joinPartners, loadMeetings, proposePractices, recordNetworkLessons, registerNetwork, written } from './network.js';
import { at, clip } from './values.js';

const PREFIX = 'seed:interactive-cities';

export async function loadInteractiveCities(ctx: LoadContext): Promise<{ networkId: string; counts: Record<string, number> }> {
  const network = interactiveCities;
  const start = network.startDate!;
  const networkId = await registerNetwork(
    ctx,
    PREFIX,
    { name: network.name, kind: network.kind, theme: network.theme, topics: network.topics, startDate: start, endDate: network.endDate! },
    at(start),
  );
  await joinPartners(ctx, PREFIX, networkId, network.partners, at(start), {
    lisbon: 'agency', // CLLD Lisbon Network, a non-profit
    debrecen: 'agency', // EDC Debrecen, urban and business development
    paris: 'agency', // Semaest, the city's semi-public operator
  });
  ctx.log(`Interactive Cities: network, ${network.partners.length} partners (lead partner Genoa) (${written(ctx)})`);

  const partners = new Set(network.partners.map((p) => p.city));
  const totals: MeetingTotals = { meetings: 0, learnings: 0, approximateDates: 0 };
  await loadMeetings(
    ctx,
    PREFIX,
    networkId,
    network.meetings,
    {
      partners,
      anchors: { 'ic-study-visit-helsinki': 'ic-tnm-3-tartu', 'ic-study-visit-amsterdam': 'ic-tnm-4-ghent' },
    },
    totals,
  );
  const count = (kind: string) => network.meetings.filter((m) => m.kind === kind).length;
  ctx.log(
    `Interactive Cities: ${totals.meetings} meetings (${count('transnationalMeeting')} transnational, ${count('studyVisit')} field trips, ` +
      `${count('webinar')} webinars, ${count('localGroupWorkshop')} ULG meetings; ${totals.approximateDates} with month-only or no dates), ` +
      `${totals.learnings} learnings (${written(ctx)})`,
  );
  // The final report's twelve guidelines ("key learnings") are the network's, of no one meeting.
  const lessons = await recordNetworkLessons(ctx, PREFIX, networkId, network.learnings ?? [], at(network.endDate!));
  ctx.log(`Interactive Cities: ${lessons} guidelines as lessons of the network (${written(ctx)})`);

  const practices = await proposePractices(ctx, PREFIX, networkId, network.practices, at(start), {
    partners: network.partners,
    label: GOOD_PRACTICE_LABEL,
  });
  const stakeholders = await formLocalGroups(ctx, PREFIX, networkId, network.localGroups, at(start));
  ctx.log(
    `Interactive Cities: ${practices.ids.length} good practices (${practices.labelled} labelled), ${network.localGroups.length} local groups, ` +
      `${stakeholders} stakeholders (${written(ctx)})`,
  );

  // Each group as the report describes it: its cities, what it communicates, its guiding questions.
  for (const group of interactiveCitiesThematicGroups) {
    const description = [group.description, 'Guiding questions:', ...group.guidingQuestions.map((q) => `- ${q}`), `Source: ${group.source}.`].join('\n');
    await ctx.client.mutate('defineThematicGroup', `${PREFIX}:thematic-group:${group.key}`, at(start), {
      networkId,
      groupId: group.key.replace(/^ic-tg-/, ''),
      name: group.title,
      theme: group.theme,
      memberCities: group.cities.map(cityId),
      description: clip(description, 4000),
    });
  }
  ctx.log(`Interactive Cities: ${interactiveCitiesThematicGroups.length} thematic groups (${written(ctx)})`);
  return {
    networkId,
    counts: {
      partners: network.partners.length,
      meetings: totals.meetings,
      learnings: totals.learnings,
      practices: practices.ids.length,
      localGroups: network.localGroups.length,
      stakeholders,
      thematicGroups: interactiveCitiesThematicGroups.length,
    },
  };
}
