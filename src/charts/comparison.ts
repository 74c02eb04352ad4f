// The kommune page's comparison: one indicator for the nation, the kommune's fylke and its size
// class, one stacked bar per group split by grade (or kompetanse category) as shares of the known
// answers; the kommune's own grade is outlined in every bar. Groups below the share rule
// (rules/share) get no bar, only their label saying so.
import type { DistributionRow } from '../lib/types';
import { hasShare } from '../lib/rules/share';
import { chartSvg, el, text } from './svg';
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
}

export const TOO_FEW = 'for få svar til andeler';
/** The outline around the kommune's own value: dark outside, white inside, so it shows on every fill. */
export const OWN_OUTLINE = { outer: '#1a1a1a', inner: '#ffffff' } as const;

export function renderComparison(o: ComparisonOptions): string {
  const width = o.width ?? 304;
  const font = o.fontSize ?? 12;
  const barW = width - 4;
  const rowH = 22;
  const step = rowH + 22;
  const parts: string[] = [];
  const outlines: string[] = [];
  o.groups.forEach((g, i) => {
    const known = g.rows.filter((r) => r.value !== 'ukjent');
    const den = known[0]?.denominator ?? 0;
    const y = i * step + 17;
    const enough = hasShare(den);
    parts.push(text({ x: 2, y: y - 5 }, enough ? g.label : `${g.label} (${TOO_FEW})`));
    if (!enough) return;
    let x = 2;
    for (const v of o.values) {
      const r = known.find((row) => row.value === v);
      const w = r ? (r.count / den) * barW : 0;
      if (w > 0) parts.push(el('rect', { x, y, width: w, height: rowH, fill: o.colourOf(v), stroke: '#fff', 'stroke-width': 0.5 }));
      if (v === o.own && w > 0) {
        outlines.push(el('rect', { x, y, width: w, height: rowH, fill: 'none', stroke: OWN_OUTLINE.outer, 'stroke-width': 3 }));
        outlines.push(el('rect', { x: x + 2, y: y + 2, width: Math.max(0, w - 4), height: rowH - 4, fill: 'none', stroke: OWN_OUTLINE.inner, 'stroke-width': 1.5 }));
      }
      x += w;
    }
  });
  return chartSvg(
    { ...o, width, height: o.groups.length * step + 6, fontSize: font },
    el('g', { fill: '#1a1a1a' }, parts) + el('g', { 'aria-hidden': 'true' }, outlines),
  );
}
