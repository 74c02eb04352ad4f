// Plain horizontal bars with counts for unordered categories (kompetanse A–D and «Ukjent»): a
// short label before each bar, count and share after it; the highlighted category outlined.
import { formatNumber, formatPercent } from '../../lib/format/number';
import { SHAPE_STROKE } from '../map/palette';
import { chartSvg, el, fluidAt, fluidBar, text } from './svg';
import { OWN_OUTLINE } from './comparison';

export interface CategoryBar { label: string; short: string; count: number; share: number | null; colour: string; highlight?: boolean }

export interface CategoryBarsOptions {
  bars: readonly CategoryBar[];
  title: string;
  idPrefix: string;
  width?: number;
  fontSize?: number;
  /** Stretch to the column (charts/svg ChartFrame.fluid); `width` is then the narrowest column. */
  fluid?: boolean;
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
  const fluid = o.fluid === true;
  const labels: string[] = [];
  const bars: string[] = [];
  o.bars.forEach((d, i) => {
    const y = i * rowH + 2;
    const stroke = { stroke: d.highlight ? OWN_OUTLINE.outer : SHAPE_STROKE, 'stroke-width': d.highlight ? 2.5 : 0.5 };
    labels.push(text({ x: labelW - 6, y: y + 17, 'text-anchor': 'end' }, d.short));
    if (fluid) {
      // The bar runs from the label column to the column's width less the number (svg fluidExtent).
      const share = d.count / max;
      bars.push(
        d.count > 0 ? fluidBar({ share, left: labelW, right: textW, y: y + 3, height: 18, fill: d.colour, outline: stroke.stroke, outlineWidth: stroke['stroke-width'], narrowest: width }) : '',
        text({ ...fluidAt(share, labelW, textW), dx: 6, y: y + 17 }, valueText(d)),
      );
    } else {
      const w = Math.round((d.count / max) * barW);
      bars.push(el('rect', { x: labelW, y: y + 3, width: w, height: 18, fill: d.colour, ...stroke }), text({ x: labelW + w + 6, y: y + 17 }, valueText(d)));
    }
  });
  const rows = fluid ? [...labels, ...bars] : o.bars.map((_, i) => labels[i] + bars[2 * i] + bars[2 * i + 1]);
  return chartSvg(
    { idPrefix: o.idPrefix, title: o.title, description: categoryBarsDescription(o.bars), width, height: o.bars.length * rowH + 4, fontSize: font, fluid },
    rows.join(''),
  );
}
