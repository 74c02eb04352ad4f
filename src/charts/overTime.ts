// Development over time (issue «Development over time»): one kommune's grades per survey year, and
// the national distribution per year.
import * as Plot from '@observablehq/plot';
import { GRADE_COLORS, GRADE_TEXT_COLORS, SHAPE_STROKE } from '../map/palette';
import { renderPlot, unknownPatternId, type FigureText } from './common';
import { renderStackedGrades, type StackedBar } from './stacked';

export interface GradePoint {
  year: number;
  grade: number | null; // null: unknown that year (did not answer)
}

export interface GradeSeries {
  label: string; // «Digital prioritering»
  points: GradePoint[];
}

export interface KommuneOverTimeOptions extends FigureText {
  series: GradeSeries[];
  width?: number;
}

export interface NationalOverTimeOptions extends FigureText {
  /** One distribution per year, oldest first; `label` is usually the year. */
  years: StackedBar[];
  width?: number;
}

/** «Digital prioritering: grad 1 i 2021 → grad 4 i 2024.» per series. */
export function overTimeSentence(series: GradeSeries[]): string {
  return series
    .map((s) => {
      const points = [...s.points].sort((a, b) => a.year - b.year);
      return `${s.label}: ${points.map((p) => `${p.grade === null ? 'ukjent' : `grad ${p.grade}`} i ${p.year}`).join(' → ')}.`;
    })
    .join(' ');
}

interface Cell {
  series: string;
  year: string;
  grade: number | null;
}

/** A grid: one row per indicator, one column per year, each cell coloured and labelled «grad N». */
export function renderKommuneOverTime(options: KommuneOverTimeOptions): string {
  const years = [...new Set(options.series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const cells: Cell[] = options.series.flatMap((s) =>
    years.map((year) => ({ series: s.label, year: String(year), grade: s.points.find((p) => p.year === year)?.grade ?? null })),
  );
  const labelWidth = Math.max(...options.series.map((s) => s.label.length), 4) * 7 + 12;
  const width = options.width ?? Math.min(640, labelWidth + years.length * 90);
  const height = 24 + options.series.length * 34;
  const pattern = `url(#${unknownPatternId(options.idPrefix)})`;
  return renderPlot(
    {
      width,
      height,
      marginLeft: labelWidth,
      marginTop: 24,
      marginRight: 2,
      marginBottom: 2,
      x: { type: 'band', domain: years.map(String), axis: 'top', label: null, tickSize: 0, padding: 0.08 },
      y: { type: 'band', domain: options.series.map((s) => s.label), label: null, tickSize: 0, padding: 0.12 },
      color: { type: 'identity' },
      marks: [
        Plot.cell(cells, {
          x: 'year', y: 'series', fill: (c: Cell) => (c.grade === null ? pattern : GRADE_COLORS[c.grade]), stroke: SHAPE_STROKE, strokeWidth: 0.6,
        }),
        Plot.text(cells, {
          x: 'year', y: 'series', text: (c: Cell) => (c.grade === null ? 'ukjent' : `grad ${c.grade}`),
          fill: (c: Cell) => (c.grade === null ? '#000000' : GRADE_TEXT_COLORS[c.grade]),
          stroke: (c: Cell) => (c.grade === null ? '#ffffff' : 'none'), strokeWidth: 3, paintOrder: 'stroke',
          fontSize: 12,
        }),
      ],
    },
    { ...options, description: `${options.description} ${overTimeSentence(options.series)}`.trim() },
  );
}

/** National distribution of one grade per survey year, as 100 % stacked bars (one per year). */
export function renderNationalOverTime(options: NationalOverTimeOptions): string {
  return renderStackedGrades({
    bars: options.years,
    width: options.width,
    title: options.title,
    description: options.description,
    idPrefix: options.idPrefix,
  });
}
