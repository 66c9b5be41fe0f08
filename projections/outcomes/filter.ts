import { z } from 'zod';
import { NetworkKind } from '../../domain/network/events.js';
import { CountryCode, IsoDate, IsoDateTime } from '../../domain/shared/values.js';

/** The outcome filter, validated the same way for GraphQL and the CSV export. */
export const OutcomeFilterSchema = z
  .object({
    kind: NetworkKind.nullish(),
    theme: z.string().trim().max(100, 'must be at most 100 characters').nullish(),
    country: CountryCode.nullish(),
    from: IsoDate.nullish(),
    to: IsoDate.nullish(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'from must not be after to', path: ['to'] });
export type OutcomeFilterInput = z.output<typeof OutcomeFilterSchema>;

/** Query-string parameters of GET /export/outcomes.csv: the filter plus asOf. */
export const OutcomeExportParams = OutcomeFilterSchema.and(z.object({ asOf: IsoDateTime.nullish() }));
