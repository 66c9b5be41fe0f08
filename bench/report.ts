/**
 * What a bench module gets to report with. A module measures; the runner (bench/run.ts) prints
 * the table, judges targets and writes data/bench-results.json.
 */

/** A target a metric should meet; the runner prints PASS or FAIL but never fails the run. */
export interface Target {
  readonly atLeast?: number;
  readonly atMost?: number;
}

export interface MetricOptions {
  readonly target?: Target;
  /** One short line printed beside the number (what it compares, the settings). */
  readonly note?: string;
}

export interface Metric extends MetricOptions {
  readonly name: string;
  readonly value: number;
  /** e.g. "tx/s", "events/s", "req/s", "ms", "%". A "%" metric's value is a fraction (0.75 = 75 %). */
  readonly unit: string;
  /** Undefined when the metric has no target. */
  readonly pass?: boolean;
}

export interface Report {
  /** Records one number; with a target, it is judged PASS or FAIL. */
  metric(name: string, value: number, unit: string, options?: MetricOptions): void;
  /** Context printed with the module's results: settings, caveats, sizes. */
  note(text: string): void;
  /** Progress printed at once, for steps that take a while. */
  progress(text: string): void;
}

/** A bench module: `export const name = '...'` and `export async function run(report) {...}`. */
export interface BenchModule {
  readonly name: string;
  readonly description?: string;
  run(report: Report): Promise<void>;
}

export function judge(value: number, target: Target | undefined): boolean | undefined {
  if (!target) return undefined;
  if (target.atLeast !== undefined && value < target.atLeast) return false;
  if (target.atMost !== undefined && value > target.atMost) return false;
  return true;
}

export function formatValue(value: number, unit: string): string {
  if (unit === '%') return `${(value * 100).toFixed(1)} %`;
  if (!Number.isFinite(value)) return String(value);
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
}

export function formatTarget(target: Target | undefined, unit: string): string {
  if (!target) return '';
  const parts: string[] = [];
  if (target.atLeast !== undefined) parts.push(`>= ${formatValue(target.atLeast, unit)}`);
  if (target.atMost !== undefined) parts.push(`<= ${formatValue(target.atMost, unit)}`);
  return parts.join(', ');
}
