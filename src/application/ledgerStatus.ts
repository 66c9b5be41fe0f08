import type { App } from '../app.js';
import { comparePositions, positionToString } from '../eventStore/port.js';
import type { RunnerState } from '../projections/runner.js';

/** Health of the log and the read models: which log, how far it goes, how far the read models are, and how late. */
export interface LedgerStatus {
  readonly store: string;
  /** The log's identity (see src/eventStore/logIdentity.ts); the read models were checked against it. */
  readonly logId: string | null;
  readonly headPosition: string;
  readonly projectedPosition: string;
  /** Live and at the head of the log. */
  readonly caughtUp: boolean;
  readonly state: RunnerState;
  /** How long ago the oldest event the read models have not applied yet was recorded; 0 when none. */
  readonly lagMs: number;
  /** Why the read models are not live, in plain words (never an internal error). */
  readonly reason: string | null;
}

export async function ledgerStatus(app: App, now = Date.now()): Promise<LedgerStatus> {
  const head = await app.store.headPosition();
  const projected = app.projections.position;
  const status = app.projections.status();
  let lagMs = 0;
  if (comparePositions(projected, head) < 0) {
    const [oldest] = await app.store.readAll({ fromPosition: projected, maxCount: 1 });
    // Clamped to what a GraphQL Int holds (about 24 days).
    lagMs = oldest ? Math.min(Math.max(0, now - oldest.created.getTime()), 2_147_483_647) : 0;
  }
  return {
    store: app.store.kind,
    logId: app.projections.log?.logId ?? null,
    headPosition: positionToString(head),
    projectedPosition: positionToString(projected),
    caughtUp: status.caughtUp && comparePositions(projected, head) >= 0,
    state: status.state,
    lagMs,
    reason: status.reason ?? null,
  };
}

export interface Readiness {
  readonly ready: boolean;
  readonly status: LedgerStatus | null;
  readonly reason: string | null;
}

/**
 * Whether this replica should get traffic: its subscription is live and the read models are not
 * further behind the log than `maxLagMs`. An unreachable store is not ready either.
 */
export async function readiness(app: App, maxLagMs: number): Promise<Readiness> {
  let status: LedgerStatus;
  try {
    status = await ledgerStatus(app);
  } catch (error) {
    app.logger.warn({ err: error }, 'readiness: the event store did not answer');
    return { ready: false, status: null, reason: 'the event store does not answer' };
  }
  if (status.state !== 'live') return { ready: false, status, reason: status.reason ?? `read models ${status.state}` };
  if (status.lagMs > maxLagMs) {
    return { ready: false, status, reason: `the read models are ${status.lagMs} ms behind the log (at most ${maxLagMs} ms)` };
  }
  return { ready: true, status, reason: null };
}
