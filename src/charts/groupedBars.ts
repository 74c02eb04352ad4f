// Grouped bars per year (the /utvikling/ distributions and strategy areas): one block per group,
// one bar per year. Colour never carries the year alone: each bar prints its year and value.
import { wrap } from '../map/svg';
import { chartSvg, el, esc, num, pct, text } from './svg';

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

/** The widest column a fluid chart is checked against (grid lines must clear labels up to it). */
export const FLUID_MAX_WIDTH = 1120;

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
  // Where a value t (0–1) sits: in px (fixed) or in percent of the width after the year column (fluid).
  const span = (100 * barMax) / width;
  const at = (t: number): string | number => (fluid ? pct(t * span) : yearW + t * barMax);
  const x0 = fluid ? 0 : yearW;
  let y = top;
  const labels: string[] = [];
  const bars: string[] = [];
  const grid: string[] = [];
  for (const g of o.groups) {
    const lines = wrap(g.label, labelChars);
    labels.push(el('text', { x: 0, y: y + lineH - 4 * k }, lines
      .map((l, i) => el('tspan', { x: 0, dy: i ? lineH : null }, esc(l)))));
    y += lines.length * lineH + 2;
    o.years.forEach((year, i) => {
      const v = o.values[g.key]?.[year];
      const label = v ? v.text : NOT_ASKED;
      const share = v && v.share !== null ? Math.max(0, Math.min(1, v.share)) : 0;
      const labelW = 5 + label.length * charW + 2;
      const rowTop = i === 0 ? y - 2 : y - gap;
      for (const t of ticks) {
        // Skip the grid line where it would cross the value label, at any width the chart is shown at.
        const offsets = fluid ? [width, FLUID_MAX_WIDTH].map((w) => ((t - share) * barMax * w) / width) : [(t - share) * barMax];
        const lo = Math.min(...offsets);
        const hi = Math.max(...offsets);
        if (t > 0 && hi >= -2 && lo <= labelW) continue;
        grid.push(el('line', { x1: at(t), x2: at(t), y1: rowTop, y2: y + barH + (i === o.years.length - 1 ? 2 : 0), stroke: t === 0 ? '#1a1a1a' : '#d9d9d9' }));
      }
      labels.push(text({ x: 0, y: y + barH - 3 * k, fill: '#4a4a4a' }, String(year)));
      bars.push(el('rect', { x: fluid ? 0 : x0, y, width: fluid ? pct(share * span) : share * barMax, height: barH, fill: yearColour(i, o.years.length), stroke: '#4a4a4a', 'stroke-width': 0.5 }));
      bars.push(text(fluid ? { x: pct(share * span), dx: 5, y: y + barH - 3 * k } : { x: yearW + share * barMax + 5, y: y + barH - 3 * k }, label));
      y += barH + gap;
    });
    y += groupGap;
  }
  const axis = [0, 0.5, 1].map((t) => text({
    x: at(t), y: top - 6, 'text-anchor': t === 0 ? 'start' : t === 1 ? 'end' : 'middle', fill: '#4a4a4a',
  }, `${Math.round(t * 100)} %`));
  const shifted = (children: string[]) => (fluid ? el('g', { transform: `translate(${num(yearW)},0)` }, children) : children.join(''));
  return chartSvg(
    { ...o, width, height: Math.ceil(y), fontSize: font, fluid },
    el('g', { 'aria-hidden': 'true' }, shifted([...grid, ...axis])) + el('g', { fill: '#1a1a1a' }, [...labels, shifted(bars)]),
  );
}
