// Plain horizontal bars with counts for unordered categories (kompetanse A–D and «Ukjent»): a
// short label before each bar, count and share after it; the highlighted category outlined.
import { formatNumber, formatPercent } from '../lib/format/number';
import { SHAPE_STROKE } from '../map/palette';
import { chartSvg, el, text } from './svg';
import { OWN_OUTLINE } from './comparison';

export interface CategoryBar { label: string; short: string; count: number; share: number | null; colour: string; highlight?: boolean }

export interface CategoryBarsOptions {
  bars: readonly CategoryBar[];
  title: string;
  idPrefix: string;
  width?: number;
  fontSize?: number;
}

/** «137 (43,6 %)»; the unknown row has a count only. */
function valueText(d: CategoryBar): string {
  return d.share === null ? formatNumber(d.count) : `${formatNumber(d.count)} (${formatPercent(d.share)})`;
}

export function categoryBarsDescription(bars: readonly CategoryBar[]): string {
  return `${bars.map((d) => `${d.short === d.label ? d.short : `${d.short} – ${d.label}`}: ${valueText(d)}`).join('. ')}.`;
}

export function renderCategoryBars(o: CategoryBarsOptions): string {
  const width = o.width ?? 370;
  const font = o.fontSize ?? 13;
  const max = Math.max(1, ...o.bars.map((d) => d.count));
  const rowH = 26, labelW = 60, textW = 100, barW = width - labelW - textW;
  const rows = o.bars.map((d, i) => {
    const w = Math.round((d.count / max) * barW);
    const y = i * rowH + 2;
    return text({ x: labelW - 6, y: y + 17, 'text-anchor': 'end' }, d.short)
      + el('rect', { x: labelW, y: y + 3, width: w, height: 18, fill: d.colour, stroke: d.highlight ? OWN_OUTLINE.outer : SHAPE_STROKE, 'stroke-width': d.highlight ? 2.5 : 0.5 })
      + text({ x: labelW + w + 6, y: y + 17 }, valueText(d));
  });
  return chartSvg(
    { idPrefix: o.idPrefix, title: o.title, description: categoryBarsDescription(o.bars), width, height: o.bars.length * rowH + 4, fontSize: font },
    rows.join(''),
  );
}
