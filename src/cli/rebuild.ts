/**
 * `npm run rebuild [-- <projection>...]`: drops the read models (all, or the named projections)
 * and replays them from the start of the log. Run it with the server stopped: the server's
 * runner owns the read-model file while it runs.
 */
import { allProjections } from '../../projections/index.js';
import { createApp } from '../app.js';
import { loadConfigOrExit } from '../config.js';
import { positionToString } from '../eventStore/port.js';
import { createLogger } from '../logger.js';

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const known = new Set(allProjections.map((p) => p.name));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    console.error(`Unknown projection(s): ${unknown.join(', ')}. Known: ${[...known].join(', ')}`);
    process.exit(2);
  }
  const config = loadConfigOrExit();
  const app = await createApp(config, { logger: createLogger(config.logLevel === 'silent' ? 'silent' : 'warn') });
  try {
    const started = Date.now();
    await app.projections.catchUp();
    await app.projections.rebuild(names.length > 0 ? names : undefined);
    await app.projections.catchUp();
    console.log(
      `Rebuilt ${names.length > 0 ? names.join(', ') : `all ${known.size} projections`} up to position ` +
        `${positionToString(app.projections.position)} in ${Date.now() - started} ms.`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
