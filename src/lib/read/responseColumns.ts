// Answers kept column by column (what the reader writes) and the row view some callers still want.
import type { ResponseColumns, ResponseRow } from '../types';

/**
 * Row objects from columns, for callers that look at a few kommuner (tests, the demo). Each row is
 * a copy of one template holding every key, so all rows share one shape.
 */
export function responseRows(data: ResponseColumns): ResponseRow[] {
  const { names, values, length } = data;
  const template: Record<string, string | null> = Object.fromEntries(names.map((k) => [k, null]));
  const cols = names.map((k) => values[k]);
  const rows = new Array<ResponseRow>(length);
  for (let i = 0; i < length; i++) {
    const row = { ...template };
    for (let c = 0; c < names.length; c++) row[names[c]] = cols[c][i];
    rows[i] = row as ResponseRow;
  }
  return rows;
}

/**
 * Columns from row objects (hand-built rows, synthetic data): `names` default to the first row's
 * keys; a name missing from a row is blank, and '' is blank too, as the reader would have it.
 */
export function responseColumns(rows: readonly ResponseRow[], names?: readonly string[]): ResponseColumns {
  const keys = names ?? (rows.length ? Object.keys(rows[0]) : ['kommunenummer']);
  const values: Record<string, (string | null)[]> = {};
  for (const k of keys) {
    const col = new Array<string | null>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const v = rows[i][k];
      col[i] = v == null || v === '' ? null : v;
    }
    values[k] = col;
  }
  return { names: keys, values, length: rows.length };
}
