import { beforeEach, describe, expect, it } from 'vitest';
import type { NetworkCommand } from '../../domain/network/decider.js';
import { networkDecider } from '../../domain/network/decider.js';
import { RuleViolationError } from '../../domain/shared/errors.js';
import { systemActor } from '../../src/auth/actor.js';
import { ConcurrencyConflictError, IdempotencyKeyReusedError } from '../../src/commands/errors.js';
import { CommandHandler } from '../../src/commands/handleCommand.js';
import type { SqliteEventStore } from '../../src/eventStore/sqlite.js';
import { freshLogPerSpec, join_, register } from './fixtures.js';

describe('command handler', () => {
  const log = freshLogPerSpec();
  let handler: CommandHandler;
  const options = { actor: systemActor };

  beforeEach(() => {
    handler = new CommandHandler(log.store, () => new Date('2024-05-01T10:00:00Z'));
  });

  it('creates a stream, folds it and appends with metadata', async () => {
    const created = await handler.handle(networkDecider, { create: 'network' }, register, {
      ...options,
      correlationId: 'req-1',
      occurredAt: '2015-09-01T00:00:00.000Z',
    });
    expect(created.streamId).toMatch(/^network-[0-9A-Z]{26}$/);
    expect(created.revision).toBe(0n);
    expect(created.state.status).toBe('open');
    const [event] = await log.store.readStream(created.streamId);
    expect(event!.metadata).toMatchObject({
      actor: 'system',
      role: 'secretariat',
      recordedAt: '2024-05-01T10:00:00.000Z',
      occurredAt: '2015-09-01T00:00:00.000Z',
      correlationId: 'req-1',
    });
    const joined = await handler.handle(networkDecider, created.streamId, join_('torino-it'), options);
    expect(joined.revision).toBe(1n);
    expect(Object.keys(joined.state.partners)).toEqual(['torino-it']);
  });

  it('writes nothing when the decider refuses', async () => {
    const created = await handler.handle(networkDecider, { create: 'network' }, register, options);
    await handler.handle(networkDecider, created.streamId, join_('torino-it'), options);
    await expect(handler.handle(networkDecider, created.streamId, join_('torino-it'), options)).rejects.toBeInstanceOf(
      RuleViolationError,
    );
    expect(await log.store.readStream(created.streamId)).toHaveLength(2);
  });

  it('reports a stale expected revision as a conflict, without retrying', async () => {
    const created = await handler.handle(networkDecider, { create: 'network' }, register, options);
    await handler.handle(networkDecider, created.streamId, join_('torino-it'), options);
    const stale = handler.handle(networkDecider, created.streamId, join_('gdansk-pl'), { ...options, expectedRevision: 0n });
    await expect(stale).rejects.toBeInstanceOf(ConcurrencyConflictError);
    await expect(stale).rejects.toMatchObject({ actualRevision: 1n });
    const current = await handler.handle(networkDecider, created.streamId, join_('gdansk-pl'), { ...options, expectedRevision: 1n });
    expect(current.revision).toBe(2n);
  });

  it('retries conflicts on fresh state when the caller gave no revision: concurrent writers all land', async () => {
    const created = await handler.handle(networkDecider, { create: 'network' }, register, options);
    const cities = Array.from({ length: 25 }, (_, i) => `city${i}-it`);
    const results = await Promise.all(cities.map((c) => handler.handle(networkDecider, created.streamId, join_(c), options)));
    expect(new Set(results.map((r) => r.revision)).size).toBe(25);
    const loaded = await handler.load(networkDecider, created.streamId);
    expect(Object.keys(loaded.state.partners).sort()).toEqual([...cities].sort());
  });

  it('answers a retried idempotent command with the first result, even for a creation', async () => {
    const idempotency = { key: 'k-1', fingerprint: 'f-1' };
    const first = await handler.handle(networkDecider, { create: 'network' }, register, { ...options, idempotency });
    const retry = await handler.handle(networkDecider, { create: 'network' }, register, { ...options, idempotency });
    expect(retry).toMatchObject({ streamId: first.streamId, revision: first.revision, replayed: true });
    expect(retry.position).toEqual(first.position);
    const networks = (await log.store.readAll({ maxCount: 100 })).filter((e) => e.type === 'NetworkRegistered');
    expect(networks).toHaveLength(1);
  });

  it('keeps idempotency keys per actor and refuses a key reused for another request', async () => {
    const idempotency = { key: 'k-2', fingerprint: 'f-2' };
    const mine = await handler.handle(networkDecider, { create: 'network' }, register, { ...options, idempotency });
    const someoneElse = await handler.handle(networkDecider, { create: 'network' }, register, {
      actor: { subject: 'secretariat:other', role: 'secretariat', cityIds: [] },
      idempotency,
    });
    expect(someoneElse.streamId).not.toBe(mine.streamId);
    await expect(
      handler.handle(networkDecider, mine.streamId, join_('torino-it'), { ...options, idempotency: { key: 'k-2', fingerprint: 'other' } }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('recovers when the key was reserved but the command never landed (crash in between)', async () => {
    const created = await handler.handle(networkDecider, { create: 'network' }, register, options);
    const idempotency = { key: 'k-3', fingerprint: 'f-3' };
    // Simulate the crash: the reservation is written, the command is not.
    const failing = new CommandHandler(
      Object.assign(Object.create(Object.getPrototypeOf(log.store)), log.store, {
        appendToStream: (streamId: string, ...rest: Parameters<SqliteEventStore['appendToStream']>[1][]) =>
          streamId.startsWith('idempotency-')
            ? log.store.appendToStream(streamId, ...(rest as [never]))
            : Promise.reject(new Error('crash')),
        readStream: log.store.readStream.bind(log.store),
        // A store that cannot append to two streams at once (EventStoreDB): the reservation is a second append.
        appendToStreams: undefined,
      }),
    );
    await expect(failing.handle(networkDecider, created.streamId, join_('torino-it'), { ...options, idempotency })).rejects.toThrow('crash');
    const retried = await handler.handle(networkDecider, created.streamId, join_('torino-it'), { ...options, idempotency });
    expect(retried).toMatchObject({ replayed: false, revision: 1n });
    const again = await handler.handle(networkDecider, created.streamId, join_('torino-it'), { ...options, idempotency });
    expect(again).toMatchObject({ replayed: true, revision: 1n });
  });

  it('answers a retried creation whose reservation was never written (crash after the events) without creating twice', async () => {
    const idempotency = { key: 'k-4', fingerprint: 'f-4' };
    const failing = new CommandHandler(
      Object.assign(Object.create(Object.getPrototypeOf(log.store)), log.store, {
        appendToStream: (streamId: string, ...rest: Parameters<SqliteEventStore['appendToStream']>[1][]) =>
          streamId.startsWith('idempotency-') ? Promise.reject(new Error('crash')) : log.store.appendToStream(streamId, ...(rest as [never])),
        readStream: log.store.readStream.bind(log.store),
        // A store that cannot append to two streams at once (EventStoreDB): the reservation is a second append.
        appendToStreams: undefined,
      }),
    );
    await expect(failing.handle(networkDecider, { create: 'network' }, register, { ...options, idempotency })).rejects.toThrow('crash');
    const retried = await handler.handle(networkDecider, { create: 'network' }, register, { ...options, idempotency });
    expect(retried).toMatchObject({ replayed: true, revision: 0n });
    const networks = (await log.store.readAll({ maxCount: 1000 })).filter((e) => e.type === 'NetworkRegistered' && e.metadata.idempotencyKey === 'k-4');
    expect(networks).toHaveLength(1);
  });

  it('writes a keyed command and its key reservation in one commit', async () => {
    const created = await handler.handle(networkDecider, { create: 'network' }, register, options);
    const before = log.store.commitStats.commits;
    await handler.handle(networkDecider, created.streamId, join_('torino-it'), { ...options, idempotency: { key: 'k-5', fingerprint: 'f-5' } });
    expect(log.store.commitStats.commits - before).toBe(1);
    const reservations = (await log.store.readAll({ maxCount: 100 })).filter((e) => e.type === 'IdempotencyKeyReserved');
    expect(reservations).toHaveLength(1);
  });

  it('commits concurrent commands on different streams together', async () => {
    const before = log.store.commitStats.commits;
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        handler.handle(networkDecider, { create: 'network' }, register, { ...options, idempotency: { key: `batch-${i}`, fingerprint: 'f' } }),
      ),
    );
    expect(log.store.commitStats.commits - before).toBe(1);
    expect(new Set(created.map((c) => c.streamId)).size).toBe(10);
  });

  it('refuses a concurrent request reusing a key for another stream, writing nothing of it', async () => {
    const a = await handler.handle(networkDecider, { create: 'network' }, register, options);
    const b = await handler.handle(networkDecider, { create: 'network' }, register, options);
    const outcomes = await Promise.allSettled([
      handler.handle(networkDecider, a.streamId, join_('torino-it'), { ...options, idempotency: { key: 'k-6', fingerprint: 'join a' } }),
      handler.handle(networkDecider, b.streamId, join_('torino-it'), { ...options, idempotency: { key: 'k-6', fingerprint: 'join b' } }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await log.store.readStream(a.streamId)).toHaveLength(2);
    expect(await log.store.readStream(b.streamId)).toHaveLength(1);
  });

  it('answers concurrent retries of one keyed request with one result, appending its events once', async () => {
    const created = await handler.handle(networkDecider, { create: 'network' }, register, options);
    const idempotency = { key: 'k-7', fingerprint: 'f-7' };
    const results = await Promise.all(
      Array.from({ length: 3 }, () => handler.handle(networkDecider, created.streamId, join_('torino-it'), { ...options, idempotency })),
    );
    expect(results.map((r) => r.revision)).toEqual([1n, 1n, 1n]);
    expect(results.filter((r) => r.replayed)).toHaveLength(2);
    expect(await log.store.readStream(created.streamId)).toHaveLength(2);
  });

  it('returns the current revision and writes nothing when the decision is a no-op', async () => {
    const created = await handler.handle(networkDecider, { create: 'network' }, register, options);
    const assign: NetworkCommand = { type: 'AssignLeadExpert', data: { subject: 'expert:peter', name: 'Peter' } };
    await handler.handle(networkDecider, created.streamId, assign, options);
    const again = await handler.handle(networkDecider, created.streamId, assign, options);
    expect(again).toMatchObject({ revision: 1n, events: [] });
    expect(await log.store.readStream(created.streamId)).toHaveLength(2);
  });
});
