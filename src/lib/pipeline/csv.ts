// CSV writing for the published tables. Kept here (not in read/) because the indicator CSV is the
// pipeline's output contract: UTF-8, header first, unknown = empty cell.
import { spreadsheetText } from '../format/spreadsheet';

export type Cell = string | number | boolean | null | undefined;

export interface CsvOptions {
  delimiter?: ',' | ';';
  eol?: '\n' | '\r\n';
  /** Prefix a UTF-8 byte order mark (Norwegian Excel needs it to read æøå). */
  bom?: boolean;
  /** Decimal comma for numbers (for the `;` Excel variant). */
  decimalComma?: boolean;
  /** Prefix text that a spreadsheet would run as a formula with `'` (the Excel variant). */
  spreadsheet?: boolean;
}

const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/;

/** The text of the small whole numbers that fill an indicator table (counts, scores, grades). */
const SMALL = Array.from({ length: 256 }, (_, i) => String(i));

export function cell(v: Cell, decimalComma = false, spreadsheet = false): string {
  if (v == null) return '';
  if (typeof v === 'number') {
    if (v >= 0 && v < 256 && Number.isInteger(v)) return SMALL[v];
    if (!Number.isFinite(v)) return '';
    return decimalComma ? String(v).replace('.', ',') : String(v);
  }
  const s = spreadsheet ? spreadsheetText(String(v)) : String(v);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV from column arrays (the fast path for Arquero tables: no row objects are built). */
export function formatCsvColumns(header: readonly string[], columns: readonly ArrayLike<Cell>[], opts: CsvOptions = {}): string {
  return formatCsvColumnsEach(header, columns, [opts])[0];
}

/**
 * The same columns as several CSV files (the plain and the Excel variant): each cell is formatted
 * once, and a variant formats it again only where its own rule changes the text (a decimal point
 * under decimalComma, a formula-like text under spreadsheet).
 */
export function formatCsvColumnsEach(header: readonly string[], columns: readonly ArrayLike<Cell>[], variants: readonly CsvOptions[]): string[] {
  const n = columns.length ? columns[0].length : 0;
  const base = columns.map((col) => {
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = cell(col[i]);
    return out;
  });
  return variants.map((opts) => {
    const d = opts.delimiter ?? ',';
    const eol = opts.eol ?? '\n';
    const dc = opts.decimalComma ?? false;
    const ss = opts.spreadsheet ?? false;
    const text = !dc && !ss ? base : columns.map((col, j) => {
      let out = base[j];
      for (let i = 0; i < n; i++) {
        const v = col[i];
        const changes = typeof v === 'number' ? dc && out[i].includes('.') : ss && typeof v === 'string' && spreadsheetText(v) !== v;
        if (!changes) continue;
        if (out === base[j]) out = out.slice();
        out[i] = cell(v, dc, ss);
      }
      return out;
    });

    const lines = new Array<string>(n + 1);
    lines[0] = header.map((h) => cell(h)).join(d);
    // join() builds flat strings; `+=` would build ropes that cost more to flatten later.
    const buf = new Array<string>(text.length);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < text.length; j++) buf[j] = text[j][i];
      lines[i + 1] = buf.join(d);
    }
    return (opts.bom ? '\uFEFF' : '') + lines.join(eol) + eol;
  });
}

/** CSV from row objects; `header` names the columns, each a key of the rows. */
export function formatCsv<K extends string>(header: readonly K[], rows: readonly { readonly [key in K]: Cell }[], opts: CsvOptions = {}): string {
  const d = opts.delimiter ?? ',';
  const eol = opts.eol ?? '\n';
  const dc = opts.decimalComma ?? false;
  const ss = opts.spreadsheet ?? false;
  const lines = [header.map((h) => cell(h)).join(d)];
  for (const r of rows) lines.push(header.map((h) => cell(r[h], dc, ss)).join(d));
  return (opts.bom ? '\uFEFF' : '') + lines.join(eol) + eol;
}
