// The site's one CSV writer (src/lib/publish/csv.ts): RFC 4180 quoting by the file's own
// delimiter, the Excel dialect as /data/ describes it, every file read back by the project's own
// reader, the pipeline's column fast path and the browser's copy (public/js/csv.js) giving the
// same bytes.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { csvCell, EXCEL_CSV, numberText, PLAIN_CSV, quoteField, writeCsv, type Cell, type CsvDialect } from '../../src/lib/publish/csv';
import { spreadsheetText } from '../../src/lib/format/spreadsheet';
import { formatCsv, formatCsvColumnsEach } from '../../src/lib/pipeline/csv';
import { parseCsv } from '../../src/lib/read/csv';
import { browserModule } from '../../scripts/lib/browser-modules';
import { ROOT } from '../helpers/site';

const NASTY: Cell[] = ['Oslo', 'Ja, helt', 'Bærum; Asker', 'si "hei"', 'linje\nto', 'cr\rlf', ' mellomrom ', '=SUM(A1)', '-2', '', 'æøå ÆØÅ', 0, 255, 256, 0.25, -1.5, 1e21, NaN, Infinity, null, undefined];

describe('quoting', () => {
  it('quotes a field only for the delimiter of its own file, a quote or a line break', () => {
    expect(quoteField('x;y', ',')).toBe('x;y');
    expect(quoteField('x,y', ',')).toBe('"x,y"');
    expect(quoteField('x,y', ';')).toBe('x,y');
    expect(quoteField('x;y', ';')).toBe('"x;y"');
    for (const d of [',', ';'] as const) {
      expect(quoteField('si "hei"', d)).toBe('"si ""hei"""');
      expect(quoteField('a\nb', d)).toBe('"a\nb"');
      expect(quoteField('a\rb', d)).toBe('"a\rb"');
      expect(quoteField(' kant ', d)).toBe(' kant ');
      expect(quoteField('', d)).toBe('');
    }
  });

  it('writes numbers as numbers: a decimal comma only in the Excel dialect, never quoted there', () => {
    expect([0.25, -1.5, 3, NaN, -Infinity].map((n) => csvCell(n, PLAIN_CSV))).toEqual(['0.25', '-1.5', '3', '', '']);
    expect([0.25, -1.5, 3, NaN, -Infinity].map((n) => csvCell(n, EXCEL_CSV))).toEqual(['0,25', '-1,5', '3', '', '']);
    expect(csvCell(null, EXCEL_CSV)).toBe('');
    expect(csvCell(undefined, PLAIN_CSV)).toBe('');
  });

  it('neutralises formula-like text in the Excel dialect only', () => {
    expect(csvCell('=SUM(A1)', EXCEL_CSV)).toBe("'=SUM(A1)");
    expect(csvCell('=SUM(A1)', PLAIN_CSV)).toBe('=SUM(A1)');
    expect(csvCell('@x;y', EXCEL_CSV)).toBe(`"'@x;y"`);
  });
});

/** What a reader should get back for a cell: the dialect's text for it, without the quoting. */
const unquoted = (v: Cell, d: CsvDialect): string =>
  v === null || v === undefined ? '' : typeof v === 'number' ? numberText(v, d.decimalComma) : d.spreadsheet ? spreadsheetText(String(v)) : String(v);

describe('writeCsv', () => {
  it('plain: comma, LF after every line, no BOM', () => {
    expect(writeCsv(['a', 'b'], [[1, 'x;y'], [0.5, null]])).toBe('a,b\n1,x;y\n0.5,\n');
  });

  it('Excel: BOM, semicolon, decimal comma, CRLF after every line', () => {
    expect(writeCsv(['a', 'b', 'c'], [[0.125, 'Ja, helt', 'x;y']], EXCEL_CSV)).toBe('\uFEFFa;b;c\r\n0,125;Ja, helt;"x;y"\r\n');
  });

  it('every dialect reads back with the project\'s reader, field for field', () => {
    const header = ['tekst', 'tall'];
    const rows = NASTY.map((v, i) => [v, i]);
    for (const dialect of [PLAIN_CSV, EXCEL_CSV, { ...PLAIN_CSV, delimiter: ';' as const }]) {
      const parsed = parseCsv(writeCsv(header, rows, dialect));
      expect(parsed.delimiter).toBe(dialect.delimiter);
      expect(parsed.header).toEqual(header);
      expect(parsed.records.map((r) => r.fields)).toEqual(rows.map(([v, i]) => [unquoted(v, dialect), String(i)]));
    }
  });
});

describe('the pipeline\'s column fast path', () => {
  it('gives the same bytes as writeCsv for both dialects, the plain and the Excel file made from one formatting', () => {
    const header = ['navn', 'verdi', 'flagg'];
    const names = NASTY.filter((v): v is string => typeof v === 'string');
    const values = NASTY.filter((v) => typeof v !== 'string');
    const n = Math.max(names.length, values.length);
    const columns = [
      Array.from({ length: n }, (_, i) => names[i % names.length]),
      Array.from({ length: n }, (_, i) => values[i % values.length]),
      Array.from({ length: n }, (_, i) => (i % 2 === 0)),
    ];
    const rows = Array.from({ length: n }, (_, i) => columns.map((c) => c[i]));
    const [plain, excel] = formatCsvColumnsEach(header, columns, [PLAIN_CSV, EXCEL_CSV]);
    expect(plain).toBe(writeCsv(header, rows, PLAIN_CSV));
    expect(excel).toBe(writeCsv(header, rows, EXCEL_CSV));
    const objects = rows.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j]]))) as Record<string, Cell>[];
    expect(formatCsv(header, objects, EXCEL_CSV)).toBe(excel);
  });
});

describe('the browser\'s copy, public/js/csv.js', () => {
  it('is src/lib/publish/csv.ts as `npm run js` compiles it today', async () => {
    const committed = await readFile(join(ROOT, 'public/js/csv.js'), 'utf8');
    expect(committed, 'public/js/csv.js is stale: run `npm run js`').toBe(await browserModule(ROOT, 'public/js/csv.js'));
  });

  it('writes the same bytes as the build for the same table', async () => {
    const browser = (await import(pathToFileURL(join(ROOT, 'public/js/csv.js')).href)) as typeof import('../../src/lib/publish/csv');
    const rows = NASTY.map((v, i) => [v, i, -i / 8]);
    for (const dialect of [PLAIN_CSV, EXCEL_CSV]) {
      const fromBrowser = browser.writeCsv(['a', 'b', 'c'], rows, dialect === PLAIN_CSV ? browser.PLAIN_CSV : browser.EXCEL_CSV);
      expect(fromBrowser).toBe(writeCsv(['a', 'b', 'c'], rows, dialect));
    }
  });
});
