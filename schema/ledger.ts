import { positionToString } from '../src/eventStore/port.js';
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

builder.queryField('ledger', (t) =>
  t.field({
    type: LedgerStatus,
    authScopes: { public: true },
    resolve: async (_root, _args, { app }) => ({
      store: app.store.kind,
      headPosition: positionToString(await app.store.headPosition()),
      projectedPosition: positionToString(app.projections.position),
      caughtUp: app.projections.status().caughtUp,
    }),
  }),
);
