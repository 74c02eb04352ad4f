// RFC-4180-ish CSV parsing. Pure: text in, records out. The writer is src/lib/publish/csv.ts.

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
  /** Physical line of the header (later than 1 when blank lines precede it). */
  headerLine: number;
}

export class CsvSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  /** The message without the position prefix. */
  readonly reason: string;
  constructor(reason: string, line: number, column: number) {
    super(`linje ${line}, tegn ${column}: ${reason}`);
    this.name = 'CsvSyntaxError';
    this.line = line;
    this.column = column;
    this.reason = reason;
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
 * Splits one line whose quoted fields are plain (`"Ja, helt"`: no `""` escapes, no line breaks, no
 * blanks around the quotes), which is how most exports quote. Returns null for anything else so
 * the character parser handles it, including its exact error positions. Walks the line once with
 * indexOf (no split-and-glue of the pieces a quoted delimiter cuts).
 */
function splitSimpleQuoted(line: string, delimiter: string): string[] | null {
  const out: string[] = [];
  const n = line.length;
  let nextQuote = line.indexOf('"');
  let i = 0;
  for (;;) {
    if (i === nextQuote) {
      const close = line.indexOf('"', i + 1);
      if (close === -1) return null;
      const after = close + 1;
      // Only the delimiter or the line end may follow the closing quote («""» escapes go to the parser).
      if (after < n && line[after] !== delimiter) return null;
      out.push(line.slice(i + 1, close));
      nextQuote = line.indexOf('"', after);
      if (after === n) return out;
      i = after + 1;
    } else {
      const d = line.indexOf(delimiter, i);
      const end = d === -1 ? n : d;
      // A quote inside an unquoted field (or after leading blanks) is the parser's business.
      if (nextQuote !== -1 && nextQuote < end) return null;
      out.push(line.slice(i, end));
      if (d === -1) return out;
      i = d + 1;
    }
    if (i === n) {
      out.push('');
      return out;
    }
  }
}

/**
 * Parses CSV text. Quoted fields may hold `""`, delimiters and newlines; line ends may be CRLF, LF
 * or CR. Blank lines (also Excel's all-delimiter rows like `;;;`) are skipped. A leading BOM is
 * ignored. The first non-blank record is the header; an empty text gives an empty header.
 * Throws CsvSyntaxError for a quote that never closes or text glued to a closing quote.
 */
export function parseCsv(text: string, options: { delimiter?: Delimiter } = {}): ParsedCsv {
  const all: CsvRecord[] = [];
  const delimiter = scanCsv(text, (fields, line) => {
    all.push({ line, fields });
  }, options);
  if (all.length === 0) return { header: [], records: [], delimiter, headerLine: 1 };
  return { header: all[0].fields, records: all.slice(1), delimiter, headerLine: all[0].line };
}

/**
 * The streaming core of parseCsv: calls `onRecord` for every non-blank record (the header first)
 * as soon as it is complete, so a caller can convert and drop field strings while they are young;
 * returning false stops the scan. Returns the delimiter used. Same rules and errors as parseCsv.
 */
export function scanCsv(
  text: string,
  onRecord: (fields: string[], line: number) => boolean | void,
  options: { delimiter?: Delimiter } = {},
): Delimiter {
  return scanCore(text, onRecord, options, null);
}

/**
 * A line without line breaks inside quotes, [from, to) of the text: the span scanner's own handler.
 * Returns whether to go on, or null when the line needs the character parser.
 */
type SimpleLine = (from: number, to: number, hasQuote: boolean, delimiter: string, line: number) => boolean | null;

function scanCore(
  text: string,
  onRecord: (fields: string[], line: number) => boolean | void,
  options: { delimiter?: Delimiter },
  simpleLine: SimpleLine | null,
): Delimiter {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const delimiter = options.delimiter ?? detectDelimiter(start ? text.slice(1) : text);
  const delim = delimiter.charCodeAt(0);
  const n = text.length;

  let fields: string[] = [];
  let recordLine = 1;
  let recordQuoted = false;
  let line = 1;
  let lineStart = start; // index of the first char of the current physical line
  let i = start;
  let stop = false;
  // Next positions of '"', LF and CR at or after i (-1: none left); refreshed lazily.
  let nextQuote = text.indexOf('"', start);
  let nextLF = text.indexOf('\n', start);
  let nextCR = text.indexOf('\r', start);

  const endRecord = () => {
    if (!isBlank(fields, recordQuoted) && onRecord(fields, recordLine) === false) stop = true;
    fields = [];
    recordQuoted = false;
  };

  // After a field that ends at k: step past the delimiter or the line end (closing the record).
  // False when k holds anything else, which only a quoted field can leave behind.
  const afterField = (k: number): boolean => {
    if (k >= n) {
      i = n;
      return true;
    }
    const c = text.charCodeAt(k);
    if (c === delim) {
      i = k + 1;
      if (i === n) fields.push('');
      return true;
    }
    if (c !== LF && c !== CR) return false;
    if (c === CR && k + 1 < n && text.charCodeAt(k + 1) === LF) k++;
    endRecord();
    line++;
    lineStart = k + 1;
    i = k + 1;
    return true;
  };

  while (!stop && i <= n) {
    if (i === n) {
      // End of text: flush the last record unless the text ended with a line break.
      if (fields.length > 0) endRecord();
      break;
    }
    if (fields.length === 0) {
      recordLine = line;
      // Fast path: a physical line without any quote is one record; native split beats a char loop.
      if (nextQuote !== -1 && nextQuote < i) nextQuote = text.indexOf('"', i);
      if (nextLF !== -1 && nextLF < i) nextLF = text.indexOf('\n', i);
      if (nextCR !== -1 && nextCR < i) nextCR = text.indexOf('\r', i);
      const lf = nextLF === -1 ? n : nextLF;
      const cr = nextCR === -1 ? n : nextCR;
      const end = lf < cr ? lf : cr;
      if (simpleLine !== null) {
        const go = simpleLine(i, end, nextQuote !== -1 && nextQuote < end, delimiter, recordLine);
        if (go !== null) {
          if (!go) stop = true;
          if (stop || end === n) break;
          i = end === cr && cr + 1 === lf ? end + 2 : end + 1;
          line++;
          lineStart = i;
          continue;
        }
      }
      const simple =
        nextQuote === -1 || nextQuote > end
          ? text.slice(i, end).split(delimiter)
          : splitSimpleQuoted(text.slice(i, end), delimiter);
      if (simple !== null) {
        fields = simple;
        recordQuoted = nextQuote !== -1 && nextQuote < end;
        endRecord();
        if (end === n) break;
        i = end === cr && cr + 1 === lf ? end + 2 : end + 1;
        line++;
        lineStart = i;
        continue;
      }
    }

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
      if (afterField(k)) continue;
      // Report where the quote opened: a stray quote is the usual cause, and it sits there.
      const where = line === openLine ? `tegn ${k - lineStart + 1}` : `linje ${line}, tegn ${k - lineStart + 1}`;
      throw new CsvSyntaxError(
        `feltet i anførselstegn slutter ved ${where} og følges av «${text[k]}» i stedet for skilletegn «${delimiter}» eller linjeslutt; trolig et ubalansert anførselstegn («"» inne i et felt skal dobles: «""»)`,
        openLine,
        openColumn,
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
    afterField(k);
  }

  return delimiter;
}

/**
 * A record's fields as places in a text: field k is `text.slice(start[k], end[k])`. The arrays are
 * reused from record to record; read them inside the callback.
 */
export interface FieldSpans {
  text: string;
  count: number;
  start: Int32Array;
  end: Int32Array;
}

/**
 * scanCsv for callers that compare fields with known strings: a line that splits simply (no
 * quotes, or plainly quoted fields) is handed over as spans of the text itself, so no string is
 * made per field. Any other record (`""` escapes, line breaks inside quotes) is parsed by scanCsv's
 * character parser, with the same rules and errors, and handed over as spans of its fields joined.
 */
export function scanCsvSpans(
  text: string,
  onRecord: (spans: FieldSpans, line: number) => boolean | void,
  options: { delimiter?: Delimiter } = {},
): Delimiter {
  const spans: FieldSpans = { text, count: 0, start: new Int32Array(64), end: new Int32Array(64) };
  const room = (k: number) => {
    if (k < spans.start.length) return;
    const grow = (a: Int32Array) => {
      const b = new Int32Array(Math.max(k + 1, a.length * 2));
      b.set(a);
      return b;
    };
    spans.start = grow(spans.start);
    spans.end = grow(spans.end);
  };
  const fromFields = (fields: string[], line: number) => {
    // Rare records the character parser had to read: lay their fields end to end.
    spans.text = fields.join('');
    let at = 0;
    room(fields.length);
    for (let k = 0; k < fields.length; k++) {
      spans.start[k] = at;
      at += fields[k].length;
      spans.end[k] = at;
    }
    spans.count = fields.length;
    const go = onRecord(spans, line);
    spans.text = text;
    return go;
  };
  const simple = (from: number, to: number, hasQuote: boolean, delimiter: string, line: number): boolean | null => {
    // Walks the line [from, to) like splitSimpleQuoted; null hands it to the character parser.
    let nextQuote = hasQuote ? text.indexOf('"', from) : -1;
    if (nextQuote >= to) nextQuote = -1;
    let i = from;
    let k = 0;
    for (;;) {
      room(k + 1);
      if (i === nextQuote) {
        const close = text.indexOf('"', i + 1);
        if (close === -1 || close >= to) return null;
        const after = close + 1;
        if (after < to && text[after] !== delimiter) return null;
        spans.start[k] = i + 1;
        spans.end[k++] = close;
        nextQuote = text.indexOf('"', after);
        if (nextQuote >= to) nextQuote = -1;
        if (after === to) break;
        i = after + 1;
      } else {
        let d = text.indexOf(delimiter, i);
        if (d >= to) d = -1;
        const end = d === -1 ? to : d;
        if (nextQuote !== -1 && nextQuote < end) return null;
        spans.start[k] = i;
        spans.end[k++] = end;
        if (d === -1) break;
        i = d + 1;
      }
      if (i === to) {
        room(k + 1);
        spans.start[k] = to;
        spans.end[k++] = to;
        break;
      }
    }
    spans.count = k;
    // Blank lines (also Excel's all-delimiter rows like `;;;`) are skipped, as scanCsv does.
    if (!hasQuote) {
      let blank = true;
      for (let f = 0; f < k && blank; f++) if (text.slice(spans.start[f], spans.end[f]).trim() !== '') blank = false;
      if (blank) return true;
    }
    return onRecord(spans, line) !== false;
  };
  return scanCore(text, fromFields, options, simple);
}
