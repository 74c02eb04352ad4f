// 100 % stacked bars of grades 0–4, one bar per group (or year), shares printed on the segments.
// Segments always run 0 → 4 from the left, and a legend names them, so colour is not needed to read it.
import * as Plot from '@observablehq/plot';
import type { DistributionRow } from '../lib/types';
import { formatNumber, formatPercent, MIN_DENOMINATOR } from '../lib/format';
import { GRADE_COLORS, GRADE_TEXT_COLORS, SHAPE_STROKE } from '../map/palette';
import { renderPlot, type FigureText } from './common';
import { wrap } from '../map/svg';
import { GRADE_VALUES, countFor, oneDistribution } from './gradeBars';

export interface StackedBar {
  label: string; // «Norge», «Viken», «2021»
  rows: DistributionRow[]; // one distribution
}

export interface StackedOptions extends FigureText {
  bars: StackedBar[];
  /** Grade outlined on every bar (a kommune's own grade in the comparison chart). */
  highlight?: { grade: number; text: string } | null;
  unitNoun?: string;
  width?: number;
}

interface Segment {
  grade: number;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  share: number;
}

const HEADING = 18;
const HEADING_LINE = 15;
const CHAR_WIDTH = 6.6; // rough average width of a 12-px character
const BAR = 24;
const GAP = 10;
const FONT_SIZE = 12;

/** Known-value counts and shares of one distribution; shares only when the denominator allows. */
export function gradeShares(rows: DistributionRow[]): { counts: number[]; known: number; unknown: number; shares: number[] | null } {
  oneDistribution(rows);
  const counts = GRADE_VALUES.map((v) => countFor(rows, v)?.count ?? 0);
  const known = counts.reduce((a, b) => a + b, 0);
  const unknown = countFor(rows, 'ukjent')?.count ?? 0;
  return { counts, known, unknown, shares: known >= MIN_DENOMINATOR ? counts.map((c) => c / known) : null };
}

export function stackedDescription(bars: StackedBar[], unitNoun = 'kommuner'): string {
  return bars
    .map((bar) => {
      const { counts, known, unknown, shares } = gradeShares(bar.rows);
      const values = shares
        ? shares.map((s, g) => `grad ${g}: ${formatPercent(s)}`).join(', ')
        : counts.map((c, g) => `grad ${g}: ${formatNumber(c)}`).join(', ');
      return `${bar.label}: ${values} (${formatNumber(known)} ${unitNoun} med kjent verdi, ${formatNumber(unknown)} ukjent).`;
    })
    .join(' ');
}

export function renderStackedGrades(options: StackedOptions): string {
  const width = options.width ?? 640;
  const unitNoun = options.unitNoun ?? 'kommuner';
  const headings: { y: number; text: string }[] = [];
  const segments: Segment[] = [];
  const notes: { y: number; text: string }[] = [];
  let y = 2;
  for (const bar of options.bars) {
    const { known, unknown, shares } = gradeShares(bar.rows);
    const heading = `${bar.label} – ${formatNumber(known)} ${unitNoun} med kjent verdi${unknown ? `, ${formatNumber(unknown)} ukjent` : ''}`;
    const lines = wrap(heading, Math.floor(width / CHAR_WIDTH));
    lines.forEach((line, i) => headings.push({ y: y + HEADING / 2 - 1 + i * HEADING_LINE, text: line }));
    y += HEADING + (lines.length - 1) * HEADING_LINE;
    if (shares) {
      let x = 0;
      shares.forEach((share, grade) => {
        segments.push({ grade, x1: x, x2: x + share * 100, y1: y, y2: y + BAR, share });
        x += share * 100;
      });
    } else {
      notes.push({ y: y + BAR / 2, text: `For få ${unitNoun} med kjent verdi til å vise andeler` });
    }
    y += BAR + GAP;
  }
  // Legend: five swatches in grade order, then the highlight key.
  const legendY = y + 4;
  const legend = GRADE_COLORS.map((color, grade) => ({ grade, color, x: grade * 16, text: `Grad ${grade}` }));
  y = legendY + 16;
  const highlight = options.highlight ?? null;
  if (highlight) y += 18;
  const height = Math.ceil(y + 2);
  const outlined = highlight ? segments.filter((s) => s.grade === highlight.grade && s.x2 > s.x1) : [];

  return renderPlot(
    {
      width,
      height,
      margin: 0,
      x: { type: 'linear', domain: [0, 100], range: [1, width - 1], axis: null },
      y: { type: 'identity', axis: null },
      color: { type: 'identity' },
      marks: [
        Plot.rect(segments.filter((s) => s.x2 > s.x1), {
          x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: (s: Segment) => GRADE_COLORS[s.grade], stroke: SHAPE_STROKE, strokeWidth: 0.6,
        }),
        Plot.text(segments.filter((s) => s.share >= 0.07), {
          x: (s: Segment) => (s.x1 + s.x2) / 2,
          y: (s: Segment) => (s.y1 + s.y2) / 2,
          text: (s: Segment) => formatPercent(s.share, 0),
          fill: (s: Segment) => GRADE_TEXT_COLORS[s.grade],
          fontSize: FONT_SIZE,
        }),
        Plot.rect(outlined, { x1: 'x1', x2: 'x2', y1: (s: Segment) => s.y1 - 2, y2: (s: Segment) => s.y2 + 2, fill: 'none', stroke: '#000', strokeWidth: 2.5 }),
        Plot.text(headings, { y: 'y', text: 'text', frameAnchor: 'left', textAnchor: 'start', fontSize: FONT_SIZE, fill: '#1a1a1a' }),
        Plot.text(notes, { y: 'y', text: 'text', frameAnchor: 'left', textAnchor: 'start', fontSize: FONT_SIZE, fill: '#1a1a1a', dx: 4 }),
        Plot.rect(legend, {
          x1: 'x', x2: (d: { x: number }) => d.x + 12 * (100 / width), y1: () => legendY, y2: () => legendY + 12,
          fill: 'color', stroke: SHAPE_STROKE, strokeWidth: 0.6,
        }),
        Plot.text(legend, { x: (d: { x: number }) => d.x + 16 * (100 / width), y: () => legendY + 6, text: 'text', textAnchor: 'start', fontSize: FONT_SIZE, fill: '#1a1a1a' }),
        ...(highlight
          ? [
              Plot.rect([highlight], { x1: () => 0, x2: () => 12 * (100 / width), y1: () => legendY + 18, y2: () => legendY + 30, fill: 'none', stroke: '#000', strokeWidth: 2.5 }),
              Plot.text([highlight], { x: () => 16 * (100 / width), y: () => legendY + 24, text: 'text', textAnchor: 'start', fontSize: FONT_SIZE, fill: '#1a1a1a' }),
            ]
          : []),
      ],
    },
    { ...options, description: `${options.description} ${stackedDescription(options.bars, unitNoun)}`.trim() },
  );
}
