import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { networkDecider } from '../../domain/network/decider.js';
import { findNetwork } from '../../projections/network/queries.js';
import { createApp } from '../../src/app.js';
import { systemActor } from '../../src/auth/actor.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

const run = promisify(execFile);

describe('npm run rebuild', () => {
  it('replays the read models from the log, all or by name, and refuses unknown names', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-rebuild-'));
    try {
      const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
      let app = await createApp(config, { logger: createLogger('silent') });
      const created = await app.execute(
        networkDecider,
        { create: 'network' },
        { type: 'RegisterNetwork', data: { name: 'Rebuilt', kind: 'transfer', theme: 't', topics: [], startDate: '2020-01-01', endDate: '2021-01-01' } },
        { actor: systemActor },
      );
      // A read model damaged by hand: the rebuild must restore it from the log.
      app.readModels.run('UPDATE networks SET name = ?', ['damaged']);
      await app.close();

      const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
      const all = await run(process.execPath, ['--import', 'tsx', 'src/cli/rebuild.ts'], { env });
      expect(all.stdout).toMatch(/Rebuilt all \d+ projections/);
      const named = await run(process.execPath, ['--import', 'tsx', 'src/cli/rebuild.ts', 'networks'], { env });
      expect(named.stdout).toContain('Rebuilt networks');
      await expect(run(process.execPath, ['--import', 'tsx', 'src/cli/rebuild.ts', 'nope'], { env })).rejects.toMatchObject({ code: 2 });

      app = await createApp(config, { logger: createLogger('silent') });
      await app.projections.catchUp();
      expect(findNetwork(app.readModels, created.id)?.name).toBe('Rebuilt');
      await app.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
