/**
 * Before and after in one run: starts a server from each of two checkouts (e.g. a worktree of the
 * base commit and the branch; each needs its node_modules) as separate processes, seeds them alike
 * (bench/compareServer.ts), then loads each in turn with autocannon in this process: segments of
 * SECONDS, ROUNDS rounds, alternating which goes first, medians. Per figure: requests (for writes,
 * learning needs written to the log) per second, p99, and the server process's CPU time (user +
 * system, all threads, from /proc: Linux only) per request.
 *
 *   npx tsx bench/compareCheckouts.ts <base checkout> <branch checkout> writes|reads [ROUNDS] [SECONDS]
 *
 * QUERY sets the read (default: the networks query of the foundation bench); FIGURES=50,50k only
 * those figures (connections, `k` keyed). BRANCH_NODE_OPTIONS starts the branch's server with
 * those Node options (e.g. a V8 flag), to compare a start-up flag on the same checkout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';

const [baseCheckout, branchCheckout, mode, rounds = '3', seconds = '4'] = process.argv.slice(2);
if (!baseCheckout || !branchCheckout || (mode !== 'writes' && mode !== 'reads')) {
  throw new Error('usage: compareCheckouts.ts <base checkout> <branch checkout> writes|reads [ROUNDS] [SECONDS]');
}
const SERVER = fileURLToPath(new URL('./compareServer.ts', import.meta.url));
const SETUP_REQUEST = fileURLToPath(new URL('./writeRequest.cjs', import.meta.url));
const QUERY = process.env.QUERY ?? '{ networks(first: 20) { nodes { name partners { name } } } }';

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
  readonly token: string;
  readonly targets: unknown[];
  readonly dir: string;
  readonly pid: number;
}

async function start(checkout: string, nodeOptions = ''): Promise<Server> {
  const root = resolve(checkout);
  const env = { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${nodeOptions}`.trim() };
  // Its own process group, so that the whole tree (npx, tsx, node) ends together.
  const child = spawn('npx', ['tsx', SERVER, root, mode!], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  const line = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) done(out.slice(0, out.indexOf('\n')));
    });
    child.on('exit', (code) => fail(new Error(`the server of ${root} exited with ${code}`)));
  });
  return { child, ...JSON.parse(line) };
}

/** Milliseconds of CPU the process has used (utime + stime, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function needsWritten(server: Server): number {
  const db = new Database(`${server.dir}/events.sqlite`, { readonly: true });
  try {
    return db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM events WHERE type = 'LearningNeedRaised'").get()!.n;
  } finally {
    db.close();
  }
}

async function segment(server: Server, connections: number, keyed: boolean, secs: number) {
  // writeRequest.cjs reads its targets and keying from the environment, in autocannon's worker.
  process.env.BENCH_WRITE_TARGETS = JSON.stringify(server.targets);
  process.env.BENCH_WRITE_KEYED = keyed ? '1' : '0';
  const options: Partial<autocannon.Options> =
    mode === 'writes'
      ? { headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` }, requests: [{ setupRequest: SETUP_REQUEST }] }
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) };
  const needsBefore = mode === 'writes' ? needsWritten(server) : 0;
  const cpuBefore = cpuMs(server.pid);
  const result = await autocannon({ url: server.url, method: 'POST', connections, duration: secs, workers: 1, ...options });
  const done = mode === 'writes' ? needsWritten(server) - needsBefore : result.requests.total;
  return { perSecond: done / secs, p99: result.latency.p99, cpuPerRequest: (cpuMs(server.pid) - cpuBefore) / done, bad: result.errors + result.timeouts + result.non2xx };
}

type Result = Awaited<ReturnType<typeof segment>>;
const median = (results: Result[], pick: (r: Result) => number) => results.map(pick).sort((a, b) => a - b)[Math.floor(results.length / 2)]!;
const summary = (results: Result[]) =>
  `${median(results, (r) => r.perSecond).toFixed(1)}/s, p99 ${median(results, (r) => r.p99)} ms, ${median(results, (r) => r.cpuPerRequest).toFixed(2)} ms CPU` +
  (results.some((r) => r.bad) ? `, ${results.reduce((n, r) => n + r.bad, 0)} errors/timeouts/non-2xx` : '');

const servers = { base: await start(baseCheckout), branch: await start(branchCheckout, process.env.BRANCH_NODE_OPTIONS) };
try {
  console.log(`load average at the start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const all: [number, boolean][] = mode === 'writes' ? [[1, false], [50, false], [1, true], [50, true]] : [[50, false]];
  // FIGURES=50,50k runs only those (connections, `k` for keyed), e.g. to give them more rounds.
  const chosen = process.env.FIGURES?.split(',');
  const figures = chosen ? all.filter(([connections, keyed]) => chosen.includes(`${connections}${keyed ? 'k' : ''}`)) : all;
  for (const [connections, keyed] of figures) {
    for (const server of Object.values(servers)) await segment(server, connections, keyed, 1);
    const results: Record<'base' | 'branch', Result[]> = { base: [], branch: [] };
    for (let round = 0; round < Number(rounds); round++) {
      for (const name of round % 2 ? (['branch', 'base'] as const) : (['base', 'branch'] as const)) {
        results[name].push(await segment(servers[name], connections, keyed, Number(seconds)));
      }
    }
    const ratio = median(results.branch, (r) => r.perSecond) / median(results.base, (r) => r.perSecond);
    console.log(`${mode}, ${connections} conn${connections > 1 ? 's' : ''}${keyed ? ', keyed' : ''}: base ${summary(results.base)} | branch ${summary(results.branch)} | x${ratio.toFixed(2)}`);
  }
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  for (const server of Object.values(servers)) {
    try {
      process.kill(-server.child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  await new Promise((done) => setTimeout(done, 1000));
  for (const server of Object.values(servers)) rmSync(server.dir, { recursive: true, force: true });
}
