/**
 * Two API processes on one SQLite event log (SQLite lets several processes share a WAL file), each
 * with its own read-model file, as replicas run: a mutation on A, then a query on B with the
 * position A returned sees the write; without it B may answer before it has read the write. A
 * third process pointed at A's read-model file refuses to start and says why.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../src/auth/tokens.js';
import { loadConfig } from '../../src/config.js';
import { tempDir } from '../projections/support.js';

interface Replica {
  readonly process: ChildProcessWithoutNullStreams;
  readonly url: string;
  output(): string;
}

const root = join(import.meta.dirname, '..', '..');

function launch(env: Record<string, string>): { process: ChildProcessWithoutNullStreams; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', RESPONSE_CACHE: 'true', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

async function replica(env: Record<string, string>): Promise<Replica> {
  const started = launch(env);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line in:\n${started.output()}`)), 60_000);
    const look = () => {
      const match = /listening on (http:\/\/[^/\s"]+)/.exec(started.output());
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    started.process.stdout.on('data', look);
    void started.exited.then((code) => reject(new Error(`exited with ${code}:\n${started.output()}`)));
  });
  return { process: started.process, url, output: started.output };
}

async function gql(url: string, query: string, options: { variables?: object; token?: string; minPosition?: string } = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.minPosition ? { 'x-min-position': options.minPosition } : {}),
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}

const REGISTER = `mutation($input: RegisterNetworkInput!) {
  registerNetwork(input: $input) { __typename ... on RegisterNetworkPayload { aggregateId position } }
}`;
const NAMES = `{ networks(first: 100) { nodes { name } } }`;
const names = (answer: { body: { data?: any } }): string[] => answer.body.data.networks.nodes.map((n: { name: string }) => n.name);

describe('two API processes on one SQLite log', () => {
  const data = tempDir('ledger-replicas-');
  let a: Replica;
  let b: Replica;
  let token: string;

  beforeAll(async () => {
    [a, b] = await Promise.all([
      replica({ DATA_DIR: data.dir, READ_MODEL_FILE: join(data.dir, 'replica-a.sqlite') }),
      // B looks for the other process's appends every 1.5 s: a read right after A's write comes before that.
      replica({ DATA_DIR: data.dir, READ_MODEL_FILE: join(data.dir, 'replica-b.sqlite'), SQLITE_POLL_MS: '1500' }),
    ]);
    token = await mintToken({ subject: 'secretariat:replicas', role: 'secretariat', cityIds: [] }, loadConfig({}).jwtSecret, '1h');
  }, 120_000);

  afterAll(async () => {
    for (const r of [a, b]) {
      if (!r) continue;
      const exited = new Promise((resolve) => r.process.once('exit', resolve));
      r.process.kill('SIGTERM');
      await exited;
    }
    data.cleanup();
  });

  it('a query on B with the position of a mutation on A sees it; without it B may answer before reading it', async () => {
    let stale = 0;
    for (let i = 1; i <= 5; i++) {
      const name = `Written on A ${i}`;
      const written = await gql(a.url, REGISTER, {
        token,
        variables: { input: { name, kind: 'transfer', theme: 'Replicas', startDate: '2024-01-01', endDate: '2025-12-31' } },
      });
      const position = written.body.data.registerNetwork.position as string;
      expect(position).toMatch(/^\d+\/\d+$/);
      const withoutToken = await gql(b.url, NAMES);
      if (!names(withoutToken).includes(name)) stale += 1;
      const withToken = await gql(b.url, NAMES, { minPosition: position });
      expect(withToken.status).toBe(200);
      expect(names(withToken)).toContain(name);
    }
    // B answered at least once before it had read A's write: the token is what made the difference.
    expect(stale).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a third process on A\'s read-model file, saying why', async () => {
    const third = launch({ DATA_DIR: data.dir, READ_MODEL_FILE: join(data.dir, 'replica-a.sqlite') });
    expect(await third.exited).toBe(3);
    expect(third.output()).toMatch(/in use by another process/);
    expect(third.output()).toMatch(/READ_MODEL_FILE/);
  }, 60_000);
});
