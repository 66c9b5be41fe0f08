/**
 * `npm run seed`: opens the app from the environment configuration (as `npm start` does), loads
 * the demo data through the GraphQL API, prints the demo tokens, and exits.
 * Safe to run again: it appends nothing the second time.
 */
import { createApp } from '../app.js';
import { loadConfigOrExit } from '../config.js';
import { createLogger } from '../logger.js';
import { formatDemoTokens, mintDemoTokens } from './demoTokens.js';
import { runSeedLoader } from '../../seed/load/run.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // Progress goes to stdout as plain lines; the app's own logs only for warnings and errors.
  const logger = createLogger(config.logLevel === 'silent' ? 'silent' : 'warn');
  const app = await createApp(config, { logger });
  try {
    await runSeedLoader(app, (line) => console.log(line));
  } finally {
    await app.close();
  }
  console.log('');
  console.log(formatDemoTokens(await mintDemoTokens(config), config));
  console.log(`Start the server with \`npm start\` and open http://localhost:${config.port}/graphql; walkthrough in docs/demo.md.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
