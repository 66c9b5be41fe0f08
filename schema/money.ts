import { FundingSource } from '../domain/actionPlan/events.js';
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
