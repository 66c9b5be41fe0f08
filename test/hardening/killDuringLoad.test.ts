import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allProjections } from '../../projections/index.js';
import { mintToken } from '../../src/auth/tokens.js';
import { loadConfig } from '../../src/config.js';
import { SqliteEventStore } from '../../src/eventStore/sqlite.js';
import { ProjectionRunner } from '../../src/projections/runner.js';
import { ReadModelDatabase } from '../../src/readModels/database.js';
import { snapshot } from '../support/projectionSpec.js';

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000);
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/[^/\s"]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]! });
      }
    });
  });
}

async function gql(url: string, token: string, query: string, variables: unknown) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

const REGISTER = `mutation($input: RegisterNetworkInput!) { registerNetwork(input: $input) { __typename ... on RegisterNetworkPayload { aggregateId } } }`;
const JOIN = `mutation($input: JoinNetworkInput!) { joinNetwork(input: $input) { __typename ... on JoinNetworkPayload { revision } } }`;

describe('SIGKILL during a load of mutations', () => {
  it('keeps every acknowledged mutation, and the read models equal a rebuild after restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-kill-'));
    const token = await mintToken({ subject: 'secretariat:kill', role: 'secretariat', cityIds: [] }, loadConfig({}).jwtSecret);
    let server = await startServer(dataDir);
    const acknowledgedNetworks: string[] = [];
    const acknowledgedPartners: { networkId: string; cityId: string }[] = [];
    let killed = false;
    try {
      const worker = async (w: number) => {
        for (let i = 0; !killed; i++) {
          try {
            const created = await gql(server.url, token, REGISTER, {
              input: { name: `N${w}-${i}`, kind: 'actionPlanning', theme: 'load', startDate: '2020-01-01', endDate: '2022-01-01' },
            });
            const networkId = created.data?.registerNetwork?.aggregateId;
            if (!networkId) continue;
            acknowledgedNetworks.push(networkId);
            const joined = await gql(server.url, token, JOIN, {
              input: { networkId, cityId: `c${w}x${i}-it`, name: 'C', country: 'IT' },
            });
            if (joined.data?.joinNetwork?.__typename === 'JoinNetworkPayload') {
              acknowledgedPartners.push({ networkId, cityId: `c${w}x${i}-it` });
            }
          } catch {
            return; // connection refused or reset: the server is gone
          }
        }
      };
      const workers = Array.from({ length: 8 }, (_, w) => worker(w));
      while (acknowledgedPartners.length < 150) await new Promise((r) => setTimeout(r, 20));
      server.child.kill('SIGKILL');
      killed = true;
      await Promise.all(workers);
      expect(acknowledgedNetworks.length).toBeGreaterThan(100);

      server = await startServer(dataDir);
      const ready = async () => (await fetch(`${server.url}/ready`)).status === 200;
      const deadline = Date.now() + 20_000;
      while (!(await ready()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

      for (const id of acknowledgedNetworks) {
        const read = await gql(server.url, token, `query($id: ID!) { network(id: $id) { partners { cityId } } }`, { id });
        expect(read.data?.network, `network ${id}`).not.toBeNull();
      }
      for (const { networkId, cityId } of acknowledgedPartners) {
        const read = await gql(server.url, token, `query($id: ID!) { network(id: $id) { partners { cityId } } }`, { id: networkId });
        expect(read.data.network.partners.map((p: { cityId: string }) => p.cityId)).toContain(cityId);
      }
      const stopped = new Promise((r) => server.child.once('exit', r));
      server.child.kill('SIGTERM');
      await stopped;

      const store = new SqliteEventStore(join(dataDir, 'events.sqlite'));
      const db = new ReadModelDatabase(join(dataDir, 'readmodels.sqlite'));
      const runner = new ProjectionRunner(store, db, allProjections);
      await runner.catchUp();
      const incremental = snapshot(db, allProjections);
      await runner.rebuild();
      expect(snapshot(db, allProjections)).toEqual(incremental);
      db.close();
      await store.close();
    } finally {
      server.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
