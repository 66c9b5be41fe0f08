/**
 * Loads the demo data set (seed/data, extracted from the five URBACT documents) through the
 * application's use cases (the ones the GraphQL mutations call), network by network. Idempotent: every mutation carries a deterministic key, so a
 * second run replays and appends nothing (the log head does not move).
 */
import type { App } from '../../src/app.js';
import { loadBoostinno } from './boostinno.js';
import { SeedClient } from './client.js';
import { loadInteractiveCities } from './interactiveCities.js';
import type { LoadContext } from './network.js';
import { loadTorinoPlan } from './torinoPlan.js';
import { loadUiaPilots } from './uiaPilots.js';
import { loadUrbinclusion } from './urbinclusion.js';

export { SEED_SUBJECT, SeedError } from './client.js';
export { BOOSTINNO_LEAD_EXPERT } from './boostinno.js';

export interface SeedReport {
  /** Network ids by seed key (boostinno, urbinclusion, interactive-cities, uia-tm-...). */
  readonly networkIds: Record<string, string>;
  readonly torinoPlanId: string;
  /** What was loaded, per network. */
  readonly counts: Record<string, Record<string, number>>;
  /** Mutations sent, and how many of them were replays of an earlier run. */
  readonly mutations: number;
  readonly replayed: number;
  readonly headBefore: string;
  readonly headAfter: string;
  readonly ms: number;
}

export interface LoadOptions {
  /** One line per network and step; defaults to nothing. */
  readonly log?: (line: string) => void;
}

export async function loadDemoData(app: App, options: LoadOptions = {}): Promise<SeedReport> {
  const started = performance.now();
  const client = SeedClient.open(app);
  const log = options.log ?? (() => {});
  // Networks load side by side, each with its own client (its own progress counts).
  const context = (): LoadContext => ({ client: client.fork(), log });
  const head = () => client.headPosition();

  const headBefore = await head();
  const [{ boostinno, plan }, urbinclusion, interactiveCities, uia] = await Promise.all([
    (async () => {
      let planLoaded: Promise<Awaited<ReturnType<typeof loadTorinoPlan>>> | undefined;
      const boostinno = await loadBoostinno(context(), (networkId) => {
        // Torino's plan needs only the network and its partners: it loads alongside the rest.
        planLoaded = loadTorinoPlan(context(), networkId);
      });
      return { boostinno, plan: await planLoaded! };
    })(),
    loadUrbinclusion(context()),
    loadInteractiveCities(context()),
    loadUiaPilots(context()),
  ]);
  const headAfter = await head();

  return {
    networkIds: {
      boostinno: boostinno.networkId,
      urbinclusion: urbinclusion.networkId,
      'interactive-cities': interactiveCities.networkId,
      ...uia.networkIds,
    },
    torinoPlanId: plan.planId,
    counts: {
      boostinno: boostinno.counts,
      torinoPlan: plan.counts,
      urbinclusion: urbinclusion.counts,
      interactiveCities: interactiveCities.counts,
      uiaTransferMechanism: uia.counts,
    },
    mutations: client.totals.total,
    replayed: client.totals.replayed,
    headBefore,
    headAfter,
    ms: Math.round(performance.now() - started),
  };
}
