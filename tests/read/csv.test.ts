import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, detectDelimiter, parseCsv, scanCsv } from '../../src/lib/read/csv';
import { writeCsv } from '../../src/lib/publish/csv';

describe('detectDelimiter', () => {
  it('picks the delimiter that dominates the header line', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a,b,c\n1;2;3;4;5;6')).toBe(',');
  });
  it('ignores delimiters inside quotes and blank leading lines', () => {
    expect(detectDelimiter('\n\n"a,b,c";d;e')).toBe(';');
    expect(detectDelimiter('"x;y;z",b')).toBe(',');
  });
  it('falls back to comma for a single column', () => {
    expect(detectDelimiter('kommunenummer\n0301')).toBe(',');
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with escaped quotes, delimiters and newlines, keeping the start line', () => {
    const text = 'a;b;c\r\n1;"x;\r\ny ""z""";3\r\n4;5;6\r\n';
    const parsed = parseCsv(text);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.header).toEqual(['a', 'b', 'c']);
    expect(parsed.records).toEqual([
      { line: 2, fields: ['1', 'x;\r\ny "z"', '3'] },
      { line: 4, fields: ['4', '5', '6'] },
    ]);
  });

  it('accepts LF, CRLF and lone CR line ends and a missing final newline', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const parsed = parseCsv(['h1,h2', '1,2', '3,4'].join(eol));
      expect(parsed.records.map((r) => r.fields)).toEqual([['1', '2'], ['3', '4']]);
      expect(parsed.records.map((r) => r.line)).toEqual([2, 3]);
    }
  });

  it('skips blank and all-delimiter lines but counts them for line numbers', () => {
    const parsed = parseCsv('\n\na;b\n\n1;2\n;\n  \n3;4\n');
    expect(parsed.headerLine).toBe(3);
    expect(parsed.records).toEqual([
      { line: 5, fields: ['1', '2'] },
      { line: 8, fields: ['3', '4'] },
    ]);
  });

  it('keeps a quoted empty record and trailing empty fields', () => {
    const parsed = parseCsv('a,b\n1,\n"",""\n');
    expect(parsed.records.map((r) => r.fields)).toEqual([['1', ''], ['', '']]);
  });

  it('keeps leading zeros and surrounding blanks of unquoted fields, drops blanks around quotes', () => {
    const parsed = parseCsv('a,b\n0301 , "Ja, helt" \n');
    expect(parsed.records[0].fields).toEqual(['0301 ', 'Ja, helt']);
  });

  it('strips a BOM and honours a forced delimiter', () => {
    const parsed = parseCsv('\uFEFFa,b;c\n1,2;3', { delimiter: ';' });
    expect(parsed.header).toEqual(['a,b', 'c']);
    expect(parsed.records[0].fields).toEqual(['1,2', '3']);
  });

  it('treats a quote inside an unquoted field as a literal character', () => {
    expect(parseCsv('a,b\n5" disk,x').records[0].fields).toEqual(['5" disk', 'x']);
  });

  it('throws CsvSyntaxError with the line and column of an unclosed quote', () => {
    let error: unknown;
    try {
      parseCsv('a,b\n1,2\n3,"open\n4,5\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    const e = error as CsvSyntaxError;
    expect(e.line).toBe(3);
    expect(e.column).toBe(3);
    expect(e.message).toMatch(/linje 3, tegn 3/);
    expect(e.reason).toMatch(/lukkes aldri/);
  });

  it('throws CsvSyntaxError for text glued to a closing quote, at the opening quote', () => {
    expect(() => parseCsv('a,b\n"Ja"x,1')).toThrow(CsvSyntaxError);
    let error: unknown;
    try {
      parseCsv('a,b\n1,"stray\n2,"Ja, helt"\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).line).toBe(2);
    expect((error as CsvSyntaxError).column).toBe(3);
    expect((error as CsvSyntaxError).reason).toMatch(/slutter ved linje 3, tegn 4 og følges av «J»/);
  });

  it('returns an empty header for empty text', () => {
    expect(parseCsv('')).toEqual({ header: [], records: [], delimiter: ',', headerLine: 1 });
    expect(parseCsv('\r\n\r\n').header).toEqual([]);
  });
});

describe('scanCsv', () => {
  it('stops when the callback returns false', () => {
    const seen: number[] = [];
    scanCsv('a\n1\n2\n3\n', (_f, line) => {
      seen.push(line);
      return line < 2;
    });
    expect(seen).toEqual([1, 2]);
  });
});

describe('writeCsv (src/lib/publish/csv.ts) read back', () => {
  it('quotes only when needed and writes null/undefined/NaN as empty cells with LF ends', () => {
    const text = writeCsv(['kommunenummer', 'svar'], [
      ['0301', 'Ja, helt'],
      ['3024', 'si "hei"'],
      ['4601', null],
      ['5001', undefined],
      [12.5, NaN],
      ['x;y', 'linje\nto'],
    ]);
    expect(text).toBe(
      'kommunenummer,svar\n0301,"Ja, helt"\n3024,"si ""hei"""\n4601,\n5001,\n12.5,\nx;y,"linje\nto"\n',
    );
  });

  it('round-trips through parseCsv with either delimiter', () => {
    const header = ['a', 'b c', 'd'];
    const rows = [
      ['0301', ' lead', 'Bærum; «sitat»'],
      ['', '"', 'æøå\r\nÆØÅ'],
    ];
    for (const delimiter of [',', ';'] as const) {
      const parsed = parseCsv(writeCsv(header, rows, { delimiter }));
      expect(parsed.delimiter).toBe(delimiter);
      expect(parsed.header).toEqual(header);
      expect(parsed.records.map((r) => r.fields)).toEqual(rows);
    }
  });
});
