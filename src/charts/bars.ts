// Horizontal bars with the label above each bar and the number at its end (SSB table style).
// Positions are laid out here in pixels (identity y scale) so long Norwegian labels get a line
// of their own instead of a cramped axis.
import * as Plot from '@observablehq/plot';
import { SHAPE_STROKE } from '../map/palette';
import { renderPlot, type FigureText } from './common';
import { wrap } from '../map/svg';

export interface Bar {
  value: number | null; // null → no bar, only the text («..»)
  text: string; // the number shown at the end of the bar
  fill: string;
  prefix?: string; // short series label left of the bar («2021»)
}

export interface BarGroup {
  heading: string;
  bars: Bar[];
}

export interface BarsOptions extends FigureText {
  groups: BarGroup[];
  /** Upper end of the value axis; default the largest value. */
  max?: number;
  width?: number;
  /** Text size in the SVG's own units. The page shows the SVG at its width or narrower, so
   * width and fontSize together decide the size a reader sees (≥ 12 px wanted on a phone). */
  fontSize?: number;
}

export function renderBars(options: BarsOptions): string {
  const width = options.width ?? 640;
  const FONT_SIZE = options.fontSize ?? 12;
  const k = FONT_SIZE / 12;
  const HEADING = 18 * k;
  const HEADING_LINE = 15 * k;
  const BAR = 14 * k;
  const BAR_GAP = 4 * k;
  const GROUP_GAP = 8 * k;
  const CHAR_WIDTH = 7 * k; // rough width of a character, for margins only
  const hasPrefix = options.groups.some((g) => g.bars.some((b) => b.prefix));
  const left = hasPrefix
    ? Math.max(...options.groups.flatMap((g) => g.bars.map((b) => (b.prefix ?? '').length))) * CHAR_WIDTH + 8
    : 0;
  const right = Math.max(...options.groups.flatMap((g) => g.bars.map((b) => b.text.length)), 1) * CHAR_WIDTH + 8;

  const max = options.max ?? Math.max(...options.groups.flatMap((g) => g.bars.map((b) => b.value ?? 0)), 0);
  const scale = (width - right - left) / (max > 0 ? max : 1);

  // Everything is placed in pixels here and drawn with identity scales: two marks in all, since
  // Plot's cost grows with the number of marks and a site build draws hundreds of these.
  const rects: { x1: number; x2: number; y1: number; y2: number; fill: string }[] = [];
  const labels: { x: number; y: number; text: string }[] = [];
  let y = 2;
  for (const group of options.groups) {
    // No font metrics at build time: wrap long labels by an average character width.
    const lines = wrap(group.heading, Math.floor(width / (CHAR_WIDTH - 0.4 * k)));
    lines.forEach((line, i) => labels.push({ x: 0, y: y + HEADING / 2 - 1 + i * HEADING_LINE, text: line }));
    y += HEADING + (lines.length - 1) * HEADING_LINE;
    for (const bar of group.bars) {
      const end = left + (bar.value ?? 0) * scale;
      if (bar.value !== null && bar.value > 0) rects.push({ x1: left, x2: end, y1: y, y2: y + BAR, fill: bar.fill });
      labels.push({ x: end + 4, y: y + BAR / 2, text: bar.text });
      if (hasPrefix) labels.push({ x: 0, y: y + BAR / 2, text: bar.prefix ?? '' });
      y += BAR + BAR_GAP;
    }
    y += GROUP_GAP;
  }

  return renderPlot(
    {
      width,
      height: Math.ceil(y),
      margin: 0,
      x: { type: 'identity', axis: null },
      y: { type: 'identity', axis: null },
      color: { type: 'identity' },
      marks: [
        Plot.rect(rects, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 'fill', stroke: SHAPE_STROKE, strokeWidth: 0.6 }),
        Plot.text(labels, { x: 'x', y: 'y', text: 'text', textAnchor: 'start', fontSize: FONT_SIZE, fill: '#1a1a1a' }),
      ],
    },
    options,
  );
}
