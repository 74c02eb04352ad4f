// The over-time tables that are JSON by nature (nested per theme or per year) as flat rows, so
// /data/ can offer them as CSV and Excel CSV like every other table.
import { EXCEL_CSV, writeCsv } from '../../publish/csv';
import type { ChangeRow } from './changes';
import type { StrategyAreas, YearDistributionRow } from './national';

type Cell = string | number | null;
export interface FlatTable { header: string[]; rows: Cell[][] }

export function distributionTable(rows: YearDistributionRow[]): FlatTable {
  const header = ['year', 'indicator', 'value', 'count', 'denominator', 'share', 'units'];
  return { header, rows: rows.map((r) => [r.year, r.indicator, r.value, r.count, r.denominator, r.share, r.units]) };
}

const THEMES = ['prioritering', 'aktivitet'] as const;

/** One row per current kommune; earlier numbers joined by a space; per theme from/to/diff/change/reason. */
export function changesTable(rows: ChangeRow[]): FlatTable {
  const header = ['kommunenummer', 'kommunenavn', 'kommunenummer_fra',
    ...THEMES.flatMap((t) => [`${t}_fra`, `${t}_til`, `${t}_diff`, `${t}_endring`, `${t}_grunn`])];
  return {
    header,
    rows: rows.map((r) => [r.kommunenummer, r.kommunenavn, r.kommunenummer_fra.join(' '),
      ...THEMES.flatMap((t) => [r[t].from, r[t].to, r[t].diff, r[t].change, r[t].reason])]),
  };
}

/** One row per strategy area and year. */
export function strategyTable(s: StrategyAreas): FlatTable {
  const header = ['item', 'label', 'in_all_years', 'year', 'count', 'denominator', 'share'];
  return { header, rows: s.areas.flatMap((a) => a.years.map((y) => [a.item, a.label, a.inAllYears ? 1 : 0, y.year, y.count, y.denominator, y.share])) };
}

/** UTF-8 with commas, the same conventions as `indicators.csv`. */
export function tableCsv(t: FlatTable): string {
  return writeCsv(t.header, t.rows);
}

/**
 * `;`-separated, decimal comma, CRLF, with a byte order mark, so Norwegian Excel opens it with
 * numbers as numbers and æøå intact, and no text cell as a formula.
 */
export function tableExcelCsv(t: FlatTable): string {
  return writeCsv(t.header, t.rows, EXCEL_CSV);
}
