import { z } from 'zod';

/** Data subjects' ids are pseudonyms: `ds` and a ULID, never derived from what they identify. */
export const DataSubjectId = z
  .string()
  .trim()
  .regex(/^ds[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a data subject id such as ds01J9Z3X6Q8B2T5W7Y4N1M0K3PD');

export const DataSubjectEventSchemas = {
  /**
   * The subject's key was destroyed (GDPR art. 17): what the log holds of them reads as a
   * placeholder from now on. Records that erasure happened, not what was erased.
   */
  DataSubjectErased: z.object({ subjectId: DataSubjectId }),
} as const;

type Schemas = typeof DataSubjectEventSchemas;
export type DataSubjectEvent = { [K in keyof Schemas]: { type: K; data: z.infer<Schemas[K]> } }[keyof Schemas];
