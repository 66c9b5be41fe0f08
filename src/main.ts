import { createApp } from './app.js';
import { loadConfigOrExit } from './config.js';
import { createLogger } from './logger.js';
import { buildSchema } from '../schema/index.js';
import { startServer } from './server/http.js';
import { runSeedLoader, seedRequested } from '../seed/load/run.js';
import { ReadModelsDoNotMatchLogError } from './projections/runner.js';
import { ReadModelsInUseError } from './readModels/database.js';

/** Exit code of a start refused until an operator acts (read models of another process or another log). */
const REFUSED_TO_START = 3;

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const app = await createApp(config, { logger });
  if (seedRequested(app)) await runSeedLoader(app, (line) => logger.info(line));
  if (config.developmentSecret) {
    logger.warn(
      { host: config.host },
      'Tokens are signed with the development secret (published in the source), so only this machine may connect (HOST is a loopback address). Set AUTH_JWT_SECRET to serve other interfaces.',
    );
  }
  const server = await startServer(app, { host: config.host, port: config.port, schema: buildSchema() });
  logger.info(
    {
      url: `${server.url}/graphql`,
      store: app.store.kind,
      log: app.store.location,
      logId: app.projections.log?.logId,
      readModels: config.readModelFile,
      pid: process.pid,
    },
    `Exchange Ledger listening on ${server.url}/graphql`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new requests, finishing the ones in flight');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    try {
      await server.close();
      await app.close();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  if (error instanceof ReadModelsInUseError || error instanceof ReadModelsDoNotMatchLogError) {
    console.error(`Exchange Ledger did not start: ${error.message}`);
    process.exit(REFUSED_TO_START);
  }
  console.error(error);
  process.exit(1);
});
