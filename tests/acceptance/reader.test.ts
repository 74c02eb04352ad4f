// Acceptance probes of the reader in process (fast): the export quirks data-format.md lists, each
// on a small file built here, compared with the canonical answers it was built from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResponses } from '../../src/lib/read/responses';
import type { SurveyDefinition } from '../../src/lib/types';
import { CODES_COMMA, CP1252_SEMICOLON, encodeCp1252, fileColumns, R_CSV2, randomAnswers, randomNumbers, rng, UTF8_BOM_COMMA, writeCsv } from './generate';
import { base, firstN, with_ } from './fixture';
import { columnLabels, FUNKSJON_ITEMS, requiredColumns, type Form } from './oracle';
import { ROOT } from './run';
import { referenceFile } from '../helpers/reference';

const survey = (form: Form): SurveyDefinition => JSON.parse(readFileSync(join(ROOT, `data/surveys/${form}.json`), 'utf8'));

function read(text: string | Buffer, form: Form = '2021', s: SurveyDefinition = survey(form)) {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return readResponses(bytes, { file: 'svar.csv', survey: s });
}

/** A small 2021/2018 file from canonical rows with a line-level transform. */
function csv(form: Form, rows: Record<string, string | null>[], opts: { delimiter?: string; eol?: string; header?: (h: string) => string; extra?: string[] } = {}) {
  const d = opts.delimiter ?? ',';
  const cols = [...requiredColumns(form), ...(opts.extra ?? [])];
  const q = (v: string) => (v.includes(d) || v.includes('"') || v.includes('\n') ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [cols.map(opts.header ?? ((h) => h)).join(d), ...rows.map((r) => cols.map((c) => q(r[c] ?? '')).join(d))];
  return lines.join(opts.eol ?? '\n') + (opts.eol ?? '\n');
}

describe('reader probes', () => {
  it('BOM + quoted, upper-case, padded header names; trailing blank lines; `;`-only line', () => {
    const text = '\uFEFF' + csv('2021', [base('2021', '0301')], { header: (h) => `" ${h.toUpperCase()} "` }) + ',,,,\n\n  \n';
    const r = read(text);
    expect(r.ok && r.rows.map((x) => x.kommunenummer)).toEqual(['0301']);
  });

  it('Excel\'s «sep=;» first line is honoured and line numbers still match the file', () => {
    const body = csv('2021', [base('2021', '0301'), with_(base('2021', '1101'), { strategi: 'Tja' })], { delimiter: ';', eol: '\r\n' });
    const r = read(encodeCp1252('sep=;\r\n' + body));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => [p.line, p.column, p.value])).toEqual([[4, 'strategi', 'Tja']]);
    const ok = read('\uFEFFsep=;\n' + body.replace('Tja', 'Ja'));
    expect(ok.ok && ok.rows.map((x) => x.kommunenummer)).toEqual(['0301', '1101']);
  });

  it('CR-only line ends and CRLF give the same rows as LF', () => {
    const rows = [base('2021', '0301'), with_(base('2021', '1101'), { kommentar: 'a\r\nb' })];
    const lf = read(csv('2021', rows, { extra: ['kommentar'] }));
    const crlf = read(csv('2021', rows, { eol: '\r\n', extra: ['kommentar'] }));
    const cr = read(csv('2021', rows, { eol: '\r', extra: ['kommentar'] }));
    expect(lf.ok && crlf.ok && cr.ok).toBe(true);
    if (lf.ok && crlf.ok && cr.ok) {
      expect(crlf.rows).toEqual(lf.rows);
      expect(cr.rows).toEqual(lf.rows);
      expect(JSON.stringify(lf.rows)).not.toContain('a\r\nb');
    }
  });

  it('kommunenummer keeps its leading zero, padded or quoted; 301 is rejected with a hint', () => {
    const ok = read(csv('2021', [base('2021', ' 0301 '), base('2021', '0101')]));
    expect(ok.ok && ok.rows.map((x) => x.kommunenummer)).toEqual(['0301', '0101']);
    const bad = read(csv('2021', [base('2021', '301')]));
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems[0]).toMatchObject({ line: 2, column: 'kommunenummer', value: '301' });
      expect(bad.problems[0].message).toContain('0301');
    }
  });

  it('UTF-8 without BOM that has æøå, and Windows-1252 with the same text, read the same', () => {
    const rows = [with_(firstN(base('2021', '0301'), FUNKSJON_ITEMS, 3, 'For det meste eksterne leverandører'), { hinder_kompetanse: 'I svært stor grad' })];
    const text = csv('2021', rows, { delimiter: ';', eol: '\r\n' });
    const a = read(text);
    const b = read(encodeCp1252(text));
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) {
      expect(b.rows).toEqual(a.rows);
      expect(a.rows[0][FUNKSJON_ITEMS[0]]).toBe('For det meste eksterne leverandører');
    }
  });

  it('labels: case, surrounding whitespace and no-break spaces are ignored; the 2018 labels belong to the 2018 form', () => {
    const r2018 = read(csv('2018', [with_(firstN(base('2018', '0301'), FUNKSJON_ITEMS, 2, '  UTELUKKENDE INTERNE\u00a0'), { rekruttert: ' ja ' })]), '2018');
    expect(r2018.ok && r2018.rows[0][FUNKSJON_ITEMS[0]]).toBe('Utelukkende interne');
    expect(r2018.ok && r2018.rows[0].rekruttert).toBe('Ja');
    // A 2021 label in a 2018 file is an unknown answer for that form.
    const mixed = read(csv('2018', [firstN(base('2018', '0301'), FUNKSJON_ITEMS, 1, 'Omtrent likt fordelt')]), '2018');
    expect(mixed.ok).toBe(false);
  });

  it('the 2018 form reads rekrutteringsvansker where present and does not need it', () => {
    const cols = columnLabels('2018');
    expect(cols.rekrutteringsvansker).toEqual(['Ja', 'Nei']);
    const without = read(csv('2018', [base('2018', '0301')]), '2018');
    expect(without.ok).toBe(true);
    const withIt = read(csv('2018', [with_(base('2018', '0301'), { rekrutteringsvansker: 'Ja' })], { extra: ['rekrutteringsvansker'] }), '2018');
    expect(withIt.ok && withIt.rows[0].rekrutteringsvansker).toBe('Ja');
  });

  it('a hand-written definition without `required`/`itemAnswers` still requires and reads the competence inputs', () => {
    const s = survey('2021') as unknown as Record<string, unknown>;
    delete s.required;
    delete s.itemAnswers;
    const def = s as unknown as SurveyDefinition;
    const ok = read(csv('2021', [with_(base('2021', '0301'), { hinder_kompetanse: 'i svært stor grad', rekruttert: 'JA' })]), '2021', def);
    expect(ok.ok && [ok.rows[0].hinder_kompetanse, ok.rows[0].rekruttert]).toEqual(['I svært stor grad', 'Ja']);
    const cols = requiredColumns('2021').filter((c) => c !== 'rekruttert');
    const missing = readResponses(Buffer.from(`${cols.join(',')}\n${cols.map((c) => (c === 'kommunenummer' ? '0301' : '')).join(',')}\n`), { file: 'x.csv', survey: def });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problems[0].message).toContain('rekruttert');
  });
});

describe('--register files', () => {
  it('the reference registers read exactly as the strict reference parser reads them', async () => {
    const { parseRegister } = await import('../../src/lib/reference/register');
    const { readRegister } = await import('../../src/lib/read/register');
    for (const y of ['2018', '2020', '2024']) {
      const path = referenceFile(`registers/kommuner-${y}.csv`);
      const bytes = readFileSync(path);
      const r = readRegister(bytes, path);
      expect(r.ok && r.rows).toEqual(parseRegister(bytes.toString('utf8'), path));
    }
  });

  it('a Windows-1252 `;` register with only some columns, population with spaces', async () => {
    const { readRegister } = await import('../../src/lib/read/register');
    const text = 'Kommunenummer;Kommunenavn;Innbyggere\r\n0301;Oslo;709 037\r\n1101;Eigersund;\r\n5001;Trondheim – Tråante;212\u00a0660\r\n';
    const r = readRegister(encodeCp1252(text.replace('\u00a0', ' ')), 'reg.csv');
    expect(r.ok && r.rows).toEqual([
      { kommunenummer: '0301', kommunenavn: 'Oslo', fylkesnummer: '03', fylkesnavn: 'Fylke 03', innbyggere: 709037 },
      { kommunenummer: '1101', kommunenavn: 'Eigersund', fylkesnummer: '11', fylkesnavn: 'Fylke 11', innbyggere: null },
      { kommunenummer: '5001', kommunenavn: 'Trondheim – Tråante', fylkesnummer: '50', fylkesnavn: 'Fylke 50', innbyggere: 212660 },
    ]);
  });

  it('bad registers: every bad line, with column and value; no kommunenummer column', async () => {
    const { readRegister } = await import('../../src/lib/read/register');
    const r = readRegister(Buffer.from('kommunenummer,fylkesnummer,innbyggere\n301,03,1\n0301,03,mange\n0302,04,1\n0303,03,5\n0303,03,5\n'), 'reg.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => [p.line, p.column, p.value])).toEqual([[2, 'kommunenummer', '301'], [3, 'innbyggere', 'mange'], [4, 'fylkesnummer', '04'], [6, 'kommunenummer', '0303']]);
    const none = readRegister(Buffer.from('nr,navn\n0301,Oslo\n'), 'reg.csv');
    expect(!none.ok && none.problems[0].message).toContain('kommunenummer');
  });
});

describe('encoding detection', () => {
  it('a UTF-8 export with one stray Windows-1252 byte in a comment stays UTF-8; the comment is dropped', () => {
    // Ten kommuner whose answers hold «æ» and «ø» (as most real files do), one comment with a stray byte.
    const rows = Array.from({ length: 10 }, (_, i) =>
      with_(firstN(base('2021', `03${String(i + 1).padStart(2, '0')}`), FUNKSJON_ITEMS, 2, 'For det meste eksterne leverandører'), { hinder_kompetanse: 'I svært stor grad' }));
    rows[0].kommentar = 'PLACEHOLDER';
    const text = Buffer.from(csv('2021', rows, { delimiter: ';', extra: ['kommentar'] }), 'utf8');
    const at = text.indexOf('PLACEHOLDER');
    const bytes = Buffer.concat([text.subarray(0, at), Buffer.from([0x47, 0xe5, 0x20, 0x21]), text.subarray(at + 'PLACEHOLDER'.length)]);
    const r = read(bytes);
    expect(r.ok && r.encoding).toBe('utf-8');
    expect(r.ok && r.rows.map((x) => x.hinder_kompetanse)).toEqual(rows.map(() => 'I svært stor grad'));
  });

  it('a real Windows-1252 file is still read as Windows-1252', () => {
    const text = csv('2021', [with_(base('2021', '0301'), { hinder_kompetanse: 'I svært stor grad' })], { delimiter: ';', eol: '\r\n' });
    const r = read(encodeCp1252(text));
    expect(r.ok && r.encoding).toBe('windows-1252');
    expect(r.ok && r.rows[0].hinder_kompetanse).toBe('I svært stor grad');
  });
});

describe('spelling variants of real exports', () => {
  it('spacing around «,» and «/» in labels does not matter', () => {
    const a = with_(firstN(base('2021', '0301'), FUNKSJON_ITEMS, 2, 'Bare / kun interne medarbeidere'), { innkjop_planlegging: 'Ja,helt', innkjop_mottak_tilbud: 'ja ,  delvis' });
    const r = read(csv('2021', [a], { delimiter: ';' }));
    expect(r.ok && [r.rows[0][FUNKSJON_ITEMS[0]], r.rows[0].innkjop_planlegging, r.rows[0].innkjop_mottak_tilbud])
      .toEqual(['Bare/kun interne medarbeidere', 'Ja, helt', 'Ja, delvis']);
  });

  it('NA / NaN / «.» / «..» (R, pandas, SSB) read as no answer; a real unknown label is still rejected', () => {
    const a = with_(base('2021', '0301'), { strategi: 'NA', sky: 'NaN', hinder_kompetanse: '..', rekruttert: '.', tjeneste_apen_innsyn: 'n/a' });
    const r = read(csv('2021', [a]));
    expect(r.ok && [r.rows[0].strategi, r.rows[0].sky, r.rows[0].hinder_kompetanse, r.rows[0].rekruttert, r.rows[0].tjeneste_apen_innsyn]).toEqual([null, null, null, null, null]);
    const bad = read(csv('2021', [with_(base('2021', '0301'), { strategi: 'Jaa' })]));
    expect(bad.ok).toBe(false);
    const nr = read(csv('2021', [base('2021', 'NA')]));
    expect(nr.ok).toBe(false);
  });
});

describe('round trip: every dialect reads back to the canonical answers it was written from', () => {
  it.each([
    ['UTF-8 BOM ,', UTF8_BOM_COMMA], ['Windows-1252 ; quoted, messy labels', CP1252_SEMICOLON], ['numeric codes', CODES_COMMA], ["R's write.csv2 (NA, row names)", R_CSV2],
  ] as const)('%s', (_name, dialect) => {
    for (const form of ['2018', '2021'] as const) {
      const r0 = rng(form === '2018' ? 21 : 22);
      const rows = randomNumbers(r0, 80).map((nr) => randomAnswers(form, r0, nr));
      const res = read(writeCsv(rows, fileColumns(form), form, dialect, 5), form);
      expect(res.ok).toBe(true);
      if (!res.ok) return;
      const kommuner = rows.filter((r) => !r.enhetstype || r.enhetstype.toLowerCase() === 'kommune');
      expect(res.rows.map((x) => x.kommunenummer)).toEqual(kommuner.map((x) => x.kommunenummer));
      const cols = Object.keys(columnLabels(form));
      res.rows.forEach((got, i) => {
        for (const c of cols) expect(got[c] ?? null, `${form} ${got.kommunenummer} ${c}`).toBe(kommuner[i][c] ?? null);
      });
    }
  });
});
