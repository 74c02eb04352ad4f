// National figures per survey year: the distribution of each grade, and the share of kommuner
// naming each strategy area.
import * as aq from 'arquero';
import type { ItemShareRow, SurveyDefinition } from '../../types';
import type { OverTimeModel } from './model';
import { shareOf } from '../../rules/share';

export const DISTRIBUTION_INDICATORS = ['prioritering', 'aktivitet', 'bruk', 'kompetanse'] as const;
export type DistributionIndicator = (typeof DISTRIBUTION_INDICATORS)[number];

const VALUES: Record<DistributionIndicator, string[]> = {
  prioritering: ['0', '1', '2', '3', '4'],
  aktivitet: ['0', '1', '2', '3', '4'],
  bruk: ['0', '1', '2', '3', '4'],
  kompetanse: ['A', 'B', 'C', 'D'],
};

export interface YearDistributionRow {
  year: number;
  indicator: DistributionIndicator;
  value: string; // '0'…'4', 'A'…'D' or 'ukjent'
  count: number;
  /** Kommuner with a known value that year (the share's denominator). */
  denominator: number;
  share: number | null; // null for 'ukjent' and below MIN_DENOMINATOR (rules/share)
  units: number; // kommuner in that year's register
}

/**
 * Count per grade per year over every kommune of each year's table. Each year counts its own
 * structure's kommuner (356 in 2021, 357 in 2024): a national share needs no correspondence.
 */
export function nationalDistribution(model: OverTimeModel): YearDistributionRow[] {
  const records: { year: number; indicator: string; value: string }[] = [];
  for (const year of model.years) {
    for (const r of model.rows.get(year)!.values()) {
      for (const ind of DISTRIBUTION_INDICATORS) {
        const v = r[ind];
        records.push({ year, indicator: ind, value: v === null || r.svart === 0 ? 'ukjent' : String(v) });
      }
    }
  }
  const counted = new Map<string, number>();
  if (records.length > 0) {
    for (const c of aq.from(records).groupby('year', 'indicator', 'value').count().objects() as
      { year: number; indicator: string; value: string; count: number }[]) {
      counted.set(`${c.year}|${c.indicator}|${c.value}`, c.count);
    }
  }
  const out: YearDistributionRow[] = [];
  for (const year of model.years) {
    const units = model.rows.get(year)!.size;
    for (const ind of DISTRIBUTION_INDICATORS) {
      const known = VALUES[ind].reduce((s, v) => s + (counted.get(`${year}|${ind}|${v}`) ?? 0), 0);
      for (const value of [...VALUES[ind], 'ukjent']) {
        const count = counted.get(`${year}|${ind}|${value}`) ?? 0;
        out.push({
          year, indicator: ind, value, count, denominator: known,
          share: value === 'ukjent' ? null : shareOf(count, known),
          units,
        });
      }
    }
  }
  return out;
}

export interface StrategyAreaYear {
  year: number;
  count: number;
  denominator: number;
  share: number | null;
}

export interface StrategyArea {
  item: string; // column name: the key that decides whether two forms ask the same area
  label: string;
  /** Present in every compared year's survey definition: only these are compared across years. */
  inAllYears: boolean;
  years: StrategyAreaYear[];
}

export interface StrategyAreas {
  years: number[];
  /** year → number of strategy areas its form lists (13 in 2018, 14 in 2021). */
  itemsPerYear: Record<number, number>;
  areas: StrategyArea[];
}

/**
 * Share naming each strategy area per year, from the pipeline's item shares (answer = a label
 * that counts, i.e. «Ja», among kommuner with a strategy). Areas are matched across forms by
 * column name; an area only one form lists is kept but marked `inAllYears: false`.
 */
export function strategyAreas(
  years: { year: number; survey: SurveyDefinition; items: ItemShareRow[] }[],
): StrategyAreas {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const itemsPerYear: Record<number, number> = {};
  const labels = new Map<string, string>();
  const presence = new Map<string, number>();
  for (const y of sorted) {
    const items = y.survey.simple.strategi.items;
    itemsPerYear[y.year] = Object.keys(items).length;
    for (const [col, label] of Object.entries(items)) {
      labels.set(col, label); // the latest form's wording wins
      presence.set(col, (presence.get(col) ?? 0) + 1);
    }
  }
  const areas: StrategyArea[] = [];
  for (const [item, label] of labels) {
    const perYear: StrategyAreaYear[] = [];
    for (const y of sorted) {
      if (!(item in y.survey.simple.strategi.items)) continue;
      const counts = new Set(y.survey.simple.strategi.counts);
      const rows = y.items.filter((r) => r.block === 'strategi' && r.item === item);
      const yes = rows.filter((r) => counts.has(r.answer));
      if (rows.length === 0) continue;
      const count = yes.reduce((s, r) => s + r.count, 0);
      const denominator = rows[0].denominator;
      perYear.push({ year: y.year, count, denominator, share: shareOf(count, denominator) });
    }
    areas.push({ item, label, inAllYears: presence.get(item) === sorted.length, years: perYear });
  }
  // Common areas first, by latest share (descending), so the figure reads like the report's.
  const latestShare = (a: StrategyArea) => a.years[a.years.length - 1]?.share ?? -1;
  areas.sort((a, b) =>
    Number(b.inAllYears) - Number(a.inAllYears) || latestShare(b) - latestShare(a) || a.item.localeCompare(b.item));
  return { years: sorted.map((y) => y.year), itemsPerYear, areas };
}
