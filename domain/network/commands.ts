import { z } from 'zod';
import { IsoDate, OptionalText, Subject, Text, Topics } from '../shared/values.js';
import { NetworkKind } from './events.js';

export const RegisterNetwork = z
  .object({
    name: Text(200),
    kind: NetworkKind,
    theme: Text(300),
    topics: Topics.default([]),
    startDate: IsoDate,
    endDate: IsoDate,
  })
  .refine((c) => c.endDate > c.startDate, { message: 'endDate must be after startDate', path: ['endDate'] });

export const AssignLeadExpert = z.object({
  subject: Subject,
  name: Text(200),
});

export const CloseNetwork = z.object({
  reason: OptionalText(1000).default(''),
});

export type NetworkCommand =
  | { type: 'RegisterNetwork'; data: z.output<typeof RegisterNetwork> }
  | { type: 'AssignLeadExpert'; data: z.output<typeof AssignLeadExpert> }
  | { type: 'CloseNetwork'; data: z.output<typeof CloseNetwork> };
