import { AsOfArg } from './journeySupport.js';
import { FundingSource } from '../domain/actionPlan/events.js';
import { InvestmentLine } from '../domain/transfer/decider.js';
import { TransferStage } from '../domain/transfer/events.js';
import { findTransfer, findTransfers, listTransfers, transferHistory } from '../projections/transfer/queries.js';
import type { TransferHistoryRow, TransferRow } from '../projections/transfer/transfers.js';
import {
  abandonTransfer,
  advanceTransferStage,
  assessTransferReadiness,
  completeTransfer,
  recordTransferMilestone,
  startTransfer,
  submitInvestmentPlan,
  submitTransferPlan,
} from '../src/application/transfer.js';
import { entityField, pageFrom, readModelsAsOf, sourceOf } from './asOf.js';
import { builder, type Context } from './builder.js';
import { networkOrCity, networkOrCityArgs } from './journeySupport.js';
import { commandMutation, entityPayload } from './command.js';
import { enumOf, inputName } from './inputs.js';
import { rowNode } from './loaders.js';
import { FundingSourceEnum, Money, money } from './money.js';
import { Network, networkOfRow } from './network.js';

export const TransferStageEnum = enumOf(TransferStage, 'TransferStage', {
  description: 'Understand, Adapt, Re-use: in this order, no skipping, no going back.',
});
export const TransferStatusEnum = builder.enumType('TransferStatus', { values: ['inProgress', 'completed', 'abandoned'] as const });
const HistoryKindEnum = builder.enumType('TransferHistoryKind', {
  values: ['stage', 'milestone', 'transferPlan', 'investmentPlan', 'readiness', 'completed', 'abandoned'] as const,
});

/** Who may see and change a transfer: both cities' coordinators, the lead expert, the secretariat. */
function transferScopes(networkId: string, sourceCityId: string, receivingCityId: string) {
  return {
    secretariat: true,
    leadExpertOf: networkId,
    $any: { coordinatorOf: sourceCityId, $any: { coordinatorOf: receivingCityId } },
  };
}

/** The scopes of this transfer; the secretariat alone when there is no such transfer. */
function scopesOfTransfer(row: TransferRow | undefined) {
  return row ? transferScopes(row.network_id, row.source_city_id, row.receiving_city_id) : { secretariat: true };
}

const TransferCity = builder.objectRef<{ cityId: string; name: string; country: string }>('TransferCity').implement({
  fields: (t) => ({ cityId: t.exposeID('cityId'), name: t.exposeString('name'), country: t.exposeString('country') }),
});

const GoodPracticeRef = builder.objectRef<{ practiceId: string | null; title: string }>('TransferredPractice').implement({
  description: 'The good practice transferred, as the marketplace names it (its id when known, and its title).',
  fields: (t) => ({ practiceId: t.exposeID('practiceId', { nullable: true }), title: t.exposeString('title') }),
});

const InvestmentPlanLine = builder.objectRef<{ source: string; amountCents: number }>('InvestmentPlanLine').implement({
  fields: (t) => ({
    source: t.field({ type: FundingSourceEnum, resolve: (r) => FundingSource.parse(r.source) }),
    amount: t.field({ type: Money, resolve: (r) => money(r.amountCents) }),
  }),
});

const TransferHistoryEntry = builder.objectRef<TransferHistoryRow>('TransferHistoryEntry').implement({
  description: 'A stage reached, a milestone, a transfer or investment plan, a readiness assessment, the end.',
  fields: (t) => ({
    kind: t.field({ type: HistoryKindEnum, resolve: (r) => r.kind }),
    date: t.expose('date', { type: 'Date' }),
    stage: t.field({ type: TransferStageEnum, resolve: (r) => TransferStage.parse(r.stage) }),
    title: t.exposeString('title'),
    note: t.exposeString('note'),
    score: t.exposeInt('score', { nullable: true, description: 'Readiness, 1 (not ready) to 5 (ready to re-use).' }),
    version: t.exposeInt('version', { nullable: true }),
    total: t.field({ type: Money, nullable: true, resolve: (r) => (r.total_cents === null ? null : money(r.total_cents)) }),
    sources: t.field({
      type: [InvestmentPlanLine],
      resolve: (r) => (r.sources ? (JSON.parse(r.sources) as { source: string; amountCents: number }[]) : []),
    }),
  }),
});

export const Transfer = rowNode(builder.objectRef<TransferRow>('Transfer'), 'transferId', findTransfers, {
  description: 'The transfer of a good practice from a source city to a receiving city.',
  authScopes: (row) => scopesOfTransfer(row),
  fields: (t) => ({
    network: t.field({ type: Network, nullable: true, resolve: networkOfRow }),
    practice: t.field({ type: GoodPracticeRef, resolve: (r) => ({ practiceId: r.practice_id, title: r.practice_title }) }),
    sourceCity: t.field({ type: TransferCity, resolve: (r) => ({ cityId: r.source_city_id, name: r.source_city_name, country: r.source_country }) }),
    receivingCity: t.field({
      type: TransferCity,
      resolve: (r) => ({ cityId: r.receiving_city_id, name: r.receiving_city_name, country: r.receiving_country }),
    }),
    stage: t.field({ type: TransferStageEnum, resolve: (r) => TransferStage.parse(r.stage) }),
    status: t.field({ type: TransferStatusEnum, resolve: (r) => r.status }),
    startedOn: t.expose('started_on', { type: 'Date' }),
    endedOn: t.expose('ended_on', { type: 'Date', nullable: true }),
    endNote: t.exposeString('end_note', { nullable: true, description: 'The closing note, or the reason it was abandoned.' }),
    readinessScore: t.exposeInt('readiness_score', { nullable: true, description: 'The latest readiness assessment, 1 to 5.' }),
    readinessDate: t.expose('readiness_date', { type: 'Date', nullable: true }),
    history: t.field({
      type: [TransferHistoryEntry],
      args: { kinds: t.arg({ type: [HistoryKindEnum], required: false }) },
      resolve: (r, args, context) => transferHistory(sourceOf(r, context), r.id, args.kinds ?? undefined),
    }),
    revision: t.exposeInt('revision'),
  }),
});

builder.queryFields((t) => ({
  transfer: entityField(t, { type: Transfer, find: findTransfer, authScopes: { authenticated: true } }),
  transfers: t.connection({
    type: Transfer,
    description: "Transfers of a network (its lead expert, secretariat) or of a city, as source or receiver (its coordinators).",
    args: {
      ...networkOrCityArgs(t.arg),
      status: t.arg({ type: TransferStatusEnum, required: false }),
      stage: t.arg({ type: TransferStageEnum, required: false }),
      asOf: t.arg({ type: 'DateTime', required: false, validate: AsOfArg }),
    },
    authScopes: (_root, args) => {
      const { networkId, cityId } = networkOrCity(args);
      return { secretariat: true, ...(networkId ? { leadExpertOf: networkId } : {}), ...(cityId ? { coordinatorOf: cityId } : {}) };
    },
    resolve: async (_root, args, context) => {
      const db = await readModelsAsOf(context, args.asOf);
      const filter = { ...networkOrCity(args), status: args.status ?? null, stage: args.stage ?? null };
      return pageFrom(db, args, (limit, offset) => listTransfers(db, filter, limit, offset));
    },
  }),
}));

const transferPayload = entityPayload('transfer', Transfer, findTransfer).payload;
const writersOfTransfer = ({ transferId }: { transferId: string }, context: Context) =>
  scopesOfTransfer(findTransfer(context.readModels, transferId));

inputName(InvestmentLine, 'InvestmentPlanLineInput');

commandMutation({
  useCase: startTransfer,
  description:
    'Starts the transfer of a good practice from a source city to a receiving city, both partners of a Transfer or Innovation Transfer network.',
  authScopes: ({ networkId, sourceCityId, receivingCityId }) => transferScopes(networkId, sourceCityId, receivingCityId),
  payload: transferPayload,
});

commandMutation({
  useCase: advanceTransferStage,
  description: 'Moves the transfer to its next stage: Understand, then Adapt, then Re-use.',
  authScopes: writersOfTransfer,
  payload: transferPayload,
});

commandMutation({
  useCase: recordTransferMilestone,
  description: 'Records a milestone of the transfer (a study visit, a ULG decision...).',
  authScopes: writersOfTransfer,
  payload: transferPayload,
});

commandMutation({
  useCase: submitTransferPlan,
  description: 'Submits (a new version of) the transfer plan, from the Adapt stage on.',
  authScopes: writersOfTransfer,
  payload: transferPayload,
});

commandMutation({
  useCase: submitInvestmentPlan,
  description: 'Submits (a new version of) the investment plan of an innovation transfer, from the Adapt stage on.',
  authScopes: writersOfTransfer,
  payload: transferPayload,
});

commandMutation({
  useCase: assessTransferReadiness,
  description: 'Records a readiness assessment of the receiving city, 1 (not ready) to 5 (ready to re-use).',
  authScopes: writersOfTransfer,
  payload: transferPayload,
});

commandMutation({
  useCase: completeTransfer,
  description: 'Completes the transfer, in the Re-use stage, once its plans are in.',
  authScopes: writersOfTransfer,
  payload: transferPayload,
});

commandMutation({
  useCase: abandonTransfer,
  description: 'Abandons the transfer, with a reason.',
  authScopes: writersOfTransfer,
  payload: transferPayload,
});
