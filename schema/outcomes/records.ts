import { encodeGlobalID } from '@pothos/plugin-relay';
import { ActionPhase, ActionStatus } from '../../domain/actionPlan/events.js';
import { TransferStage } from '../../domain/transfer/events.js';
import type { OutcomeAttendanceRow, OutcomeMeetingRow, OutcomeNeedRow, OutcomePracticeRow, OutcomeStakeholderRow } from '../../projections/outcomes/exchange.js';
import type { OutcomePartnerRow } from '../../projections/outcomes/networks.js';
import type { OutcomeActionRow, OutcomeFundingRow, OutcomePlanRow } from '../../projections/outcomes/plans.js';
import type { OutcomeTransferRow } from '../../projections/outcomes/transfers.js';
import { ActionPhaseEnum, ActionStatusEnum } from '../actionPlan/planAction.js';
import { FundingSourceEnum, Money, money } from '../money.js';
import { builder } from '../builder.js';
import { TransferStageEnum, TransferStatusEnum } from '../transfer.js';

/** The drill-down records and breakdowns of the secretariat's outcomes (schema/outcomes/index.ts). */

export const SECRETARIAT = { secretariat: true } as const;
const gid = (type: string, id: string) => encodeGlobalID(type, id);

// ---------------------------------------------------------------- drill-down records

export const OutcomePlanRecord = builder.objectRef<OutcomePlanRow>('OutcomePlanRecord').implement({
  authScopes: SECRETARIAT,
  fields: (t) => ({
    planId: t.id({ description: 'Global id of the ActionPlan.', resolve: (r) => gid('ActionPlan', r.plan_id) }),
    networkId: t.id({ resolve: (r) => gid('Network', r.network_id) }),
    cityId: t.exposeID('city_id'),
    cityName: t.exposeString('city_name'),
    country: t.exposeString('country'),
    title: t.exposeString('title'),
    draftedOn: t.expose('drafted_on', { type: 'Date' }),
    endorsedOn: t.expose('endorsed_on', { type: 'Date', nullable: true }),
  }),
});

export const OutcomeActionRecord = builder.objectRef<OutcomeActionRow>('OutcomeActionRecord').implement({
  authScopes: SECRETARIAT,
  fields: (t) => ({
    actionId: t.id({ description: 'Global id of the PlanAction.', resolve: (r) => gid('PlanAction', r.action_id) }),
    planId: t.id({ resolve: (r) => gid('ActionPlan', r.plan_id) }),
    networkId: t.id({ resolve: (r) => gid('Network', r.network_id) }),
    cityId: t.exposeID('city_id'),
    country: t.exposeString('country'),
    title: t.exposeString('title'),
    phase: t.field({ type: ActionPhaseEnum, resolve: (r) => ActionPhase.parse(r.phase) }),
    status: t.field({ type: ActionStatusEnum, resolve: (r) => ActionStatus.parse(r.status) }),
    statusDate: t.expose('status_date', { type: 'Date' }),
    addedAfterEndorsement: t.boolean({ resolve: (r) => r.after_endorsement === 1 }),
  }),
});

export const OutcomeFundingRecord = builder.objectRef<OutcomeFundingRow>('OutcomeFundingRecord').implement({
  authScopes: SECRETARIAT,
  fields: (t) => ({
    fundingId: t.exposeID('funding_id'),
    actionId: t.id({ resolve: (r) => gid('PlanAction', r.action_id) }),
    planId: t.id({ resolve: (r) => gid('ActionPlan', r.plan_id) }),
    networkId: t.id({ resolve: (r) => gid('Network', r.network_id) }),
    cityId: t.exposeID('city_id'),
    country: t.exposeString('country'),
    source: t.field({ type: FundingSourceEnum, resolve: (r) => r.source as never }),
    amount: t.field({ type: Money, resolve: (r) => money(r.amount_cents) }),
    programme: t.exposeString('programme'),
    date: t.expose('date', { type: 'Date' }),
  }),
});

export const OutcomeTransferRecord = builder.objectRef<OutcomeTransferRow>('OutcomeTransferRecord').implement({
  authScopes: SECRETARIAT,
  fields: (t) => ({
    transferId: t.id({ description: 'Global id of the Transfer.', resolve: (r) => gid('Transfer', r.transfer_id) }),
    networkId: t.id({ resolve: (r) => gid('Network', r.network_id) }),
    practiceTitle: t.exposeString('practice_title'),
    sourceCityId: t.exposeID('source_city_id'),
    receivingCityId: t.exposeID('receiving_city_id'),
    receivingCityName: t.exposeString('receiving_city_name'),
    country: t.exposeString('country', { description: 'Country of the receiving city.' }),
    stage: t.field({ type: TransferStageEnum, resolve: (r) => TransferStage.parse(r.stage) }),
    status: t.field({ type: TransferStatusEnum, resolve: (r) => r.status as never }),
    startedOn: t.expose('started_on', { type: 'Date' }),
    endedOn: t.expose('ended_on', { type: 'Date', nullable: true }),
  }),
});

export const OutcomePracticeRecord = builder.objectRef<OutcomePracticeRow>('OutcomePracticeRecord').implement({
  authScopes: SECRETARIAT,
  fields: (t) => ({
    practiceId: t.exposeID('practice_id'),
    networkId: t.id({ nullable: true, resolve: (r) => (r.network_id ? gid('Network', r.network_id) : null) }),
    cityId: t.exposeID('city_id'),
    country: t.exposeString('country'),
    title: t.exposeString('title'),
    labelYear: t.exposeInt('label_year', { nullable: true }),
    labelledOn: t.expose('labelled_on', { type: 'Date', nullable: true }),
  }),
});

export const OutcomeNeedRecord = builder.objectRef<OutcomeNeedRow>('OutcomeNeedRecord').implement({
  authScopes: SECRETARIAT,
  fields: (t) => ({
    learningNeedId: t.exposeID('need_id'),
    networkId: t.id({ resolve: (r) => gid('Network', r.network_id) }),
    cityId: t.exposeID('city_id'),
    country: t.exposeString('country'),
    kind: t.exposeString('kind'),
    status: t.exposeString('status'),
    raisedOn: t.expose('raised_on', { type: 'Date' }),
    addressedOn: t.expose('addressed_on', { type: 'Date', nullable: true }),
  }),
});

export const OutcomeMeetingRecord = builder.objectRef<OutcomeMeetingRow>('OutcomeMeetingRecord').implement({
  authScopes: SECRETARIAT,
  fields: (t) => ({
    meetingId: t.exposeID('meeting_id'),
    networkId: t.id({ resolve: (r) => gid('Network', r.network_id) }),
    kind: t.exposeString('kind'),
    title: t.exposeString('title'),
    hostCityId: t.exposeID('host_city_id', { nullable: true }),
    startDate: t.expose('start_date', { type: 'Date' }),
    participants: t.exposeInt('participants'),
  }),
});

export const OutcomeAttendanceRecord = builder.objectRef<OutcomeAttendanceRow>('OutcomeAttendanceRecord').implement({
  authScopes: SECRETARIAT,
  description: 'Participants of one held meeting from one country.',
  fields: (t) => ({
    meetingId: t.exposeID('meeting_id'),
    networkId: t.id({ resolve: (r) => gid('Network', r.network_id) }),
    country: t.exposeString('country'),
    startDate: t.expose('start_date', { type: 'Date' }),
    participants: t.exposeInt('participants'),
  }),
});

export const OutcomeNewcomerRecord = builder.objectRef<OutcomePartnerRow>('OutcomeNewcomerRecord').implement({
  authScopes: SECRETARIAT,
  fields: (t) => ({
    cityId: t.exposeID('city_id'),
    name: t.exposeString('name'),
    country: t.exposeString('country'),
    networkId: t.id({ resolve: (r) => gid('Network', r.network_id) }),
    joinedOn: t.expose('joined_on', { type: 'Date' }),
  }),
});

export const OutcomeStakeholderRecord = builder.objectRef<OutcomeStakeholderRow>('OutcomeStakeholderRecord').implement({
  authScopes: SECRETARIAT,
  fields: (t) => ({
    localGroupId: t.exposeID('group_id'),
    stakeholderId: t.exposeInt('stakeholder_id'),
    networkId: t.id({ resolve: (r) => gid('Network', r.network_id) }),
    cityId: t.exposeID('city_id'),
    country: t.exposeString('country'),
    name: t.exposeString('name'),
    helix: t.exposeString('helix'),
    planned: t.boolean({ resolve: (r) => r.planned === 1 }),
    addedOn: t.expose('added_on', { type: 'Date' }),
  }),
});

// ---------------------------------------------------------------- breakdowns

export const PhaseCount = builder.objectRef<{ phase: string; count: number }>('ActionPhaseCount').implement({
  fields: (t) => ({ phase: t.field({ type: ActionPhaseEnum, resolve: (r) => ActionPhase.parse(r.phase) }), count: t.exposeInt('count') }),
});
export const StatusCount = builder.objectRef<{ status: string; count: number }>('ActionStatusCount').implement({
  fields: (t) => ({ status: t.field({ type: ActionStatusEnum, resolve: (r) => ActionStatus.parse(r.status) }), count: t.exposeInt('count') }),
});
export const PhaseStatusCount = builder.objectRef<{ phase: string; status: string; count: number }>('ActionPhaseStatusCount').implement({
  fields: (t) => ({
    phase: t.field({ type: ActionPhaseEnum, resolve: (r) => ActionPhase.parse(r.phase) }),
    status: t.field({ type: ActionStatusEnum, resolve: (r) => ActionStatus.parse(r.status) }),
    count: t.exposeInt('count'),
  }),
});
export const StageCount = builder.objectRef<{ stage: string; count: number }>('TransferStageCount').implement({
  fields: (t) => ({ stage: t.field({ type: TransferStageEnum, resolve: (r) => TransferStage.parse(r.stage) }), count: t.exposeInt('count') }),
});
export const CountryParticipants = builder.objectRef<{ country: string; participants: number; meetings: number }>('ParticipantsByCountry').implement({
  fields: (t) => ({ country: t.exposeString('country'), participants: t.exposeInt('participants'), meetings: t.exposeInt('meetings') }),
});
export const CountryCities = builder.objectRef<{ country: string; cities: number }>('NewcomersByCountry').implement({
  fields: (t) => ({ country: t.exposeString('country'), cities: t.exposeInt('cities') }),
});
export const HelixCount = builder.objectRef<{ helix: string; stakeholders: number; planned: number; share: number | null }>('HelixComposition').implement({
  fields: (t) => ({
    helix: t.exposeString('helix', { description: 'public, private, knowledge or civilSociety (the quadruple helix).' }),
    stakeholders: t.exposeInt('stakeholders'),
    planned: t.exposeInt('planned', { description: 'Of which envisaged rather than already involved.' }),
    share: t.exposeFloat('share', { nullable: true, description: 'Share of all stakeholders in scope, 0 to 1.' }),
  }),
});

