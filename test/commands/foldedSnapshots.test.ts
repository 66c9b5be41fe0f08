import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { marketplaceDecider, type MarketplaceCommand } from '../../domain/marketplace/decider.js';
import { systemActor } from '../../src/auth/actor.js';
import { FoldedSnapshots } from '../../src/commands/foldedSnapshots.js';
import { CommandHandler } from '../../src/commands/handleCommand.js';
import type { EventData, EventStore } from '../../src/eventStore/port.js';
import { SqliteEventStore } from '../../src/eventStore/sqlite.js';
import { countingReads } from '../support/countingStore.js';

/**
 * Folded state kept on disk: the first command after a start reads the session's snapshot and the
 * events after it, not the whole stream, and decides exactly as a fold from the log would.
 */

const PRACTICE = '01HZZZZZZZZZZZZZZZZZZZZZZP';
const SESSION = 'marketplace-01HSESS10NZZZZZZZZZZZZZZZZ';
const options = { actor: systemActor };

const event = (type: string, data: unknown): EventData => {
  const id = randomUUID();
  return { id, type, data, metadata: { actor: 'system', recordedAt: '2024-01-01T00:00:00Z', occurredAt: '2024-01-01T00:00:00Z', commandId: id, correlationId: id, causationId: id } };
};
const opened = event('MarketplaceSessionOpened', { title: 'Fair', description: '', networkIds: [], otherCountryOnly: false, heldOn: null, place: '', scope: 'programme' });
const offerPosted = (i: number, practiceId: string | null = null) =>
  event('MarketplaceOfferPosted', {
    offerId: `01HOFFER${String(i).padStart(18, '0')}`,
    cityId: `city${i}-it`,
    cityName: `City ${i}`,
    country: 'IT',
    networkId: null,
    kind: practiceId ? 'practice' : 'experience',
    practiceId,
    title: `Experience ${i}`,
    description: 'What the city learnt',
    topics: [],
    contact: null,
  });

const postOffer = (offerId: string, practiceId: string | null = null): MarketplaceCommand => ({
  type: 'PostOffer',
  data: {
    offerId,
    cityId: 'gdansk-pl',
    practiceId,
    title: practiceId ? null : 'Citizens panels',
    description: practiceId ? null : 'Deliberation',
    topics: [],
    contact: null,
    participant: { name: 'Gdańsk', networkId: null },
    practice: practiceId
      ? { practiceId, cityId: 'gdansk-pl', title: 'Citizens panels', summary: 'Deliberation', topics: [], contact: null, withdrawn: false }
      : null,
  },
});

describe('folded state kept on disk between starts', () => {
  let dir: string;
  let store: SqliteEventStore;
  const opened_: FoldedSnapshots[] = [];
  const snapshotsOn = (file: string, on: EventStore = store) => {
    const snapshots = new FoldedSnapshots(file, on);
    opened_.push(snapshots);
    return snapshots;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-snapshots-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    // A session of 3,000 posts, the first offering a practice of the catalogue.
    await store.appendToStream(SESSION, [opened, offerPosted(0, PRACTICE), ...Array.from({ length: 2_999 }, (_, i) => offerPosted(i + 1))]);
  });
  afterEach(async () => {
    for (const snapshots of opened_.splice(0)) await snapshots.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads only the snapshot and the events after it on the first command after a start', async () => {
    const file = join(dir, 'folded.sqlite');
    const first = snapshotsOn(file);
    await new CommandHandler(store, undefined, first).handle(marketplaceDecider, SESSION, postOffer('01HNEWOFFER000000000000001'), options);
    await first.settled();
    // Meanwhile another process posts five more.
    await store.appendToStream(SESSION, Array.from({ length: 5 }, (_, i) => offerPosted(5_000 + i)));

    const { store: counted, eventsRead } = countingReads(store);
    const restarted = new CommandHandler(counted, undefined, snapshotsOn(file, counted));
    const posted = await restarted.handle(marketplaceDecider, SESSION, postOffer('01HNEWOFFER000000000000002'), options);
    expect(posted.revision).toBe(3_007n);
    expect(posted.state.posts.size).toBe(3_007);
    // The event the snapshot stands at (to check it is this log's), then the six after it: the
    // first process's post (the snapshot is of the state it decided on) and the five.
    expect(eventsRead()).toBe(7);
  });

  it("keeps the session's rules from a snapshot: a practice offered before it is refused, also when two processes race", async () => {
    const file = join(dir, 'folded.sqlite');
    const first = snapshotsOn(file);
    await new CommandHandler(store, undefined, first).load(marketplaceDecider, SESSION);
    await first.settled();
    const handlers = [new CommandHandler(store, undefined, snapshotsOn(file)), new CommandHandler(store, undefined, snapshotsOn(file))];
    await expect(handlers[0]!.handle(marketplaceDecider, SESSION, postOffer('01HNEWOFFER000000000000003', PRACTICE), options)).rejects.toMatchObject({
      code: 'PRACTICE_ALREADY_OFFERED',
    });
    // Another practice, offered by both processes at once: one offer only.
    const other = '01HZZZZZZZZZZZZZZZZZZZZZZQ';
    const results = await Promise.allSettled(
      ['01HNEWOFFER00000000000000A', '01HNEWOFFER00000000000000B', '01HNEWOFFER00000000000000C', '01HNEWOFFER00000000000000D'].map((id, i) =>
        handlers[i % 2]!.handle(marketplaceDecider, SESSION, postOffer(id, other), options),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const refused of results.filter((r) => r.status === 'rejected')) {
      expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: 'PRACTICE_ALREADY_OFFERED' });
    }
  });

  it("ignores a snapshot of another log's stream, folding this log's", async () => {
    const file = join(dir, 'folded.sqlite');
    const first = snapshotsOn(file);
    await new CommandHandler(store, undefined, first).load(marketplaceDecider, SESSION);
    await first.settled();
    // Another log with a stream of the same name and fewer posts (restored, or another installation).
    const otherDir = mkdtempSync(join(tmpdir(), 'ledger-snapshots-other-'));
    const otherStore = new SqliteEventStore(join(otherDir, 'events.sqlite'));
    try {
      await otherStore.appendToStream(SESSION, [opened, ...Array.from({ length: 10 }, (_, i) => offerPosted(i))]);
      copyFileSync(file, join(otherDir, 'folded.sqlite'));
      const loaded = await new CommandHandler(otherStore, undefined, snapshotsOn(join(otherDir, 'folded.sqlite'), otherStore)).load(marketplaceDecider, SESSION);
      expect(loaded.revision).toBe(10n);
      expect(loaded.state.posts.size).toBe(10);
      expect(loaded.state.openOfferOfPractice.size).toBe(0);
    } finally {
      for (const snapshots of opened_.splice(1)) await snapshots.close();
      await otherStore.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});
