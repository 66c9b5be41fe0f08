import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { networkDecider } from '../../domain/network/decider.js';
import { systemActor } from '../../src/auth/actor.js';
import { ConcurrencyConflictError } from '../../src/commands/errors.js';
import { CommandHandler, DependentCommand } from '../../src/commands/handleCommand.js';
import { EventStoreDbEventStore } from '../../src/eventStore/eventStoreDb.js';
import type { EventStore } from '../../src/eventStore/port.js';
import type { DomainEvent } from '../../domain/shared/decider.js';
import { EventStoreDbDouble } from '../eventStore/esdbDouble.js';
import { freshLogPerSpec, join_, register } from './fixtures.js';

/**
 * A command decided on another stream (a "depends on" declaration): here a city joins network A
 * under a name taken from how many partners network B has, read by `prepare`. A concurrent join
 * to B between the read and the append must refuse the append, and the command is decided again.
 */
const options = { actor: systemActor };

function scenario(store: EventStore) {
  const handler = new CommandHandler(store);
  let a = '';
  let b = '';
  const prepared: number[] = [];
  return {
    handler,
    streams: () => ({ a, b }),
    prepared,
    async setUp() {
      a = (await handler.handle(networkDecider, { create: 'network' }, register, options)).streamId;
      b = (await handler.handle(networkDecider, { create: 'network' }, register, options)).streamId;
    },
    /**
     * Reads B; `moveB` joins a city to B right after the read, as a concurrent request would.
     * `noteOnB` also appends to B, at the revision read, an event naming what was decided on A.
     */
    joinNamedAfterB(moveB: (attempt: number) => boolean, noteOnB = false) {
      return new DependentCommand(async () => {
        const read = await handler.load(networkDecider, b);
        const count = Object.keys(read.state.partners).length;
        prepared.push(count);
        if (moveB(prepared.length)) await handler.handle(networkDecider, b, join_(`b-${prepared.length}-it`), options);
        const note = (decided: readonly DomainEvent[]) => decided.map((event) => ({ type: 'JoinNoted', data: { decided: event.type, count } }));
        return { command: join_(`after-${count}-it`), dependsOn: [{ streamId: b, revision: read.revision, ...(noteOnB ? { append: note } : {}) }] };
      });
    },
  };
}

describe('commands that depend on another stream (SQLite: checked in the append transaction)', () => {
  const log = freshLogPerSpec();
  let s: ReturnType<typeof scenario>;
  beforeEach(async () => {
    s = scenario(log.store);
    await s.setUp();
  });

  it('checks the dependencies atomically with the append', () => {
    expect(s.handler.dependencyCheck).toBe('atomic');
  });

  it('appends when the stream it read has not moved', async () => {
    const joined = await s.handler.handle(networkDecider, s.streams().a, s.joinNamedAfterB(() => false), options);
    expect(Object.keys(joined.state.partners)).toEqual(['after-0-it']);
    expect(s.prepared).toEqual([0]);
  });

  it('decides again, on what the stream holds now, when it moved between the read and the append', async () => {
    const joined = await s.handler.handle(networkDecider, s.streams().a, s.joinNamedAfterB((attempt) => attempt === 1), options);
    expect(s.prepared).toEqual([0, 1]);
    expect(Object.keys(joined.state.partners)).toEqual(['after-1-it']);
    // The refused attempt wrote nothing: A holds its registration and one join.
    expect((await log.store.readStream(s.streams().a)).map((e) => e.type)).toEqual(['NetworkRegistered', 'PartnerJoined']);
  });

  it("retries a moved dependency even when the caller gave the target's expected revision", async () => {
    const joined = await s.handler.handle(networkDecider, s.streams().a, s.joinNamedAfterB((attempt) => attempt === 1), { ...options, expectedRevision: 0n });
    expect(Object.keys(joined.state.partners)).toEqual(['after-1-it']);
  });

  it('gives up with a ConcurrencyConflictError naming the dependency when it keeps moving, writing nothing', async () => {
    const refused = s.handler.handle(networkDecider, s.streams().a, s.joinNamedAfterB(() => true), options);
    await expect(refused).rejects.toBeInstanceOf(ConcurrencyConflictError);
    await expect(refused).rejects.toMatchObject({ streamId: s.streams().b });
    expect((await log.store.readStream(s.streams().a)).map((e) => e.type)).toEqual(['NetworkRegistered']);
  });

  it('answers a retry with the same idempotency key with the first result, its dependency checked once', async () => {
    const keyed = { ...options, idempotency: { key: 'join-after-b', fingerprint: 'f1' } };
    const first = await s.handler.handle(networkDecider, s.streams().a, s.joinNamedAfterB(() => false), keyed);
    const retried = await s.handler.handle(networkDecider, s.streams().a, s.joinNamedAfterB(() => false), keyed);
    expect(retried).toMatchObject({ replayed: true, revision: first.revision });
    expect((await log.store.readStream(s.streams().a)).map((e) => e.type)).toEqual(['NetworkRegistered', 'PartnerJoined']);
  });

  const typesAndData = async (streamId: string) => (await log.store.readStream(streamId)).map((e) => (e.type === 'JoinNoted' ? e.data : e.type));

  it("appends a dependency's own events with the command's", async () => {
    await s.handler.handle(networkDecider, s.streams().a, s.joinNamedAfterB(() => false, true), options);
    expect(await typesAndData(s.streams().b)).toEqual(['NetworkRegistered', { decided: 'PartnerJoined', count: 0 }]);
  });

  it("writes a refused attempt's dependency events nowhere: only the attempt decided again appends them", async () => {
    await s.handler.handle(networkDecider, s.streams().a, s.joinNamedAfterB((attempt) => attempt === 1, true), options);
    expect(await typesAndData(s.streams().b)).toEqual(['NetworkRegistered', 'PartnerJoined', { decided: 'PartnerJoined', count: 1 }]);
    expect(await typesAndData(s.streams().a)).toEqual(['NetworkRegistered', 'PartnerJoined']);
  });

  it('refuses a dependency on a stream that did not exist when read and exists now', async () => {
    const ghost = 'network-01JGHOST0000000000000000000';
    let attempts = 0;
    const command = new DependentCommand(async () => {
      attempts++;
      const read = await log.store.streamRevision(ghost);
      if (attempts === 1) await s.handler.handle(networkDecider, ghost, register, options);
      return { command: join_(`seen-${read === undefined ? 'none' : 'some'}-it`), dependsOn: [{ streamId: ghost, revision: read }] };
    });
    const joined = await s.handler.handle(networkDecider, s.streams().a, command, options);
    expect(Object.keys(joined.state.partners)).toEqual(['seen-some-it']);
  });
});

/** A store that runs `after` once, right after the next append to `streamId` (within the window). */
function withAppendHook(store: EventStore) {
  let hook: { streamId: string; after: () => Promise<unknown> } | undefined;
  const proxy = new Proxy(store, {
    get(target, property) {
      if (property === 'appendToStream') {
        return async (...args: Parameters<EventStore['appendToStream']>) => {
          const appended = await target.appendToStream(...args);
          const held = hook;
          if (held && held.streamId === args[0]) {
            hook = undefined;
            await held.after();
          }
          return appended;
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: proxy, afterNextAppendTo: (streamId: string, after: () => Promise<unknown>) => (hook = { streamId, after }) };
}

describe('commands that depend on another stream (EventStoreDB: checked right before the append)', () => {
  let double: EventStoreDbDouble;
  let store: EventStoreDbEventStore;
  let hooked: ReturnType<typeof withAppendHook>;
  let s: ReturnType<typeof scenario>;
  beforeEach(async () => {
    double = await EventStoreDbDouble.start();
    store = new EventStoreDbEventStore(double.connectionString);
    hooked = withAppendHook(store);
    s = scenario(hooked.store);
    await s.setUp();
  });
  afterEach(async () => {
    await store.close();
    await double.stop();
  });

  it('says the check is made before the append, not in it', () => {
    expect(s.handler.dependencyCheck).toBe('beforeAppend');
  });

  it('decides again when the stream it read moved before the append', async () => {
    const joined = await s.handler.handle(networkDecider, s.streams().a, s.joinNamedAfterB((attempt) => attempt === 1), options);
    expect(s.prepared).toEqual([0, 1]);
    expect(Object.keys(joined.state.partners)).toEqual(['after-1-it']);
  });

  it("appends a dependency's own events right after the command's", async () => {
    await s.handler.handle(networkDecider, s.streams().a, s.joinNamedAfterB(() => false, true), options);
    const onB = await store.readStream(s.streams().b);
    expect(onB.map((e) => e.type)).toEqual(['NetworkRegistered', 'JoinNoted']);
    const onA = await store.readStream(s.streams().a);
    expect(onA.at(-1)!.position.commit < onB.at(-1)!.position.commit).toBe(true);
  });

  it("answers a conflict on the dependency when it moved between the command's append and its own: the command's events stay", async () => {
    hooked.afterNextAppendTo(s.streams().a, () => s.handler.handle(networkDecider, s.streams().b, join_('meanwhile-it'), options));
    const refused = s.handler.handle(networkDecider, s.streams().a, s.joinNamedAfterB(() => false, true), options);
    await expect(refused).rejects.toBeInstanceOf(ConcurrencyConflictError);
    await expect(refused).rejects.toMatchObject({ streamId: s.streams().b });
    expect((await store.readStream(s.streams().a)).map((e) => e.type)).toEqual(['NetworkRegistered', 'PartnerJoined']);
    expect((await store.readStream(s.streams().b)).map((e) => e.type)).toEqual(['NetworkRegistered', 'PartnerJoined']);
  });
});
