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
  /** Build / floor ratios of npm run bench (scripts/bench-floor.ts), id → ratio, and how they were measured. */
  floorRatios?: Record<string, number>;
  floorMeasuredOn?: string;
}

export function loadBaseline(path: string): Baseline {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Baseline>;
  if (typeof parsed.cpuMs !== 'object' || parsed.cpuMs === null) throw new Error(`${path}: mangler «cpuMs»`);
  for (const [id, ms] of Object.entries(parsed.cpuMs)) {
    if (typeof ms !== 'number' || !(ms > 0)) throw new Error(`${path}: cpuMs.${id} må være et positivt tall, fant ${JSON.stringify(ms)}`);
  }
  if (parsed.floorRatios !== undefined) {
    if (typeof parsed.floorRatios !== 'object' || parsed.floorRatios === null) throw new Error(`${path}: «floorRatios» må være et objekt`);
    for (const [id, r] of Object.entries(parsed.floorRatios)) {
      if (typeof r !== 'number' || !(r > 0)) throw new Error(`${path}: floorRatios.${id} må være et positivt tall, fant ${JSON.stringify(r)}`);
    }
  }
  return { ...parsed, cpuMs: parsed.cpuMs };
}

function readOrEmpty(path: string): Baseline {
  try {
    return loadBaseline(path);
  } catch {
    // A missing or broken baseline is replaced.
    return { cpuMs: {} };
  }
}

const sortedKeys = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

function write(path: string, b: Baseline): void {
  const next: Baseline = { $comment: b.$comment, measuredOn: b.measuredOn, cpuMs: b.cpuMs };
  if (b.floorRatios) Object.assign(next, { floorRatios: b.floorRatios, floorMeasuredOn: b.floorMeasuredOn });
  writeFileSync(path, `${JSON.stringify(next, null, 2)}\n`);
}

/** Writes `measured` into the baseline file, keeping the ids it does not measure. */
export function updateBaseline(path: string, measured: Record<string, number>, measuredOn: string): void {
  const current = readOrEmpty(path);
  const cpuMs: Record<string, number> = { ...current.cpuMs };
  for (const [id, ms] of Object.entries(measured)) cpuMs[id] = Math.round(ms);
  write(path, { ...current, measuredOn, cpuMs: sortedKeys(cpuMs) });
}

/** Writes build/floor ratios (two decimals) into the baseline, keeping everything else. */
export function updateFloorRatios(path: string, measured: Record<string, number>, measuredOn: string): void {
  const current = readOrEmpty(path);
  const floorRatios: Record<string, number> = { ...current.floorRatios };
  for (const [id, r] of Object.entries(measured)) floorRatios[id] = Math.round(r * 100) / 100;
  write(path, { ...current, floorRatios: sortedKeys(floorRatios), floorMeasuredOn: measuredOn });
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

export type RatioVerdict = { kind: 'ok'; limit: number } | { kind: 'regression'; limit: number } | { kind: 'no-baseline' };

/** A build/floor ratio against its baseline: a regression only above REGRESSION_FACTOR × baseline (a doubling), never on noise. */
export function judgeRatio(ratio: number, baseline: number | undefined): RatioVerdict {
  if (baseline === undefined) return { kind: 'no-baseline' };
  const limit = baseline * REGRESSION_FACTOR;
  return ratio > limit ? { kind: 'regression', limit } : { kind: 'ok', limit };
}
