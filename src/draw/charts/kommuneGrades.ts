// One kommune's grade per survey year, as small multiples (one panel per theme) on a kommune page.
// The vertical axis has the levels of «Change between years» (spec/indicators.md): 0 < 1 < {2, 3}
// < 4, so grades 2 and 3 sit at the same height; each point prints its grade and is filled with the
// grade's colour, so the kind shows in text and colour, not as a rank.
import { GRADE_COLORS } from '../map/palette';
import { gradeLevel, LEVEL_LABELS } from '../../lib/rules/change';
import { wrap } from '../map/svg';
import { chartSvg, el, fluidExtent, num, pct, text } from './svg';

export interface KommuneGradePoint {
  year: number;
  grade: number | null;
  /** False for a year whose figure is for a different territory (split/merge): drawn hollow, dashed. */
  comparable: boolean;
  /** Printed under the year instead of «ukjent» when there is no point for another reason («*»). */
  mark?: string;
}

export interface KommuneGradesOptions {
  title: string;
  idPrefix: string;
  /** One series per theme: «Digital prioritering», «Digital aktivitet». */
  series: { label: string; points: KommuneGradePoint[] }[];
  years: number[];
  description: string;
  /** Drawn width (fixed), or the narrowest column it is laid out for (fluid). Default 364. */
  width?: number;
  /** Text size in the SVG's own units; the layout scales with it. Default 13. */
  fontSize?: number;
  /** Stretch to the column (charts/svg ChartFrame.fluid): the panels share the column's width, text keeps its size. */
  fluid?: boolean;
  /** Why a year has no point, under the panels, so the reason travels with a downloaded file. */
  footnote?: string;
}

const LINE = '#08519c';
/** Printed under the year when the year has no grade: the gap is marked at the axis, not on the grid. */
export const MISSING_MARK = 'ukjent';

/** Rough glyph widths as a share of the font size (no font metrics at build time; digits are the widest). */
const DIGIT_EM = 0.64;
const BOLD_EM = 0.62;

/**
 * Small multiples: one panel per theme, years on x, level 0–3 on y, a point and its grade per year.
 * The panels sit side by side, each a share of the width, when the years fit there at `width`;
 * otherwise they are stacked. Fluid: each panel is a nested <svg> taking 1/n of the column; inside
 * it the axis and grid are in px from its edges and the years spread with its width (the points
 * fill the plot at `width` and keep centred, with growing margins, on a wider column). Fixed: the
 * same layout in px, the points filling the plot.
 */
export function renderKommuneGrades(o: KommuneGradesOptions): string {
  const width = o.width ?? 364;
  const font = o.fontSize ?? 13;
  const k = font / 13;
  const fluid = o.fluid === true;
  const n = Math.max(1, o.series.length);
  const gap = 12 * k;
  const axisLabelRight = 34 * k; // the «2 / 3» tick label ends here
  const plotLeftPad = 38 * k;
  const inset = 8 * k; // a point (r 6 + stroke) clear of the plot's ends; the year label may reach past them
  const yearW = 4 * DIGIT_EM * font;

  // Every panel has the same paddings, so the panels match: room on the right for half a year
  // label (centred on the last point), which also keeps the next panel's tick labels clear.
  const rightPad = Math.ceil(yearW / 2 - inset + 2 * k);
  const geometry = (panelW: number) => ({ plotLeft: plotLeftPad, rightPad, span: panelW - plotLeftPad - inset - rightPad - inset });
  // Side by side when the years fit in a panel's share of the narrowest width, else stacked.
  const fitsIn = (cols: number) => o.years.length < 2 || geometry(width / cols).span / (o.years.length - 1) >= yearW + 3 * k;
  const cols = n > 1 && fitsIn(n) ? n : 1;
  const panelW = width / cols;

  const titleChars = Math.max(8, Math.floor((panelW - gap) / (BOLD_EM * font)));
  const titleLines = o.series.map((s) => wrap(s.label, titleChars));
  const titleH = Math.max(...titleLines.map((l) => l.length)) * 16 * k;
  const top = titleH + 24 * k; // room for a grade printed above a level-4 point
  const plotH = 84 * k;
  const yearY = top + plotH + 20 * k;
  const missingY = yearY + 17 * k;
  const panelH = missingY + 7 * k;
  const levels = LEVEL_LABELS.length - 1;
  const y = (grade: number) => top + plotH - (gradeLevel(grade) / levels) * plotH;
  const f = (i: number) => (o.years.length === 1 ? 0.5 : i / (o.years.length - 1));

  const panels = o.series.map((s, si) => {
    const col = si % cols;
    const row = Math.floor(si / cols);
    const { plotLeft, span: span0 } = geometry(panelW);
    // A year's x inside the panel. Fixed: px, the points filling the plot. Fluid: translate(shift)
    // and x in percent of the panel, so a line between two points is still one element; the points
    // fill the plot at `width` and spread, centred, on a wider column.
    const kappa = span0 / panelW;
    const alpha0 = (1 - kappa) / 2;
    const shift = plotLeft + inset - alpha0 * panelW;
    const xAt = (i: number): string | number => (fluid ? pct(100 * (alpha0 + f(i) * kappa)) : plotLeft + inset + f(i) * span0);

    const frame: string[] = [];
    titleLines[si].forEach((line, li) => frame.push(text({ x: 0, y: 12 * k + li * 16 * k, 'font-weight': 600 }, line)));
    LEVEL_LABELS.forEach((label, level) => {
      const ly = top + plotH - (level / levels) * plotH;
      const grid = fluid ? fluidExtent(1, plotLeft, rightPad) : { x1: plotLeft, x2: panelW - rightPad };
      frame.push(el('line', { ...grid, y1: ly, y2: ly, stroke: '#e0e0e0' }));
      frame.push(text({ x: axisLabelRight, y: ly + 4.5 * k, 'text-anchor': 'end', fill: '#4a4a4a' }, label));
    });

    const marks: string[] = [];
    const pts = o.years.map((year, i) => ({ i, year, p: s.points.find((p) => p.year === year) }));
    for (const { i, year, p } of pts) {
      marks.push(text({ x: xAt(i), y: yearY, 'text-anchor': 'middle', fill: '#4a4a4a' }, String(year)));
      // Under the last year, the (wider) mark ends where the year ends, inside the figure.
      const last = i === o.years.length - 1 && o.years.length > 1;
      if (p && p.grade === null) marks.push(text({ x: xAt(i), dx: last ? yearW / 2 : null, y: missingY, 'text-anchor': last ? 'end' : 'middle', fill: '#4a4a4a' }, p.mark ?? MISSING_MARK));
    }
    for (let j = 1; j < pts.length; j++) {
      const a = pts[j - 1].p;
      const b = pts[j].p;
      if (!a || !b || a.grade === null || b.grade === null) continue;
      const dashed = !a.comparable || !b.comparable;
      marks.push(el('line', { x1: xAt(pts[j - 1].i), y1: y(a.grade), x2: xAt(pts[j].i), y2: y(b.grade), stroke: LINE, 'stroke-width': 2 * k, 'stroke-dasharray': dashed ? `${num(4 * k)} ${num(3 * k)}` : null }));
    }
    for (const { i, p } of pts) {
      if (!p || p.grade === null) continue;
      marks.push(el('circle', { cx: xAt(i), cy: y(p.grade), r: 6 * k, fill: p.comparable ? GRADE_COLORS[p.grade] ?? '#fff' : '#fff', stroke: LINE, 'stroke-width': 2 * k }));
      marks.push(text({ x: xAt(i), y: y(p.grade) - 10 * k, 'text-anchor': 'middle', 'font-weight': 600 }, String(p.grade)));
    }
    const body = frame.join('') + (fluid ? el('g', { transform: `translate(${num(shift)},0)` }, marks) : marks.join(''));
    const panelY = row * (panelH + 8 * k);
    return fluid
      ? el('svg', { x: pct((100 * col) / cols), y: panelY || null, width: pct(100 / cols), height: panelH, overflow: 'visible' }, body)
      : el('g', { transform: col || panelY ? `translate(${num(col * panelW)},${num(panelY)})` : null }, body);
  });
  const rows = Math.ceil(n / cols);
  const panelsH = rows * panelH + (rows - 1) * 8 * k;
  // Wrapped for the narrowest width the chart is laid out for (0.55 em a glyph, as elsewhere).
  const noteLines = o.footnote ? wrap(o.footnote, Math.max(20, Math.floor(width / (0.55 * font)))) : [];
  const note = noteLines.map((line, i) => text({ x: 0, y: panelsH + 18 * k + i * 16 * k, fill: '#4a4a4a' }, line));
  return chartSvg(
    { ...o, width, height: Math.ceil(panelsH + (noteLines.length ? 8 * k + noteLines.length * 16 * k : 0)), fontSize: font, fluid },
    el('g', { fill: '#1a1a1a' }, [...panels, ...note]),
  );
}
