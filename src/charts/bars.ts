// Horizontal bars with the label above each bar and the number at its end (SSB table style).
// Long Norwegian labels get a line of their own instead of a cramped axis.
import { SHAPE_STROKE, unknownPattern } from '../map/palette';
import { chartSvg, el, safeId, text } from './svg';
import { wrap } from '../map/svg';

/** What every figure is told: its accessible name and description, and the prefix of its ids. */
export interface FigureText {
  title: string;
  description: string;
  idPrefix: string;
}

/** The pattern id a chart uses for «Ukjent»; fills reference it as url(#…). */
export function unknownPatternId(idPrefix: string): string {
  return `${safeId(idPrefix)}-ukjent`;
}

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

  const rects: string[] = [];
  const labels: string[] = [];
  const label = (x: number, y: number, s: string) => labels.push(text({ x, y, dy: '0.32em' }, s));
  let y = 2;
  for (const group of options.groups) {
    // No font metrics at build time: wrap long labels by an average character width.
    const lines = wrap(group.heading, Math.floor(width / (CHAR_WIDTH - 0.4 * k)));
    lines.forEach((line, i) => label(0, y + HEADING / 2 - 1 + i * HEADING_LINE, line));
    y += HEADING + (lines.length - 1) * HEADING_LINE;
    for (const bar of group.bars) {
      const end = left + (bar.value ?? 0) * scale;
      if (bar.value !== null && bar.value > 0) rects.push(el('rect', { x: left, y, width: end - left, height: BAR, fill: bar.fill }));
      label(end + 4, y + BAR / 2, bar.text);
      if (hasPrefix) label(0, y + BAR / 2, bar.prefix ?? '');
      y += BAR + BAR_GAP;
    }
    y += GROUP_GAP;
  }

  return chartSvg(
    {
      ...options,
      width,
      height: Math.ceil(y),
      fontSize: FONT_SIZE,
      defs: unknownPattern(unknownPatternId(options.idPrefix)),
    },
    el('g', { stroke: SHAPE_STROKE, 'stroke-width': 0.6 }, rects) + el('g', { fill: '#1a1a1a' }, labels),
  );
}
