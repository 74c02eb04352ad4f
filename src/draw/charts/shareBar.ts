// One bar split by grade share (a group's grades on a share card): the segments in grade order, each
// grade's digit printed where the segment is wide enough, so colour is never the only key.
import * as Plot from '@observablehq/plot';
import { GRADE_COLORS, GRADE_TEXT_COLORS, SHAPE_STROKE } from '../map/palette';
import { renderPlot, type FigureText } from '../plot';

export interface ShareBarOptions extends FigureText {
  /** Share of each grade 0–4 among the known (sums to 1, or all 0). */
  shares: readonly number[];
  width: number;
  height: number;
  fontSize: number;
  fontFamily?: string;
}

interface Segment { grade: number; from: number; to: number }

/** The narrowest segment, in px, that gets its digit. */
const DIGIT_MIN = 40;

export function renderShareBar(o: ShareBarOptions): string {
  const segments: Segment[] = [];
  let from = 0;
  o.shares.forEach((share, grade) => {
    if (share > 0) segments.push({ grade, from, to: from + share });
    from += share;
  });
  const labelled = segments.filter((s) => (s.to - s.from) * o.width >= DIGIT_MIN);
  return renderPlot({
    width: o.width,
    height: o.height,
    margin: 0,
    x: { domain: [0, 1], axis: null },
    y: { axis: null },
    color: { type: 'identity' },
    marks: [
      Plot.barX(segments, { x1: 'from', x2: 'to', fill: (s: Segment) => GRADE_COLORS[s.grade], stroke: '#ffffff', strokeWidth: 1 }),
      Plot.frame({ stroke: SHAPE_STROKE, strokeWidth: 1 }),
      Plot.text(labelled, { x: (s: Segment) => (s.from + s.to) / 2, text: (s: Segment) => String(s.grade), frameAnchor: 'middle', fontWeight: 700, fill: (s: Segment) => GRADE_TEXT_COLORS[s.grade] }),
    ],
  } as Plot.PlotOptions, { title: o.title, description: o.description, idPrefix: o.idPrefix, fontSize: o.fontSize, fontFamily: o.fontFamily });
}
