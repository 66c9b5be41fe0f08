import { afterEach, describe, expect, it } from 'vitest';
import { calendarFeedsProjection } from '../../projections/calendarFeed/calendarFeeds.js';
import { findCalendarFeed, listCalendarFeedsOf } from '../../projections/calendarFeed/calendarFeeds.js';
import { incrementalAndRebuilt, type ProjectionHarness, type StreamEvent } from '../support/projectionSpec.js';

const owner = { subject: 'coordinator:torino', role: 'cityCoordinator', cityIds: ['torino-it'] };
const PHONE = '01JFEED0000000000000000001';
const LAPTOP = '01JFEED0000000000000000002';
const events: StreamEvent[] = [
  {
    streamId: `calendarFeed-${PHONE}`,
    type: 'CalendarFeedIssued',
    data: { scope: 'city', networkId: null, cityId: 'torino-it', label: 'Phone', owner },
    occurredAt: '2024-01-01T08:00:00.000Z',
  },
  {
    streamId: `calendarFeed-${LAPTOP}`,
    type: 'CalendarFeedIssued',
    data: { scope: 'person', networkId: null, cityId: null, label: 'Laptop', owner },
    occurredAt: '2024-02-01T08:00:00.000Z',
  },
  {
    streamId: `calendarFeed-${PHONE}`,
    type: 'CalendarFeedRevoked',
    data: { reason: 'phone lost', revokedBy: 'coordinator:torino' },
    occurredAt: '2024-03-01T08:00:00.000Z',
  },
];

describe('calendar feed projection', () => {
  let harness: ProjectionHarness | undefined;
  afterEach(async () => harness?.close());

  it('keeps who holds each feed and whether it still works; a rebuild equals the incremental run', async () => {
    const result = await incrementalAndRebuilt([calendarFeedsProjection], events, 1);
    harness = result.harness;
    expect(result.rebuilt).toEqual(result.incremental);
    expect(findCalendarFeed(harness.db, PHONE)).toMatchObject({
      scope: 'city',
      city_id: 'torino-it',
      owner_subject: 'coordinator:torino',
      issued_at: '2024-01-01T08:00:00.000Z',
      revoked_at: '2024-03-01T08:00:00.000Z',
      revoke_reason: 'phone lost',
      revision: 1,
    });
    expect(listCalendarFeedsOf(harness.db, 'coordinator:torino', false).map((f) => f.id)).toEqual([LAPTOP]);
    expect(listCalendarFeedsOf(harness.db, 'coordinator:torino', true).map((f) => f.id)).toEqual([LAPTOP, PHONE]);
    expect(listCalendarFeedsOf(harness.db, 'coordinator:gdansk', true)).toEqual([]);
  });
});
