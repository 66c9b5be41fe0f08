import type { App } from '../app.js';
import { positionToString } from '../eventStore/port.js';

/** Health of the log and the read models: which store, how far the log goes, how far the read models are. */
export interface LedgerStatus {
  readonly store: string;
  readonly headPosition: string;
  readonly projectedPosition: string;
  readonly caughtUp: boolean;
}

export async function ledgerStatus(app: App): Promise<LedgerStatus> {
  return {
    store: app.store.kind,
    headPosition: positionToString(await app.store.headPosition()),
    projectedPosition: positionToString(app.projections.position),
    caughtUp: app.projections.status().caughtUp,
  };
}
