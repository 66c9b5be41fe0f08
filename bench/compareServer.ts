/**
 * One server of `bench/compareCheckouts.ts`, run from a checkout's own code (the checkout is the
 * first argument, so the same file serves a base commit and a branch): seeds 50 networks for
 * `writes`, or 60 networks x 8 partners for `reads` (response cache off unless CACHE=true), then
 * listens on 127.0.0.1 and prints one JSON line: its URL, a secretariat token, the networks the
 * writes go to, its data directory and its process id.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [checkout, mode] = process.argv.slice(2);
if (!checkout || (mode !== 'writes' && mode !== 'reads')) throw new Error('usage: compareServer.ts <checkout> writes|reads');
const from = (path: string) => import(resolve(checkout, path));
const { createApp } = await from('src/app.ts');
const { mintToken } = await from('src/auth/tokens.ts');
const { loadConfig } = await from('src/config.ts');
const { createLogger } = await from('src/logger.ts');
const { buildSchema } = await from('schema/index.ts');
const { startServer } = await from('src/server/http.ts');
const { joinNetwork, registerNetwork } = await from('bench/networks.ts');

const dir = mkdtempSync(join(tmpdir(), 'ledger-compare-'));
const config = loadConfig({
  NODE_ENV: 'test',
  DATA_DIR: dir,
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
  PORT: '0',
  GRAPHIQL: 'false',
  ...(mode === 'reads' ? { RESPONSE_CACHE: process.env.CACHE ?? 'false' } : {}),
});
const app = await createApp(config, { logger: createLogger(config.logLevel) });
const targets: { networkId: string; cityId: string }[] = [];
const networks = mode === 'writes' ? 50 : 60;
for (let n = 0; n < networks; n++) {
  const network = await registerNetwork(app, {
    name: `Network ${n}`,
    kind: 'actionPlanning',
    theme: 'Sustainable urban development',
    topics: ['impact finance'],
    startDate: '2024-01-01',
    endDate: '2026-12-31',
  });
  const partners = mode === 'writes' ? 1 : 8;
  for (let i = 0; i < partners; i++) {
    const cityId = `city${n}-${i}-it`;
    await joinNetwork(app, network.streamId, { cityId, name: `City ${n} ${i}`, country: 'IT', partnerKind: 'city', role: i === 0 ? 'leadPartner' : 'partner', newcomer: false });
    if (i === 0) targets.push({ networkId: network.id, cityId });
  }
}
await app.projections.catchUp();
const server = await startServer(app, { host: '127.0.0.1', port: 0, schema: buildSchema() });
const token = await mintToken({ subject: 'secretariat:bench', role: 'secretariat', cityIds: [] }, config.jwtSecret);
console.log(JSON.stringify({ url: `${server.url}/graphql`, token, targets, dir, pid: process.pid }));
