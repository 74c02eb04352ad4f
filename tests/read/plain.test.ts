// The byte reader (plain.ts) must read every file exactly as the text reader does, or hand it over.
// A «sep=» first line always sends a file to the text reader (it blanks that line and keeps the
// rest), so each file is read twice, with and without one, and the two results compared.
import { describe, expect, it, vi } from 'vitest';
import * as plain from '../../src/lib/read/plain';
import { readResponses, type ReadOptions, type ReadResult } from '../../src/lib/read/responses';
import { columnAnswerSets } from '../../src/lib/read/labels';
import { kommuner, rng, survey2021, utf8, validTable } from './helpers';

const random = rng(20240517);
const int = (n: number) => Math.floor(random() * n);
const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)];
const sets = columnAnswerSets(survey2021);

/** Another way an export may write a cell (most read as the same answer, some as a problem). */
function variant(column: string, value: string): string {
  const set = sets.get(column);
  const aliases = Object.keys(survey2021.aliases?.[set ?? ''] ?? {});
  const codes = Object.keys(survey2021.codes?.[set ?? ''] ?? {});
  return pick([
    () => `"${value}"`,
    () => ` ${value}  `,
    () => `${value}\u00a0`,
    () => value.toUpperCase(),
    () => (aliases.length ? pick(aliases) : value),
    () => (codes.length ? pick(codes) : value),
    () => pick(['NA', '..', '', ' ', '\u00a0']),
    () => `"${value}""x"`,
    () => `${value}"`,
    () => 'Kanskje',
    () => `"${value}\n"`,
  ])();
}

function makeFile(i: number): { name: string; bytes: Uint8Array; delimiter: ',' | ';'; bom: boolean } {
  const { header, rows } = validTable(kommuner.map((k) => k.kommunenummer), i);
  const delimiter = pick([',', ';'] as const);
  const withType = random() < 0.5;
  const h = withType ? [header[0], 'enhetstype', ...header.slice(1)] : header;
  const lines = rows.map((r) => {
    // A label holding the delimiter must be quoted, as any export does.
    const cells = r.map((v) => (v.includes(delimiter) ? `"${v}"` : v));
    if (withType) cells.splice(1, 0, random() < 0.8 ? pick(['kommune', '']) : pick(['Kommune ', 'fylkeskommune', 'stat', 'NA', 'bydel']));
    // Now and then a cell in another spelling, a damaged kommunenummer or a row of the wrong length.
    const damage = random();
    if (damage < 0.3) {
      const c = 1 + int(cells.length - 1);
      if (h[c] !== 'enhetstype') cells[c] = variant(h[c], r[header.indexOf(h[c])]);
    } else if (damage < 0.35) cells[0] = pick([' 0301', '301', '03010', '', kommuner[0].kommunenummer, '9999']);
    else if (damage < 0.38) cells.push('');
    else if (damage < 0.4) cells.pop();
    return cells.join(delimiter);
  });
  // Blank lines (also Excel's all-delimiter rows) where a spreadsheet leaves them.
  if (random() < 0.3) lines.splice(int(lines.length + 1), 0, pick(['', delimiter.repeat(h.length - 1), ' \t']));
  const eol = pick(['\n', '\r\n', '\r']);
  const text = `${h.join(delimiter)}${eol}${lines.join(eol)}${random() < 0.7 ? eol : ''}`;
  const bom = random() < 0.3;
  return { name: `fil ${i}`, bytes: utf8(`${bom ? '\uFEFF' : ''}${text}`), delimiter, bom };
}

/** What a read says, with problem lines moved back by the «sep=» line the text reader was given. */
function outcome(r: ReadResult, lineShift: number) {
  if (r.ok) return { ok: true, responses: r.responses, columns: r.columns, encoding: r.encoding, delimiter: r.delimiter, notes: r.notes };
  return { ok: false, problems: r.problems.map((p) => ({ ...p, line: p.line === undefined ? undefined : p.line - lineShift, message: p.message.replace(/\d+/g, '#') })) };
}

describe('the byte reader', () => {
  it('reads 400 plain and damaged UTF-8 files as the text reader does, or leaves them to it', () => {
    const handled = vi.spyOn(plain, 'readPlainRows');
    let read = 0;
    for (let i = 0; i < 400; i++) {
      const { name, bytes, delimiter, bom } = makeFile(i);
      const options: ReadOptions = { file: 'svar.csv', survey: survey2021, register: random() < 0.5 ? kommuner : null };
      const body = bom ? bytes.subarray(3) : bytes;
      const viaText = new Uint8Array([...(bom ? [0xef, 0xbb, 0xbf] : []), ...utf8(`sep=${delimiter}\n`), ...body]);
      const before = handled.mock.results.length;
      const fast = readResponses(bytes, options);
      if (handled.mock.results.slice(before).some((r) => r.value !== null)) read++;
      expect(outcome(fast, 0), name).toEqual(outcome(readResponses(viaText, options), 1));
    }
    // Both outcomes of the byte reader are exercised: files it reads, files it leaves.
    expect(read).toBeGreaterThan(100);
    expect(read).toBeLessThan(350);
    handled.mockRestore();
  });

  it('finds canonical labels by their bytes and leaves every other spelling to the label matcher', () => {
    const labels = plain.utf8Labels([null, 'Ja', 'Nei', 'I svært liten grad']);
    expect(labels.codesByLength[utf8('I svært liten grad').length]).toEqual([3]);
    expect(labels.codesByLength[2]).toEqual([1]);
    expect(plain.plainUtf8Start(utf8('\uFEFFkommunenummer\n'), 'auto')).toBe(3);
    expect(plain.plainUtf8Start(new Uint8Array([0x6b, 0xe6, 0x0a]), 'auto')).toBeNull();
    expect(plain.plainUtf8Start(utf8('kommunenummer\n'), 'windows-1252')).toBeNull();
    expect(plain.plainUtf8Start(utf8('\uFEFF\uFEFFkommunenummer\n'), 'auto')).toBeNull();
  });
});
