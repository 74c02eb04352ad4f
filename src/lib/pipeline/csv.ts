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
 * that one delimiter quotes and the other does not). Row by row, so no column of cell texts is kept.
 */
export function formatCsvColumnsEach(header: readonly string[], columns: readonly ArrayLike<Cell>[], variants: readonly CsvOptions[]): string[] {
  const n = columns.length ? columns[0].length : 0;
  const dialects = variants.map((opts) => csvDialect(opts));
  const lines = dialects.map((d) => {
    const out = new Array<string>(n + 1);
    out[0] = header.map((h) => csvCell(h, d)).join(d.delimiter);
    return out;
  });
  const asPlain = dialects.map((d) => !d.decimalComma && !d.spreadsheet && d.delimiter === PLAIN_CSV.delimiter);
  // join() builds flat strings; `+=` would build ropes that cost more to flatten later.
  const bufs = dialects.map(() => new Array<string>(columns.length));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < columns.length; j++) {
      const v = columns[j][i];
      const text = csvCell(v, PLAIN_CSV);
      for (let k = 0; k < dialects.length; k++) {
        bufs[k][j] = asPlain[k] || !changes(v, text, dialects[k]) ? text : csvCell(v, dialects[k]);
      }
    }
    for (let k = 0; k < dialects.length; k++) lines[k][i + 1] = bufs[k].join(dialects[k].delimiter);
  }
  return dialects.map((d, k) => csvFile(lines[k], d));
}

/** Whether a cell written as `text` in the plain dialect reads otherwise in `dialect`. */
function changes(v: Cell, text: string, dialect: CsvDialect): boolean {
  if (typeof v === 'number') return dialect.decimalComma && text.includes('.');
  if (typeof v !== 'string') return false;
  return (dialect.spreadsheet && spreadsheetText(v) !== v) || (dialect.delimiter !== PLAIN_CSV.delimiter && (v.includes(',') || v.includes(';')));
}

/** CSV from row objects; `header` names the columns, each a key of the rows. */
export function formatCsv<K extends string>(header: readonly K[], rows: readonly { readonly [key in K]: Cell }[], opts: CsvOptions = {}): string {
  return writeCsv(header, rows.map((r) => header.map((h) => r[h])), opts);
}
