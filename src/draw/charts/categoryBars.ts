// Plain horizontal bars with counts for unordered categories (kompetanse A–D and «Ukjent»): a
// short label before each bar, count and share after it; the highlighted category outlined.
import { formatNumber, formatPercent } from '../../lib/format/number';
import { renderBars } from './bars';
import type { FigureSize } from '../plot';

export interface CategoryBar { label: string; short: string; count: number; share: number | null; colour: string; highlight?: boolean }

export interface CategoryBarsOptions extends Partial<FigureSize> {
  bars: readonly CategoryBar[];
  title: string;
  idPrefix: string;
}

/** «137 (43,6 %)»; the unknown row has a count only. */
function valueText(d: CategoryBar): string {
  return d.share === null ? formatNumber(d.count) : `${formatNumber(d.count)} (${formatPercent(d.share)})`;
}

export function categoryBarsDescription(bars: readonly CategoryBar[]): string {
  return `${bars.map((d) => `${d.short === d.label ? d.short : `${d.short} – ${d.label}`}: ${valueText(d)}`).join('. ')}.`;
}

export function renderCategoryBars(o: CategoryBarsOptions): string {
  return renderBars({
    title: o.title,
    description: categoryBarsDescription(o.bars),
    idPrefix: o.idPrefix,
    width: o.width ?? 370,
    fontSize: o.fontSize,
    fluid: o.fluid,
    prefixBeside: true,
    max: Math.max(1, ...o.bars.map((d) => d.count)),
    groups: [{ heading: '', bars: o.bars.map((d) => ({ value: d.count, text: valueText(d), fill: d.colour, prefix: d.short, highlight: d.highlight })) }],
  });
}
