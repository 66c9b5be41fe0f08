import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { RegisterNetwork } from '../../domain/network/decider.js';
import { networkDecider } from '../../domain/network/decider.js';
import { createApp, type App, type AppOptions } from '../../src/app.js';
import { systemActor } from '../../src/auth/actor.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

/** A data directory that is removed with `cleanup()`. */
export function tempDir(prefix = 'ledger-readmodels-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The app as `npm start` wires it, on a data directory, with configuration overrides. */
export function appOn(dataDir: string, env: Record<string, string> = {}, options: Partial<AppOptions> = {}): Promise<App> {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  return createApp(config, { logger: createLogger('silent'), ...options });
}

/** Registers networks through the command path, waiting for the read models; returns their ids. */
export async function registerNetworks(app: App, names: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const result = await app.execute(
      networkDecider,
      { create: networkDecider.category },
      {
        type: 'RegisterNetwork',
        data: RegisterNetwork.parse({ name, kind: 'transfer', theme: 'Read models that know their log', startDate: '2024-01-01', endDate: '2025-12-31' }),
      },
      { actor: systemActor },
    );
    ids.push(result.id);
  }
  return ids;
}

export function networkNames(app: App): string[] {
  return app.readModels.all<{ name: string }>('SELECT name FROM networks ORDER BY name').map((r) => r.name);
}

/** A pino logger whose lines are kept, parsed, for assertions. */
export function capturingLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines };
}
