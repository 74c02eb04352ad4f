// 100 % stacked bars of grades 0–4, one bar per group (or year), shares printed on the segments.
// Segments always run 0 → 4 from the left, and a legend names them, so colour is not needed to read it.
import * as Plot from '@observablehq/plot';
import type { DistributionRow } from '../lib/types';
import { formatNumber, formatPercent, KOMMUNE, MIN_DENOMINATOR, nounFor, type Noun } from '../lib/format';
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
  unitNoun?: Noun | string;
  width?: number;
}

const HEADING = 18;
const HEADING_LINE = 15;
const CHAR_WIDTH = 6.6; // rough average width of a 12-px character
const BAR = 24;
const GAP = 10;
const FONT_SIZE = 12;
const TEXT = '#1a1a1a';

/** Known-value counts and shares of one distribution; shares only when the denominator allows. */
export function gradeShares(rows: DistributionRow[]): { counts: number[]; known: number; unknown: number; shares: number[] | null } {
  oneDistribution(rows);
  const counts = GRADE_VALUES.map((v) => countFor(rows, v)?.count ?? 0);
  const known = counts.reduce((a, b) => a + b, 0);
  const unknown = countFor(rows, 'ukjent')?.count ?? 0;
  return { counts, known, unknown, shares: known >= MIN_DENOMINATOR ? counts.map((c) => c / known) : null };
}

export function stackedDescription(bars: StackedBar[], unitNoun: Noun | string = KOMMUNE): string {
  return bars
    .map((bar) => {
      const { counts, known, unknown, shares } = gradeShares(bar.rows);
      const values = shares
        ? shares.map((s, g) => `grad ${g}: ${formatPercent(s)}`).join(', ')
        : counts.map((c, g) => `grad ${g}: ${formatNumber(c)}`).join(', ');
      return `${bar.label}: ${values} (${formatNumber(known)} ${nounFor(known, unitNoun)} med kjent verdi, ${formatNumber(unknown)} ukjent).`;
    })
    .join(' ');
}

interface Box {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  fill: string;
  stroke: string;
  strokeWidth: number;
}

interface Label {
  x: number;
  y: number;
  text: string;
  fill: string;
}

export function renderStackedGrades(options: StackedOptions): string {
  const width = options.width ?? 640;
  const unitNoun = options.unitNoun ?? KOMMUNE;
  const px = (percent: number) => 1 + (percent / 100) * (width - 2);
  const highlight = options.highlight ?? null;
  // Laid out in pixels and drawn with identity scales in three marks (boxes, left-aligned and
  // centred text): Plot's cost grows with the number of marks, and every kommune page has one.
  const boxes: Box[] = [];
  const outlines: Box[] = [];
  const left: Label[] = [];
  const centred: Label[] = [];
  let y = 2;
  for (const bar of options.bars) {
    const { known, unknown, shares } = gradeShares(bar.rows);
    const heading = `${bar.label} – ${formatNumber(known)} ${nounFor(known, unitNoun)} med kjent verdi${unknown ? `, ${formatNumber(unknown)} ukjent` : ''}`;
    const lines = wrap(heading, Math.floor(width / CHAR_WIDTH));
    lines.forEach((line, i) => left.push({ x: 0, y: y + HEADING / 2 - 1 + i * HEADING_LINE, text: line, fill: TEXT }));
    y += HEADING + (lines.length - 1) * HEADING_LINE;
    if (shares) {
      let x = 0;
      shares.forEach((share, grade) => {
        const x1 = px(x);
        const x2 = px(x + share * 100);
        x += share * 100;
        if (share <= 0) return;
        boxes.push({ x1, x2, y1: y, y2: y + BAR, fill: GRADE_COLORS[grade], stroke: SHAPE_STROKE, strokeWidth: 0.6 });
        if (share >= 0.07) centred.push({ x: (x1 + x2) / 2, y: y + BAR / 2, text: formatPercent(share, 0), fill: GRADE_TEXT_COLORS[grade] });
        if (highlight && grade === highlight.grade) {
          outlines.push({ x1, x2, y1: y - 2, y2: y + BAR + 2, fill: 'none', stroke: '#000', strokeWidth: 2.5 });
        }
      });
    } else {
      left.push({ x: 4, y: y + BAR / 2, text: `For få ${nounFor(0, unitNoun)} med kjent verdi til å vise andeler`, fill: TEXT });
    }
    y += BAR + GAP;
  }
  // Legend: five swatches in grade order, then the highlight key.
  const legendY = y + 4;
  GRADE_COLORS.forEach((color, grade) => {
    const x = px(grade * 16);
    boxes.push({ x1: x, x2: x + 12, y1: legendY, y2: legendY + 12, fill: color, stroke: SHAPE_STROKE, strokeWidth: 0.6 });
    left.push({ x: x + 16, y: legendY + 6, text: `Grad ${grade}`, fill: TEXT });
  });
  y = legendY + 16;
  if (highlight) {
    outlines.push({ x1: 1, x2: 13, y1: legendY + 18, y2: legendY + 30, fill: 'none', stroke: '#000', strokeWidth: 2.5 });
    left.push({ x: 17, y: legendY + 24, text: highlight.text, fill: TEXT });
    y += 18;
  }

  return renderPlot(
    {
      width,
      height: Math.ceil(y + 2),
      margin: 0,
      x: { type: 'identity', axis: null },
      y: { type: 'identity', axis: null },
      color: { type: 'identity' },
      marks: [
        Plot.rect([...boxes, ...outlines], { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 'fill', stroke: 'stroke', strokeWidth: 'strokeWidth' }),
        Plot.text(centred, { x: 'x', y: 'y', text: 'text', fill: 'fill', fontSize: FONT_SIZE }),
        Plot.text(left, { x: 'x', y: 'y', text: 'text', fill: 'fill', textAnchor: 'start', fontSize: FONT_SIZE }),
      ],
    },
    { ...options, description: `${options.description} ${stackedDescription(options.bars, unitNoun)}`.trim() },
  );
}
