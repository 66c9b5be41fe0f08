import { torinoPlanDrafted } from '../actionPlan/fixtures.js';
import type { StreamEvent } from '../support/projectionSpec.js';
import { coCityStarted } from '../transfer/fixtures.js';

/** A small programme: one Action Planning Network and one Innovation Transfer Network. */
export const APN = '01JAPN00000000000000000001';
export const ITN = '01JXTN00000000000000000001';
export const TORINO_PLAN = '01JPXN00000000000000000001';
export const GDANSK_PLAN = '01JPXN00000000000000000002';
export const COCITY_GDANSK = '01JTRF00000000000000000001';
export const COCITY_BUDAPEST = '01JTRF00000000000000000002';
const act = (n: number) => `01JACT0000000000000000000${n}`;
export const ACTIONS = { factory: act(1), crowdfunding: act(2), beacons: act(3), gdanskHub: act(4), late: act(5) };

const at = (date: string) => `${date}T09:00:00.000Z`;
const partner = (cityId: string, name: string, country: string, role: 'leadPartner' | 'partner', newcomer: boolean) => ({
  cityId,
  name,
  country,
  partnerKind: 'city',
  role,
  newcomer,
});

export const networkEvents: StreamEvent[] = [
  {
    streamId: `network-${APN}`,
    type: 'NetworkRegistered',
    data: { name: 'BoostInno', kind: 'actionPlanning', theme: 'Boosting social innovation', topics: ['social innovation', 'impact finance'], startDate: '2015-09-01', endDate: '2018-05-31' },
    occurredAt: at('2015-09-01'),
  },
  { streamId: `network-${APN}`, type: 'PartnerJoined', data: partner('torino-it', 'Torino', 'IT', 'partner', false), occurredAt: at('2015-09-02') },
  { streamId: `network-${APN}`, type: 'PartnerJoined', data: partner('gdansk-pl', 'Gdansk', 'PL', 'leadPartner', true), occurredAt: at('2015-09-02') },
  {
    streamId: `network-${ITN}`,
    type: 'NetworkRegistered',
    data: { name: 'CO4CITIES', kind: 'innovationTransfer', theme: 'Urban commons', topics: ['co-governance'], startDate: '2019-03-01', endDate: '2020-09-30' },
    occurredAt: at('2019-03-01'),
  },
  { streamId: `network-${ITN}`, type: 'PartnerJoined', data: partner('torino-it', 'Torino', 'IT', 'leadPartner', false), occurredAt: at('2019-03-09') },
  { streamId: `network-${ITN}`, type: 'PartnerJoined', data: partner('gdansk-pl', 'Gdansk', 'PL', 'partner', false), occurredAt: at('2019-03-09') },
  { streamId: `network-${ITN}`, type: 'PartnerJoined', data: partner('budapest-hu', 'Budapest', 'HU', 'partner', true), occurredAt: at('2019-03-09') },
  { streamId: `network-${ITN}`, type: 'PartnerLeft', data: { cityId: 'budapest-hu', reason: 'left' }, occurredAt: at('2020-01-10') },
];

const action = (actionId: string, title: string, clusterKey: string, phase: string, addedAfterEndorsement = false) => ({
  actionId,
  title,
  clusterKey,
  phase,
  summary: '',
  budgetCents: 150_000_000,
  responsibleBody: 'City',
  funding: [{ source: 'ESF', amountCents: 150_000_000, programme: 'PON Metro' }],
  addedAfterEndorsement,
});
const T = `actionPlan-${TORINO_PLAN}`;
const G = `actionPlan-${GDANSK_PLAN}`;

export const planEvents: StreamEvent[] = [
  {
    streamId: T,
    ...torinoPlanDrafted(APN, [
      { key: 'collective-actions', title: 'Collective actions', description: '' },
      { key: 'civic-technologies', title: 'Civic technologies', description: '' },
    ]),
    occurredAt: at('2017-02-01'),
  },
  { streamId: T, type: 'PlanClusterAdded', data: { key: 'finance', title: 'Finance and impact assessment', description: '' }, occurredAt: at('2017-02-02') },
  { streamId: T, type: 'PlanVisionRevised', data: { title: 'Torino Social Impact', vision: 'Revised' }, occurredAt: at('2017-02-03') },
  { streamId: T, type: 'PlanActionAdded', data: action(ACTIONS.factory, 'Torino Social Factory', 'collective-actions', 'realisation'), occurredAt: at('2017-03-01') },
  { streamId: T, type: 'PlanActionAdded', data: action(ACTIONS.crowdfunding, 'Civic Crowdfunding Academy', 'finance', 'design'), occurredAt: at('2017-03-01') },
  { streamId: T, type: 'PlanActionAdded', data: action(ACTIONS.beacons, 'Turin Beacons Network project', 'civic-technologies', 'ideation'), occurredAt: at('2017-03-01') },
  { streamId: T, type: 'ActionPlanEndorsed', data: { date: '2018-05-30', body: 'City Council', note: '' }, occurredAt: at('2018-05-30') },
  { streamId: T, type: 'ActionStatusChanged', data: { actionId: ACTIONS.factory, from: 'planned', to: 'inProgress', date: '2018-06-01', note: '' }, occurredAt: at('2018-06-01') },
  { streamId: T, type: 'ActionStatusChanged', data: { actionId: ACTIONS.factory, from: 'inProgress', to: 'implemented', date: '2019-06-01', note: '' }, occurredAt: at('2019-06-01') },
  { streamId: T, type: 'ActionStatusChanged', data: { actionId: ACTIONS.beacons, from: 'planned', to: 'abandoned', date: '2018-09-01', note: 'no funding' }, occurredAt: at('2018-09-01') },
  {
    streamId: T,
    type: 'FundingSecured',
    data: { fundingId: '01JFND00000000000000000001', actionId: ACTIONS.factory, source: 'ESF', amountCents: 150_000_000, programme: 'PON Metro', date: '2018-07-01', note: '' },
    occurredAt: at('2018-07-01'),
  },
  {
    streamId: T,
    type: 'FundingSecured',
    data: { fundingId: '01JFND00000000000000000002', actionId: ACTIONS.crowdfunding, source: 'ESF', amountCents: 5_000_000, programme: '', date: '2019-01-15', note: '' },
    occurredAt: at('2019-01-15'),
  },
  {
    streamId: T,
    type: 'FundingSecured',
    data: { fundingId: '01JFND00000000000000000003', actionId: ACTIONS.crowdfunding, source: 'national', amountCents: 4_450_001, programme: 'PON Metro 3.3.1B', date: '2019-02-01', note: '' },
    occurredAt: at('2019-02-01'),
  },
  { streamId: T, type: 'PlanActionAdded', data: action(ACTIONS.late, 'Roadshow promoting TSI', 'finance', 'ideation', true), occurredAt: at('2018-06-15') },
  {
    streamId: T,
    type: 'IndicatorDefined',
    data: { indicatorId: '01JXND00000000000000000001', name: 'Social enterprises supported', unit: 'enterprises', baseline: 0, target: 50, actionId: ACTIONS.factory },
    occurredAt: at('2018-06-20'),
  },
  { streamId: T, type: 'IndicatorValueRecorded', data: { indicatorId: '01JXND00000000000000000001', date: '2019-12-31', value: 34, note: '' }, occurredAt: at('2020-01-05') },
  { streamId: T, type: 'IndicatorValueRecorded', data: { indicatorId: '01JXND00000000000000000001', date: '2018-12-31', value: 12, note: 'late entry' }, occurredAt: at('2020-01-06') },
  {
    streamId: G,
    type: 'ActionPlanDrafted',
    data: { networkId: APN, networkKind: 'actionPlanning', cityId: 'gdansk-pl', cityName: 'Gdansk', country: 'PL', title: 'Gdansk IAP', vision: '', clusters: [{ key: 'hub', title: 'Hub', description: '' }] },
    occurredAt: at('2017-04-01'),
  },
  { streamId: G, type: 'PlanActionAdded', data: action(ACTIONS.gdanskHub, 'Social innovation hub', 'hub', 'design'), occurredAt: at('2017-04-02') },
  { streamId: G, type: 'ActionStatusChanged', data: { actionId: ACTIONS.gdanskHub, from: 'planned', to: 'implemented', date: '2018-03-01', note: '' }, occurredAt: at('2018-03-01') },
];

const TG = `transfer-${COCITY_GDANSK}`;
const TB = `transfer-${COCITY_BUDAPEST}`;

export const transferEvents: StreamEvent[] = [
  { streamId: TG, type: 'TransferStarted', data: coCityStarted(ITN, 'gdansk-pl', 'Gdansk', 'PL'), occurredAt: at('2019-03-23') },
  { streamId: TB, type: 'TransferStarted', data: coCityStarted(ITN, 'budapest-hu', 'Budapest', 'HU'), occurredAt: at('2019-03-23') },
  { streamId: TG, type: 'ReadinessAssessed', data: { date: '2019-05-01', stage: 'understand', score: 2, note: '' }, occurredAt: at('2019-05-01') },
  { streamId: TG, type: 'TransferStageAdvanced', data: { from: 'understand', to: 'adapt', date: '2019-06-01', note: '' }, occurredAt: at('2019-06-01') },
  { streamId: TG, type: 'TransferMilestoneRecorded', data: { milestoneId: '01JMXX00000000000000000001', title: 'Study visit to Torino', date: '2019-07-01', stage: 'adapt', note: '' }, occurredAt: at('2019-07-01') },
  { streamId: TG, type: 'TransferPlanSubmitted', data: { version: 1, title: 'Co-City Gdansk', summary: '', date: '2019-09-01' }, occurredAt: at('2019-09-01') },
  {
    streamId: TG,
    type: 'InvestmentPlanSubmitted',
    data: { version: 1, title: 'Investment plan', summary: '', date: '2020-01-01', totalCents: 30_000_000, sources: [{ source: 'ERDF', amountCents: 30_000_000 }] },
    occurredAt: at('2020-01-01'),
  },
  { streamId: TB, type: 'TransferAbandoned', data: { date: '2020-01-10', stage: 'understand', reason: 'Budapest left the network' }, occurredAt: at('2020-01-10') },
  { streamId: TG, type: 'TransferStageAdvanced', data: { from: 'adapt', to: 'reuse', date: '2020-02-01', note: '' }, occurredAt: at('2020-02-01') },
  { streamId: TG, type: 'ReadinessAssessed', data: { date: '2020-03-01', stage: 'reuse', score: 5, note: 'ready' }, occurredAt: at('2020-03-01') },
  { streamId: TG, type: 'TransferCompleted', data: { date: '2020-09-01', note: 'done' }, occurredAt: at('2020-09-01') },
];

const N1 = 'learningNeed-01JNED00000000000000000001';
const N2 = 'learningNeed-01JNED00000000000000000002';
const N3 = 'learningNeed-01JNED00000000000000000003';
const M1 = 'meeting-01JMTG00000000000000000001';
const M2 = 'meeting-01JMTG00000000000000000002';
const L1 = 'localGroup-01JXXG00000000000000000001';
const P1 = 'practice-01JPRC00000000000000000001';
const P2 = 'practice-01JPRC00000000000000000002';
const meeting = (title: string, startDate: string, hostCityId: string | null) => ({
  networkId: APN,
  kind: 'transnationalMeeting',
  title,
  hostCityId,
  startDate,
  endDate: startDate,
  themes: [],
  guidingQuestions: [],
  partnerCityIds: [],
  origin: null,
});

/** Events of the other slices, in the shapes committed in domain/{learningNeed,meeting,localGroup,practice}/events.ts. */
export const exchangeEvents: StreamEvent[] = [
  { streamId: N1, type: 'LearningNeedRaised', data: { networkId: APN, cityId: 'torino-it', kind: 'learning', topics: ['impact finance'], description: 'How to develop new impact funds?', priority: 'high' }, occurredAt: at('2015-11-01') },
  { streamId: N2, type: 'LearningNeedRaised', data: { networkId: APN, cityId: 'torino-it', kind: 'capacityBuilding', topics: [], description: 'Measure impact', priority: 'low' }, occurredAt: at('2015-11-01') },
  { streamId: N3, type: 'LearningNeedRaised', data: { networkId: APN, cityId: 'gdansk-pl', kind: 'learning', topics: [], description: 'Co-design', priority: 'medium' }, occurredAt: at('2015-11-02') },
  { streamId: N1, type: 'LearningNeedRefined', data: { changes: { kind: 'capacityBuilding' }, previous: { kind: 'learning' } }, occurredAt: at('2015-12-01') },
  { streamId: N1, type: 'LearningNeedAddressed', data: { meetingId: '01JMTG00000000000000000001', peerCityId: null, note: '' }, occurredAt: at('2016-02-19') },
  { streamId: N1, type: 'LearningNeedAddressed', data: { meetingId: null, peerCityId: 'gdansk-pl', note: '' }, occurredAt: at('2016-07-08') },
  { streamId: N1, type: 'LearningNeedClosed', data: { note: '' }, occurredAt: at('2016-08-01') },
  { streamId: N3, type: 'LearningNeedWithdrawn', data: { reason: 'duplicate' }, occurredAt: at('2016-01-01') },
  { streamId: M1, type: 'MeetingScheduled', data: meeting('Torino meeting', '2016-02-10', 'torino-it'), occurredAt: at('2015-12-01') },
  { streamId: M1, type: 'MeetingRescheduled', data: { startDate: '2016-02-17', endDate: '2016-02-19', previousStartDate: '2016-02-10', previousEndDate: '2016-02-10', reason: '' }, occurredAt: at('2016-01-01') },
  { streamId: M1, type: 'MeetingHeld', data: {}, occurredAt: at('2016-02-19') },
  { streamId: M1, type: 'AttendanceRecorded', data: { attendees: [{ name: 'A', cityId: 'torino-it' }, { name: 'B', cityId: 'torino-it' }, { name: 'C', cityId: 'gdansk-pl' }] }, occurredAt: at('2016-02-20') },
  { streamId: M1, type: 'AttendanceRecorded', data: { attendees: [{ name: 'D', cityId: 'gdansk-pl' }] }, occurredAt: at('2016-02-21') },
  { streamId: M2, type: 'MeetingScheduled', data: meeting('Wroclaw meeting', '2016-07-06', null), occurredAt: at('2016-03-01') },
  { streamId: M2, type: 'AttendanceRecorded', data: { attendees: [{ name: 'E', cityId: 'gdansk-pl' }] }, occurredAt: at('2016-03-02') },
  { streamId: M2, type: 'MeetingCancelled', data: { reason: 'strike' }, occurredAt: at('2016-07-01') },
  { streamId: L1, type: 'LocalGroupFormed', data: { networkId: APN, cityId: 'torino-it', name: 'Torino ULG', coordinator: null }, occurredAt: at('2015-10-01') },
  { streamId: L1, type: 'StakeholderAdded', data: { stakeholderId: 1, name: 'City of Torino', helix: 'public', role: '', planned: false }, occurredAt: at('2015-10-02') },
  { streamId: L1, type: 'StakeholderAdded', data: { stakeholderId: 2, name: 'SocialFare', helix: 'private', role: '', planned: false }, occurredAt: at('2015-10-02') },
  { streamId: L1, type: 'StakeholderAdded', data: { stakeholderId: 3, name: 'Politecnico', helix: 'knowledge', role: '', planned: true }, occurredAt: at('2016-10-02') },
  { streamId: L1, type: 'StakeholderAdded', data: { stakeholderId: 4, name: 'Gone', helix: 'civilSociety', role: '', planned: false }, occurredAt: at('2016-10-02') },
  { streamId: L1, type: 'StakeholderRemoved', data: { stakeholderId: 4, reason: '' }, occurredAt: at('2016-11-02') },
  { streamId: P1, type: 'PracticeProposed', data: { cityId: 'torino-it', cityName: 'Torino', country: 'IT', networkId: APN, title: 'Co-City', summary: '', topics: [], results: '', contact: { name: 'Contact', email: null, role: '' }, status: 'lookingForPartners' }, occurredAt: at('2017-01-01') },
  { streamId: P1, type: 'GoodPracticeLabelAwarded', data: { year: 2017 }, occurredAt: at('2017-10-01') },
  { streamId: P1, type: 'PracticeRevised', data: { title: 'Co-City Torino' }, occurredAt: at('2017-11-01') },
  { streamId: P2, type: 'PracticeProposed', data: { cityId: 'gdansk-pl', cityName: 'Gdansk', country: 'PL', networkId: null, title: 'Hub', summary: '', topics: [], results: '', contact: { name: 'Contact', email: null, role: '' }, status: 'lookingForPartners' }, occurredAt: at('2017-01-01') },
  { streamId: P2, type: 'GoodPracticeLabelAwarded', data: { year: 2017 }, occurredAt: at('2017-10-01') },
  { streamId: P2, type: 'PracticeWithdrawn', data: { reason: '' }, occurredAt: at('2018-01-01') },
];

export const allEvents: StreamEvent[] = [...networkEvents, ...planEvents, ...transferEvents, ...exchangeEvents];
