// The committed CPU-time baseline of the benchmarks (scripts/bench-baseline.json) and the rule that
// decides what is a regression. Wall time depends on whatever else the machine runs (a build took
// 2.8 s wall for 1.1 s CPU under load), so the benchmarks fail only when CPU time passes a clear
// multiple of the baseline, never on wall time.
import { readFileSync, writeFileSync } from 'node:fs';

/** CPU time more than this many times the baseline is a regression. */
export const REGRESSION_FACTOR = 2;

export interface Baseline {
  $comment?: string;
  /** Where and how the baseline was measured (informative). */
  measuredOn?: string;
  /** Case id → CPU milliseconds. */
  cpuMs: Record<string, number>;
}

export function loadBaseline(path: string): Baseline {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Baseline>;
  if (typeof parsed.cpuMs !== 'object' || parsed.cpuMs === null) throw new Error(`${path}: mangler «cpuMs»`);
  for (const [id, ms] of Object.entries(parsed.cpuMs)) {
    if (typeof ms !== 'number' || !(ms > 0)) throw new Error(`${path}: cpuMs.${id} må være et positivt tall, fant ${JSON.stringify(ms)}`);
  }
  return { ...parsed, cpuMs: parsed.cpuMs };
}

/** Writes `measured` into the baseline file, keeping the ids it does not measure. */
export function updateBaseline(path: string, measured: Record<string, number>, measuredOn: string): void {
  let current: Baseline = { cpuMs: {} };
  try {
    current = loadBaseline(path);
  } catch {
    // A missing or broken baseline is replaced.
  }
  const cpuMs: Record<string, number> = { ...current.cpuMs };
  for (const [id, ms] of Object.entries(measured)) cpuMs[id] = Math.round(ms);
  const sorted = Object.fromEntries(Object.entries(cpuMs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const next: Baseline = { $comment: current.$comment, measuredOn, cpuMs: sorted };
  writeFileSync(path, `${JSON.stringify(next, null, 2)}\n`);
}

export type Verdict =
  | { kind: 'ok'; limitMs: number }
  | { kind: 'regression'; limitMs: number }
  | { kind: 'no-baseline' };

/** Compares one CPU time with its baseline: a regression only above REGRESSION_FACTOR × baseline. */
export function judgeCpu(cpuMs: number, baselineMs: number | undefined): Verdict {
  if (baselineMs === undefined) return { kind: 'no-baseline' };
  const limitMs = baselineMs * REGRESSION_FACTOR;
  return cpuMs > limitMs ? { kind: 'regression', limitMs } : { kind: 'ok', limitMs };
}
