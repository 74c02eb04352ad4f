// The site's one CSV writer: the indicator contract, every /data/ download (plain and for Excel),
// the over-time tables, the register files and the figure tables. public/js/csv.js, which the
// figure downloads use in the reader's browser, is this file compiled (`npm run js:csv`; a test
// fails when the two differ), so a figure's CSV follows the same rules as /data/.
//
// Quoting follows RFC 4180: a field is quoted only when it holds the file's delimiter, a quote or
// a line break. A `,` file leaves «Bærum; Asker» bare and a `;` file leaves «Ja, helt» and the
// decimal comma «0,25» bare: every reader that knows the delimiter (ours, Excel, R, pandas) reads
// them right, and a number stays a number. Spaces are part of a field (RFC 4180 §2.4) and are
// kept as they are.
import { spreadsheetText } from '../format/spreadsheet';

export type Delimiter = ',' | ';';
export type Cell = string | number | boolean | null | undefined;

export interface CsvDialect {
  delimiter: Delimiter;
  eol: '\n' | '\r\n';
  /** A UTF-8 byte order mark first: Norwegian Excel needs it to read æøå. */
  bom: boolean;
  /** Numbers with a decimal comma («0,25»), as Norwegian Excel reads them. */
  decimalComma: boolean;
  /** Text a spreadsheet would run as a formula gets a leading `'` (format/spreadsheet.ts). */
  spreadsheet: boolean;
}

/** The data contract's CSV (`indicators.csv`): UTF-8, comma, decimal point, LF, final newline. */
export const PLAIN_CSV: Readonly<CsvDialect> = Object.freeze({ delimiter: ',', eol: '\n', bom: false, decimalComma: false, spreadsheet: false });

/** «CSV for Excel» as /data/ describes it: `;`, decimal comma, BOM, CRLF, no text runs as a formula. */
export const EXCEL_CSV: Readonly<CsvDialect> = Object.freeze({ delimiter: ';', eol: '\r\n', bom: true, decimalComma: true, spreadsheet: true });

/** A dialect from options; what is not given is as in the plain CSV. */
export function csvDialect(options: Partial<CsvDialect> = {}): CsvDialect {
  return { ...PLAIN_CSV, ...options };
}

const MUST_QUOTE: Record<Delimiter, RegExp> = { ',': /[",\r\n]/, ';': /[";\r\n]/ };

/** The field as written: quoted (with `""` for a quote) only when it holds the delimiter, a quote or a line break. */
export function quoteField(text: string, delimiter: Delimiter): string {
  return MUST_QUOTE[delimiter].test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The text of the small whole numbers that fill the tables (counts, scores, grades), made once. */
const SMALL = Array.from({ length: 256 }, (_, i) => String(i));

/** A number as a cell: shortest round-trip text, a decimal comma when asked; NaN and ±∞ are empty. */
export function numberText(n: number, decimalComma: boolean): string {
  if (n >= 0 && n < 256 && Number.isInteger(n)) return SMALL[n];
  if (!Number.isFinite(n)) return '';
  return decimalComma ? String(n).replace('.', ',') : String(n);
}

/** One cell as written in the dialect: null and undefined are empty (unknown). */
export function csvCell(value: Cell, dialect: Readonly<CsvDialect>): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value, dialect.decimalComma);
  const text = dialect.spreadsheet ? spreadsheetText(String(value)) : String(value);
  return quoteField(text, dialect.delimiter);
}

/** Whole lines (cells already written) as the file: BOM when the dialect has one, every line ended. */
export function csvFile(lines: readonly string[], dialect: Readonly<CsvDialect>): string {
  return (dialect.bom ? '\uFEFF' : '') + lines.join(dialect.eol) + dialect.eol;
}

/** A CSV file: the header, then one line per row. */
export function writeCsv(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  dialect: Readonly<Partial<CsvDialect>> = PLAIN_CSV,
): string {
  const d = csvDialect(dialect);
  const lines = new Array<string>(rows.length + 1);
  lines[0] = header.map((h) => csvCell(h, d)).join(d.delimiter);
  for (let i = 0; i < rows.length; i++) lines[i + 1] = rows[i].map((v) => csvCell(v, d)).join(d.delimiter);
  return csvFile(lines, d);
}
