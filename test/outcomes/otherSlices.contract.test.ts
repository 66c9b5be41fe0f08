import { describe, expect, it } from 'vitest';
import { LearningNeedEventSchemas } from '../../domain/learningNeed/events.js';
import { LocalGroupEventSchemas } from '../../domain/localGroup/events.js';
import { MeetingEventSchemas } from '../../domain/meeting/events.js';
import { NetworkEventSchemas } from '../../domain/network/events.js';
import { PracticeEventSchemas } from '../../domain/practice/events.js';
import { ActionPlanEventSchemas } from '../../domain/actionPlan/events.js';
import { TransferEventSchemas } from '../../domain/transfer/events.js';
import { outcomeLocalGroupsProjection, outcomeMeetingsProjection, outcomeNeedsProjection, outcomePracticesProjection } from '../../projections/outcomes/exchange.js';
import { allEvents } from './fixtures.js';

/**
 * The outcome projections read other slices' events without importing their code: this checks
 * that the events they are tested with are valid events of those slices, and that every event
 * type they handle exists there, so a change of schema in another slice fails here.
 */
const schemas: Record<string, { safeParse(value: unknown): { success: boolean; error?: unknown } }> = {
  ...NetworkEventSchemas,
  ...LearningNeedEventSchemas,
  ...LocalGroupEventSchemas,
  ...MeetingEventSchemas,
  ...PracticeEventSchemas,
  ...ActionPlanEventSchemas,
  ...TransferEventSchemas,
};

describe("the outcome projections and the other slices' events", () => {
  it('handle only event types those slices define', () => {
    for (const projection of [outcomeNeedsProjection, outcomeMeetingsProjection, outcomeLocalGroupsProjection, outcomePracticesProjection]) {
      for (const type of projection.handles) expect(Object.keys(schemas), `${projection.name}: ${type}`).toContain(type);
    }
  });

  it('are tested with events valid under those slices\' schemas', () => {
    for (const event of allEvents) {
      const schema = schemas[event.type];
      expect(schema, event.type).toBeDefined();
      const parsed = schema!.safeParse(event.data);
      expect(parsed.success, `${event.type}: ${JSON.stringify(parsed.error)}`).toBe(true);
    }
  });
});
