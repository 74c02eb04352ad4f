import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReferenceDataError } from '../../src/lib/reference/errors';
import { requireReferenceDir, referencePath } from '../../scripts/lib/reference-files';
import { formatRegister, parseRegister } from '../../src/lib/reference/register';

const HEADER = 'kommunenummer,kommunenavn,fylkesnummer,fylkesnavn,innbyggere';

function problemsOf(text: string) {
  try {
    parseRegister(text, 'reg.csv');
  } catch (e) {
    expect(e).toBeInstanceOf(ReferenceDataError);
    return { problems: (e as ReferenceDataError).problems, message: (e as Error).message };
  }
  throw new Error('expected parseRegister to throw');
}

describe('parseRegister', () => {
  it('reads numbers as strings with leading zeros and population as number or null', () => {
    const rows = parseRegister(`${HEADER}\n0301,Oslo,03,Oslo,717710\n1818,Herøy (Nordland),18,Nordland - Nordlánnda,\n`, 'reg.csv');
    expect(rows).toEqual([
      { kommunenummer: '0301', kommunenavn: 'Oslo', fylkesnummer: '03', fylkesnavn: 'Oslo', innbyggere: 717710 },
      { kommunenummer: '1818', kommunenavn: 'Herøy (Nordland)', fylkesnummer: '18', fylkesnavn: 'Nordland - Nordlánnda', innbyggere: null },
    ]);
  });

  it('accepts a BOM, CRLF line ends and columns in another order', () => {
    const rows = parseRegister('\ufefffylkesnummer,kommunenummer,innbyggere,kommunenavn,fylkesnavn\r\n46,4601,291940,Bergen,Vestland\r\n', 'reg.csv');
    expect(rows).toEqual([{ kommunenummer: '4601', kommunenavn: 'Bergen', fylkesnummer: '46', fylkesnavn: 'Vestland', innbyggere: 291940 }]);
  });

  it('names file, line and column of a kommunenummer that lost its leading zero', () => {
    const { problems, message } = problemsOf(`${HEADER}\n0301,Oslo,03,Oslo,1\n301,Oslo,03,Oslo,1\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'reg.csv', line: 3, column: 'kommunenummer', value: '301' });
    expect(message).toContain('reg.csv, linje 3, kolonne kommunenummer');
  });

  it('reports every bad row at once: duplicate, wrong fylke, bad population, empty name', () => {
    const text = [
      HEADER,
      '0301,Oslo,03,Oslo,100',
      '0301,Oslo igjen,03,Oslo,100', // line 3: duplicate
      '1101,Eigersund,12,Rogaland,100', // line 4: fylke does not match the number
      '1103,Stavanger,11,Rogaland,12 000', // line 5: not an integer
      '1106,,11,Rogaland,5', // line 6: empty name
      '1108,Sandnes,1,Rogaland,5', // line 7: fylkesnummer of one digit
    ].join('\n');
    const { problems } = problemsOf(text);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'kommunenummer'],
      [4, 'fylkesnummer'],
      [5, 'innbyggere'],
      [6, 'kommunenavn'],
      [7, 'fylkesnummer'],
    ]);
    expect(problems[0].message).toContain('linje 2');
  });

  it('lists all missing columns', () => {
    const { problems } = problemsOf('kommunenummer,kommunenavn\n0301,Oslo\n');
    expect(problems[0].message).toContain('fylkesnummer, fylkesnavn, innbyggere');
    expect(problems[0].line).toBe(1);
  });

  it('rejects ragged rows, an empty file and a header without rows', () => {
    expect(problemsOf(`${HEADER}\n0301,Oslo,03\n`).problems[0]).toMatchObject({ line: 2 });
    expect(problemsOf('').problems[0].message).toContain('tom');
    expect(problemsOf(`${HEADER}\n`).problems[0].message).toContain('ingen kommuner');
  });
});

describe('the real registers (through the resolver)', () => {
  const ref = requireReferenceDir();
  const read = (f: string) => readFileSync(referencePath(ref, f), 'utf8');

  it('have the row counts of check.py: 422, 356, 357, with 4-digit numbers whose first two digits are the fylke', () => {
    for (const [year, n] of [[2018, 422], [2020, 356], [2024, 357]] as const) {
      const rows = parseRegister(read(`registers/kommuner-${year}.csv`), `kommuner-${year}.csv`);
      expect(rows, String(year)).toHaveLength(n);
      expect(new Set(rows.map((r) => r.kommunenummer)).size).toBe(n);
      for (const r of rows) expect(r.kommunenummer.slice(0, 2)).toBe(r.fylkesnummer);
    }
  });

  it('have population totals in check.py ranges for 2020 and 2024 and the 1 January 2018 total for 2018', () => {
    const total = (y: number) =>
      parseRegister(read(`registers/kommuner-${y}.csv`), 'x').reduce((s, r) => s + (r.innbyggere ?? Number.NaN), 0);
    expect(total(2020)).toBeGreaterThanOrEqual(5_300_000);
    expect(total(2020)).toBeLessThanOrEqual(5_450_000);
    expect(total(2024)).toBeGreaterThanOrEqual(5_500_000);
    expect(total(2024)).toBeLessThanOrEqual(5_600_000);
    // registers/README.md: 1 January 2018, total 5 295 619, every kommune counted.
    expect(total(2018)).toBe(5_295_619);
  });

  it('formatRegister writes the exact file format back (what the download writes)', () => {
    for (const year of [2018, 2020, 2024]) {
      const text = read(`registers/kommuner-${year}.csv`);
      expect(formatRegister(parseRegister(text, 'x'))).toBe(text);
    }
  });
});
