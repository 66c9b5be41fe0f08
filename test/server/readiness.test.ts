/**
 * `/ready` tells the truth: not ready while the projections' subscription resubscribes, nor when
 * the read models lag behind the log by more than READY_MAX_LAG_MS; the `ledger` status shows the
 * state and the lag; internal errors stay in the log, with the projection and the event.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { SqliteEventStore } from '../../src/eventStore/sqlite.js';
import { EventStoreDbDouble } from '../eventStore/esdbDouble.js';
import { appOn, capturingLogger, registerNetworks, tempDir } from '../projections/support.js';
import { projectionsFailingOn, serve, type Served } from './support.js';

const LEDGER = `{ ledger { state caughtUp lagMs reason logId headPosition projectedPosition } }`;

async function pollReady(http: Served, status: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await http.get('/ready');
    if (ready.status === status || Date.now() > deadline) return ready;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('readiness', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  async function start(env: Record<string, string>, options: Parameters<typeof appOn>[2] = {}): Promise<{ app: App; http: Served; dir: string }> {
    const dir = tempDir();
    const app = await appOn(dir.dir, env, options);
    const http = await serve(app);
    cleanups.push(dir.cleanup, () => app.close(), () => http.close());
    return { app, http, dir: dir.dir };
  }

  it('is not ready while the EventStoreDB subscription resubscribes, and ready again once it is live', async () => {
    const double = await EventStoreDbDouble.start();
    cleanups.push(() => double.stop());
    const { http } = await start({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: double.connectionString });
    expect((await pollReady(http, 200)).status).toBe(200);

    double.refuseSubscriptions = Number.MAX_SAFE_INTEGER;
    double.dropSubscriptions();
    const away = await pollReady(http, 503, 3000);
    expect(away.status).toBe(503);
    expect(away.body).toMatchObject({ ready: false, state: 'resubscribing' });
    expect((await http.gql(LEDGER)).body.data!.ledger).toMatchObject({ state: 'resubscribing', caughtUp: false });

    double.refuseSubscriptions = 0;
    const back = await pollReady(http, 200, 15_000);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ ready: true, state: 'live', lagMs: 0 });
  }, 30_000);

  it('is not ready when the read models lag more than READY_MAX_LAG_MS, and the ledger shows the lag', async () => {
    // This replica looks for other processes' appends once a minute: it falls behind them.
    const { http, dir } = await start({ SQLITE_POLL_MS: '60000', READY_MAX_LAG_MS: '300' });
    expect((await pollReady(http, 200)).status).toBe(200);
    const otherProcess = new SqliteEventStore(join(dir, 'events.sqlite'));
    const now = new Date().toISOString();
    const id = randomUUID();
    await otherProcess.appendToStream(`network-${randomUUID()}`, [
      {
        id,
        type: 'NetworkRegistered',
        data: { name: 'Appended elsewhere', kind: 'transfer', theme: 't', topics: [], startDate: '2024-01-01', endDate: '2025-12-31' },
        metadata: { actor: 'system', recordedAt: now, occurredAt: now, commandId: id, correlationId: id, causationId: id },
      },
    ]);
    await otherProcess.close();
    await new Promise((r) => setTimeout(r, 500));

    const ready = await http.get('/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ ready: false, state: 'live', maxLagMs: 300 });
    expect(ready.body.lagMs).toBeGreaterThanOrEqual(300);
    expect(ready.body.reason).toMatch(/behind the log/);
    const ledger = (await http.gql(LEDGER)).body.data!.ledger;
    expect(ledger.caughtUp).toBe(false);
    expect(ledger.lagMs).toBeGreaterThanOrEqual(300);
    expect(ledger.projectedPosition).not.toBe(ledger.headPosition);
  });

  it('keeps internal errors out of /ready and the ledger status, and logs them with the projection and the event', async () => {
    const { logger, lines } = capturingLogger();
    const failing = projectionsFailingOn('Breaks the read model', new Error('disk on fire: /secret/path'));
    const { app, http } = await start({ CONSISTENCY_TIMEOUT_MS: '200' }, { projections: failing, logger });
    await expect(registerNetworks(app, ['Breaks the read model'])).rejects.toThrow(/Recorded, but not readable/);
    const ready = await pollReady(http, 503);
    expect(ready.status).toBe(503);
    expect(JSON.stringify(ready.body)).not.toMatch(/secret|fire/);
    expect(ready.body.reason).toMatch(/could not apply an event/);
    const ledger = await http.gql(LEDGER);
    expect(JSON.stringify(ledger.body)).not.toMatch(/secret|fire/);
    const failure = lines.find((line) => (line.level as number) >= 50 && line.projection === 'networks');
    expect(failure).toMatchObject({ projection: 'networks', event: { type: 'NetworkRegistered' } });
    expect(JSON.stringify(failure)).toMatch(/disk on fire/);
  });
});
