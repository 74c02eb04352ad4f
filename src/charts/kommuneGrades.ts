// One kommune's grade per survey year, as small multiples (one panel per theme) on a kommune page.
// The vertical axis has the levels of «Change between years» (spec/indicators.md): 0 < 1 < {2, 3}
// < 4, so grades 2 and 3 sit at the same height; each point prints its grade and is filled with the
// grade's colour, so the kind shows in text and colour, not as a rank.
import { GRADE_COLORS } from '../map/palette';
import { gradeLevel, LEVEL_LABELS } from '../lib/rules/change';
import { chartSvg, el, text } from './svg';

export interface KommuneGradePoint {
  year: number;
  grade: number | null;
  /** False for a year whose figure is for a different territory (split/merge): drawn hollow, dashed. */
  comparable: boolean;
}

export interface KommuneGradesOptions {
  title: string;
  idPrefix: string;
  /** One series per theme: «Digital prioritering», «Digital aktivitet». */
  series: { label: string; points: KommuneGradePoint[] }[];
  years: number[];
  description: string;
}

const LINE = '#08519c';
const FONT = 13;
/** Printed under the year when the year has no grade: the gap is marked at the axis, not on the grid. */
export const MISSING_MARK = 'ukjent';

/** Small multiples: one panel per theme, years on x, level 0–3 on y, a point and its grade per year. */
export function renderKommuneGrades(o: KommuneGradesOptions): string {
  const panelW = 176; // two panels ≈ 364 px: shown unscaled on a 390-px phone, so text stays ≥ 12 px
  const left = 30;
  const top = 40;
  const plotH = 84;
  const panelH = top + plotH + 44;
  const plotW = panelW - left - 10;
  const inset = 14; // keeps the first and last point clear of the tick labels and the panel edge
  const levels = LEVEL_LABELS.length - 1;
  const x = (i: number) => left + inset + (o.years.length === 1 ? (plotW - 2 * inset) / 2 : (i * (plotW - 2 * inset)) / (o.years.length - 1));
  const y = (grade: number) => top + plotH - (gradeLevel(grade) / levels) * plotH;
  const panels = o.series.map((s, si) => {
    const parts: string[] = [text({ x: 0, y: 12, 'font-weight': 600 }, s.label)];
    LEVEL_LABELS.forEach((label, level) => {
      const ly = top + plotH - (level / levels) * plotH;
      parts.push(el('line', { x1: left, x2: left + plotW, y1: ly, y2: ly, stroke: '#e0e0e0' }));
      parts.push(text({ x: left - 5, y: ly + 4.5, 'text-anchor': 'end', fill: '#4a4a4a' }, label));
    });
    const pts = o.years.map((year, i) => ({ i, year, p: s.points.find((p) => p.year === year) }));
    for (const { i, year, p } of pts) {
      parts.push(text({ x: x(i), y: top + plotH + 20, 'text-anchor': 'middle', fill: '#4a4a4a' }, String(year)));
      if (p && p.grade === null) parts.push(text({ x: x(i), y: top + plotH + 37, 'text-anchor': 'middle', fill: '#4a4a4a' }, MISSING_MARK));
    }
    for (let j = 1; j < pts.length; j++) {
      const a = pts[j - 1].p;
      const b = pts[j].p;
      if (!a || !b || a.grade === null || b.grade === null) continue;
      const dashed = !a.comparable || !b.comparable;
      parts.push(el('line', { x1: x(pts[j - 1].i), y1: y(a.grade), x2: x(pts[j].i), y2: y(b.grade), stroke: LINE, 'stroke-width': 2, 'stroke-dasharray': dashed ? '4 3' : null }));
    }
    for (const { i, p } of pts) {
      if (!p || p.grade === null) continue;
      parts.push(el('circle', { cx: x(i), cy: y(p.grade), r: 6, fill: p.comparable ? GRADE_COLORS[p.grade] ?? '#fff' : '#fff', stroke: LINE, 'stroke-width': 2 }));
      parts.push(text({ x: x(i), y: y(p.grade) - 10, 'text-anchor': 'middle', 'font-weight': 600 }, String(p.grade)));
    }
    return el('g', { transform: si ? `translate(${si * (panelW + 12)},0)` : null }, parts);
  });
  return chartSvg(
    { ...o, width: o.series.length * (panelW + 12) - 12, height: panelH, fontSize: FONT },
    el('g', { fill: '#1a1a1a' }, panels),
  );
}
