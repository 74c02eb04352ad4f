// Answers kept column by column (what the reader writes) and the row view some callers still want.
import type { CodedColumn, ResponseColumns, ResponseRow } from '../types';

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

/** A code array for `length` cells of a column with `labels` labels (blank included). */
export function codeArray(labels: number, length: number): Uint8Array | Uint16Array {
  if (labels > 0xffff) throw new Error(`for mange ulike svar i én kolonne (${labels})`);
  return labels <= 0xff ? new Uint8Array(length) : new Uint16Array(length);
}

/** The cells of a coded column. */
export function decodeColumn(column: CodedColumn, length: number): (string | null)[] {
  const { labels, codes } = column;
  const out = new Array<string | null>(length);
  for (let i = 0; i < length; i++) out[i] = labels[codes[i]];
  return out;
}

/** Codes for cells (null is code 0), labels in order of first appearance. */
export function encodeColumn(cells: readonly (string | null | undefined)[], length = cells.length): CodedColumn {
  const labels: (string | null)[] = [null];
  const codeOf = new Map<string, number>();
  const codes = new Uint32Array(length);
  for (let i = 0; i < length; i++) {
    const v = cells[i];
    if (v == null) continue;
    let c = codeOf.get(v);
    if (c === undefined) {
      c = labels.push(v) - 1;
      codeOf.set(v, c);
    }
    codes[i] = c;
  }
  const out = codeArray(labels.length, length);
  out.set(codes);
  return { labels, codes: out };
}

/**
 * Answers from coded columns: `values` holds getters that decode a column on first use (and keep
 * it), so a reader of a few columns pays for those only and the engine, which reads `coded`, for none.
 */
export function codedResponses(names: readonly string[], kommunenummer: readonly string[], coded: Readonly<Record<string, CodedColumn>>, length: number): ResponseColumns {
  const values: Record<string, readonly (string | null)[]> = {};
  for (const name of names) {
    if (name === 'kommunenummer') {
      values.kommunenummer = kommunenummer;
      continue;
    }
    Object.defineProperty(values, name, {
      enumerable: true,
      configurable: true,
      get() {
        const cells = decodeColumn(coded[name], length);
        Object.defineProperty(values, name, { value: cells, enumerable: true, configurable: true });
        return cells;
      },
    });
  }
  return { names, values, coded, length };
}

/** One column's codes: the reader's own, or made from its cells; undefined when the column is absent. */
export function codedColumn(data: ResponseColumns, name: string): CodedColumn | undefined {
  const own = data.coded?.[name];
  if (own) return own;
  const cells = data.values[name];
  return cells ? encodeColumn(cells, data.length) : undefined;
}
