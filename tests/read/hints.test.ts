// Damaged files say what they look like: UTF-16 without a BOM is read, tab- and pipe-separated
// headers and odd line ends get a hint, a row of the wrong length names its column, a responses
// file given as register is refused, and direction controls never survive in names.
import { describe, expect, it } from 'vitest';
import { readResponses } from '../../src/lib/read/responses';
import { readRegister } from '../../src/lib/read/register';
import { decodeBytes } from '../../src/lib/read/decode';
import { kommuneSlug } from '../../src/lib/format/slug';
import { stripBidiControls } from '../../src/lib/format/bidi';
import { kommuner, survey2021, utf8, validTable } from './helpers';

const numbers = kommuner.map((k) => k.kommunenummer);
const quote = (v: string) => (/[",;|\t]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (header: string[], rows: string[][], sep = ',', eol = '\n') => [header, ...rows].map((r) => r.map(quote).join(sep)).join(eol) + eol;
const read = (bytes: Uint8Array) => readResponses(bytes, { file: 'svar.csv', survey: survey2021 });
const problemText = (r: ReturnType<typeof read>) => (r.ok ? '' : r.problems.map((p) => p.message).join('\n'));

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i + (endian === 'le' ? 0 : 1)] = c & 0xff;
    out[2 * i + (endian === 'le' ? 1 : 0)] = c >> 8;
  }
  return out;
}

describe('what a damaged file looks like', () => {
  const { header, rows } = validTable(numbers);

  it.each(['le', 'be'] as const)('UTF-16%s without a BOM is read as UTF-16 and says so', (endian) => {
    const r = read(utf16(csv(header, rows), endian));
    expect(problemText(r)).toBe('');
    expect(r.ok && r.encoding).toBe(`utf-16${endian}`);
    expect(r.ok && r.rows.length).toBe(numbers.length);
    // Ordinary UTF-8 with æøå is never taken for UTF-16.
    expect(decodeBytes(utf8('kommunenummer,navn\n0301,Bærum\n')).encoding).toBe('utf-8');
  });

  it.each([
    ['\t', /tabulator/],
    ['|', /loddrett strek/],
  ])('a header separated by «%s» gets a hint instead of just «mangler 70 kolonner»', (sep, hint) => {
    const text = problemText(read(utf8(csv(header, rows, sep))));
    expect(text).toMatch(/mangler \d+ påkrevde kolonner/);
    expect(text).toMatch(hint);
  });

  it.each([
    ['\u2028', /U\+2028/],
    ['\u000b', /vertikal tabulator/],
  ])('line ends of %j are named, not reported as «bare overskriftslinjen» alone', (eol, hint) => {
    const text = problemText(read(utf8(csv(header, rows, ',', eol))));
    expect(text).toMatch(hint);
    expect(text).toMatch(/vanlige linjeskift/);
  });

  it('a row one field short names the first column without a field', () => {
    const short = rows.map((r, i) => (i === 1 ? r.slice(0, 10) : r));
    const r = read(utf8(csv(header, short)));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const p = r.problems.find((x) => /raden har 10 felt/.test(x.message))!;
    expect(p.line).toBe(3);
    expect(p.column).toBe(header[10]);
    expect(p.message).toContain(`«${header[10]}» (kolonne 11)`);
    const long = rows.map((r, i) => (i === 0 ? [...r, 'ekstra'] : r));
    expect(problemText(read(utf8(csv(header, long))))).toContain(`den siste er «${header[header.length - 1]}»`);
  });
});

describe('register', () => {
  it('a responses file given as --register is refused, saying what it looks like', () => {
    const { header, rows } = validTable(numbers);
    const r = readRegister(utf8(csv(header, rows)), 'svar.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/ser ikke ut som et kommuneregister.*svarfila/);
  });

  it('a register row of the wrong length names its column; a plain register still reads', () => {
    const text = 'kommunenummer,kommunenavn,fylkesnummer,fylkesnavn,innbyggere\n0301,Oslo,03,Oslo,700000\n4601,Bergen,46\n';
    const r = readRegister(utf8(text), 'reg.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toContain('«fylkesnavn» (kolonne 4)');
    expect(readRegister(utf8('kommunenummer\n0301\n'), 'reg.csv').ok).toBe(true);
  });

  it('direction controls are removed from names (a right-to-left override cannot reverse a heading)', () => {
    const text = 'kommunenummer,kommunenavn,fylkesnummer,fylkesnavn\n0301,\u202eolsO,03,Os\u2066lo\u2069\n';
    const r = readRegister(utf8(text), 'reg.csv');
    expect(r.ok && r.rows[0]).toMatchObject({ kommunenavn: 'olsO', fylkesnavn: 'Oslo' });
    expect(stripBidiControls('A\u200fB\u061cC\u202aD')).toBe('ABCD');
  });
});

describe('slugs', () => {
  it('a 6 000-character name gives a path segment far below the file-name limit', () => {
    const slug = kommuneSlug('0301', 'Langnavn '.repeat(700));
    expect(slug.length).toBeLessThan(100);
    expect(slug.startsWith('0301-langnavn')).toBe(true);
  });
});
