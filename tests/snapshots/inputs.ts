// Fixed, small, synthetic inputs for the figure snapshots (no survey or reference data).
import type { DistributionRow } from '../../src/lib/types';

export const LABELS = [
  'Har verken strategi eller prosjekter',
  'Har enten strategi eller prosjekter, men få områder',
  'Omfattende strategi, men få prosjekter',
  'Omfattende prosjekter, men begrenset strategi',
  'Både omfattende strategi og prosjekter',
] as const;

/** One distribution: counts for grades 0–4 and the unknown count; shares as the pipeline gives them. */
export function distribution(
  group: DistributionRow['group'], groupKey: string, groupLabel: string, counts: number[], unknown: number,
): DistributionRow[] {
  const denominator = counts.reduce((a, b) => a + b, 0);
  const base = { indicator: 'prioritering', group, groupKey, groupLabel, denominator, units: denominator + unknown };
  return [
    ...counts.map((count, g) => ({ ...base, value: String(g), count, share: denominator >= 3 ? count / denominator : null })),
    { ...base, value: 'ukjent', count: unknown, share: null },
  ];
}

export const NATION = distribution('nasjon', 'norge', 'Norge', [12, 110, 58, 70, 41], 66);
export const FYLKE = distribution('fylke', '46', 'Vestfylket', [2, 10, 8, 12, 4], 7);
export const TINY = distribution('storrelse', '50000+', '50 000 og flere', [0, 1, 0, 0, 1], 0);
export const NATION_EARLIER = distribution('nasjon', 'norge', 'Norge', [20, 120, 50, 60, 30], 76);
