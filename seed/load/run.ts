/**
 * Loads the demo data set through the application's use cases (seed/load), the ones the GraphQL mutations call: used by `npm run seed` and by
 * `npm start -- --seed` / `SEED_DEMO=true npm start`. Idempotent: a second run appends nothing.
 */
import { loadDemoData, type SeedReport } from './index.js';
import type { App } from '../../src/app.js';

/** True when the server was asked to load the demo data: `--seed` or SEED_DEMO=true. */
export function seedRequested(app: Pick<App, 'config'>, argv: readonly string[] = process.argv.slice(2)): boolean {
  return app.config.seedDemo || argv.includes('--seed');
}

/** "1232/1232" -> "1232"; the empty log's "-1/-1" -> "empty". */
const head = (position: string) => (position.startsWith('-1') ? 'empty' : position.split('/')[0]!);

/** One line per network and step, then a summary line. */
export async function runSeedLoader(app: App, print: (line: string) => void): Promise<SeedReport> {
  print('Loading the demo data (seed/data, from five URBACT documents) through the use cases...');
  const report = await loadDemoData(app, { log: (line) => print(`  ${line}`) });
  const written = report.mutations - report.replayed;
  print(
    written === 0
      ? `Demo data already loaded: ${report.mutations} mutations replayed, nothing appended (log head still at ${head(report.headAfter)}), ${report.ms} ms.`
      : `Demo data loaded: ${report.mutations} mutations (${report.replayed} already loaded), log head ${head(report.headBefore)} -> ${head(report.headAfter)}, ${report.ms} ms.`,
  );
  print(`BoostInno network id: ${report.networkIds.boostinno}; Torino's plan id: ${report.torinoPlanId}`);
  return report;
}
