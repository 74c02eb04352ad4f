// The kommune page's comparison: one indicator for the nation, the kommune's fylke and its size
// class, one stacked bar per group split by grade (or kompetanse category) as shares of the known
// answers; the kommune's own grade is outlined in every bar. Groups below the share rule
// (rules/share) get no bar, only their label saying so.
import * as Plot from '@observablehq/plot';
import type { DistributionRow } from '../../lib/types';
import { hasShare } from '../../lib/rules/share';
import { wrap } from '../map/svg';
import { charsIn, drawSized, renderSharedPlot, type FigureSize, type FigureText } from '../plot';

export interface ComparisonGroup {
  /** «Hele landet», «Vestland», «Kommuner med 2 000–4 999 innbyggere». */
  label: string;
  /** The group's distribution rows as the pipeline gives them (the «ukjent» row is left out here). */
  rows: readonly DistributionRow[];
}

export interface ComparisonOptions extends FigureText, Partial<FigureSize> {
  groups: readonly ComparisonGroup[];
  /** Values in drawing order (grades 0–4, or categories A–D) and the fill of each. */
  values: readonly string[];
  colourOf: (value: string) => string;
  /** The kommune's own value, outlined in every bar; null when unknown. */
  own: string | null;
}

export const TOO_FEW = 'for få svar til andeler';
/** The outline around the kommune's own value: dark outside, white inside, so it shows on every fill. */
export const OWN_OUTLINE = { outer: '#1a1a1a', inner: '#ffffff' } as const;

interface Segment { key: string; value: string; from: number; to: number; own: boolean }

function drawComparison(o: ComparisonOptions, width: number, idPrefix: string, fontSize: number, classes?: string): string {
  const step = Math.round(fontSize * 1.4);
  const lines: { key: string; text: string }[] = [];
  const keys: string[] = [];
  const segments: Segment[] = [];
  o.groups.forEach((g, gi) => {
    const known = g.rows.filter((r) => r.value !== 'ukjent');
    const den = known[0]?.denominator ?? 0;
    const enough = hasShare(den);
    // A long group name («Kommuner med 50 000 innbyggere eller flere») gets lines of its own.
    wrap(enough ? g.label : `${g.label} (${TOO_FEW})`, charsIn(width - 4, fontSize)).forEach((text, li) => {
      lines.push({ key: `l${gi}-${li}`, text });
      keys.push(`l${gi}-${li}`);
    });
    // A blank row between groups, also under a group that gets no bar.
    if (!enough) {
      keys.push(`g${gi}`);
      return;
    }
    keys.push(`b${gi}`);
    let from = 0;
    for (const v of o.values) {
      const r = known.find((row) => row.value === v);
      const share = r ? r.count / den : 0;
      if (share > 0) segments.push({ key: `b${gi}`, value: v, from, to: from + share, own: v === o.own });
      from += share;
    }
    keys.push(`g${gi}`);
  });
  const own = segments.filter((s) => s.own);
  const bar = { x1: 'from', x2: 'to', y: 'key', insetTop: 1, insetBottom: 1 } as const;
  // The drawing's inputs: a kommune's comparison is the same drawing as its neighbours' with the same grade.
  const inputs = { width, groups: o.groups.map((g) => [g.label, g.rows.map((r) => [r.value, r.count, r.denominator])]), values: o.values.map((v) => [v, o.colourOf(v)]), own: o.own };
  return renderSharedPlot(inputs, () => ({
    width,
    height: keys.length * step + 8,
    marginLeft: 2,
    marginRight: 2,
    marginTop: 4,
    marginBottom: 4,
    x: { domain: [0, 1], axis: null },
    y: { type: 'band', domain: keys, axis: null, padding: 0 },
    color: { type: 'identity' },
    marks: [
      Plot.text(lines, { y: 'key', text: 'text', frameAnchor: 'left', textAnchor: 'start', dy: 2, fill: '#1a1a1a' }),
      Plot.barX(segments, { ...bar, fill: (s: Segment) => o.colourOf(s.value), stroke: '#fff', strokeWidth: 0.5 }),
      // Dark, then a white line on top of it: the outline shows on every fill.
      Plot.barX(own, { ...bar, fill: 'none', stroke: OWN_OUTLINE.outer, strokeWidth: 4 }),
      Plot.barX(own, { ...bar, fill: 'none', stroke: OWN_OUTLINE.inner, strokeWidth: 1.5 }),
    ],
  }) as Plot.PlotOptions, { title: o.title, description: o.description, idPrefix, fontSize, classes });
}

export function renderComparison(o: ComparisonOptions): string {
  const size: FigureSize = { width: o.width ?? 304, fontSize: o.fontSize ?? 13, fluid: o.fluid };
  return drawSized(size, o.idPrefix, (width, idPrefix, classes) => drawComparison(o, width, idPrefix, size.fontSize, classes));
}
