// The pipeline's fast path to CSV: column arrays (Arquero tables) to text with no row objects, and
// each cell formatted once for several files. The rules of a cell (quoting, numbers, BOM, Excel)
// are the site's one writer's, src/lib/publish/csv.ts.
import { csvCell, csvDialect, csvFile, writeCsv, PLAIN_CSV, type Cell, type CsvDialect } from '../publish/csv';
import { spreadsheetText } from '../format/spreadsheet';

export type { Cell } from '../publish/csv';
export type CsvOptions = Partial<CsvDialect>;

/** CSV from column arrays (the fast path for Arquero tables: no row objects are built). */
export function formatCsvColumns(header: readonly string[], columns: readonly ArrayLike<Cell>[], opts: CsvOptions = {}): string {
  return formatCsvColumnsEach(header, columns, [opts])[0];
}

/**
 * The same columns as several CSV files (the plain and the Excel variant): each cell is formatted
 * once in the plain dialect, and a variant formats it again only where its own rules change the
 * text (a decimal point under decimalComma, a formula-like text under spreadsheet, a `,` or `;`
 * that one delimiter quotes and the other does not).
 */
export function formatCsvColumnsEach(header: readonly string[], columns: readonly ArrayLike<Cell>[], variants: readonly CsvOptions[]): string[] {
  const n = columns.length ? columns[0].length : 0;
  const base = columns.map((col) => {
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = csvCell(col[i], PLAIN_CSV);
    return out;
  });
  return variants.map((opts) => {
    const dialect = csvDialect(opts);
    const dc = dialect.decimalComma;
    const ss = dialect.spreadsheet;
    const otherDelimiter = dialect.delimiter !== PLAIN_CSV.delimiter;
    const text = !dc && !ss && !otherDelimiter ? base : columns.map((col, j) => {
      let out = base[j];
      for (let i = 0; i < n; i++) {
        const v = col[i];
        const changes = typeof v === 'number'
          ? dc && out[i].includes('.')
          : typeof v === 'string' && ((ss && spreadsheetText(v) !== v) || (otherDelimiter && (v.includes(',') || v.includes(';'))));
        if (!changes) continue;
        if (out === base[j]) out = out.slice();
        out[i] = csvCell(v, dialect);
      }
      return out;
    });

    const lines = new Array<string>(n + 1);
    lines[0] = header.map((h) => csvCell(h, dialect)).join(dialect.delimiter);
    // join() builds flat strings; `+=` would build ropes that cost more to flatten later.
    const buf = new Array<string>(text.length);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < text.length; j++) buf[j] = text[j][i];
      lines[i + 1] = buf.join(dialect.delimiter);
    }
    return csvFile(lines, dialect);
  });
}

/** CSV from row objects; `header` names the columns, each a key of the rows. */
export function formatCsv<K extends string>(header: readonly K[], rows: readonly { readonly [key in K]: Cell }[], opts: CsvOptions = {}): string {
  return writeCsv(header, rows.map((r) => header.map((h) => r[h])), opts);
}
