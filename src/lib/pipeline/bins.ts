// The bins SSB's median rule suggests for a year's data, beside the bins in force (npm run bins).
// SSB set the 2018 bins "so that roughly half of the kommuner with a non-zero count fall in 1–2 and
// half in 3–4": we split the non-zero counts as evenly as integer thresholds allow at the 2|3
// boundary, then split each half the same way for 1|2 and 3|4.
import type { ColumnTable } from 'arquero';
import type { SimpleKey, SurveyDefinition } from '../types';
import type { Bins } from '../rules/bins';
import { SIMPLE_KEYS, SIMPLE_OUTPUT } from './columns';

export interface BinsReportRow {
  key: SimpleKey | 'tjenester';
  title: string;
  column: string;
  max: number;
  /** Units with a known count above 0 (the population the median rule is about). */
  nonZero: number;
  median: number | null;
  inForce: Bins;
  binsSource: 'ssb2018' | 'project';
  suggested: Bins | null;
  /** Share of non-zero units in scores 1–2 with the bins in force and with the suggested ones. */
  lowerHalfInForce: number | null;
  lowerHalfSuggested: number | null;
}

export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** Lower index of the first value ≥ t in an ascending array. */
function lowerBound(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Integer threshold t in [lo, hi] that splits `sorted` most evenly into (< t) and (≥ t); ties go to
 * the smaller t. Null when no value lies in the range (nothing to split).
 */
export function evenSplit(sorted: readonly number[], lo: number, hi: number): number | null {
  if (sorted.length === 0 || lo > hi) return null;
  let best: number | null = null;
  let bestGap = Infinity;
  for (let t = lo; t <= hi; t++) {
    const below = lowerBound(sorted, t);
    const gap = Math.abs(below - (sorted.length - below));
    if (gap < bestGap) {
      bestGap = gap;
      best = t;
    }
  }
  return best;
}

/** Suggested bins from the non-zero counts (ascending): [1, t2, t3, t4] with 1 < t2 < t3 < t4. */
export function suggestBins(nonZeroSorted: readonly number[]): Bins | null {
  const n = nonZeroSorted.length;
  if (n === 0) return null;
  const max = nonZeroSorted[n - 1];
  const t3 = evenSplit(nonZeroSorted, 3, Math.max(3, max)) ?? 3;
  const lower = nonZeroSorted.slice(0, lowerBound(nonZeroSorted, t3));
  const upper = nonZeroSorted.slice(lowerBound(nonZeroSorted, t3));
  const t2 = evenSplit(lower, 2, t3 - 1) ?? t3 - 1;
  const t4 = evenSplit(upper, t3 + 1, Math.max(t3 + 1, max)) ?? t3 + 1;
  return [1, t2, t3, t4];
}

function lowerHalf(sorted: readonly number[], bins: Bins | null): number | null {
  if (!bins || sorted.length === 0) return null;
  return lowerBound(sorted, bins[2]) / sorted.length;
}

/** Median and suggested bins of every count (simple indicators and service points). */
export function binsReport(table: ColumnTable, survey: SurveyDefinition): BinsReportRow[] {
  const defs: { key: SimpleKey | 'tjenester'; title: string; column: string; max: number; bins: Bins; source: 'ssb2018' | 'project' }[] = [
    ...SIMPLE_KEYS.map((key) => {
      const d = survey.simple[key];
      return { key, title: d.title, column: SIMPLE_OUTPUT[key].antall, max: Object.keys(d.items).length, bins: d.bins, source: d.binsSource };
    }),
    { key: 'tjenester' as const, title: survey.tjenester.title, column: 'tjenester_poeng', max: survey.tjenester.maxPoints, bins: survey.tjenester.bins, source: survey.tjenester.binsSource },
  ];
  return defs.map((d) => {
    const values = (table.array(d.column) as (number | null)[])
      .filter((v): v is number => v != null && v > 0)
      .sort((a, b) => a - b);
    const suggested = suggestBins(values);
    return {
      key: d.key, title: d.title, column: d.column, max: d.max, nonZero: values.length, median: median(values),
      inForce: d.bins, binsSource: d.source, suggested,
      lowerHalfInForce: lowerHalf(values, d.bins), lowerHalfSuggested: lowerHalf(values, suggested),
    };
  });
}
