import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * How operators run the service: `npm start` (node itself, so signals reach it) and the
 * production build (`npm run build`, then `node dist/src/main.js`, what the image runs).
 */

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  /** The server process's own id, from its "listening" log line. */
  readonly serverPid: number;
  output(): string;
  exited: Promise<number | null>;
}

const dataDirs: string[] = [];
afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function start(command: string, args: string[]): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-lifecycle-'));
  dataDirs.push(dataDir);
  const child = spawn(command, args, {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line in: ${output}`)), 30_000);
    const look = () => {
      const line = output.split('\n').find((l) => l.includes('listening on'));
      if (!line) return;
      clearTimeout(timer);
      const entry = JSON.parse(line) as { url: string; pid: number };
      resolve({ url: new URL(entry.url).origin, pid: entry.pid });
    };
    child.stdout!.on('data', look);
    void exited.then(() => reject(new Error(`exited before listening: ${output}`)));
  });
  return { child, url: listening.url, serverPid: listening.pid, output: () => output, exited };
}

function parentOf(pid: number): number {
  // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after ')'.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

const commandLine = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`)).ok;
  } catch {
    return false;
  }
}

function withinSeconds<T>(promise: Promise<T>, seconds: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`not within ${seconds} s`)), seconds * 1000)),
  ]);
}

describe('npm start', () => {
  it('runs the server as node itself, the process npm started, which shuts down gracefully on SIGTERM', async () => {
    const server = await start('npm', ['start']);
    try {
      expect(basename(commandLine(server.serverPid)[0]!)).toBe('node');
      expect(parentOf(server.serverPid)).toBe(server.child.pid);
      expect(await answers(server.url)).toBe(true);
      process.kill(server.serverPid, 'SIGTERM');
      expect(await withinSeconds(server.exited, 15)).toBe(0);
      expect(server.output()).toMatch(/"signal":"SIGTERM".*shutting down/);
      expect(server.output()).toContain('"msg":"stopped"');
      expect(await answers(server.url)).toBe(false);
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 60_000);

  it('stops the server when npm itself is stopped: nothing is left serving on the port', async () => {
    const server = await start('npm', ['start']);
    try {
      server.child.kill('SIGTERM');
      await withinSeconds(server.exited, 15);
      const deadline = Date.now() + 10_000;
      while ((await answers(server.url)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await answers(server.url)).toBe(false);
      expect(server.output()).toContain('"msg":"stopped"');
    } finally {
      server.child.kill('SIGKILL');
      try {
        process.kill(server.serverPid, 'SIGKILL');
      } catch {
        // already gone, as it should be
      }
    }
  }, 60_000);
});

describe('production build', () => {
  const outDir = join('.vitest-tmp', `dist-${process.pid}`);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('compiles with `npm run build` and serves from node alone, stopping gracefully on SIGTERM', async () => {
    const build = spawn('npm', ['run', 'build', '--', '--outDir', outDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buildOutput = '';
    build.stdout.on('data', (chunk) => (buildOutput += chunk));
    build.stderr.on('data', (chunk) => (buildOutput += chunk));
    const built = await new Promise<number | null>((resolve) => build.once('exit', resolve));
    expect(built, buildOutput).toBe(0);

    const server = await start(process.execPath, [join(outDir, 'src', 'main.js')]);
    try {
      expect(server.serverPid).toBe(server.child.pid);
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ ledger { store } }' }),
      });
      expect(await response.json()).toEqual({ data: { ledger: { store: 'sqlite' } } });
      server.child.kill('SIGTERM');
      expect(await withinSeconds(server.exited, 15)).toBe(0);
      expect(server.output()).toContain('"msg":"stopped"');
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 180_000);
});
