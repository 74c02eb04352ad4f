// One kommune's grade per survey year, as small multiples (one panel per theme) on a kommune page.
// The vertical axis has the levels of «Change between years» (spec/indicators.md): 0 < 1 < {2, 3}
// < 4, so grades 2 and 3 sit at the same height; each point prints its grade and is filled with the
// grade's colour, so the kind shows in text and colour, not as a rank.
import * as Plot from '@observablehq/plot';
import { GRADE_COLORS } from '../map/palette';
import { gradeLevel, LEVEL_LABELS } from '../../lib/rules/change';
import { wrap } from '../map/svg';
import { charsIn, drawSized, renderSharedPlot, textWidth, type FigureSize } from '../plot';

export interface KommuneGradePoint {
  year: number;
  grade: number | null;
  /** False for a year whose figure is for a different territory (split/merge): drawn hollow, dashed. */
  comparable: boolean;
  /** Printed under the year instead of «ukjent» when there is no point for another reason («*»). */
  mark?: string;
}

export interface KommuneGradesOptions extends Partial<FigureSize> {
  title: string;
  idPrefix: string;
  /** One series per theme: «Digital prioritering», «Digital aktivitet». */
  series: { label: string; points: KommuneGradePoint[] }[];
  years: number[];
  description: string;
  /** Why a year has no point, under the panels, so the reason travels with a downloaded file. */
  footnote?: string;
}

const LINE = '#08519c';
const MUTED = '#4a4a4a';
/** Printed under the year when the year has no grade: the gap is marked at the axis, not on the grid. */
export const MISSING_MARK = 'ukjent';
/** Where the year labels and the «ukjent» marks sit on the level axis: below level 0. */
const YEAR_AT = -0.75;
const MISSING_AT = -1.35;

interface Point { panel: string; year: number; grade: number; comparable: boolean }
interface Link { panel: string; a: Point; b: Point; dashed: boolean }

function drawKommuneGrades(o: KommuneGradesOptions, width: number, idPrefix: string, fontSize: number, classes?: string): string {
  const k = fontSize / 13;
  const n = Math.max(1, o.series.length);
  const axisW = Math.ceil(textWidth(LEVEL_LABELS[LEVEL_LABELS.length - 2], fontSize) + 10);
  const yearW = textWidth('2024', fontSize) + 8 * k;
  // Side by side when the years fit in a panel's share of the width, else one panel under the other.
  const fits = (cols: number) => (width / cols - axisW - 16 * k) / Math.max(1, o.years.length) >= yearW;
  const cols = n > 1 && fits(n) ? n : 1;
  const facet = cols > 1 ? 'fx' : 'fy';
  const panels = o.series.map((s) => s.label);
  const titleLines = o.series.map((s) => wrap(s.label, charsIn(width / cols - 8, fontSize * 1.05)));
  const titleH = Math.max(...titleLines.map((l) => l.length)) * 16 * k;
  const points: Point[] = o.series.flatMap((s) => s.points.filter((p) => p.grade !== null).map((p) => ({ panel: s.label, year: p.year, grade: p.grade!, comparable: p.comparable })));
  const links: Link[] = o.series.flatMap((s) => o.years.slice(1).flatMap((year, j) => {
    const a = s.points.find((p) => p.year === o.years[j]);
    const b = s.points.find((p) => p.year === year);
    if (!a || !b || a.grade === null || b.grade === null) return [];
    return [{ panel: s.label, a: { ...a, panel: s.label, grade: a.grade }, b: { ...b, panel: s.label, grade: b.grade }, dashed: !a.comparable || !b.comparable }];
  }));
  const yearMarks = o.series.flatMap((s) => o.years.map((year) => {
    const missing = s.points.find((p) => p.year === year && p.grade === null);
    return { panel: s.label, year, missing: missing ? missing.mark ?? MISSING_MARK : null };
  }));
  const noteLines = o.footnote ? wrap(o.footnote, charsIn(width, fontSize)) : [];
  const noteH = noteLines.length ? 8 * k + noteLines.length * 16 * k : 0;
  const plotH = 84 * k;
  const levelStep = plotH / (LEVEL_LABELS.length - 1);
  const top = titleH + 24 * k; // room for the title and a grade printed above a level-4 point
  const panelH = top + plotH + (-MISSING_AT * levelStep) + 10 * k;
  const rows = Math.ceil(n / cols);
  const gap = 12 * k;
  const level = (p: Point) => gradeLevel(p.grade);
  const link = (dashed: boolean) => Plot.link(links.filter((l) => l.dashed === dashed), {
    [facet]: 'panel', x1: (l: Link) => l.a.year, x2: (l: Link) => l.b.year, y1: (l: Link) => level(l.a), y2: (l: Link) => level(l.b),
    stroke: LINE, strokeWidth: 2 * k, strokeDasharray: dashed ? `${4 * k} ${3 * k}` : undefined,
  });
  // The latest year's kommune page is drawn twice (/kommune/ and /<år>/kommune/): one drawing.
  return renderSharedPlot({ width, series: o.series, years: o.years, footnote: o.footnote ?? null }, () => ({
    width,
    height: Math.ceil(rows * panelH + (rows - 1) * gap + noteH),
    marginTop: 0,
    marginBottom: Math.ceil(noteH),
    marginLeft: axisW,
    marginRight: Math.ceil(yearW / 2),
    x: { type: 'point', domain: o.years, axis: null, inset: 8 * k },
    y: { domain: [MISSING_AT - 10 / levelStep, LEVEL_LABELS.length - 1], range: [panelH, top], axis: null },
    fx: { domain: panels, axis: null, padding: cols > 1 ? gap / (width / cols) : 0 },
    fy: { domain: panels, axis: null, padding: rows > 1 ? gap / panelH : 0 },
    color: { type: 'identity' },
    marks: [
      Plot.text(o.series.map((s, i) => ({ panel: s.label, text: titleLines[i].join('\n') })), {
        [facet]: 'panel', text: 'text', frameAnchor: 'top-left', lineAnchor: 'top', textAnchor: 'start', dx: -axisW, dy: 2, fontWeight: 600, lineHeight: 16 * k / fontSize, fill: '#1a1a1a',
      }),
      Plot.ruleY(LEVEL_LABELS.map((_, i) => i), { stroke: '#e0e0e0' }),
      Plot.text(LEVEL_LABELS.map((label, i) => ({ label, i })), { y: 'i', text: 'label', frameAnchor: 'left', textAnchor: 'end', dx: -6, fill: MUTED }),
      Plot.text(yearMarks, { [facet]: 'panel', x: 'year', y: () => YEAR_AT, text: (d: { year: number }) => String(d.year), fill: MUTED }),
      Plot.text(yearMarks.filter((d) => d.missing), { [facet]: 'panel', x: 'year', y: () => MISSING_AT, text: 'missing', fill: MUTED }),
      // The footnote once, under all the panels.
      Plot.text(noteLines.length ? [noteLines.join('\n')] : [], { facet: 'super', text: (d: string) => d, frameAnchor: 'bottom-left', lineAnchor: 'top', textAnchor: 'start', dx: -axisW, dy: 8 * k, lineHeight: 16 * k / fontSize, fill: MUTED }),
      link(false),
      link(true),
      Plot.dot(points, { [facet]: 'panel', x: 'year', y: level, r: 6 * k, fill: (p: Point) => (p.comparable ? GRADE_COLORS[p.grade] ?? '#fff' : '#fff'), stroke: LINE, strokeWidth: 2 * k }),
      Plot.text(points, { [facet]: 'panel', x: 'year', y: level, text: (p: Point) => String(p.grade), lineAnchor: 'bottom', dy: -8 * k, fontWeight: 600, fill: '#1a1a1a' }),
    ],
  }) as Plot.PlotOptions, { title: o.title, description: o.description, idPrefix, fontSize, classes });
}

/**
 * Small multiples: one panel per theme, years on x, level 0–3 on y, a point and its grade per year;
 * side by side when the years fit there, else stacked.
 */
export function renderKommuneGrades(o: KommuneGradesOptions): string {
  const size: FigureSize = { width: o.width ?? 364, fontSize: o.fontSize ?? 13, fluid: o.fluid };
  return drawSized(size, o.idPrefix, (width, idPrefix, classes) => drawKommuneGrades(o, width, idPrefix, size.fontSize, classes));
}
