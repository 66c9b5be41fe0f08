/**
 * Benchmark runner: `npm run bench` runs every module below; `npm run bench -- foundation` runs
 * only the named ones. It prints one table and writes data/bench-results.json (data/ is
 * gitignored). A benchmark reports; it never gates: the exit code is 0 even when a target is
 * missed (it is non-zero only when a module crashes).
 *
 * ADDING A BENCH MODULE: write bench/<name>.ts exporting
 *     export const name = '<name>';
 *     export async function run(report: Report): Promise<void> { ... report.metric(...) ... }
 * (types in bench/report.ts), then add ONE line to `modules` below:
 *     await import('./<name>.js'),
 * Keep a module bounded in time (well under a minute), use temp directories, and load only
 * 127.0.0.1. Describe its numbers in docs/benchmarks.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, availableParallelism, cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { formatTarget, formatValue, judge, type BenchModule, type Metric, type Report } from './report.js';

// As deployed (the Dockerfile sets it): graphql-js reads NODE_ENV once, when it loads, and outside
// production checks every type test across module copies (its instanceOf, ~3% of a read under
// load). Set before the modules below load graphql; each bench passes its own config to loadConfig.
process.env.NODE_ENV ??= 'production';

const modules: readonly BenchModule[] = [
  await import('./foundation.js'),
  await import('./outcomes.js'),
  await import('./matching.js'),
  await import('./streams.js'),
  await import('./personalData.js'),
  await import('./writes.js'),
  await import('./timeTravel.js'),
];

interface ModuleResult {
  readonly name: string;
  readonly description?: string;
  readonly seconds: number;
  readonly metrics: Metric[];
  readonly notes: string[];
  readonly error?: string;
}

function machine() {
  const cpu = cpus()[0];
  return {
    node: process.version,
    platform: `${platform()} ${release()} ${arch()}`,
    cpu: cpu?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    freeMemoryGiB: Number((freemem() / 2 ** 30).toFixed(1)),
    /** 1-minute load average when the run started: other work on the machine skews every number. */
    loadAverage: Number(loadavg()[0]!.toFixed(2)),
  };
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function padStart(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

function printTable(results: readonly ModuleResult[]): void {
  const rows: string[][] = [['bench', 'metric', 'value', 'target', 'result']];
  for (const result of results) {
    for (const m of result.metrics) {
      const verdict = m.pass === undefined ? '' : m.pass ? 'PASS' : 'FAIL';
      rows.push([result.name, m.name, formatValue(m.value, m.unit), formatTarget(m.target, m.unit), verdict]);
    }
    if (result.error) rows.push([result.name, 'ERROR', result.error.split('\n')[0]!, '', 'FAIL']);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row.map((cell, column) => (column === 2 ? padStart(cell, widths[column]!) : pad(cell, widths[column]!))).join('  ');
  console.log(`\n${line(rows[0]!)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows.slice(1)) console.log(line(row));
  for (const result of results) {
    const notes = [...result.notes, ...result.metrics.filter((m) => m.note).map((m) => `${m.name}: ${m.note}`)];
    if (notes.length === 0) continue;
    console.log(`\n${result.name} (${result.seconds.toFixed(1)} s):`);
    for (const note of notes) console.log(`  - ${note}`);
  }
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !modules.some((m) => m.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown bench module(s): ${unknown.join(', ')}. Known: ${modules.map((m) => m.name).join(', ')}`);
    process.exit(2);
  }
  const selected = only.length > 0 ? modules.filter((m) => only.includes(m.name)) : modules;
  const host = machine();
  console.log(
    `Exchange Ledger benchmarks: Node ${host.node}, ${host.platform}, ${host.cores} cores (${host.cpu}), ` +
      `${host.memoryGiB} GiB memory, load average ${host.loadAverage}`,
  );
  if (host.loadAverage > host.cores / 2) {
    console.log(`Warning: the machine is busy (load ${host.loadAverage} on ${host.cores} cores); numbers will be low and noisy.`);
  }

  const results: ModuleResult[] = [];
  for (const module of selected) {
    console.log(`\n== ${module.name}${module.description ? `: ${module.description}` : ''}`);
    const metrics: Metric[] = [];
    const notes: string[] = [];
    const report: Report = {
      metric(name, value, unit, options = {}) {
        const metric: Metric = { name, value, unit, ...options, pass: judge(value, options.target) };
        metrics.push(metric);
        const verdict = metric.pass === undefined ? '' : metric.pass ? '  PASS' : '  FAIL';
        console.log(`  ${name}: ${formatValue(value, unit)}${options.target ? ` (target ${formatTarget(options.target, unit)})` : ''}${verdict}`);
      },
      note(text) {
        notes.push(text);
      },
      progress(text) {
        console.log(`  ... ${text}`);
      },
    };
    const started = performance.now();
    let error: string | undefined;
    try {
      await module.run(report);
    } catch (e) {
      error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      console.error(`  ${module.name} failed: ${error}`);
    }
    const seconds = (performance.now() - started) / 1000;
    results.push({ name: module.name, description: module.description, seconds, metrics, notes, ...(error ? { error } : {}) });
  }

  printTable(results);
  const all = results.flatMap((r) => r.metrics).filter((m) => m.pass !== undefined);
  const failed = all.filter((m) => !m.pass).length + results.filter((r) => r.error).length;
  console.log(`\n${all.length - all.filter((m) => !m.pass).length}/${all.length} targets met${failed ? ' (a benchmark reports; exit code stays 0)' : ''}`);

  mkdirSync('data', { recursive: true });
  const file = join('data', 'bench-results.json');
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), machine: host, results }, null, 2)}\n`);
  console.log(`Results written to ${file}`);
  process.exitCode = results.some((r) => r.error) ? 1 : 0;
}

await main();
