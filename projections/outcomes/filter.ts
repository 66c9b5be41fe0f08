import { z } from 'zod';
import { NetworkKind } from '../../domain/network/events.js';
import { CountryCode, IsoDate, Moment, Ulid } from '../../domain/shared/values.js';

/**
 * The outcome filter, validated the same way for GraphQL and the CSV export. `networkId` is how
 * a transport names a network: the export takes the bare id, GraphQL also the global id.
 */
export function outcomeFilterSchema(networkId: z.ZodType<string, string>) {
  return z
    .object({
      networkId: networkId.nullish().describe('One network: its figures only ("Outcomes of BoostInno"); `networks(name:)` finds its id.'),
      kind: NetworkKind.nullish(),
      theme: z.string().trim().max(100, 'must be at most 100 characters').nullish().describe('Part of the theme of the networks, or one of their topics.'),
      country: CountryCode.nullish().describe('The country of the partner a record belongs to: ISO 3166-1 alpha-2 code, e.g. IT.'),
      from: IsoDate.nullish().describe("First day of the period (inclusive): records by their own date (see each figure)."),
      to: IsoDate.nullish().describe('Last day of the period (inclusive).'),
    })
    .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'from must not be after to', path: ['to'] });
}

export const OutcomeFilterSchema = outcomeFilterSchema(Ulid);
export type OutcomeFilterInput = z.output<typeof OutcomeFilterSchema>;

/** Query-string parameters of GET /export/outcomes.csv: the filter plus asOf. */
export const OutcomeExportParams = OutcomeFilterSchema.and(z.object({ asOf: Moment.nullish() }));

/**
 * The moment an outcome answer is read at. Outcome facts are dated by day (a plan's endorsement,
 * a funding's date, an action's status date), and that date is their time in the world: a period
 * ending on day D and "as of" any moment of day D both read the read models' history at the end of
 * D and count what is dated up to D, so both give the same figures, for every figure. Without
 * either, the figures as they stand.
 */
export function outcomePeriod(filter: OutcomeFilterInput, asOf?: string | null): { readonly to: string | null; readonly worldTime?: string } {
  const asOfDay = asOf ? new Date(asOf).toISOString().slice(0, 10) : undefined;
  const to = [filter.to ?? undefined, asOfDay].filter((day): day is string => day !== undefined).sort()[0];
  return to === undefined ? { to: null } : { to, worldTime: `${to}T23:59:59.999Z` };
}
