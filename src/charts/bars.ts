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
}

const FONT_SIZE = 12;
const HEADING = 18;
const HEADING_LINE = 15;
const BAR = 14;
const BAR_GAP = 4;
const GROUP_GAP = 8;
const CHAR_WIDTH = 7; // rough width of a 12-px character, for margins only

export function renderBars(options: BarsOptions): string {
  const width = options.width ?? 640;
  const hasPrefix = options.groups.some((g) => g.bars.some((b) => b.prefix));
  const left = hasPrefix
    ? Math.max(...options.groups.flatMap((g) => g.bars.map((b) => (b.prefix ?? '').length))) * CHAR_WIDTH + 8
    : 0;
  const right = Math.max(...options.groups.flatMap((g) => g.bars.map((b) => b.text.length)), 1) * CHAR_WIDTH + 8;

  const headings: { y: number; text: string }[] = [];
  const bars: (Bar & { y1: number; y2: number; mid: number; x: number })[] = [];
  let y = 2;
  for (const group of options.groups) {
    // No font metrics at build time: wrap long labels by an average character width.
    const lines = wrap(group.heading, Math.floor(width / (CHAR_WIDTH - 0.4)));
    lines.forEach((line, i) => headings.push({ y: y + HEADING / 2 - 1 + i * HEADING_LINE, text: line }));
    y += HEADING + (lines.length - 1) * HEADING_LINE;
    for (const bar of group.bars) {
      bars.push({ ...bar, x: bar.value ?? 0, y1: y, y2: y + BAR, mid: y + BAR / 2 });
      y += BAR + BAR_GAP;
    }
    y += GROUP_GAP;
  }
  const height = Math.ceil(y);
  const max = options.max ?? Math.max(...bars.map((b) => b.value ?? 0), 0);

  return renderPlot(
    {
      width,
      height,
      margin: 0,
      x: { type: 'linear', domain: [0, max > 0 ? max : 1], range: [left, width - right], axis: null },
      y: { type: 'identity', axis: null },
      color: { type: 'identity' },
      marks: [
        Plot.rect(bars.filter((b) => b.value !== null && b.value > 0), {
          x1: () => 0, x2: 'x', y1: 'y1', y2: 'y2', fill: 'fill', stroke: SHAPE_STROKE, strokeWidth: 0.6,
        }),
        Plot.text(headings, { y: 'y', text: 'text', frameAnchor: 'left', textAnchor: 'start', fontSize: FONT_SIZE, fill: '#1a1a1a' }),
        Plot.text(bars, { x: 'x', y: 'mid', text: 'text', dx: 4, textAnchor: 'start', fontSize: FONT_SIZE, fill: '#1a1a1a' }),
        ...(hasPrefix
          ? [Plot.text(bars, { y: 'mid', text: (b: Bar) => b.prefix ?? '', frameAnchor: 'left', textAnchor: 'start', fontSize: FONT_SIZE, fill: '#1a1a1a' })]
          : []),
      ],
    },
    options,
  );
}
