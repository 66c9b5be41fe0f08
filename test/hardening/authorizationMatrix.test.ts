import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../../schema/index.js';
import { comparePositions } from '../../src/eventStore/port.js';
import { useTestApp } from '../support/testApp.js';
import {
  BARCELONA,
  callMutation,
  GDANSK,
  MatrixWorld,
  NETWORK_DATES,
  practiceInput,
  ROLE_LABELS,
  ROLES,
  TORINO,
  type MatrixRole,
  type Outcome,
  type Scene,
} from './matrixWorld.js';

/**
 * The authorization matrix: every mutation of the schema, tried by every role, against a valid
 * input on a fresh target. Roles allowed by the product's rules must get the success payload;
 * every other role must get a typed ForbiddenError, and the event log must not move.
 *
 * Who may do what comes from the rules, not from the code:
 * - README "Access control": the secretariat may do everything; a lead expert their network's
 *   journey, meetings and marketplace; a city coordinator their own city's needs, practices, plan
 *   and acceptances; the public only reads.
 * - "Who may do what" in each capability's docs/<capability>.md: phases (docs/network.md),
 *   meetings (coordinators only for a local group workshop hosted by their city), local groups
 *   and learning needs (their own city's), the marketplace, plans and transfers.
 * - The rule each mutation announces in its public description in the schema and the decisions
 *   the API tests state by name (the lead expert closes the network, works on plans; either city
 *   of a transfer), read with the README's table. Where a rule is ambiguous the stricter reading
 *   is taken. Each case names its source in `rule`.
 *
 * A new mutation without a case below fails the first test.
 */

const S: readonly MatrixRole[] = ['secretariat'];
const S_LE: readonly MatrixRole[] = ['secretariat', 'leadExpert'];
const S_CITY: readonly MatrixRole[] = ['secretariat', 'cityCoordinator'];
const S_LE_CITY: readonly MatrixRole[] = ['secretariat', 'leadExpert', 'cityCoordinator'];

interface Attempt {
  readonly scene: Scene;
  readonly input: Record<string, unknown>;
}

interface Case {
  readonly mutation: string;
  /** Which target, when a mutation has several cases. */
  readonly variant?: string;
  readonly allowed: readonly MatrixRole[];
  /** Where the rule comes from. */
  readonly rule: string;
  /** A valid input on a fresh target (called once per allowed role; forbidden roles try the first). */
  readonly prepare: (w: MatrixWorld) => Promise<Attempt>;
}

const WHO = (capability: string) => `docs/${capability}.md "Who may do what"`;
const README = 'README "Access control"';

const meetingCases = (['transnationalMeeting', 'localGroupWorkshop'] as const).flatMap((kind): Case[] => {
  const lgw = kind === 'localGroupWorkshop';
  const common = {
    variant: lgw ? 'local group workshop hosted by the target city' : 'transnational meeting hosted by the target city',
    allowed: lgw ? S_LE_CITY : S_LE,
    rule: `${WHO('meeting')}: meetings are the secretariat's and the lead expert's; coordinators only for a local group workshop hosted by their city`,
  };
  return [
    {
      ...common,
      mutation: 'scheduleMeeting',
      prepare: async (w) => ({
        scene: w.scene(w.A),
        input: { networkId: w.A.id, kind, title: `Meeting ${w.next()}`, hostCityId: TORINO, startDate: '2016-02-17', endDate: '2016-02-18', themes: ['brokerage'] },
      }),
    },
    {
      ...common,
      mutation: 'rescheduleMeeting',
      prepare: async (w) => ({
        scene: w.scene(w.A),
        input: { meetingId: await w.meeting(kind), startDate: '2016-03-01', endDate: '2016-03-02', reason: 'venue' },
      }),
    },
    {
      ...common,
      mutation: 'cancelMeeting',
      prepare: async (w) => ({ scene: w.scene(w.A), input: { meetingId: await w.meeting(kind), reason: 'speaker ill' } }),
    },
    {
      ...common,
      mutation: 'markMeetingHeld',
      prepare: async (w) => ({ scene: w.scene(w.A), input: { meetingId: await w.meeting(kind) } }),
    },
    {
      ...common,
      mutation: 'describeMeeting',
      prepare: async (w) => ({
        scene: w.scene(w.A),
        input: { meetingId: await w.meeting(kind), description: 'Impact funds', notes: 'Agreed a site visit in Gdansk' },
      }),
    },
    {
      ...common,
      mutation: 'translateMeeting',
      prepare: async (w) => ({
        scene: w.scene(w.A),
        input: { meetingId: await w.meeting(kind), field: 'title', language: 'it', text: 'Incontro', originalLanguage: 'en' },
      }),
    },
    {
      ...common,
      mutation: 'recordAttendance',
      prepare: async (w) => ({
        scene: w.scene(w.A),
        input: { meetingId: await w.meeting(kind, true), attendees: [{ name: 'Marco Rossi', cityId: TORINO }] },
      }),
    },
    {
      ...common,
      mutation: 'recordLearning',
      prepare: async (w) => ({
        scene: w.scene(w.A),
        input: { meetingId: await w.meeting(kind, true), cityId: TORINO, theme: 'brokerage', lesson: 'A city can broker impact funds' },
      }),
    },
  ];
});

const CASES: readonly Case[] = [
  // ------------------------------------------------------------------ networks
  {
    mutation: 'registerNetwork',
    allowed: S,
    rule: `${README}; "Secretariat only" (schema description)`,
    prepare: async (w) => ({
      scene: w.scene(w.A),
      input: { name: `Registered ${w.next()}`, kind: 'actionPlanning', theme: 'Matrix', ...NETWORK_DATES },
    }),
  },
  {
    mutation: 'assignLeadExpert',
    allowed: S,
    rule: `${README}; "Secretariat only" (schema description)`,
    prepare: async (w) => {
      const network = await w.freshNetwork();
      return { scene: w.scene(network), input: { networkId: network.id, subject: `expert:matrix-gamma-${w.next()}`, name: 'Gamma' } };
    },
  },
  {
    mutation: 'closeNetwork',
    allowed: S_LE,
    rule: `${README} (the lead expert runs their network); test/network: "lets the assigned lead expert close the network, and only them"`,
    prepare: async (w) => {
      const network = await w.freshNetwork();
      return { scene: w.scene(network), input: { networkId: network.id, reason: 'end of the programme' } };
    },
  },
  {
    mutation: 'joinNetwork',
    variant: 'target city = the city joining',
    allowed: S_LE,
    rule: `${README}: the lead expert runs their network; a coordinator's own city's needs, practices, plan and acceptances do not include joining`,
    prepare: async (w) => {
      const cityId = w.freshCityId();
      return { scene: w.scene(w.A, cityId), input: { networkId: w.A.id, cityId, name: `City ${cityId}`, country: 'IT' } };
    },
  },
  {
    mutation: 'leaveNetwork',
    variant: 'target city = the city leaving',
    allowed: S_LE,
    rule: `${README}: as joinNetwork`,
    prepare: async (w) => {
      const cityId = await w.freshPartner();
      return { scene: w.scene(w.A, cityId), input: { networkId: w.A.id, cityId, reason: 'left the programme' } };
    },
  },
  {
    mutation: 'recordBaselineStudy',
    allowed: S_LE,
    rule: `${WHO('network')}: recordBaselineStudy — secretariat, lead expert`,
    prepare: async (w) => ({
      scene: w.scene(w.A),
      input: { networkId: w.A.id, title: `Baseline ${w.next()}`, date: '2016-01-15', summary: 'Where the partners stand' },
    }),
  },
  {
    mutation: 'startImplementationPhase',
    allowed: S_LE,
    rule: `${WHO('network')}: startImplementationPhase — secretariat, lead expert`,
    prepare: async (w) => {
      const network = await w.freshNetwork();
      await w.run('recordBaselineStudy', { networkId: network.id, title: 'Baseline', date: '2016-01-15', summary: 'Findings' });
      return { scene: w.scene(network), input: { networkId: network.id, startDate: '2016-05-01' } };
    },
  },

  {
    mutation: 'recordNetworkLesson',
    allowed: S_LE,
    rule: `${WHO('network')}: recordNetworkLesson — secretariat, lead expert`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { networkId: w.A.id, lesson: `Lesson ${w.next()}` } }),
  },
  {
    mutation: 'translateNetworkLesson',
    allowed: S_LE,
    rule: `${WHO('network')}: who may record the network's lessons may translate them — secretariat, lead expert`,
    prepare: async (w) => {
      // A network of its own, so the lesson is number 1 whatever other cases record.
      const network = await w.freshNetwork();
      await w.run('recordNetworkLesson', { networkId: network.id, lesson: 'A lesson', lessonLanguage: 'en' });
      return { scene: w.scene(network), input: { networkId: network.id, lessonNumber: 1, language: 'it', text: `Lezione ${w.next()}` } };
    },
  },
  {
    mutation: 'defineThematicGroup',
    allowed: S_LE,
    rule: `${WHO('network')}: defineThematicGroup — secretariat, lead expert`,
    prepare: async (w) => ({
      scene: w.scene(w.A),
      input: { networkId: w.A.id, groupId: `group-${w.next()}`, name: 'Tourism', theme: 'tourism', memberCities: ['torino-it'] },
    }),
  },

  // ------------------------------------------------------------------ meetings
  ...meetingCases,

  // ------------------------------------------------------------------ local groups
  {
    mutation: 'formLocalGroup',
    allowed: S_LE_CITY,
    rule: `${WHO('localGroup')}: local groups — secretariat, lead expert, their own city's group`,
    prepare: async (w) => {
      const cityId = await w.freshPartner();
      return { scene: w.scene(w.A, cityId), input: { networkId: w.A.id, cityId, name: `ULG of ${cityId}` } };
    },
  },
  {
    mutation: 'addStakeholder',
    allowed: S_LE_CITY,
    rule: `${WHO('localGroup')}: local groups`,
    prepare: async (w) => ({
      scene: w.scene(w.A),
      input: { localGroupId: w.shared.localGroupId, name: `Bank ${w.next()}`, helix: 'private', role: 'funder', planned: true },
    }),
  },
  {
    mutation: 'removeStakeholder',
    allowed: S_LE_CITY,
    rule: `${WHO('localGroup')}: local groups`,
    prepare: async (w) => {
      const name = `University ${w.next()}`;
      const added = await w.run(
        'addStakeholder',
        { localGroupId: w.shared.localGroupId, name, helix: 'knowledge' },
        'localGroup { stakeholders(first: 200) { nodes { stakeholderId name } } }',
      );
      const stakeholder = (added.localGroup.stakeholders.nodes as { stakeholderId: number; name: string }[]).find((s) => s.name === name)!;
      return { scene: w.scene(w.A), input: { localGroupId: w.shared.localGroupId, stakeholderId: stakeholder.stakeholderId, reason: 'merged' } };
    },
  },
  {
    mutation: 'changeLocalGroupCoordinator',
    allowed: S_LE_CITY,
    rule: `${WHO('localGroup')}: local groups`,
    prepare: async (w) => ({
      scene: w.scene(w.A),
      input: { localGroupId: w.shared.localGroupId, coordinator: { name: `Coordinator ${w.next()}`, organisation: 'Città di Torino' } },
    }),
  },

  // ------------------------------------------------------------------ learning needs
  {
    mutation: 'raiseLearningNeed',
    allowed: S_LE_CITY,
    rule: `${WHO('learningNeed')}: learning needs — secretariat, lead expert, their own city's needs`,
    prepare: async (w) => ({
      scene: w.scene(w.A),
      input: { networkId: w.A.id, cityId: TORINO, kind: 'learning', topics: ['impact finance'], description: `How to fund social enterprises ${w.next()}?` },
    }),
  },
  {
    mutation: 'refineLearningNeed',
    allowed: S_LE_CITY,
    rule: `${WHO('learningNeed')}: learning needs`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { learningNeedId: await w.learningNeed(), description: `Refined ${w.next()}`, priority: 'high' } }),
  },
  {
    mutation: 'addressLearningNeed',
    allowed: S_LE_CITY,
    rule: `${WHO('learningNeed')}: learning needs`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { learningNeedId: await w.learningNeed(), peerCityId: GDANSK, note: 'Gdansk fund model' } }),
  },
  {
    mutation: 'closeLearningNeed',
    allowed: S_LE_CITY,
    rule: `${WHO('learningNeed')}: learning needs`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { learningNeedId: await w.learningNeed(true), note: 'learnt' } }),
  },
  {
    mutation: 'withdrawLearningNeed',
    allowed: S_LE_CITY,
    rule: `${WHO('learningNeed')}: learning needs`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { learningNeedId: await w.learningNeed(), reason: 'no longer a priority' } }),
  },

  // ------------------------------------------------------------------ good practices
  {
    mutation: 'proposePractice',
    allowed: S_CITY,
    rule: `${README}: a coordinator's own city's practices ("The city's coordinators, or the secretariat")`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: practiceInput(w.A.id, w.next()) }),
  },
  {
    mutation: 'revisePractice',
    allowed: S_CITY,
    rule: `${README}: a coordinator's own city's practices`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { practiceId: await w.practice(), title: `Revised ${w.next()}` } }),
  },
  {
    mutation: 'awardGoodPracticeLabel',
    allowed: S,
    rule: `${README}; "Secretariat only" (schema description): the programme awards the label`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { practiceId: await w.practice(), year: 2018 } }),
  },
  {
    mutation: 'setPracticePartnershipStatus',
    allowed: S_CITY,
    rule: `${README}: a coordinator's own city's practices`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { practiceId: await w.practice(), status: 'partnershipComplete' } }),
  },
  {
    mutation: 'withdrawPractice',
    allowed: S_CITY,
    rule: `${README}: a coordinator's own city's practices`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { practiceId: await w.practice(), reason: 'superseded' } }),
  },

  // ------------------------------------------------------------------ marketplace
  {
    mutation: 'openMarketplaceSession',
    variant: "the target network's session",
    allowed: S_LE,
    rule: `${README}: the lead expert's network's marketplace ("its lead expert")`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { title: `Session ${w.next()}`, networkIds: [w.A.id], heldOn: '2016-04-12', place: 'Torino' } }),
  },
  {
    mutation: 'openMarketplaceSession',
    variant: 'across networks A and B',
    allowed: S,
    rule: `${README}: a lead expert runs only their own network's marketplace ("the lead expert of each")`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { title: `Session ${w.next()}`, networkIds: [w.A.id, w.B.id] } }),
  },
  {
    mutation: 'openMarketplaceSession',
    variant: 'programme-wide',
    allowed: S,
    rule: `${README}: no lead expert's network ("the whole programme (the secretariat)")`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { title: `Session ${w.next()}`, networkIds: [] } }),
  },
  {
    mutation: 'closeMarketplaceSession',
    variant: "the target network's session",
    allowed: S_LE,
    rule: `${README}: the lead expert's network's marketplace`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { sessionId: await w.session(), reason: 'end of the meeting' } }),
  },
  {
    mutation: 'closeMarketplaceSession',
    variant: 'across networks A and B',
    allowed: S,
    rule: `${README}: a lead expert runs only their own network's marketplace`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { sessionId: await w.session([w.A.id, w.B.id]) } }),
  },
  {
    mutation: 'postMarketplaceOffer',
    allowed: S_CITY,
    rule: `${README}: the city's own practices and experience ("Its coordinators, or the secretariat")`,
    prepare: async (w) => ({
      scene: w.scene(w.A),
      input: { sessionId: w.shared.sessionId, cityId: TORINO, title: `Co-City ${w.next()}`, description: 'Pacts of collaboration', topics: ['urban commons'] },
    }),
  },
  {
    mutation: 'postMarketplaceNeed',
    allowed: S_CITY,
    rule: `${README}: the city's own needs ("Its coordinators, or the secretariat")`,
    prepare: async (w) => ({
      scene: w.scene(w.A),
      input: { sessionId: w.shared.sessionId, cityId: TORINO, kind: 'learning', title: `Impact funds ${w.next()}`, topics: ['impact finance'] },
    }),
  },
  {
    mutation: 'withdrawMarketplacePost',
    allowed: S_CITY,
    rule: `${README}: the city's own posts ("The city's coordinators, or the secretariat")`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { sessionId: w.shared.sessionId, postId: await w.post('offer', TORINO), reason: 'changed our mind' } }),
  },
  {
    mutation: 'respondToMarketplaceMatch',
    variant: 'answered by the city with the need',
    allowed: S_CITY,
    rule: `${README}: a coordinator's own city's acceptances ("each city only answers for itself")`,
    prepare: async (w) => {
      const { needId, offerId } = await w.match(false);
      return { scene: w.scene(w.A), input: { matchId: `${needId}-${offerId}`, cityId: TORINO, accept: true, note: 'interested' } };
    },
  },
  {
    mutation: 'respondToMarketplaceMatch',
    variant: 'answered by the city with the offer',
    allowed: S_CITY,
    rule: `${README}: a coordinator's own city's acceptances`,
    prepare: async (w) => {
      const { needId, offerId } = await w.match(false);
      return { scene: w.scene(w.A, BARCELONA), input: { matchId: `${needId}-${offerId}`, cityId: BARCELONA, accept: true } };
    },
  },
  {
    mutation: 'scheduleMarketplaceMeeting',
    variant: 'by the city with the need',
    allowed: S_LE_CITY,
    rule: `${README}: the lead expert's meetings and marketplace; the schema description and test/marketplace let either city of an agreed match schedule its meeting`,
    prepare: async (w) => {
      const { needId, offerId } = await w.match(true);
      return {
        scene: w.scene(w.A),
        input: { sessionId: w.shared.sessionId, matchId: `${needId}-${offerId}`, format: 'bilateralMeeting', date: '2016-06-01' },
      };
    },
  },
  {
    mutation: 'scheduleMarketplaceMeeting',
    variant: 'by the city with the offer',
    allowed: S_LE_CITY,
    rule: 'as above',
    prepare: async (w) => {
      const { needId, offerId } = await w.match(true);
      return {
        scene: w.scene(w.A, BARCELONA),
        input: { sessionId: w.shared.sessionId, matchId: `${needId}-${offerId}`, format: 'siteVisit', date: '2016-06-02' },
      };
    },
  },

  // ------------------------------------------------------------------ peer reviews
  {
    mutation: 'requestPeerReview',
    variant: "in the target network, hosted by the target city",
    allowed: S_LE_CITY,
    rule: "the host city, the network's lead expert and the secretariat run a review (schema description: \"Its coordinators, its network's lead expert, or the secretariat\")",
    prepare: async (w) => ({
      scene: w.scene(w.A),
      input: { hostCityId: TORINO, hostCityName: 'Torino', networkId: w.A.id, challenge: `Civic tech ${w.next()}`, topics: ['civic tech'] },
    }),
  },
  {
    mutation: 'requestPeerReview',
    variant: 'outside any network, hosted by the target city',
    allowed: S_CITY,
    rule: 'as above: without a network there is no lead expert of it',
    prepare: async (w) => ({ scene: w.scene(w.A), input: { hostCityId: TORINO, hostCityName: 'Torino', challenge: `Civic tech ${w.next()}` } }),
  },
  {
    mutation: 'invitePeerReviewer',
    allowed: S_LE_CITY,
    rule: 'the host city, the lead expert and the secretariat run a review',
    prepare: async (w) => ({ scene: w.scene(w.A), input: { reviewId: await w.peerReview('requested'), cityId: GDANSK, cityName: 'Gdansk', reviewer: 'Anna' } }),
  },
  {
    mutation: 'answerPeerReviewInvitation',
    variant: 'target city = the invited peer; the other partner is the host',
    allowed: S_CITY,
    rule: `${README}: a coordinator's own city's acceptances ("An invited peer city accepts or declines. Its coordinators, or the secretariat")`,
    prepare: async (w) => ({ scene: w.scene(w.A, GDANSK, TORINO), input: { reviewId: await w.peerReview('invited'), cityId: GDANSK, accept: true } }),
  },
  {
    mutation: 'holdPeerReview',
    allowed: S_LE_CITY,
    rule: 'the host city, the lead expert and the secretariat run a review',
    prepare: async (w) => ({ scene: w.scene(w.A), input: { reviewId: await w.peerReview('ready'), heldOn: '2017-03-02', place: 'Torino' } }),
  },
  {
    mutation: 'recordPeerReviewRecommendations',
    variant: 'by a peer that took part (target city); the other partner is the host',
    allowed: S_LE_CITY,
    rule: 'schema description: "A peer city that took part (give peerCityId), the lead expert, or the secretariat"',
    prepare: async (w) => ({
      scene: w.scene(w.A, GDANSK, TORINO),
      input: { reviewId: w.shared.heldReviewId, peerCityId: GDANSK, recommendations: [{ text: `Recommendation ${w.next()}` }], todos: [{ text: 'Map the data' }] },
    }),
  },
  {
    mutation: 'recordPeerReviewRecommendations',
    variant: 'without a peer city; target city = the host, other partner = a peer',
    allowed: S_LE,
    rule: 'as above: the host does not review itself, a peer records as its city',
    prepare: async (w) => ({
      scene: w.scene(w.A, TORINO, GDANSK),
      input: { reviewId: w.shared.heldReviewId, recommendations: [{ text: `Recommendation ${w.next()}` }] },
    }),
  },
  {
    mutation: 'recordPeerReviewFollowUp',
    allowed: S_LE_CITY,
    rule: 'schema description: "The host city, its lead expert, or the secretariat"',
    prepare: async (w) => ({
      scene: w.scene(w.A),
      input: { reviewId: w.shared.heldReviewId, recommendationId: 'R1', status: 'inProgress', note: `Follow-up ${w.next()}`, date: '2017-06-01' },
    }),
  },
  {
    mutation: 'cancelPeerReview',
    allowed: S_LE_CITY,
    rule: 'the host city, the lead expert and the secretariat run a review',
    prepare: async (w) => ({ scene: w.scene(w.A), input: { reviewId: await w.peerReview('requested'), reason: 'postponed' } }),
  },

  // ------------------------------------------------------------------ action plans
  {
    mutation: 'draftActionPlan',
    allowed: S_LE_CITY,
    rule: `${README}: a coordinator's own city's plan; test/actionPlan lets the network's lead expert work on it too`,
    prepare: async (w) => {
      const cityId = await w.freshPartner();
      return { scene: w.scene(w.A, cityId), input: { networkId: w.A.id, cityId, title: 'Integrated Action Plan', clusters: [{ key: 'core', title: 'Core' }] } };
    },
  },
  {
    mutation: 'addPlanCluster',
    allowed: S_LE_CITY,
    rule: `${README}: a coordinator's own city's plan`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { planId: w.shared.planId, key: `cluster-${w.next()}`, title: 'Finance' } }),
  },
  {
    mutation: 'revisePlanVision',
    allowed: S_LE_CITY,
    rule: `${README}: a coordinator's own city's plan`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { planId: w.shared.planId, title: 'Torino plan', vision: `Vision ${w.next()}` } }),
  },
  {
    mutation: 'addPlanAction',
    allowed: S_LE_CITY,
    rule: `${README}: a coordinator's own city's plan`,
    prepare: async (w) => ({
      scene: w.scene(w.A),
      input: { planId: w.shared.planId, title: `Action ${w.next()}`, clusterKey: 'core', phase: 'ideation', budget: '25000.50' },
    }),
  },
  {
    mutation: 'changeActionStatus',
    allowed: S_LE_CITY,
    rule: `${README}: a coordinator's own city's plan`,
    prepare: async (w) => {
      const added = await w.run('addPlanAction', { planId: w.shared.planId, title: `Action ${w.next()}`, clusterKey: 'core', phase: 'design' }, 'action { actionId }');
      return { scene: w.scene(w.A), input: { actionId: added.action.actionId, status: 'inProgress', date: '2017-01-01', note: 'call published' } };
    },
  },
  {
    mutation: 'translatePlanAction',
    allowed: S_LE_CITY,
    rule: `${README}: a coordinator's own city's plan (who may change an action may translate it)`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { actionId: w.shared.actionId, field: 'title', language: 'it', text: 'Azione', originalLanguage: 'en' } }),
  },
  {
    mutation: 'recordFundingSecured',
    allowed: S_LE_CITY,
    rule: `${README}: a coordinator's own city's plan`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { actionId: w.shared.actionId, source: 'ERDF', amount: '1000', date: '2017-02-01' } }),
  },
  {
    mutation: 'defineIndicator',
    allowed: S_LE_CITY,
    rule: `${README}: a coordinator's own city's plan`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { planId: w.shared.planId, name: `Indicator ${w.next()}`, unit: 'people', baseline: 0, target: 10 } }),
  },
  {
    mutation: 'recordIndicatorValue',
    allowed: S_LE_CITY,
    rule: `${README}: a coordinator's own city's plan`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { indicatorId: w.shared.indicatorId, date: '2017-03-01', value: w.next() } }),
  },
  {
    mutation: 'endorseActionPlan',
    allowed: S_LE_CITY,
    rule: `${README}: a coordinator's own city's plan`,
    prepare: async (w) => {
      const cityId = await w.freshPartner();
      const planId = (await w.run('draftActionPlan', { networkId: w.A.id, cityId, title: 'Plan', clusters: [{ key: 'core', title: 'Core' }] }))
        .aggregateId as string;
      await w.run('addPlanAction', { planId, title: 'First action', clusterKey: 'core', phase: 'design' });
      return { scene: w.scene(w.A, cityId), input: { planId, date: '2017-05-01', body: 'City Council' } };
    },
  },

  // ------------------------------------------------------------------ transfers (network T)
  {
    mutation: 'startTransfer',
    variant: 'target city = the receiving city',
    allowed: S_LE_CITY,
    rule: `${README} (cities track the transfer of a good practice); test/transfer: "starts a transfer for either city, the lead expert or the secretariat"`,
    prepare: async (w) => ({
      scene: w.scene(w.T),
      input: { networkId: w.T.id, practiceTitle: `Practice ${w.next()}`, sourceCityId: BARCELONA, receivingCityId: TORINO, date: '2019-01-10' },
    }),
  },
  {
    mutation: 'startTransfer',
    variant: 'target city = the source city',
    allowed: S_LE_CITY,
    rule: 'as above',
    prepare: async (w) => ({
      scene: w.scene(w.T, BARCELONA),
      input: { networkId: w.T.id, practiceTitle: `Practice ${w.next()}`, sourceCityId: BARCELONA, receivingCityId: TORINO, date: '2019-01-10' },
    }),
  },
  {
    mutation: 'advanceTransferStage',
    allowed: S_LE_CITY,
    rule: 'a transfer is both cities\', the lead expert\'s and the secretariat\'s (test/transfer)',
    prepare: async (w) => ({ scene: w.scene(w.T), input: { transferId: await w.transfer('understand'), to: 'adapt', date: '2019-02-01' } }),
  },
  {
    mutation: 'recordTransferMilestone',
    allowed: S_LE_CITY,
    rule: 'as advanceTransferStage',
    prepare: async (w) => ({ scene: w.scene(w.T), input: { transferId: w.shared.transferId, title: `Study visit ${w.next()}`, date: '2019-02-15' } }),
  },
  {
    mutation: 'submitTransferPlan',
    allowed: S_LE_CITY,
    rule: 'as advanceTransferStage',
    prepare: async (w) => ({ scene: w.scene(w.T), input: { transferId: w.shared.transferId, title: `Transfer plan ${w.next()}`, date: '2019-03-01' } }),
  },
  {
    mutation: 'submitInvestmentPlan',
    allowed: S_LE_CITY,
    rule: 'as advanceTransferStage',
    prepare: async (w) => ({
      scene: w.scene(w.T),
      input: { transferId: w.shared.transferId, title: `Investment plan ${w.next()}`, date: '2019-03-02', sources: [{ source: 'ERDF', amount: '250000' }] },
    }),
  },
  {
    mutation: 'assessTransferReadiness',
    allowed: S_LE_CITY,
    rule: 'as advanceTransferStage',
    prepare: async (w) => ({ scene: w.scene(w.T), input: { transferId: w.shared.transferId, date: '2019-03-05', score: 3, note: 'ULG formed' } }),
  },
  {
    mutation: 'completeTransfer',
    allowed: S_LE_CITY,
    rule: 'as advanceTransferStage',
    prepare: async (w) => ({ scene: w.scene(w.T), input: { transferId: await w.transfer('reuse'), date: '2019-05-01', note: 'in use' } }),
  },
  {
    mutation: 'abandonTransfer',
    allowed: S_LE_CITY,
    rule: 'as advanceTransferStage',
    prepare: async (w) => ({ scene: w.scene(w.T), input: { transferId: await w.transfer('understand'), date: '2019-02-01', reason: 'no funding' } }),
  },

  // ------------------------------------------------------------------ calendar feeds
  {
    mutation: 'issueCalendarFeed',
    variant: 'network feed',
    allowed: ['secretariat', 'leadExpert', 'cityCoordinator', 'otherPartnerCoordinator'],
    rule: `${README}: a network's journey is read by its lead expert and its partners' coordinators; a private feed shows what they read`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { scope: 'network', networkId: w.A.id, label: `Feed ${w.next()}` } }),
  },
  {
    mutation: 'issueCalendarFeed',
    variant: "city feed of the target city",
    allowed: S_CITY,
    rule: `${README}: a coordinator reads their own city's records`,
    prepare: async (w) => ({ scene: w.scene(w.A), input: { scope: 'city', cityId: TORINO, label: `Feed ${w.next()}` } }),
  },
  {
    mutation: 'issueCalendarFeed',
    variant: 'person feed',
    allowed: ['secretariat', 'leadExpert', 'otherLeadExpert', 'cityCoordinator', 'otherPartnerCoordinator', 'outsideCoordinator'],
    rule: 'Issue 16: per-person private feeds for anyone signed in (showing what their role lets them read)',
    prepare: async (w) => ({ scene: w.scene(w.A), input: { scope: 'person', label: `Feed ${w.next()}` } }),
  },
  {
    mutation: 'revokeCalendarFeed',
    variant: "the target city coordinator's own feed",
    allowed: S_CITY,
    rule: 'Issue 16: a feed is revoked by its holder or the secretariat',
    prepare: async (w) => {
      const scene = w.scene(w.A);
      const issued = await callMutation(w.t, 'issueCalendarFeed', { scope: 'city', cityId: TORINO }, await w.token('cityCoordinator', scene));
      expect(issued.__typename, JSON.stringify(issued)).toBe('IssueCalendarFeedPayload');
      return { scene, input: { calendarFeedId: issued.aggregateId, reason: 'matrix' } };
    },
  },

  // ------------------------------------------------------------------ personal data
  {
    mutation: 'eraseDataSubject',
    allowed: S,
    rule: 'Issue 14: the secretariat erases data subjects (GDPR art. 17)',
    prepare: async (w) => ({
      scene: w.scene(w.A),
      input: { subjectId: w.t.app.personalData.subjectFor([`name:Matrix Person ${w.next()}`]) },
    }),
  },
];

const payloadType = (mutation: string) => `${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}Payload`;
const caseName = (c: Case) => (c.variant ? `${c.mutation} (${c.variant})` : c.mutation);
const show = (o: Outcome) => `${o.__typename}${o.code ? ` ${o.code}` : ''}${o.message ? `: ${o.message}` : ''}`;

type Cell = 'allowed' | 'refused' | 'rule' | 'WRONG';

describe('authorization matrix: every mutation, every role', () => {
  const t = useTestApp();
  let world: MatrixWorld;
  const observed = new Map<string, Partial<Record<MatrixRole, Cell>>>();
  /** Allowed attempts a business rule refused (authorization passed, but the fixture was not fresh). */
  const ruleViolations: string[] = [];

  beforeAll(async () => {
    world = await MatrixWorld.build(t);
  });

  afterAll(async () => {
    if (observed.size > 0) {
      const mark: Record<Cell, string> = { allowed: 'yes', refused: '-', rule: 'RULE', WRONG: 'WRONG' };
      const rows = CASES.filter((c) => observed.has(caseName(c))).map((c) => {
        const cells = observed.get(caseName(c))!;
        return Object.fromEntries([['mutation', caseName(c)], ...ROLES.map((role) => [role, mark[cells[role] ?? 'WRONG']])]);
      });
      console.log(`Authorization matrix (${rows.length} cases; roles: ${ROLES.map((r) => `${r} = ${ROLE_LABELS[r]}`).join('; ')})`);
      console.table(rows);
      console.log(`Allowed attempts refused by a business rule instead of succeeding: ${ruleViolations.length}`);
    }
  });

  it('has a case for every mutation of the schema (and none for a mutation that does not exist)', () => {
    const mutations = Object.keys(buildSchema().getMutationType()?.getFields() ?? {}).sort();
    const covered = new Set(CASES.map((c) => c.mutation));
    expect(mutations.filter((m) => !covered.has(m)), 'mutations without a case in the authorization matrix').toEqual([]);
    expect([...covered].filter((m) => !mutations.includes(m)), 'cases for mutations the schema no longer has').toEqual([]);
    // README: the secretariat may do everything; the public only reads.
    expect(CASES.filter((c) => !c.allowed.includes('secretariat')).map(caseName)).toEqual([]);
    expect(CASES.filter((c) => c.allowed.includes('public')).map(caseName)).toEqual([]);
  });

  let attemptNumber = 0;
  const attempt = async (c: Case, { input, scene }: Attempt, role: MatrixRole): Promise<Outcome> => {
    attemptNumber += 1;
    // An idempotency key too: a refused attempt must not even reserve it.
    return callMutation(t, c.mutation, { ...input, idempotencyKey: `matrix-${attemptNumber}-${role}` }, await world.token(role, scene));
  };

  for (const c of CASES) {
    it(`${caseName(c)}: ${c.allowed.join(', ')} only`, async () => {
      const cells: Partial<Record<MatrixRole, Cell>> = {};
      observed.set(caseName(c), cells);
      const problems: string[] = [];

      // One fresh target per allowed role; the refused roles all try the first one.
      const targets = await Promise.all(c.allowed.map(() => c.prepare(world)));
      const refusedRoles = ROLES.filter((role) => !c.allowed.includes(role));

      const before = await t.app.store.headPosition();
      const refusals = await Promise.all(refusedRoles.map(async (role) => [role, await attempt(c, targets[0]!, role)] as const));
      const after = await t.app.store.headPosition();
      if (comparePositions(before, after) !== 0) problems.push('the event log moved while only refused roles were trying');
      for (const [role, outcome] of refusals) {
        const refused = outcome.__typename === 'ForbiddenError' && outcome.code === 'FORBIDDEN';
        cells[role] = refused ? 'refused' : 'WRONG';
        if (!refused) problems.push(`${role} (${ROLE_LABELS[role]}) must get ForbiddenError, got ${show(outcome)}`);
      }

      const results = await Promise.all(c.allowed.map(async (role, i) => [role, await attempt(c, targets[i]!, role)] as const));
      for (const [role, outcome] of results) {
        if (outcome.__typename === payloadType(c.mutation) && outcome.replayed === false) {
          cells[role] = 'allowed';
        } else if (outcome.__typename === 'RuleViolationError') {
          // Authorization passed; the target was not fresh enough. Counted, and reported below.
          cells[role] = 'rule';
          ruleViolations.push(`${caseName(c)} as ${role}: ${show(outcome)}`);
        } else {
          cells[role] = 'WRONG';
          problems.push(`${role} (${ROLE_LABELS[role]}) must succeed, got ${show(outcome)}`);
        }
      }
      expect(problems, `${caseName(c)} — rule: ${c.rule}`).toEqual([]);
    });
  }

  it('every allowed attempt succeeded outright: no fresh target was refused by a business rule', () => {
    expect(ruleViolations).toEqual([]);
  });
});
