// Horizontal bars with the label above each bar and the number at its end (SSB table style), as a
// Plot chart. Long Norwegian labels get lines of their own instead of a cramped axis: the y scale is
// a band scale over rows, where a row is a line of a heading or a bar, so a heading of three lines
// takes three rows and the chart is as tall as its text.
import * as Plot from '@observablehq/plot';
import { SHAPE_STROKE, unknownPattern } from '../map/palette';
import { safeId, wrap } from '../map/svg';
import { charsIn, drawSized, renderPlot, textWidth, type FigureSize, type FigureText } from '../plot';

export type { FigureText };

/** A bar's fill that means «Ukjent»: drawn with the hatched pattern of the maps. */
export const UNKNOWN = 'ukjent';

/** The pattern id a drawing uses for «Ukjent»; fills reference it as url(#…). */
export function unknownPatternId(idPrefix: string): string {
  return `${safeId(idPrefix)}-ukjent`;
}

export interface Bar {
  value: number | null; // null → no bar, only the text («..»)
  text: string; // the number shown at the end of the bar
  fill: string; // a colour, or UNKNOWN
  prefix?: string; // short series label left of the bar («2021»)
  /** Outline it (the highlighted category). */
  highlight?: boolean;
}

export interface BarGroup {
  heading: string;
  bars: Bar[];
}

export interface BarsOptions extends FigureText, Partial<FigureSize> {
  groups: BarGroup[];
  /** Upper end of the value axis; default the largest value. */
  max?: number;
  /** Grid lines at these values, with the axis labelled on top (the /utvikling/ charts). */
  ticks?: readonly number[];
  tickFormat?: (v: number) => string;
  /** Keep the series labels beside the bars at every width (short labels: «A», «Ukjent»). */
  prefixBeside?: boolean;
}

interface Row { key: string; line?: string; bar?: Bar; prefix?: string; muted?: boolean }

const INK = '#1a1a1a';
const MUTED = '#4a4a4a';
export const HIGHLIGHT = '#1a1a1a';

function drawBars(o: BarsOptions, width: number, idPrefix: string, fontSize: number, classes?: string): string {
  const step = Math.round(fontSize * 1.4);
  const bars = o.groups.flatMap((g) => g.bars);
  const prefixWidth = Math.max(0, ...bars.map((b) => (b.prefix ? textWidth(b.prefix, fontSize) + 8 : 0)));
  const right = Math.max(...bars.map((b) => textWidth(b.text, fontSize)), fontSize) + 8;
  // A long series label («For det meste interne medarbeidere») beside the bar would leave the bar
  // no room on a phone: it then gets a row of its own above the bar, as the headings do.
  const prefixAbove = !o.prefixBeside && prefixWidth > 0.3 * (width - right);
  const left = prefixAbove ? 0 : Math.ceil(prefixWidth);
  const rows: Row[] = [];
  o.groups.forEach((g, gi) => {
    wrap(g.heading, charsIn(width, fontSize)).forEach((line, li) => rows.push({ key: `h${gi}-${li}`, line }));
    g.bars.forEach((bar, bi) => {
      if (prefixAbove && bar.prefix) rows.push({ key: `p${gi}-${bi}`, line: bar.prefix, muted: true });
      rows.push({ key: `b${gi}-${bi}`, bar, prefix: prefixAbove ? undefined : bar.prefix });
    });
  });
  const max = o.max ?? Math.max(...bars.map((b) => b.value ?? 0), 0);
  const top = o.ticks ? step : 2;
  const fill = (b: Bar) => (b.fill === UNKNOWN ? `url(#${unknownPatternId(idPrefix)})` : b.fill);
  const barRows = rows.filter((r) => r.bar);
  const drawn = barRows.filter((r) => r.bar!.value !== null && r.bar!.value > 0);
  const lines = rows.filter((r) => r.line !== undefined);
  // A heading or a value over a grid line gets a white halo (paint-order: stroke) so the line
  // never runs through a word.
  const halo = o.ticks ? { stroke: '#fff', strokeWidth: 4, strokeLinejoin: 'round' as const } : {};
  // A heading's lines sit a little above their rows' centres: the last line's descenders and halo
  // then end clear of the bar in the row below (centred, «Grad 0: … / aktivitet» touched it), and
  // the heading stays closer to its own bars than to the group above.
  const headingDy = -Math.round(fontSize * 0.15);
  const marks: Plot.Markish[] = [];
  if (o.ticks) {
    marks.push(Plot.ruleX(o.ticks, { stroke: (t: number) => (t === 0 ? INK : '#d9d9d9') }));
    marks.push(Plot.axisX({ anchor: 'top', ticks: [0, max / 2, max], tickSize: 0, tickFormat: o.tickFormat, fill: MUTED, textAnchor: 'middle', label: null }));
  }
  marks.push(
    Plot.text(lines, { y: 'key', text: 'line', frameAnchor: 'left', textAnchor: 'start', dx: -left, dy: headingDy, fill: (r: Row) => (r.muted ? MUTED : INK), ...halo }),
    Plot.text(barRows.filter((r) => r.prefix), { y: 'key', text: 'prefix', frameAnchor: 'left', textAnchor: 'start', dx: -left, dy: -1, fill: MUTED }),
    Plot.barX(drawn, { x: (r: Row) => r.bar!.value, y: 'key', fill: (r: Row) => fill(r.bar!), stroke: (r: Row) => (r.bar!.highlight ? HIGHLIGHT : SHAPE_STROKE), strokeWidth: (r: Row) => (r.bar!.highlight ? 2.5 : 0.6), insetTop: 1, insetBottom: 4 }),
    Plot.text(barRows, { x: (r: Row) => r.bar!.value ?? 0, y: 'key', text: (r: Row) => r.bar!.text, textAnchor: 'start', dx: 4, dy: -1, fill: INK, ...halo }),
  );
  return renderPlot({
    width,
    height: rows.length * step + top + 2,
    marginLeft: left,
    marginRight: Math.ceil(right),
    marginTop: top,
    marginBottom: 2,
    x: { domain: [0, max > 0 ? max : 1], axis: null },
    y: { type: 'band', domain: rows.map((r) => r.key), axis: null, padding: 0 },
    color: { type: 'identity' },
    marks,
  } as Plot.PlotOptions, { title: o.title, description: o.description, idPrefix, fontSize, classes, defs: bars.some((b) => b.fill === UNKNOWN) ? unknownPattern(unknownPatternId(idPrefix)) : undefined });
}

export function renderBars(o: BarsOptions): string {
  const size: FigureSize = { width: o.width ?? 640, fontSize: o.fontSize ?? 13, fluid: o.fluid };
  return drawSized(size, o.idPrefix, (width, idPrefix, classes) => drawBars(o, width, idPrefix, size.fontSize, classes));
}
