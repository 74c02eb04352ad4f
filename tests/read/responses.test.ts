import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../src/lib/publish/csv';
import { columnAnswerSets, requiredColumns } from '../../src/lib/read/labels';
import {
  formatProblems,
  InputError,
  readResponses,
  readResponsesOrThrow,
  type ReadFailure,
  type ReadResult,
  type ReadSuccess,
} from '../../src/lib/read/responses';
import { cp1252, kommuner, survey2021, utf8, validTable } from './helpers';

const numbers = kommuner.map((k) => k.kommunenummer);
const read = (bytes: Uint8Array, extra: Partial<Parameters<typeof readResponses>[1]> = {}): ReadResult =>
  readResponses(bytes, { file: 'svar.csv', survey: survey2021, ...extra });

function ok(result: ReadResult): ReadSuccess {
  if (!result.ok) throw new Error(`expected ok, got:\n${formatProblems(result.problems)}`);
  return result;
}
function failed(result: ReadResult): ReadFailure {
  if (result.ok) throw new Error('expected a failure');
  expect(result.problems.length).toBeGreaterThan(0);
  return result;
}

/** The table as the reader should return it: canonical labels, '' → null. */
function expectedRows(table: { header: string[]; rows: string[][] }) {
  return table.rows.map((r) => Object.fromEntries(table.header.map((h, i) => [h, r[i] === '' ? null : r[i]])));
}

describe('readResponses: valid exports', () => {
  const table = validTable(numbers, 7);

  it('reads a plain UTF-8 comma file into canonical rows', () => {
    const result = ok(read(utf8(writeCsv(table.header, table.rows))));
    expect(result.encoding).toBe('utf-8');
    expect(result.delimiter).toBe(',');
    expect(result.columns).toEqual(table.header);
    expect(result.rows).toEqual(expectedRows(table));
    expect(result.rows.map((r) => r.kommunenummer)).toEqual(['0301', '3024', '4601', '5001', '1871']);
  });

  it('reads the same table as UTF-8 with BOM, semicolons and CRLF', () => {
    const text = writeCsv(table.header, table.rows, { delimiter: ';' }).replace(/\n/g, '\r\n');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    const result = ok(read(bytes));
    expect(result.delimiter).toBe(';');
    expect(result.notes.join(' ')).toMatch(/utf-8 med BOM/);
    expect(result.rows).toEqual(expectedRows(table));
  });

  it('reads the same table as Windows-1252 with semicolons (æøå survive)', () => {
    const text = writeCsv(table.header, table.rows, { delimiter: ';' }).replace(/\n/g, '\r\n');
    const result = ok(read(cp1252(text)));
    expect(result.encoding).toBe('windows-1252');
    expect(result.rows).toEqual(expectedRows(table));
    const all = result.rows.flatMap((r) => Object.values(r));
    expect(all).toContain('I svært liten grad');
    expect(all).toContain('For det meste eksterne leverandører');
  });

  it('reads the hand-made Windows-1252 ; CRLF fixture', () => {
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/read/cp1252-semikolon.csv', import.meta.url)));
    expect(bytes.includes(0xe6)).toBe(true); // æ as one cp1252 byte
    const result = ok(read(bytes, { register: kommuner }));
    expect(result.encoding).toBe('windows-1252');
    expect(result.delimiter).toBe(';');
    expect(result.rows.map((r) => r.kommunenummer)).toEqual(['0301', '3024']);
    const baerum = result.rows[1];
    expect(baerum.strategi).toBe('Vet ikke');
    expect(baerum.strategi_omr_ikt_infrastruktur).toBe('Ikke relevant');
    expect(baerum.hinder_kompetanse).toBe('I svært stor grad');
    expect(baerum.funksjon_drift_pc).toBe('For det meste eksterne leverandører');
    expect(baerum.innkjop_planlegging).toBe('Ja, delvis');
    const bytesText = JSON.stringify(result);
    expect(bytesText).not.toContain('Bærum'); // the navn column is not a survey column
    expect(bytesText).not.toContain('Fritekst');
  });

  it('keeps quoted fields with embedded delimiters and newlines apart from the answers', () => {
    const header = [...table.header, 'kommentar_strategi'];
    const rows = table.rows.map((r, i) => [...r, i === 0 ? 'Linje én; med semikolon\nog «linje to», "sitat"' : '']);
    for (const delimiter of [',', ';'] as const) {
      const text = writeCsv(header, rows, { delimiter });
      expect(text).toContain('"Linje én; med semikolon\nog');
      const result = ok(read(utf8(text)));
      expect(result.rows).toEqual(expectedRows(table));
    }
  });

  it('accepts case and whitespace variants, aliases and numeric codes', () => {
    const t = validTable(['0301'], 1);
    const set = (c: string, v: string) => (t.rows[0][t.header.indexOf(c)] = v);
    set('strategi', '  JA ');
    set('sky', 'vet   ikke');
    set('tilbyr_tjenester', '1');
    set('innkjop_planlegging', ' ja,   HELT');
    set('tjeneste_apen_innsyn', 'De fleste');
    set('hinder_kompetanse', '4');
    set('funksjon_drift_pc', 'Kun interne medarbeidere');
    set('rekruttert', '2');
    set('kommunenummer', ' 0301 ');
    const row = ok(read(utf8(writeCsv(t.header, t.rows)))).rows[0];
    expect(row).toMatchObject({
      kommunenummer: '0301',
      strategi: 'Ja',
      sky: 'Vet ikke',
      tilbyr_tjenester: 'Ja',
      innkjop_planlegging: 'Ja, helt',
      tjeneste_apen_innsyn: 'De fleste tjenestene',
      hinder_kompetanse: 'I ganske stor grad',
      funksjon_drift_pc: 'Bare/kun interne medarbeidere',
      rekruttert: 'Nei',
    });
  });

  it('trims and lower-cases header names', () => {
    const header = table.header.map((h, i) => (i % 2 ? ` ${h.toUpperCase()} ` : h));
    expect(ok(read(utf8(writeCsv(header, table.rows)))).rows).toEqual(expectedRows(table));
  });

  it('keeps a leading-zero kommunenummer as a 4-character string', () => {
    const t = validTable(['0301', '0101'], 3);
    const rows = ok(read(utf8(writeCsv(t.header, t.rows)))).rows;
    expect(rows.map((r) => r.kommunenummer)).toEqual(['0301', '0101']);
    expect(typeof rows[0].kommunenummer).toBe('string');
  });

  it('works with only the required columns: optional columns are then absent, not null', () => {
    const req = requiredColumns(survey2021);
    const t = validTable(numbers, 2);
    const idx = req.map((c) => t.header.indexOf(c));
    const result = ok(read(utf8(writeCsv(req, t.rows.map((r) => idx.map((i) => r[i]))))));
    expect(result.columns).toEqual(req);
    expect('hinder_ledelse' in result.rows[0]).toBe(false);
    expect(Object.keys(result.rows[0])).toEqual(req);
  });

  it('drops fylkeskommune and stat rows with a note; blank or kommune enhetstype is a kommune', () => {
    const t = validTable(['0301', '3024', '0300', '9999'], 4);
    const header = ['enhetstype', ...t.header];
    const types = ['kommune', '', 'Fylkeskommune', 'stat'];
    const result = ok(read(utf8(writeCsv(header, t.rows.map((r, i) => [types[i], ...r]))), { register: kommuner }));
    expect(result.rows.map((r) => r.kommunenummer)).toEqual(['0301', '3024']);
    expect(result.columns).not.toContain('enhetstype');
    expect(result.notes.join(' ')).toMatch(/2 rader med enhetstype fylkeskommune eller stat er utelatt/);
  });

  it('checks kommunenummer against the register only when one is given', () => {
    const t = validTable(['0301', '9998'], 5);
    const bytes = utf8(writeCsv(t.header, t.rows));
    expect(ok(read(bytes)).rows).toHaveLength(2);
    const problems = failed(read(bytes, { register: kommuner })).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'svar.csv', line: 3, column: 'kommunenummer', value: '9998' });
    expect(problems[0].message).toMatch(/«9998» finnes ikke i kommuneregisteret/);
  });
});

describe('readResponses: privacy', () => {
  const secrets = ['HEMMELIG-KOMMENTAR-æøå', 'ola.nordmann@example.no', '+47 99 88 77 66', 'Kari Kontakt', 'TIDSBRUK-123', 'UKJENT-FRITEKST'];
  const t = validTable(numbers, 9);
  const header = [
    'kommentar',
    ...t.header.slice(0, 5),
    'kommentar_strategi',
    'kontakt_navn',
    ...t.header.slice(5),
    'kontakt_telefon',
    'kontakt_epost',
    'tidsbruk_minutter',
    'fritt_felt',
  ];
  const rows = t.rows.map((r) => [
    secrets[0],
    ...r.slice(0, 5),
    `${secrets[0]}\n"sitat"; mer`,
    secrets[3],
    ...r.slice(5),
    secrets[2],
    secrets[1],
    secrets[4],
    secrets[5],
  ]);

  it('returns rows with only known columns and no byte of free text, contacts or unknown columns', () => {
    const result = ok(read(utf8(writeCsv(header, rows, { delimiter: ';' }))));
    const known = new Set(['kommunenummer', ...columnAnswerSets(survey2021).keys()]);
    for (const row of result.rows) for (const key of Object.keys(row)) expect(known.has(key)).toBe(true);
    const json = JSON.stringify(result);
    for (const s of secrets) expect(json).not.toContain(s);
    expect(json).not.toContain('HEMMELIG');
    expect(result.columns.some((c) => c.startsWith('kommentar') || c.startsWith('kontakt'))).toBe(false);
    expect(result.notes.join(' ')).toMatch(/6 kolonner med fritekst/);
    expect(result.notes.join(' ')).toMatch(/1 ukjente kolonner er ignorert: fritt_felt/);
  });

  it('never echoes those values in problems either, even when the file is rejected', () => {
    const bad = rows.map((r) => [...r]);
    bad[1][header.indexOf('strategi')] = 'Kanskje';
    bad[2].pop(); // ragged
    const problems = failed(read(utf8(writeCsv(header, bad, { delimiter: ';' })))).problems;
    const text = JSON.stringify(problems) + formatProblems(problems);
    for (const s of secrets) expect(text).not.toContain(s);
    expect(text).toContain('Kanskje');
  });
});

describe('readResponses: rejections name file, line, column, value and what is allowed', () => {
  const t = validTable(numbers, 11);
  const csv = (header: string[], rows: string[][]) => utf8(writeCsv(header, rows));
  const withCell = (line: number, column: string, value: string) => {
    const rows = t.rows.map((r) => [...r]);
    rows[line - 2][t.header.indexOf(column)] = value;
    return csv(t.header, rows);
  };

  it('rejects a 0-byte file', () => {
    const problems = failed(read(new Uint8Array(0))).problems;
    expect(problems).toHaveLength(1);
    expect(formatProblems(problems)).toMatch(/^svar\.csv: filen er tom \(0 byte\)/);
  });

  it('rejects a file of blank lines', () => {
    expect(failed(read(utf8('\r\n  \r\n'))).problems[0].message).toMatch(/ikke noe innhold/);
  });

  it('rejects a header without data rows', () => {
    const problems = failed(read(csv(t.header, []))).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/bare overskriftslinjen og ingen datarader/);
  });

  it('lists every missing required column in one problem', () => {
    const drop = ['strategi', 'innkjop_planlegging', 'rekruttert'];
    const keep = t.header.map((h, i) => [h, i] as const).filter(([h]) => !drop.includes(h));
    const problems = failed(read(csv(keep.map(([h]) => h), t.rows.map((r) => keep.map(([, i]) => r[i]))))).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0].line).toBe(1);
    expect(problems[0].message).toBe('mangler 3 påkrevde kolonner: strategi, innkjop_planlegging, rekruttert');
  });

  it('names missing columns on one readable line when nearly all are missing', () => {
    const [problem] = failed(read(csv(['kommunenummer', 'x'], [['0301', '1']]))).problems;
    expect(problem.message).toMatch(/^mangler \d+ påkrevde kolonner: strategi, .* … og \d+ til$/);
    expect(problem.message.length).toBeLessThanOrEqual(1600);
  });

  it('rejects a file without kommunenummer', () => {
    const header = ['KOMNR', ...t.header.slice(1)];
    expect(failed(read(csv(header, t.rows))).problems[0].message).toMatch(/påkrevde kolonner: kommunenummer$/);
  });

  it('rejects duplicated header names (also after trimming and case-folding)', () => {
    const header = [...t.header, ' Strategi'];
    const problems = failed(read(csv(header, t.rows.map((r) => [...r, 'Ja'])))).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 1, column: 'strategi' });
    expect(problems[0].message).toMatch(new RegExp(`står to ganger i overskriften \\(kolonne 2 og ${header.length}\\)`));
  });

  it('tolerates repeated columns it ignores anyway (free text, unknown, empty names)', () => {
    const header = [...t.header, 'kommentar', 'kommentar', 'x', 'X', '', ''];
    const result = read(csv(header, t.rows.map((r) => [...r, 'a', 'b', 'c', 'd', '', ''])));
    expect(result.ok).toBe(true);
  });

  it('rejects ragged rows with their line numbers', () => {
    const rows = t.rows.map((r) => [...r]);
    rows[1].push('ekstra');
    rows[3].pop();
    const problems = failed(read(csv(t.header, rows))).problems;
    expect(problems.map((p) => p.line)).toEqual([3, 5]);
    expect(problems[0].message).toMatch(`raden har ${t.header.length + 1} felt, men overskriften har ${t.header.length} kolonner`);
    expect(problems[1].message).toMatch(`raden har ${t.header.length - 1} felt`);
  });

  it('rejects unknown answer labels naming line, column, value and the allowed labels', () => {
    const problems = failed(read(withCell(3, 'strategi', 'Kanskje'))).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'svar.csv', line: 3, column: 'strategi', value: 'Kanskje' });
    expect(formatProblems(problems)).toBe(
      'svar.csv:3: kolonne «strategi»: fant «Kanskje»; forventet «Ja», «Nei», «Vet ikke» (eller kodene 1=Ja, 2=Nei, 3=Vet ikke) eller tomt felt',
    );
  });

  it('hints at the encoding when a label is unknown because of it', () => {
    const text = writeCsv(t.header, t.rows.map((r) => r.map((v, i) => (t.header[i] === 'hinder_kompetanse' ? 'I svært stor grad' : v))));
    const message = (r: ReadResult) => failed(r).problems.find((p) => p.column === 'hinder_kompetanse')?.message;
    const forcedUtf8 = message(read(cp1252(text), { encoding: 'utf-8' }));
    expect(forcedUtf8).toMatch(/fant «I sv\uFFFDrt stor grad».*prøv tegnkoding windows-1252/);
    const forcedCp = message(read(utf8(text), { encoding: 'windows-1252' }));
    expect(forcedCp).toMatch(/fant «I svÃ¦rt stor grad».*prøv tegnkoding utf-8/);
    expect(ok(read(cp1252(text))).rows[0].hinder_kompetanse).toBe('I svært stor grad');
  });

  it('rejects a label valid in another answer set', () => {
    const problems = failed(read(withCell(2, 'tilbyr_tjenester', 'Ikke relevant'))).problems;
    expect(problems[0]).toMatchObject({ line: 2, column: 'tilbyr_tjenester', value: 'Ikke relevant' });
  });

  it('rejects a kommunenummer that lost its leading zero, suggesting the 4-digit form', () => {
    const problems = failed(read(withCell(2, 'kommunenummer', '301'))).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, column: 'kommunenummer', value: '301' });
    expect(problems[0].message).toMatch(/nøyaktig 4 sifre/);
    expect(problems[0].message).toMatch(/skriv «0301»/);
  });

  it('rejects other malformed or blank kommunenummer', () => {
    for (const bad of ['03011', 'K-0301', '3.01E+2', '']) {
      const problems = failed(read(withCell(4, 'kommunenummer', bad))).problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ line: 4, column: 'kommunenummer' });
    }
  });

  it('rejects a duplicate kommunenummer naming both lines', () => {
    const problems = failed(read(withCell(5, 'kommunenummer', '3024'))).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 5, column: 'kommunenummer', value: '3024' });
    expect(problems[0].message).toMatch(/linje 3 og 5/);
  });

  it('rejects an unknown enhetstype', () => {
    const header = ['enhetstype', ...t.header];
    const rows = t.rows.map((r, i) => [i === 2 ? 'bydel' : 'kommune', ...r]);
    const problems = failed(read(csv(header, rows))).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 4, column: 'enhetstype', value: 'bydel' });
    expect(problems[0].message).toMatch(/«kommune», «fylkeskommune», «stat»/);
  });

  it('rejects a file whose rows are all fylkeskommuner or stat', () => {
    const header = ['enhetstype', ...t.header];
    const rows = t.rows.map((r) => ['fylkeskommune', ...r]);
    expect(failed(read(csv(header, rows))).problems[0].message).toMatch(/ingen kommuner/);
  });

  it('rejects an unbalanced quote with its line', () => {
    const text = writeCsv(t.header, t.rows).split('\n');
    text[3] = text[3].replace(/^(\d{4}),/, '$1,"');
    const problems = failed(read(utf8(text.join('\n')))).problems;
    expect(problems).toHaveLength(1);
    const last = problems[0];
    expect(last.line).toBe(4);
    expect(last.message).toMatch(/ubalansert anførselstegn/);
  });

  it('collects problems from many rows and columns in one run', () => {
    const rows = t.rows.map((r) => [...r]);
    rows[0][t.header.indexOf('sky')] = 'x';
    rows[2][t.header.indexOf('rekruttert')] = 'y';
    rows[4][0] = '12';
    const problems = failed(read(csv(t.header, rows))).problems;
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'sky'],
      [4, 'rekruttert'],
      [6, 'kommunenummer'],
    ]);
  });

  it('caps the problems and says how many more there are', () => {
    const many = validTable(Array.from({ length: 100 }, (_, i) => String(1000 + i)), 12);
    for (const r of many.rows) r[many.header.indexOf('strategi')] = 'feil';
    const problems = failed(read(csv(many.header, many.rows), { maxProblems: 5 })).problems;
    expect(problems).toHaveLength(6);
    expect(problems[5].message).toMatch(/… og 95 flere problemer/);
    expect(failed(read(csv(many.header, many.rows))).problems).toHaveLength(51);
  });

  it('shortens and escapes long or binary values in messages', () => {
    const problems = failed(read(withCell(2, 'sky', `${'x'.repeat(500)}\u0001`))).problems;
    expect(problems[0].message.length).toBeLessThan(400);
    expect(problems[0].message).toMatch(/… \(501 tegn\)/);
    const ctrl = failed(read(withCell(2, 'sky', 'a\u0001b'))).problems[0].message;
    expect(ctrl).toContain('a\\u0001b');
    expect(ctrl).not.toContain('\u0001');
  });

  it('readResponsesOrThrow throws an InputError carrying the problems', () => {
    const bytes = withCell(3, 'sky', 'Kanskje');
    let error: unknown;
    try {
      readResponsesOrThrow(bytes, { file: 'svar.csv', survey: survey2021 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]).toMatchObject({ line: 3, column: 'sky' });
    expect((error as InputError).message).toMatch(/^svar\.csv:3: kolonne «sky»: fant «Kanskje»/);
    expect(readResponsesOrThrow(utf8(writeCsv(t.header, t.rows)), { file: 'svar.csv', survey: survey2021 }).rows).toHaveLength(5);
  });
});

describe('readResponses: many rows', () => {
  // Speed is measured by the engine benchmark (npm run bench:engine), never asserted in a test.
  it('reads 9 999 kommuner × all columns', () => {
    const big = validTable(Array.from({ length: 9999 }, (_, i) => String(i + 1).padStart(4, '0')), 13);
    const result = ok(read(utf8(writeCsv(big.header, big.rows, { delimiter: ';' }))));
    expect(result.rows).toHaveLength(9999);
    expect(result.rows[9998].kommunenummer).toBe('9999');
  });
});
