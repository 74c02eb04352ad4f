import type { Score } from '../types';

export type Bins = readonly [number, number, number, number];

// Bins are data (the survey definition): the inclusive lower bound of the count for scores 1–4.
/** Count → score 0–4. Unknown stays unknown; a count below the first bound (normally 0) is 0. */
export function score(antall: number | null | undefined, bins: Bins): Score | null {
  if (antall == null || Number.isNaN(antall)) return null;
  if (antall >= bins[3]) return 4;
  if (antall >= bins[2]) return 3;
  if (antall >= bins[1]) return 2;
  if (antall >= bins[0]) return 1;
  return 0;
}
