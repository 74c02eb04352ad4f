// The long-format download: one row per kommune and survey year, with both the number the
// kommune had that year and the number of the kommune it is part of today.
import * as aq from 'arquero';
import { INDICATOR_COLUMNS, type IndicatorRow } from '../../types';
import { EXCEL_CSV, writeCsv } from '../../publish/csv';
import type { OverTimeModel } from './model';

const INDICATOR_VALUES = INDICATOR_COLUMNS.filter((c) => c !== 'kommunenummer');

export const LONG_COLUMNS = [
  'year', 'kommunenummer', 'kommunenavn', 'fylkesnummer',
  'kommunenummer_gjeldende', 'kommunenavn_gjeldende', 'endring', 'etterfolgere',
  ...INDICATOR_VALUES,
] as const;

export type LongRow = {
  year: number;
  kommunenummer: string;
  kommunenavn: string;
  fylkesnummer: string;
  /** The current kommune the figure leads to: the only successor, or the most populous of a split. */
  kommunenummer_gjeldende: string | null;
  kommunenavn_gjeldende: string | null;
  endring: string; // uendret | nytt_nummer | delt | sammenslått | ukjent
  /** All current successors, space separated («1508 1580» for the Ålesund split). */
  etterfolgere: string;
} & Omit<IndicatorRow, 'kommunenummer'>;

const KEYS = ['year', 'kommunenummer'];

export function longTable(model: OverTimeModel): LongRow[] {
  const indicators: Record<string, unknown>[] = [];
  const links: Record<string, unknown>[] = [];
  for (const year of model.years) {
    for (const r of model.rows.get(year)!.values()) indicators.push({ ...r, year });
    for (const t of model.traces.get(year)!.values()) {
      links.push({
        year,
        kommunenummer: t.kommunenummer,
        kommunenummer_gjeldende: t.main?.kommunenummer ?? null,
        kommunenavn_gjeldende: t.main?.kommunenavn ?? null,
        endring: t.endring,
        etterfolgere: t.successors.map((s) => s.kommunenummer).join(' '),
      });
    }
  }
  if (indicators.length === 0) return [];
  return aq
    .from(indicators)
    // Arquero reads a flat two-name array as [left key, right key]; several keys need the nested form.
    .join_left(aq.from(links), [KEYS, KEYS], [aq.all(), aq.not(...KEYS)])
    .select(...LONG_COLUMNS)
    .orderby('year', 'kommunenummer')
    .objects() as LongRow[];
}

function cells(row: LongRow): (string | number | null)[] {
  return LONG_COLUMNS.map((c) => (row as Record<string, string | number | null>)[c] ?? null);
}

/** UTF-8, comma, empty cell for unknown: the same conventions as `indicators.csv`. */
export function longTableCsv(rows: LongRow[]): string {
  return writeCsv(LONG_COLUMNS, rows.map(cells));
}

/** «CSV for Excel» (EXCEL_CSV), so Norwegian Excel opens it with æøå intact, numbers as numbers, and runs no text as a formula. */
export function longTableExcelCsv(rows: LongRow[]): string {
  return writeCsv(LONG_COLUMNS, rows.map(cells), EXCEL_CSV);
}
