// The kommune page's comparison: one indicator for the nation, the kommune's fylke and its size
// class, one stacked bar per group split by grade (or kompetanse category) as shares of the known
// answers; the kommune's own grade is outlined in every bar. Groups below the share rule
// (rules/share) get no bar, only their label saying so.
import type { DistributionRow } from '../../lib/types';
import { hasShare } from '../../lib/rules/share';
import { chartSvg, el, pct, text } from './svg';
import { wrap } from '../map/svg';
import type { FigureText } from './bars';

export interface ComparisonGroup {
  /** «Hele landet», «Vestland», «Kommuner med 2 000–4 999 innbyggere». */
  label: string;
  /** The group's distribution rows as the pipeline gives them (the «ukjent» row is left out here). */
  rows: readonly DistributionRow[];
}

export interface ComparisonOptions extends FigureText {
  groups: readonly ComparisonGroup[];
  /** Values in drawing order (grades 0–4, or categories A–D) and the fill of each. */
  values: readonly string[];
  colourOf: (value: string) => string;
  /** The kommune's own value, outlined in every bar; null when unknown. */
  own: string | null;
  width?: number;
  fontSize?: number;
  /** Stretch to the column (charts/svg ChartFrame.fluid): the bars span the column, text keeps its size. */
  fluid?: boolean;
}

export const TOO_FEW = 'for få svar til andeler';
/** The outline around the kommune's own value: dark outside, white inside, so it shows on every fill. */
export const OWN_OUTLINE = { outer: '#1a1a1a', inner: '#ffffff' } as const;

export function renderComparison(o: ComparisonOptions): string {
  const width = o.width ?? 304;
  const font = o.fontSize ?? 12;
  const fluid = o.fluid === true;
  const barW = width - 4;
  // Horizontal position of a share (0–1) of the bar: px when fixed, percent of the column when fluid.
  // Fluid bars keep 2 px clear at both ends (99 % after a 2-px shift) so the outline is not clipped.
  const at = (share: number): string | number => (fluid ? pct(share * 99) : 2 + share * barW);
  const len = (share: number): string | number => (fluid ? pct(share * 99) : share * barW);
  const labels: string[] = [];
  const rowH = 22;
  const step = rowH + 22;
  const parts: string[] = [];
  const outlines: string[] = [];
  // A long group name («Kommuner med 50 000 innbyggere eller flere») wraps to the narrowest width.
  const lineH = Math.round(font * 1.25);
  const chars = Math.floor((width - 4) / (0.58 * font));
  let top = 0;
  o.groups.forEach((g) => {
    const known = g.rows.filter((r) => r.value !== 'ukjent');
    const den = known[0]?.denominator ?? 0;
    const enough = hasShare(den);
    const lines = wrap(enough ? g.label : `${g.label} (${TOO_FEW})`, chars);
    lines.forEach((line, j) => labels.push(text({ x: 2, y: top + 12 + j * lineH }, line)));
    const y = top + 17 + (lines.length - 1) * lineH;
    top += step + (lines.length - 1) * lineH;
    if (!enough) return;
    let from = 0;
    for (const v of o.values) {
      const r = known.find((row) => row.value === v);
      const share = r ? r.count / den : 0;
      if (share > 0) {
        parts.push(el('rect', { x: at(from), y, width: len(share), height: rowH, fill: o.colourOf(v), stroke: '#fff', 'stroke-width': 0.5 }));
        // Dark, then a white line on top of it: the outline shows on every fill.
        if (v === o.own) {
          outlines.push(el('rect', { x: at(from), y, width: len(share), height: rowH, fill: 'none', stroke: OWN_OUTLINE.outer, 'stroke-width': 4 }));
          outlines.push(el('rect', { x: at(from), y, width: len(share), height: rowH, fill: 'none', stroke: OWN_OUTLINE.inner, 'stroke-width': 1.5 }));
        }
      }
      from += share;
    }
  });
  return chartSvg(
    { ...o, width, height: top + 6, fontSize: font, fluid },
    el('g', { fill: '#1a1a1a' }, labels) +
      el('g', { transform: fluid ? 'translate(2,0)' : null }, [el('g', {}, parts), el('g', { 'aria-hidden': 'true' }, outlines)]),
  );
}
