import { positionToString } from '../src/eventStore/port.js';
import { appliedEvents } from '../src/projections/appliedEvents.js';
import type { App } from '../src/app.js';
import { builder } from './builder.js';

/** Health of the log and the read models, for operators and for the demo. */
const LedgerStatus = builder
  .objectRef<{ store: string; headPosition: string; projectedPosition: string; caughtUp: boolean }>('LedgerStatus')
  .implement({
    fields: (t) => ({
      store: t.exposeString('store', { description: 'sqlite (embedded) or eventstoredb' }),
      headPosition: t.exposeString('headPosition', { description: 'Position of the last event in the log.' }),
      projectedPosition: t.exposeString('projectedPosition', { description: 'Position the read models have reached.' }),
      caughtUp: t.exposeBoolean('caughtUp'),
    }),
  });

async function ledgerStatus(app: App) {
  return {
    store: app.store.kind,
    headPosition: positionToString(await app.store.headPosition()),
    projectedPosition: positionToString(app.projections.position),
    caughtUp: app.projections.status().caughtUp,
  };
}

builder.queryField('ledger', (t) =>
  t.field({
    type: LedgerStatus,
    authScopes: { public: true },
    resolve: (_root, _args, { app }) => ledgerStatus(app),
  }),
);

builder.subscriptionField('ledger', (t) =>
  t.field({
    type: LedgerStatus,
    description: 'The ledger status each time the read models apply new events.',
    authScopes: { secretariat: true },
    subscribe: (_root, _args, { app }) => appliedEvents(app.projections),
    resolve: (_event, _args, { app }) => ledgerStatus(app),
  }),
);
