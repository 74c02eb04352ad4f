// Score bins as readers see them (the one binRanges: the method page and the bins CLI print these): lower bounds [b1, b2, b3, b4] and the maximum count → «1–5» …
import { formatNumber } from './number';

/** Text ranges for scores 0–4: score 0 is «0», the top score is «b4–max» (or «≥ b4» without a max). */
export function binRanges(bins: readonly [number, number, number, number], max?: number): [string, string, string, string, string] {
  const range = (lo: number, hi: number) => (lo === hi ? formatNumber(lo) : lo > hi ? '–' : `${formatNumber(lo)}–${formatNumber(hi)}`);
  const top = max === undefined ? `≥ ${formatNumber(bins[3])}` : range(bins[3], max);
  return ['0', range(bins[0], bins[1] - 1), range(bins[1], bins[2] - 1), range(bins[2], bins[3] - 1), top];
}
