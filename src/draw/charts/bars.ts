// Horizontal bars with the label above each bar and the number at its end (SSB table style).
// Long Norwegian labels get a line of their own instead of a cramped axis.
import { SHAPE_STROKE, unknownPattern } from '../map/palette';
import { chartSvg, el, fluidAt, fluidBar, safeId, text } from './svg';
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
  /** Stretch to the column (see ChartFrame.fluid); `width` is then the narrowest column. */
  fluid?: boolean;
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
  const right = Math.max(...options.groups.flatMap((g) => g.bars.map((b) => b.text.length)), 1) * CHAR_WIDTH + 8;
  const prefixWidth = hasPrefix
    ? Math.max(...options.groups.flatMap((g) => g.bars.map((b) => (b.prefix ?? '').length))) * CHAR_WIDTH + 8
    : 0;
  // A long series label («For det meste interne medarbeidere») beside the bar would leave the bar
  // no room on a phone: it then gets a line of its own above the bar, as the headings do.
  const prefixAbove = prefixWidth > 0.4 * (width - right);
  const PREFIX_LINE = 15 * k;
  const left = prefixAbove ? 0 : prefixWidth;

  const max = options.max ?? Math.max(...options.groups.flatMap((g) => g.bars.map((b) => b.value ?? 0)), 0);
  const scale = (width - right - left) / (max > 0 ? max : 1);

  // Fluid: a bar runs from the prefix column to share × (column − prefix − number) px (svg
  // fluidExtent), so the longest bar ends where its number still fits at every column width; at
  // the narrowest column it is the fixed layout.
  const fluid = options.fluid === true;
  const rects: string[] = [];
  const labels: string[] = [];
  const values: string[] = [];
  const label = (x: number, y: number, s: string) => labels.push(text({ x, y, dy: '0.32em' }, s));
  let y = 2;
  for (const group of options.groups) {
    // No font metrics at build time: wrap long labels by an average character width.
    const lines = wrap(group.heading, Math.floor(width / CHAR_WIDTH));
    lines.forEach((line, i) => label(0, y + HEADING / 2 - 1 + i * HEADING_LINE, line));
    y += HEADING + (lines.length - 1) * HEADING_LINE;
    for (const bar of group.bars) {
      if (prefixAbove && bar.prefix) {
        labels.push(text({ x: 0, y: y + PREFIX_LINE / 2 - 1, dy: '0.32em', fill: '#4a4a4a' }, bar.prefix));
        y += PREFIX_LINE;
      }
      const length = (bar.value ?? 0) * scale;
      const drawn = bar.value !== null && bar.value > 0;
      if (fluid) {
        const share = max > 0 ? Math.min(1, Math.max(0, (bar.value ?? 0) / max)) : 0;
        if (drawn) rects.push(fluidBar({ share, left, right, y, height: BAR, fill: bar.fill, outline: SHAPE_STROKE, outlineWidth: 0.6, narrowest: width }));
        values.push(text({ ...fluidAt(share, left, right), y, dx: 4, dy: BAR / 2 + 0.32 * FONT_SIZE }, bar.text));
      } else {
        if (drawn) rects.push(el('rect', { x: left, y, width: length, height: BAR, fill: bar.fill }));
        label(left + length + 4, y + BAR / 2, bar.text);
      }
      if (hasPrefix && !prefixAbove) label(0, y + BAR / 2, bar.prefix ?? '');
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
    fluid
      ? el('g', { fill: '#1a1a1a' }, labels) + el('g', {}, rects) + el('g', { fill: '#1a1a1a' }, values)
      : el('g', { stroke: SHAPE_STROKE, 'stroke-width': 0.6 }, rects) + el('g', { fill: '#1a1a1a' }, labels),
  );
}
