// Grouped bars per year (the /utvikling/ distributions and strategy areas): one block per group,
// one bar per year. Colour never carries the year alone: each bar prints its year and value.
import { wrap } from '../map/svg';
import { chartSvg, el, esc, fluidAt, fluidBar, text } from './svg';

/** Light → dark for older → newer years (the last entries are used for the latest years). */
export const YEAR_COLOURS = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];

export interface GroupedBarsOptions {
  title: string;
  description: string;
  idPrefix: string;
  years: number[];
  groups: { key: string; label: string }[];
  /** group key → year → value; share in 0–1 drawn, `text` printed after the bar. */
  values: Record<string, Record<number, { share: number | null; text: string }>>;
  width?: number;
  fontSize?: number;
  /** Stretch to the column (charts/svg ChartFrame.fluid); `width` is then the narrowest column. */
  fluid?: boolean;
}

/** Years spread over the ramp (two years: light and dark) so neighbouring bars differ clearly. */
export function yearColour(index: number, count: number): string {
  const last = YEAR_COLOURS.length - 1;
  const i = count <= 1 ? last : count >= YEAR_COLOURS.length ? last - (count - 1 - index)
    : 1 + Math.round((index * (last - 1)) / (count - 1));
  return YEAR_COLOURS[Math.max(0, Math.min(last, i))];
}

const NOT_ASKED = 'ikke spurt';

/**
 * One block per group (grade, strategy area): the group's label on its own line(s), then one
 * horizontal bar per year with the year before it and the value after it, on a 0–100 % axis.
 * Labels above the bars rather than beside them keep the figure narrow, so it is not scaled down
 * (and its text not shrunk) on a phone. Grid lines stop short of each value label, so no line
 * runs through a number.
 */
export function renderGroupedBars(o: GroupedBarsOptions): string {
  const width = o.width ?? 370;
  const font = o.fontSize ?? 13;
  const k = font / 12;
  const charW = 6.8 * k; // rough average character width, for layout only
  const yearW = Math.round(Math.max(...o.years.map((y) => String(y).length)) * charW + 8);
  const texts = o.groups.flatMap((g) => o.years.map((y) => o.values[g.key]?.[y]?.text ?? NOT_ASKED));
  const valueW = Math.round(Math.max(...texts.map((t) => t.length), 4) * charW + 8);
  const barMax = width - yearW - valueW;
  const barH = Math.round(14 * k);
  const gap = Math.round(3 * k);
  const lineH = Math.round(15 * k);
  const groupGap = Math.round(10 * k);
  const labelChars = Math.floor(width / charW);
  const top = Math.round(18 * k);
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const fluid = o.fluid === true;
  // Where a value t (0–1) sits. Fixed: in px. Fluid: the bars run from the year column to the
  // column's width less the value column (svg fluidAt/fluidExtent), so 100 % is at the right
  // margin at every width and the bars use the column.
  const at = (t: number): { x: string | number; transform?: string } => (fluid ? fluidAt(t, yearW, valueW) : { x: yearW + t * barMax });
  let y = top;
  const labels: string[] = [];
  const bars: string[] = [];
  const values: string[] = [];
  const grid: string[] = [];
  for (const g of o.groups) {
    const lines = wrap(g.label, labelChars);
    labels.push(el('text', { x: 0, y: y + lineH - 4 * k }, lines
      .map((l, i) => el('tspan', { x: 0, dy: i ? lineH : null }, esc(l)))));
    y += lines.length * lineH + 2;
    const groupTop = y - 2;
    o.years.forEach((year, i) => {
      const v = o.values[g.key]?.[year];
      const label = v ? v.text : NOT_ASKED;
      const share = v && v.share !== null ? Math.max(0, Math.min(1, v.share)) : 0;
      const labelW = 5 + label.length * charW + 2;
      const rowTop = i === 0 ? y - 2 : y - gap;
      // Fixed: skip the grid line where it would cross the value label. Fluid: the grid runs through
      // the block and the value labels carry a white halo, so no line runs through a number at any width.
      if (!fluid) {
        for (const t of ticks) {
          if (t > 0 && (t - share) * barMax >= -2 && (t - share) * barMax <= labelW) continue;
          grid.push(el('line', { x1: at(t).x, x2: at(t).x, y1: rowTop, y2: y + barH + (i === o.years.length - 1 ? 2 : 0), stroke: t === 0 ? '#1a1a1a' : '#d9d9d9' }));
        }
      }
      labels.push(text({ x: 0, y: y + barH - 3 * k, fill: '#4a4a4a' }, String(year)));
      if (fluid) {
        if (share > 0) bars.push(fluidBar({ share, left: yearW, right: valueW, y, height: barH, fill: yearColour(i, o.years.length), outline: '#4a4a4a', outlineWidth: 0.5, narrowest: width }));
        values.push(text({ ...fluidAt(share, yearW, valueW), dx: 5, y: y + barH - 3 * k }, label));
      } else {
        bars.push(el('rect', { x: yearW, y, width: share * barMax, height: barH, fill: yearColour(i, o.years.length), stroke: '#4a4a4a', 'stroke-width': 0.5 }));
        bars.push(text({ x: yearW + share * barMax + 5, y: y + barH - 3 * k }, label));
      }
      y += barH + gap;
    });
    if (fluid) {
      for (const t of ticks) {
        const { transform, x } = fluidAt(t, yearW, valueW);
        grid.push(el('line', { transform, x1: x, x2: x, y1: groupTop, y2: y - gap + 2, stroke: t === 0 ? '#1a1a1a' : '#d9d9d9' }));
      }
    }
    y += groupGap;
  }
  const axis = [0, 0.5, 1].map((t) => text({
    ...at(t), y: top - 6, 'text-anchor': t === 0 ? 'start' : t === 1 ? 'end' : 'middle', fill: '#4a4a4a',
  }, `${Math.round(t * 100)} %`));
  // The halo: a white stroke painted under the glyphs (paint-order), as wide as a grid line's reach.
  const halo = fluid ? { stroke: '#fff', 'stroke-width': 4, 'stroke-linejoin': 'round', 'paint-order': 'stroke' } : {};
  return chartSvg(
    { ...o, width, height: Math.ceil(y), fontSize: font, fluid },
    el('g', { 'aria-hidden': 'true' }, [...grid, ...axis]) + el('g', { fill: '#1a1a1a' }, [...labels, ...bars]) +
      (fluid ? el('g', { fill: '#1a1a1a', ...halo }, values) : ''),
  );
}
