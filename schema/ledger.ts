import { ledgerStatus, type LedgerStatus as Status } from '../src/application/ledgerStatus.js';
import { appliedEvents, type AppliedEvent } from '../src/projections/appliedEvents.js';
import { builder } from './builder.js';

/** Health of the log and the read models, for operators and for the demo. */
const LedgerStatus = builder
  .objectRef<Status>('LedgerStatus')
  .implement({
    fields: (t) => ({
      store: t.exposeString('store', { description: 'sqlite (embedded) or eventstoredb' }),
      headPosition: t.exposeString('headPosition', { description: 'Position of the last event in the log.' }),
      projectedPosition: t.exposeString('projectedPosition', { description: 'Position the read models have reached.' }),
      caughtUp: t.exposeBoolean('caughtUp', { description: 'Live and at the head of the log.' }),
      logId: t.exposeString('logId', {
        nullable: true,
        description: 'Identity of the log the read models were checked against (a UUID written once in the log).',
      }),
      state: t.exposeString('state', {
        description: 'The read models: catchingUp, live, resubscribing, failed (needs an operator), refused (built from another log), stopped.',
      }),
      lagMs: t.exposeInt('lagMs', {
        description: 'How long ago the oldest event not yet in the read models was recorded; 0 when they are at the head.',
      }),
      reason: t.exposeString('reason', { nullable: true, description: 'Why the read models are not live.' }),
    }),
  });

builder.queryField('ledger', (t) =>
  t.field({
    type: LedgerStatus,
    authScopes: { public: true },
    resolve: (_root, _args, { app }) => ledgerStatus(app),
  }),
);

const statusAfter = new WeakMap<AppliedEvent, ReturnType<typeof ledgerStatus>>();

builder.subscriptionField('ledger', (t) =>
  t.field({
    type: LedgerStatus,
    description: 'The ledger status each time the read models apply new events.',
    authScopes: { secretariat: true },
    subscribe: (_root, _args, { app, actor }) => appliedEvents(app.projections, undefined, actor.subject),
    // Every subscriber gets the same event object: the status is read once for all of them.
    resolve: (event, _args, { app }) => {
      let status = statusAfter.get(event);
      if (!status) statusAfter.set(event, (status = ledgerStatus(app)));
      return status;
    },
  }),
);
