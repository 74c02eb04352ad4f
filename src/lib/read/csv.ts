// RFC-4180-ish CSV parsing and writing. Pure: text in, records out.

export type Delimiter = ',' | ';';

export interface CsvRecord {
  /** 1-based physical line where the record starts (quoted newlines make records span lines). */
  line: number;
  fields: string[];
}

export interface ParsedCsv {
  header: string[];
  records: CsvRecord[];
  delimiter: Delimiter;
}

export class CsvSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(message: string, line: number, column: number) {
    super(`linje ${line}, tegn ${column}: ${message}`);
    this.name = 'CsvSyntaxError';
    this.line = line;
    this.column = column;
  }
}

const QUOTE = 34; // "
const LF = 10;
const CR = 13;
const COMMA = 44;
const SEMICOLON = 59;
const SPACE = 32;
const TAB = 9;

/**
 * Picks `;` or `,` by counting both on the first line outside quotes. Norwegian Excel writes `;`
 * because `,` is the decimal separator, so a tie (e.g. a one-column header) falls back to `,`.
 */
export function detectDelimiter(text: string): Delimiter {
  let commas = 0;
  let semicolons = 0;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === LF || c === CR) {
      // Blank leading lines say nothing about the delimiter.
      if (commas + semicolons > 0) break;
    } else if (c === COMMA) commas++;
    else if (c === SEMICOLON) semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

function isBlank(fields: string[], quoted: boolean): boolean {
  if (quoted) return false;
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}

/**
 * Parses CSV text. Quoted fields may hold `""`, delimiters and newlines; line ends may be CRLF, LF
 * or CR. Blank lines (also Excel's all-delimiter rows like `;;;`) are skipped. A leading BOM is
 * ignored. The first non-blank record is the header; an empty text gives an empty header.
 * Throws CsvSyntaxError for a quote that never closes or text glued to a closing quote.
 */
export function parseCsv(text: string, options: { delimiter?: Delimiter } = {}): ParsedCsv {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const delimiter = options.delimiter ?? detectDelimiter(start ? text.slice(1) : text);
  const delim = delimiter.charCodeAt(0);
  const n = text.length;

  const all: CsvRecord[] = [];
  let fields: string[] = [];
  let recordLine = 1;
  let recordQuoted = false;
  let line = 1;
  let lineStart = start; // index of the first char of the current physical line
  let i = start;

  const endRecord = () => {
    if (!isBlank(fields, recordQuoted)) all.push({ line: recordLine, fields });
    fields = [];
    recordQuoted = false;
  };

  while (i <= n) {
    if (i === n) {
      // End of text: flush the last record unless the text ended with a line break.
      if (fields.length > 0) endRecord();
      break;
    }
    if (fields.length === 0) recordLine = line;

    // Skip leading blanks only to spot ` "quoted"` fields; unquoted fields keep their spaces.
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c !== SPACE && c !== TAB) break;
      j++;
    }

    if (j < n && text.charCodeAt(j) === QUOTE) {
      recordQuoted = true;
      const openLine = line;
      const openColumn = j - lineStart + 1;
      let value = '';
      let segStart = j + 1;
      let k = j + 1;
      for (;;) {
        if (k >= n) {
          throw new CsvSyntaxError('anførselstegnet som åpner feltet, lukkes aldri (ubalansert «"»)', openLine, openColumn);
        }
        const c = text.charCodeAt(k);
        if (c === QUOTE) {
          if (k + 1 < n && text.charCodeAt(k + 1) === QUOTE) {
            value += text.slice(segStart, k + 1);
            k += 2;
            segStart = k;
            continue;
          }
          value += text.slice(segStart, k);
          k++;
          break;
        }
        if (c === LF) {
          line++;
          lineStart = k + 1;
        } else if (c === CR) {
          if (k + 1 < n && text.charCodeAt(k + 1) === LF) k++;
          line++;
          lineStart = k + 1;
        }
        k++;
      }
      // Only blanks may follow a closing quote before the delimiter or line end.
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c !== SPACE && c !== TAB) break;
        k++;
      }
      fields.push(value);
      if (k >= n) {
        i = n;
        continue;
      }
      const c = text.charCodeAt(k);
      if (c === delim) {
        i = k + 1;
        if (i === n) fields.push('');
        continue;
      }
      if (c === LF || c === CR) {
        if (c === CR && k + 1 < n && text.charCodeAt(k + 1) === LF) k++;
        endRecord();
        line++;
        lineStart = k + 1;
        i = k + 1;
        continue;
      }
      throw new CsvSyntaxError(
        `uventet tegn «${text[k]}» etter et felt i anførselstegn (forventet skilletegn «${delimiter}» eller linjeslutt)`,
        line,
        k - lineStart + 1,
      );
    }

    // Unquoted field: runs to the next delimiter or line end; quotes inside are literal.
    let k = i;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === delim || c === LF || c === CR) break;
      k++;
    }
    fields.push(text.slice(i, k));
    if (k >= n) {
      i = n;
      continue;
    }
    const c = text.charCodeAt(k);
    if (c === delim) {
      i = k + 1;
      if (i === n) fields.push('');
      continue;
    }
    if (c === CR && k + 1 < n && text.charCodeAt(k + 1) === LF) k++;
    endRecord();
    line++;
    lineStart = k + 1;
    i = k + 1;
  }

  if (all.length === 0) return { header: [], records: [], delimiter };
  return { header: all[0].fields, records: all.slice(1), delimiter };
}

const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/;

function cell(value: string | number | null | undefined, delimiter: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // Quote on either delimiter so a file stays readable whichever one a reader guesses.
  if (NEEDS_QUOTES.test(value) || value.includes(delimiter)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/** Writes CSV with LF line ends and a final newline; null/undefined and non-finite numbers → empty. */
export function toCsv(
  header: string[],
  rows: (string | number | null | undefined)[][],
  delimiter: Delimiter = ',',
): string {
  const out: string[] = [header.map((h) => cell(h, delimiter)).join(delimiter)];
  for (const row of rows) out.push(row.map((v) => cell(v, delimiter)).join(delimiter));
  return out.join('\n') + '\n';
}
