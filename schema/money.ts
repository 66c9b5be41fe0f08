import { FundingSource } from '../domain/actionPlan/events.js';
import { CHANNELS, type ChannelEntry, Fund, type FundEntry, FundingChannel, FundingInstrument, FUNDS } from '../domain/actionPlan/funding.js';
import { centsToEuros } from '../domain/actionPlan/money.js';
import { builder } from './builder.js';
import { enumOf } from './inputs.js';

/** Money and where it comes from: plans' budgets and funding, transfers' investment plans, outcomes. */

/** Money: integer cents as a string (exact beyond 2^31) and the same amount in euros. */
export const Money = builder.objectRef<{ cents: number | bigint }>('Money').implement({
  description: 'An amount in euros. Sums are exact: integer cents, never floating point.',
  fields: (t) => ({
    cents: t.string({ description: 'Integer euro cents, as a string.', resolve: (m) => BigInt(m.cents).toString() }),
    euros: t.string({ description: 'Decimal euros with two decimals, e.g. "1500000.00".', resolve: (m) => centsToEuros(m.cents) }),
    currency: t.string({ resolve: () => 'EUR' }),
  }),
});
export const money = (cents: number | bigint | null | undefined) => ({ cents: cents ?? 0 });

export const FundingSourceEnum = enumOf(FundingSource, 'FundingSource', {
  description: 'ESF, ERDF, UIA, national, private, or other (EU research programmes such as Horizon 2020: named in programme).',
});

export const SourceAmount = builder.objectRef<{ source: string; cents: number; count?: number }>('FundingBySource').implement({
  fields: (t) => ({
    source: t.field({ type: FundingSourceEnum, resolve: (r) => FundingSource.parse(r.source) }),
    amount: t.field({ type: Money, resolve: (r) => money(r.cents) }),
    records: t.int({ description: 'How many funding records make up the amount.', resolve: (r) => r.count ?? 0 }),
  }),
});

// ------------------------------------------------------------------ fund, channel, instrument

export const FundEnum = enumOf(Fund, 'Fund', { description: 'Whose money it is in the end (see fundingReferenceList).' });
export const FundingChannelEnum = enumOf(FundingChannel, 'FundingChannel', {
  description: 'The programme or initiative money came through (see fundingReferenceList).',
});
export const FundingInstrumentEnum = enumOf(FundingInstrument, 'FundingInstrument', { description: 'How money is given.' });

export const ClassAmount = builder.objectRef<{ key: string; cents: number; count: number }>('FundingAmount').implement({
  description: 'Funding secured for one fund or channel.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The fund or channel (a value of Fund or FundingChannel).' }),
    amount: t.field({ type: Money, resolve: (r) => money(r.cents) }),
    records: t.exposeInt('count', { description: 'How many funding records make up the amount.' }),
  }),
});

const FundReference = builder.objectRef<FundEntry>('FundReference').implement({
  fields: (t) => ({
    fund: t.field({ type: FundEnum, resolve: (r) => r.fund }),
    label: t.exposeString('label'),
    description: t.exposeString('description'),
  }),
});

const ChannelReference = builder.objectRef<ChannelEntry>('FundingChannelReference').implement({
  fields: (t) => ({
    channel: t.field({ type: FundingChannelEnum, resolve: (r) => r.channel }),
    label: t.exposeString('label'),
    fund: t.field({ type: FundEnum, nullable: true, description: 'The fund all its money is; null when it carries several.', resolve: (r) => r.fund }),
    description: t.exposeString('description'),
  }),
});

const FundingReferenceList = builder.objectRef<object>('FundingReferenceList').implement({
  description: 'The funds, channels and instruments funding is recorded and reported with.',
  fields: (t) => ({
    funds: t.field({ type: [FundReference], resolve: () => [...FUNDS] }),
    channels: t.field({ type: [ChannelReference], resolve: () => [...CHANNELS] }),
    instruments: t.field({ type: [FundingInstrumentEnum], resolve: () => [...FundingInstrument.options] }),
  }),
});

builder.queryField('fundingReferenceList', (t) =>
  t.field({
    type: FundingReferenceList,
    description: 'The secretariat\'s reference list of funds and channels (which fund each channel is).',
    authScopes: { public: true },
    resolve: () => ({}),
  }),
);
