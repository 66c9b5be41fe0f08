import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { NetworkCommand } from '../../domain/network/decider.js';
import { SqliteEventStore } from '../../src/eventStore/sqlite.js';

/** The commands the command handler's specs run: a network registered, then cities joining it. */
export const register: NetworkCommand = {
  type: 'RegisterNetwork',
  data: { name: 'BoostInno', kind: 'actionPlanning', theme: 'Social innovation', topics: [], startDate: '2015-09-01', endDate: '2018-05-31' },
};

export const join_ = (cityId: string): NetworkCommand => ({
  type: 'JoinNetwork',
  data: { cityId, name: cityId, country: 'IT', partnerKind: 'city', role: 'partner', newcomer: false },
});

/** A fresh embedded log for each spec (`log.store`), closed and removed after it. */
export function freshLogPerSpec(): { readonly store: SqliteEventStore } {
  const log = {} as { store: SqliteEventStore };
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-commands-'));
    log.store = new SqliteEventStore(join(dir, 'events.sqlite'));
  });
  afterEach(async () => {
    await log.store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return log;
}
