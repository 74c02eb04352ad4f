// Distribution of one grade indicator in one group: grades 0–4 and «Ukjent», with counts
// (the shape of SSB's Tabell 3.1 and 5.2).
import type { DistributionRow } from '../../lib/types';
import { formatNumber, formatPercent, KOMMUNE, nounFor, NOT_ANSWERED, type Noun } from '../../lib/format';
import { GRADE_COLORS } from '../map/palette';
import { renderBars, UNKNOWN, type BarGroup, type FigureText } from './bars';

export interface GradeBarsOptions extends FigureText {
  /** Rows of one indicator for one group (e.g. indicator 'prioritering', group 'nasjon'). */
  rows: DistributionRow[];
  labels: readonly string[]; // grade labels 0–4
  width?: number;
  fontSize?: number;
  /** For a page: one drawing that site.css scales to its column (draw/plot drawSized). */
  fluid?: boolean;
  unitNoun?: Noun | string; // default «kommune»/«kommuner»
  /** Heading of the unknown bar; default «Ukjent – svarte ikke». Say so when it also holds
   * respondents with a missing answer. */
  unknownLabel?: string;
}

export const GRADE_VALUES = ['0', '1', '2', '3', '4'] as const;

/** Throws when rows mix indicators or groups: a figure shows exactly one distribution. */
export function oneDistribution(rows: DistributionRow[]): void {
  const keys = new Set(rows.map((r) => `${r.indicator}|${r.group}|${r.groupKey}`));
  if (keys.size > 1) throw new Error(`Figuren fikk flere fordelinger: ${[...keys].join(', ')}`);
}

export function countFor(rows: DistributionRow[], value: string): DistributionRow | undefined {
  return rows.find((r) => r.value === value);
}

export function gradeBarsDescription(rows: DistributionRow[], labels: readonly string[], unitNoun: Noun | string = KOMMUNE, unknownLabel = NOT_ANSWERED): string {
  const parts = GRADE_VALUES.map((v, g) => {
    const row = countFor(rows, v);
    const count = row?.count ?? 0;
    const share = row?.share ?? null;
    return `Grad ${g} – ${labels[g]}: ${formatNumber(count)} ${nounFor(count, unitNoun)}${share === null ? '' : ` (${formatPercent(share)})`}.`;
  });
  const unknown = countFor(rows, 'ukjent')?.count ?? 0;
  parts.push(`${unknownLabel}: ${formatNumber(unknown)} ${nounFor(unknown, unitNoun)}.`);
  return parts.join(' ');
}

export function renderGradeBars(options: GradeBarsOptions): string {
  const { rows, labels } = options;
  oneDistribution(rows);
  const groups: BarGroup[] = GRADE_VALUES.map((v, g) => {
    const row = countFor(rows, v);
    const count = row?.count ?? 0;
    const share = row?.share ?? null;
    return {
      heading: `Grad ${g} – ${labels[g]}`,
      bars: [{ value: count, fill: GRADE_COLORS[g], text: share === null ? formatNumber(count) : `${formatNumber(count)} (${formatPercent(share)})` }],
    };
  });
  const unknown = countFor(rows, 'ukjent')?.count ?? 0;
  groups.push({
    heading: options.unknownLabel ?? NOT_ANSWERED,
    bars: [{ value: unknown, fill: UNKNOWN, text: formatNumber(unknown) }],
  });
  return renderBars({
    groups,
    width: options.width,
    fontSize: options.fontSize,
    fluid: options.fluid,
    title: options.title,
    description: `${options.description} ${gradeBarsDescription(rows, labels, options.unitNoun, options.unknownLabel)}`.trim(),
    idPrefix: options.idPrefix,
  });
}
