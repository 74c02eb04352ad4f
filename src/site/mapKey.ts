// The key of a grade map, counted once from the kommuner the map shows. The HTML legend on the
// pages (GradeLegend), the key drawn inside the figure files and the embed all call this, so the
// counts a reader copies from a PNG are the same as on the page and in the response table: the
// figure files once said «svarte ikke (38)» where 34 did not answer and 4 lacked an answer.
import type { KommuneIndicators } from '../lib/types';
import { formatNumber } from '../lib/format/number';
import { groupUnknownLabel, unknownSplit, unknownSplitText, type UnknownSplit } from '../lib/format/unknown';

export type KeyIndicator = 'prioritering' | 'aktivitet';

export interface MapKeyEntry {
  /** Grade 0–4, or null for the hatched «Ukjent» row. */
  grade: number | null;
  /** «Grad 2» or the unknown label, without the count. */
  name: string;
  /** The grade's description; '' for the unknown row. */
  label: string;
  count: number;
  /** The whole line as drawn in a key: «Grad 2 – Omfattende … (14)», «Ukjent: 38 (34 svarte ikke, 4 mangler svar)». */
  text: string;
}

export interface MapKey {
  grades: number[];
  split: UnknownSplit;
  /** Rows with a count above zero only: a «(0)» row tells the reader nothing about this map. */
  entries: MapKeyEntry[];
}

type Row = Pick<KommuneIndicators, 'svart' | 'prioritering' | 'aktivitet' | 'bruk' | 'kompetanse'>;

/** The unknown row's words: the exact cause when only one occurs, both counts when both do. */
export function unknownKeyText(split: UnknownSplit): string {
  const total = split.notAnswered + split.missing;
  return split.notAnswered > 0 && split.missing > 0
    ? `Ukjent: ${formatNumber(total)} (${unknownSplitText(split)})`
    : `${groupUnknownLabel(split)} (${formatNumber(total)})`;
}

/** Counts per grade and per cause of «Ukjent» for the kommuner of one map. */
export function mapKey(rows: readonly Row[], indicator: KeyIndicator, labels: readonly string[]): MapKey {
  const grades = labels.map(() => 0);
  for (const k of rows) {
    const v = k[indicator];
    if (v !== null && v >= 0 && v < grades.length) grades[v]++;
  }
  const split = unknownSplit(rows, indicator);
  const entries: MapKeyEntry[] = [];
  grades.forEach((count, g) => {
    if (count > 0) entries.push({ grade: g, name: `Grad ${g}`, label: labels[g], count, text: `Grad ${g} – ${labels[g]} (${formatNumber(count)})` });
  });
  const unknown = split.notAnswered + split.missing;
  if (unknown > 0) {
    const name = split.notAnswered > 0 && split.missing > 0 ? 'Ukjent' : groupUnknownLabel(split);
    entries.push({ grade: null, name, label: '', count: unknown, text: unknownKeyText(split) });
  }
  return { grades, split, entries };
}
