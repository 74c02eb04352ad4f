// Grouped bars per year (the /utvikling/ distributions and strategy areas): one block per group,
// one bar per year. Colour never carries the year alone: each bar prints its year and value.
import { renderBars } from './bars';
import type { FigureSize } from '../plot';

/** Light → dark for older → newer years (the last entries are used for the latest years). */
export const YEAR_COLOURS = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];

export interface GroupedBarsOptions extends Partial<FigureSize> {
  title: string;
  description: string;
  idPrefix: string;
  years: number[];
  groups: { key: string; label: string }[];
  /** group key → year → value; share in 0–1 drawn, `text` printed after the bar. */
  values: Record<string, Record<number, { share: number | null; text: string }>>;
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
 * horizontal bar per year with the year before it and the value after it, on a 0–100 % axis with
 * grid lines; labels over a grid line carry a white halo so no line runs through a number.
 */
export function renderGroupedBars(o: GroupedBarsOptions): string {
  return renderBars({
    title: o.title,
    description: o.description,
    idPrefix: o.idPrefix,
    width: o.width ?? 370,
    fontSize: o.fontSize,
    fluid: o.fluid,
    max: 1,
    ticks: [0, 0.25, 0.5, 0.75, 1],
    tickFormat: (t) => `${Math.round(t * 100)} %`,
    prefixBeside: true,
    groups: o.groups.map((g) => ({
      heading: g.label,
      bars: o.years.map((year, i) => {
        const v = o.values[g.key]?.[year];
        const share = v && v.share !== null ? Math.max(0, Math.min(1, v.share)) : null;
        return { value: share, text: v ? v.text : NOT_ASKED, fill: yearColour(i, o.years.length), prefix: String(year) };
      }),
    })),
  });
}
