import { z } from 'zod';
import { ActionPhase, ActionStatus, FundingSource, PlanActionTextField, PlannedFunding } from '../../domain/actionPlan/events.js';
import type { FundingSecuredRow, PlanActionRow, StatusChangeRow } from '../../projections/actionPlan/actionPlans.js';
import { findActions, fundingOfAction, statusHistory } from '../../projections/actionPlan/queries.js';
import { sourceOf } from '../asOf.js';
import { builder } from '../builder.js';
import { enumOf } from '../inputs.js';
import { rowNode } from '../loaders.js';
import { classOf, Fund, FundingChannel, FundingInstrument } from '../../domain/actionPlan/funding.js';
import { FundEnum, FundingChannelEnum, FundingInstrumentEnum, FundingSourceEnum, Money, money } from '../money.js';
import { heldByPlanReadScopes } from './access.js';
import { languageFields, textInLanguageFields } from '../language.js';
import { DatePrecisionEnum } from '../meeting.js';
import { DatePrecision } from '../../domain/shared/values.js';

export const ActionPhaseEnum = enumOf(ActionPhase, 'ActionPhase');
export const ActionStatusEnum = enumOf(ActionStatus, 'ActionStatus');
enumOf(PlanActionTextField, 'PlanActionTextField', { description: 'A text of a plan action that a person writes, kept in its language.' });

const PlannedFundingLine = builder.objectRef<z.infer<typeof PlannedFunding>>('PlannedFunding').implement({
  fields: (t) => ({
    source: t.field({ type: FundingSourceEnum, resolve: (r) => r.source }),
    fund: t.field({ type: FundEnum, description: 'Whose money: ERDF also for UIA and URBACT money.', resolve: (r) => classOf(r).fund }),
    channel: t.field({ type: FundingChannelEnum, nullable: true, description: 'The programme it comes through, when known.', resolve: (r) => classOf(r).channel }),
    instrument: t.field({ type: FundingInstrumentEnum, resolve: (r) => classOf(r).instrument }),
    amount: t.field({ type: Money, resolve: (r) => money(r.amountCents) }),
    programme: t.exposeString('programme'),
  }),
});

const StatusChange = builder.objectRef<StatusChangeRow>('ActionStatusChange').implement({
  fields: (t) => ({
    from: t.field({ type: ActionStatusEnum, resolve: (r) => ActionStatus.parse(r.from_status) }),
    to: t.field({ type: ActionStatusEnum, resolve: (r) => ActionStatus.parse(r.to_status) }),
    date: t.expose('date', { type: 'Date' }),
    note: t.exposeString('note'),
  }),
});

const FundingSecuredRecord = builder.objectRef<FundingSecuredRow>('FundingSecured').implement({
  description: 'Money secured for an action.',
  fields: (t) => ({
    fundingId: t.exposeID('id'),
    source: t.field({ type: FundingSourceEnum, resolve: (r) => FundingSource.parse(r.source) }),
    fund: t.field({ type: FundEnum, description: 'Whose money: ERDF also for UIA and URBACT money.', resolve: (r) => Fund.parse(r.fund) }),
    channel: t.field({
      type: FundingChannelEnum,
      nullable: true,
      description: 'The programme it came through, when known.',
      resolve: (r) => (r.channel === null ? null : FundingChannel.parse(r.channel)),
    }),
    instrument: t.field({ type: FundingInstrumentEnum, resolve: (r) => FundingInstrument.parse(r.instrument) }),
    amount: t.field({ type: Money, resolve: (r) => money(r.amount_cents) }),
    programme: t.exposeString('programme'),
    date: t.expose('date', { type: 'Date', description: 'The day secured; when datePrecision is month or year, the last day of that month or year.' }),
    datePrecision: t.field({
      type: DatePrecisionEnum,
      description: 'How exactly the date is known.',
      resolve: (r) => DatePrecision.parse(r.date_precision ?? 'day'),
    }),
    dateWording: t.exposeString('date_wording', { nullable: true, description: 'The date as the source words it.' }),
    note: t.exposeString('note'),
  }),
});

export const PlanAction = rowNode(builder.objectRef<PlanActionRow>('PlanAction'), 'actionId', findActions, {
  description: 'An action of an Integrated Action Plan.',
  authScopes: (row, context) => heldByPlanReadScopes(sourceOf(row, context), row),
  fields: (t) => ({
    planId: t.exposeID('plan_id'),
    ...textInLanguageFields(t, 'title'),
    clusterKey: t.exposeString('cluster_key'),
    phase: t.field({ type: ActionPhaseEnum, resolve: (r) => ActionPhase.parse(r.phase) }),
    summary: t.exposeString('summary'),
    ...languageFields(t, 'summary'),
    budget: t.field({ type: Money, nullable: true, resolve: (r) => (r.budget_cents === null ? null : money(r.budget_cents)) }),
    responsibleBody: t.exposeString('responsible_body'),
    plannedFunding: t.field({
      type: [PlannedFundingLine],
      resolve: (r) => z.array(PlannedFunding).parse(JSON.parse(r.funding)),
    }),
    status: t.field({ type: ActionStatusEnum, resolve: (r) => ActionStatus.parse(r.status) }),
    statusDate: t.expose('status_date', { type: 'Date', nullable: true }),
    statusHistory: t.field({
      type: [StatusChange],
      resolve: (r, _args, context) => statusHistory(sourceOf(r, context), r.id),
    }),
    addedAt: t.expose('added_at', { type: 'DateTime' }),
    addedAfterEndorsement: t.boolean({
      description: 'Added after the city council endorsed the plan: plans are living documents.',
      resolve: (r) => r.added_after_endorsement === 1,
    }),
    securedFunding: t.field({ type: Money, resolve: (r) => money(r.secured_cents) }),
    fundingSecured: t.field({
      type: [FundingSecuredRecord],
      resolve: (r, _args, context) => fundingOfAction(sourceOf(r, context), r.id),
    }),
  }),
});
