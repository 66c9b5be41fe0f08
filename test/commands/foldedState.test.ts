import { describe, expect, it } from 'vitest';
import { marketplaceDecider, type MarketplaceCommand } from '../../domain/marketplace/decider.js';
import { networkDecider } from '../../domain/network/decider.js';
import { RuleViolationError } from '../../domain/shared/errors.js';
import { systemActor } from '../../src/auth/actor.js';
import { CommandHandler } from '../../src/commands/handleCommand.js';
import type { EventStore, ReadStreamOptions } from '../../src/eventStore/port.js';
import { countingReads } from '../support/countingStore.js';
import { freshLogPerSpec, join_, register } from './fixtures.js';

const open: MarketplaceCommand = {
  type: 'OpenSession',
  data: { title: 'Fair', description: '', networkIds: [], otherCountryOnly: false, heldOn: null, place: '', networks: {} },
};
const offerPractice = (offerId: string): MarketplaceCommand => ({
  type: 'PostOffer',
  data: {
    offerId,
    cityId: 'gdansk-pl',
    practiceId: '01HZZZZZZZZZZZZZZZZZZZZZZP',
    title: null,
    description: null,
    topics: [],
    contact: null,
    participant: { name: 'Gdańsk', networkId: null },
    practice: {
      practiceId: '01HZZZZZZZZZZZZZZZZZZZZZZP',
      cityId: 'gdansk-pl',
      title: 'Citizens panels',
      summary: 'Deliberation',
      topics: [],
      contact: null,
      withdrawn: false,
    },
  },
});

describe('commands on long streams', () => {
  const log = freshLogPerSpec();
  const options = { actor: systemActor };

  it('reads only the events appended since the state it folded, not the whole stream', async () => {
    const { store: counted, eventsRead } = countingReads(log.store);
    const handler = new CommandHandler(counted);
    const created = await handler.handle(networkDecider, { create: 'network' }, register, options);
    for (let i = 0; i < 300; i++) await handler.handle(networkDecider, created.streamId, join_(`city${i}-it`), options);
    const before = eventsRead();
    const joined = await handler.handle(networkDecider, created.streamId, join_('last-it'), options);
    expect(joined.revision).toBe(301n);
    expect(Object.keys(joined.state.partners)).toHaveLength(301);
    expect(eventsRead() - before).toBeLessThanOrEqual(1);
  });

  it('reads each stream once per command: a use case that loaded the aggregate does not make the handler read it again', async () => {
    const reads: string[] = [];
    const counted = Object.assign(Object.create(Object.getPrototypeOf(log.store)) as EventStore, log.store, {
      readStream: (streamId: string, options?: ReadStreamOptions) => {
        reads.push(streamId);
        return log.store.readStream(streamId, options);
      },
    });
    const handler = new CommandHandler(counted);
    const created = await handler.handle(networkDecider, { create: 'network' }, register, options);
    expect(reads).toEqual([]);
    await handler.load(networkDecider, created.streamId);
    const joined = await handler.handle(networkDecider, created.streamId, join_('torino-it'), options);
    expect(joined.revision).toBe(1n);
    expect(reads).toEqual([created.streamId]);
  });

  it('decides on the events another process appended meanwhile', async () => {
    const mine = new CommandHandler(log.store);
    const other = new CommandHandler(log.store);
    const created = await mine.handle(networkDecider, { create: 'network' }, register, options);
    await mine.handle(networkDecider, created.streamId, join_('torino-it'), options);
    await other.handle(networkDecider, created.streamId, join_('gdansk-pl'), options);
    await expect(mine.handle(networkDecider, created.streamId, join_('gdansk-pl'), options)).rejects.toBeInstanceOf(RuleViolationError);
    const loaded = await mine.load(networkDecider, created.streamId);
    expect(loaded.revision).toBe(2n);
    expect(Object.keys(loaded.state.partners).sort()).toEqual(['gdansk-pl', 'torino-it']);
  });

  it('recognises a retried request whose events lie before the state it folded', async () => {
    const handler = new CommandHandler(log.store);
    const created = await handler.handle(networkDecider, { create: 'network' }, register, options);
    const idempotency = { key: 'join-torino', fingerprint: 'f' };
    const first = await handler.handle(networkDecider, created.streamId, join_('torino-it'), { ...options, idempotency });
    for (let i = 0; i < 5; i++) await handler.handle(networkDecider, created.streamId, join_(`city${i}-it`), options);
    const retry = await handler.handle(networkDecider, created.streamId, join_('torino-it'), { ...options, idempotency });
    expect(retry).toMatchObject({ replayed: true, revision: first.revision });
    expect(await log.store.readStream(created.streamId)).toHaveLength(7);
  });

  it("keeps one open offer per practice and session when two cities' posts race", async () => {
    const handlers = [new CommandHandler(log.store), new CommandHandler(log.store)];
    const session = await handlers[0]!.handle(marketplaceDecider, { create: 'marketplace' }, open, options);
    await handlers[1]!.load(marketplaceDecider, session.streamId);
    const results = await Promise.allSettled(
      ['01HZZZZZZZZZZZZZZZZZZZZZZA', '01HZZZZZZZZZZZZZZZZZZZZZZB', '01HZZZZZZZZZZZZZZZZZZZZZZC', '01HZZZZZZZZZZZZZZZZZZZZZZD'].map((id, i) =>
        handlers[i % 2]!.handle(marketplaceDecider, session.streamId, offerPractice(id), options),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const refused of results.filter((r) => r.status === 'rejected')) {
      expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: 'PRACTICE_ALREADY_OFFERED' });
    }
    const posted = (await log.store.readStream(session.streamId)).filter((e) => e.type === 'MarketplaceOfferPosted');
    expect(posted).toHaveLength(1);
  });
});
