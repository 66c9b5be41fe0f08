/**
 * BoostInno (docs 000, 001, 002): network, lead expert, 11 partners, the journey timeline
 * (7 transnational meetings and 6 local Torino events), Appendix 1 of the lead expert's
 * synthesis (good practices, learning and capacity-building needs, potential contributions)
 * and Appendix 2 (the envisaged composition of each URBACT Local Group).
 *
 * Appendix 1 is a give/use table. Besides the needs (journey) and practices (catalogue), it is
 * posted as a marketplace session of the network, so the matcher can say which practices
 * answer which needs. The session is labelled as the synthesis, not as an event that was held.
 */
import { boostinno, boostinnoContributions } from '../data/index.js';
import type { LoadContext } from './network.js';
import {
  branch,
  cityId,
  formLocalGroups,
  joinPartners,
  loadMeetings,
  needKeys,
  pool,
  practiceKeys,
  proposePractices,
  raiseNeeds,
  registerNetwork,
  textKeys,
  SESSION_CONCURRENCY,
  written,
  type MeetingTotals,
} from './network.js';
import { at, clip } from './values.js';

const PREFIX = 'seed:boostinno';
/** The synthesis is signed "Gdansk 14/03/2016" (doc 002): when its appendices were compiled. */
export const SYNTHESIS_DATE = '2016-03-14';
/** Lead expert: doc 002's signature; the subject is the one the demo token uses. */
export const BOOSTINNO_LEAD_EXPERT = { subject: 'expert:peter-wolkowinski', name: 'Peter Wolkowinski' } as const;
/** The URBACT Good Practice label of Innova.TO: its year inferred (see docs/demo.md), recorded at its end. */
export const GOOD_PRACTICE_LABEL = { year: 2017, occurredAt: at('2017-12-31') } as const;

export interface BoostinnoResult {
  readonly networkId: string;
  readonly counts: Record<string, number>;
}

/**
 * Loads BoostInno. `onPartnersJoined` is called once the network and its partners are in, for
 * work that needs no more than that (Torino's plan).
 */
export async function loadBoostinno(ctx: LoadContext, onPartnersJoined?: (networkId: string) => void): Promise<BoostinnoResult> {
  const start = boostinno.startDate!;
  const networkId = await registerNetwork(
    ctx,
    PREFIX,
    {
      name: boostinno.name,
      kind: boostinno.kind,
      theme: boostinno.theme,
      topics: boostinno.topics,
      startDate: start,
      endDate: boostinno.endDate!,
    },
    at(start),
  );
  await ctx.client.mutate('assignLeadExpert', `${PREFIX}:lead-expert`, at(start), { networkId, ...BOOSTINNO_LEAD_EXPERT });
  await joinPartners(ctx, PREFIX, networkId, boostinno.partners, at(start), {
    barcelona: 'agency', // Barcelona Activa SA SPM, the city's local development agency
    strasbourg: 'metropolitanAuthority', // Strasbourg Eurometropole
  });
  ctx.log(`BoostInno: network, lead expert ${BOOSTINNO_LEAD_EXPERT.name}, ${boostinno.partners.length} partners (${written(ctx)})`);
  onPartnersJoined?.(networkId);

  // Meetings, local groups, and the catalogue with the give/use session load side by side.
  const partners = new Set(boostinno.partners.map((p) => p.city));
  const totals: MeetingTotals = { meetings: 0, learnings: 0, approximateDates: 0 };
  const meetingsLoaded = (async () => {
    const c = branch(ctx);
    await loadMeetings(c, PREFIX, networkId, boostinno.meetings, { partners }, totals);
    c.log(
      `BoostInno: ${totals.meetings} meetings (${totals.approximateDates} with month-only dates), ${totals.learnings} learnings (${written(c)})`,
    );
  })();
  const groupsLoaded = (async () => {
    const c = branch(ctx);
    const stakeholders = await formLocalGroups(c, PREFIX, networkId, boostinno.localGroups, at(SYNTHESIS_DATE));
    c.log(`BoostInno: ${boostinno.localGroups.length} local groups, ${stakeholders} envisaged stakeholders (${written(c)})`);
    return stakeholders;
  })();
  const appendixLoaded = loadAppendix1(branch(ctx), networkId);
  const [, stakeholders, appendix] = await Promise.all([meetingsLoaded, groupsLoaded, appendixLoaded]);

  return {
    networkId,
    counts: {
      partners: boostinno.partners.length,
      meetings: totals.meetings,
      learnings: totals.learnings,
      practices: appendix.practices,
      needs: appendix.needs,
      localGroups: boostinno.localGroups.length,
      stakeholders,
      offers: appendix.offers,
    },
  };
}

/** Appendix 1: good practices, needs, and the give/use session with them and the contributions. */
async function loadAppendix1(ctx: LoadContext, networkId: string): Promise<{ practices: number; needs: number; offers: number }> {
  const practices = await proposePractices(ctx, PREFIX, networkId, boostinno.practices, at(SYNTHESIS_DATE), {
    partners: boostinno.partners,
    label: GOOD_PRACTICE_LABEL,
  });
  const needIds = await raiseNeeds(ctx, PREFIX, networkId, boostinno.needs, at(SYNTHESIS_DATE));
  const learning = boostinno.needs.filter((n) => n.kind === 'learning').length;
  ctx.log(
    `BoostInno: ${practices.ids.length} good practices (${practices.labelled} labelled), ${needIds.length} needs ` +
      `(${learning} learning, ${needIds.length - learning} capacity-building) (${written(ctx)})`,
  );

  const { aggregateId: sessionId } = await ctx.client.mutate('openMarketplaceSession', `${PREFIX}:appendix1-session`, at(SYNTHESIS_DATE), {
    title: "BoostInno give & use: Appendix 1 of the lead expert's synthesis",
    description:
      'What each city can give (potential contributions in terms of experience and of good practice) and what it needs ' +
      '(learning needs, capacity-building needs), as the lead expert compiled them in the synthesis signed in Gdansk on ' +
      '14/03/2016 (doc 002, Appendix 1 "Synthesis of the exchange and learning processes"). Not a session that was held: ' +
      'the table is posted here so that the matcher can suggest which practices answer which needs.',
    networkIds: [networkId],
    place: 'Gdansk (synthesis)',
  });
  const offerKeys = practiceKeys(boostinno.practices);
  await pool(practices.ids, SESSION_CONCURRENCY, (practiceId, i) =>
    ctx.client.mutate('postMarketplaceOffer', `${PREFIX}:appendix1-session:offer:practice:${offerKeys[i]}`, at(SYNTHESIS_DATE), {
      sessionId,
      cityId: cityId(boostinno.practices[i]!.city),
      practiceId,
    }),
  );
  const contributionKeys = textKeys(boostinnoContributions, (c) => `${c.city} ${c.text}`);
  await pool(boostinnoContributions, SESSION_CONCURRENCY, (contribution, i) =>
    ctx.client.mutate('postMarketplaceOffer', `${PREFIX}:appendix1-session:offer:experience:${contributionKeys[i]}`, at(SYNTHESIS_DATE), {
      sessionId,
      cityId: cityId(contribution.city),
      title: clip(contribution.text.replace(/\.$/, ''), 200),
      description: clip(`Potential contribution in terms of experience (doc 002, Appendix 1): ${contribution.text}`, 4000),
    }),
  );
  const postedNeedKeys = needKeys(boostinno.needs);
  await pool(needIds, SESSION_CONCURRENCY, (learningNeedId, i) => {
    const need = boostinno.needs[i]!;
    return ctx.client.mutate('postMarketplaceNeed', `${PREFIX}:appendix1-session:need:${postedNeedKeys[i]}`, at(SYNTHESIS_DATE), {
      sessionId,
      cityId: cityId(need.city),
      kind: need.kind,
      learningNeedId,
    });
  });
  const offers = practices.ids.length + boostinnoContributions.length;
  ctx.log(
    `BoostInno: Appendix 1 session with ${offers} offers (${practices.ids.length} practices, ` +
      `${boostinnoContributions.length} contributions) and ${needIds.length} needs (${written(ctx)})`,
  );
  return { practices: practices.ids.length, needs: needIds.length, offers };
}
