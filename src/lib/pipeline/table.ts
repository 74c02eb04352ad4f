// The typed edge of Arquero. Arquero types every cell as `any` and rows as plain `object`, so the
// pipeline states here, once, what its tables hold; everything else reads through these functions
// instead of casting at each use.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { IndicatorRow } from '../types';

export type Table = ColumnTable;

/** A cell of a response table: a canonical answer label, or null for blank. */
export type Answer = string | null;

/** A table from named columns of equal length. */
export function tableFromColumns(columns: Record<string, readonly unknown[]>): Table {
  return aq.table(columns);
}

/** The values of one column, in row order (the table's filter and order applied). */
export function columnValues<T>(table: Table, name: string): readonly T[] {
  // A table in its own order holds the array itself: hand it out (read-only) instead of copying
  // it through a callback per cell. Otherwise, with the Array constructor Arquero returns a plain
  // array (never a typed array).
  if (!table.isFiltered() && !table.isOrdered()) {
    const data = table.column(name) as unknown;
    if (Array.isArray(data) && data.length === table.numRows()) return data as T[];
  }
  return table.array(name, Array) as T[];
}

/** The answers of one column of a response table. */
export const answerColumn = (table: Table, name: string): readonly Answer[] => columnValues<Answer>(table, name);

/** Rows as plain objects; `T` names the columns the caller selected or computed, and their types. */
export function tableRows<T extends object>(table: Table): T[] {
  return table.objects() as T[];
}

/** The indicator table as plain rows (for JSON and the site); its columns are INDICATOR_COLUMNS. */
export function indicatorRows(table: Table): IndicatorRow[] {
  // Each row a copy of one template in INDICATOR_COLUMNS order (the JSON's key order), filled from
  // the columns: one shape for all rows, and no generic per-cell accessor.
  const names = table.columnNames();
  const cols = names.map((c) => columnValues<unknown>(table, c));
  const template: Record<string, unknown> = Object.fromEntries(names.map((c) => [c, null]));
  const n = table.numRows();
  const rows = new Array<IndicatorRow>(n);
  for (let i = 0; i < n; i++) {
    const row = { ...template };
    for (let c = 0; c < names.length; c++) row[names[c]] = cols[c][i];
    rows[i] = row as unknown as IndicatorRow;
  }
  return rows;
}
