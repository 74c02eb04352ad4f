// Share of kommuner naming each questionnaire item («94,5 %»), optionally one bar per year per
// item (the report's Figur 1 kind, for the development page).
import type { ItemShareRow } from '../../lib/types';
import { formatPercent, UNAVAILABLE } from '../../lib/format';
import { GRADE_COLORS } from '../map/palette';
import { renderBars, type BarGroup, type FigureText } from './bars';


export interface ItemShare {
  label: string;
  share: number | null; // 0–1; null → «..»
  count?: number;
  denominator?: number;
  series?: string; // e.g. the year; items with several series get one bar per series
}

export interface ItemSharesOptions extends FigureText {
  items: ItemShare[];
  /** 'share': largest first (by the last series); 'input': keep the given order. Default 'input'. */
  order?: 'share' | 'input';
  width?: number;
  fontSize?: number;
  /** For a page: one drawing that site.css scales to its column (draw/plot drawSized). */
  fluid?: boolean;
}

/** ItemShareRow[] of one block and one answer → ItemShare[] (the figure's input). */
export function itemSharesFromRows(rows: ItemShareRow[], answer: string, series?: string): ItemShare[] {
  return rows
    .filter((r) => r.answer === answer)
    .map((r) => ({ label: r.label, share: r.share, count: r.count, denominator: r.denominator, series }));
}

// Two clearly separated steps of the grade palette for up to three series; text carries the year.
const SERIES_COLORS = [GRADE_COLORS[2], GRADE_COLORS[4], GRADE_COLORS[1]];

function grouped(items: ItemShare[]): { label: string; items: ItemShare[] }[] {
  const byLabel = new Map<string, ItemShare[]>();
  for (const item of items) {
    const list = byLabel.get(item.label) ?? [];
    list.push(item);
    byLabel.set(item.label, list);
  }
  return [...byLabel].map(([label, list]) => ({ label, items: list }));
}

export function itemSharesDescription(items: ItemShare[]): string {
  return grouped(items)
    .map((g) =>
      `${g.label}: ${g.items.map((i) => `${i.series ? `${i.series} ` : ''}${formatPercent(i.share)}`).join(', ')}.`)
    .join(' ');
}

export function renderItemShares(options: ItemSharesOptions): string {
  const seriesNames = [...new Set(options.items.map((i) => i.series).filter((s): s is string => !!s))];
  let groups = grouped(options.items);
  if (options.order === 'share') {
    const key = (g: { items: ItemShare[] }) => g.items[g.items.length - 1].share ?? -1;
    groups = [...groups].sort((a, b) => key(b) - key(a) || a.label.localeCompare(b.label, 'nb'));
  }
  const barGroups: BarGroup[] = groups.map((g) => ({
    heading: g.label,
    bars: g.items.map((i) => ({
      value: i.share === null ? null : i.share * 100,
      text: i.share === null ? UNAVAILABLE : formatPercent(i.share),
      fill: SERIES_COLORS[Math.max(0, seriesNames.indexOf(i.series ?? '')) % SERIES_COLORS.length],
      prefix: seriesNames.length > 1 ? i.series : undefined,
    })),
  }));
  return renderBars({
    groups: barGroups,
    max: 100,
    width: options.width,
    fontSize: options.fontSize,
    fluid: options.fluid,
    title: options.title,
    description: `${options.description} ${itemSharesDescription(options.items)}`.trim(),
    idPrefix: options.idPrefix,
  });
}
