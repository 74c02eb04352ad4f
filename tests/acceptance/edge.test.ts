// Acceptance: edge cases decided by the spec, each with its expected row computed by hand (and
// also checked against the oracle), plus the rejections and the command-line contract.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCp1252, writeCsv, type Dialect } from './generate';
import { base, firstN, with_ } from './fixture';
import {
  FUNKSJON_ITEMS, INNKJOP_ITEMS, oracleCsv, oracleTable, PROSJEKT_ITEMS, requiredColumns, SKY_ITEMS, strategiItems,
  WAYS_COMPLEX, WAYS_SIMPLE, type Answers,
} from './oracle';
import { indicators, indicatorsIn, npmIn, pool, ROOT, snapshotDir, type RunResult } from './run';

const REGISTER = join(ROOT, 'tests/fixtures/acceptance/register-edge.csv');
const work = mkdtempSync(join(tmpdir(), 'digikommune-edge-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const S = strategiItems('2021');
const ALL_WAYS = [...WAYS_SIMPLE, ...WAYS_COMPLEX];
const rows: Answers[] = [
  // strategy Ja with 0 areas named → 0; 7 project areas → 3; prioritering (0, 3) → 3
  with_(firstN(base('2021', '0301'), PROSJEKT_ITEMS, 7, 'Ja'), { strategi: 'Ja', prosjekter: 'Ja' }),
  // gate «Vet ikke» / «Nei» with every item filled → 0; prioritering (0, 0) → 0
  with_(firstN(firstN(base('2021', '0302'), S, 14, 'Ja'), PROSJEKT_ITEMS, 10, 'Ja'), { strategi: 'Vet ikke' }),
  // a fylkeskommune without kommunenummer, and a state agency with a kommune's number: left out
  with_(base('2021', ''), { enhetstype: 'fylkeskommune', kommunenummer: '' }),
  // gate blank with filled items → unknown count, score and prioritering
  with_(firstN(base('2021', '1101'), S, 14, 'Ja'), { strategi: null }),
  with_(base('2021', '1101'), { enhetstype: 'Stat', strategi: 'Ja' }),
  // tjenester gate Nei (ways filled) → 0 points, score 0, and aktivitet is computed: (bruk 4, T 0) → 2
  with_(firstN(firstN(firstN(base('2021', '1102'), SKY_ITEMS, 10, 'Ja'), INNKJOP_ITEMS, 8, 'Ja, delvis'), ALL_WAYS, 4, 'Alle tjenestene'), { sky: 'Ja' }),
  // bruk 3 (sky 2 → 1, innkjøp 6 → 3) counts as high: aktivitet (3, T 1) → 2
  with_(firstN(firstN(base('2021', '1103'), SKY_ITEMS, 2, 'Ja'), INNKJOP_ITEMS, 6, 'Ja, helt'), { sky: 'Ja', tilbyr_tjenester: 'Ja', tjeneste_apen_innsyn: 'Noen tjenester' }),
  // bruk 2 (sky 7 → 3, innkjøp 4 → 2) is not high: aktivitet (2, T 3) → 3; service points 3 + 1
  with_(firstN(firstN(base('2021', '1104'), SKY_ITEMS, 7, 'Ja'), INNKJOP_ITEMS, 4, 'Ja, helt'), {
    sky: 'Ja', tilbyr_tjenester: 'Ja', tjeneste_apen_innsyn: 'Alle tjenestene', tjeneste_enkel_individuell: 'Noen tjenester',
    tjeneste_kompleks_individuell: 'Vet ikke', tjeneste_selvaktivert: 'Ikke relevant',
  }),
  // sky gate blank → bruk and aktivitet unknown; hinder «Ikke relevant» → unknown; rekruttert blank → unknown
  with_(firstN(base('2021', '1105'), SKY_ITEMS, 15, 'Ja'), {
    sky: null, hinder_kompetanse: 'Ikke relevant', rekruttert: null, tilbyr_tjenester: 'Ja',
    tjeneste_kompleks_individuell: 'Omtrent halvparten av tjenestene', tjeneste_selvaktivert: 'De fleste tjenestene',
  }),
  // kompetanse: 11 in-house (mixing both counting labels) + middels → A, recruited
  with_(firstN(firstN(base('2021', '1106'), FUNKSJON_ITEMS, 11, 'For det meste interne medarbeidere'), FUNKSJON_ITEMS, 5, 'Bare/kun interne medarbeidere'), {
    hinder_kompetanse: 'I verken stor eller liten grad', rekruttert: 'Ja',
  }),
  // 7 in-house (score 2) + stor → D
  with_(firstN(base('2021', '1107'), FUNKSJON_ITEMS, 7, 'Bare/kun interne medarbeidere'), { hinder_kompetanse: 'I svært stor grad' }),
  // 8 in-house (score 3) + stor → B; free text with newlines, quotes and both delimiters
  with_(firstN(base('2021', '1108'), FUNKSJON_ITEMS, 8, 'For det meste interne medarbeidere'), {
    hinder_kompetanse: 'I ganske stor grad', kommentar: 'HEMMELIG linje 1,\n"linje" 2;\r\nlinje 3',
  }),
];
// 1109 and 1110 are in the register but did not answer.

/** Expected rows, by hand from the spec (not from the oracle). */
const EXPECTED = [
  'kommunenummer,svart,strategi_antall,strategi_score,prosjekt_antall,prosjekt_score,prioritering,sky_antall,sky_score,innkjop_antall,innkjop_score,tjenester_poeng,tjenester_score,bruk,aktivitet,interne_antall,interne_score,kompetansehinder,rekruttert,kompetanse',
  '0301,1,0,0,7,3,3,0,0,0,0,0,0,0,0,0,0,liten,0,C',
  '0302,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,liten,0,C',
  '1101,1,,,0,0,,0,0,0,0,0,0,0,0,0,0,liten,0,C',
  '1102,1,0,0,0,0,0,10,4,8,4,0,0,4,2,0,0,liten,0,C',
  '1103,1,0,0,0,0,0,2,1,6,3,1,1,3,2,0,0,liten,0,C',
  '1104,1,0,0,0,0,0,7,3,4,2,4,3,2,3,0,0,liten,0,C',
  '1105,1,0,0,0,0,0,,,0,0,8,4,,,0,0,,,',
  '1106,1,0,0,0,0,0,0,0,0,0,0,0,0,0,11,4,middels,1,A',
  '1107,1,0,0,0,0,0,0,0,0,0,0,0,0,0,7,2,stor,0,D',
  '1108,1,0,0,0,0,0,0,0,0,0,0,0,0,0,8,3,stor,0,B',
  '1109,0,,,,,,,,,,,,,,,,,,',
  '1110,0,,,,,,,,,,,,,,,,,,',
];

// Required columns only (no optional questions), enhetstype, free text, and an unknown column in between.
const COLUMNS = ['enhetstype', ...requiredColumns('2021').slice(0, 20), 'ukjent_kolonne', ...requiredColumns('2021').slice(20), 'kommentar'];
/** BOM, every header name and field quoted, `,`, LF, a trailing empty line. */
const QUOTED_BOM: Dialect = { delimiter: ',', eol: '\n', bom: true, encoding: 'utf-8', quoteAll: true, labels: 'canonical', trailingBlankLine: true };
const CP1252: Dialect = { delimiter: ';', eol: '\r\n', bom: false, encoding: 'windows-1252', quoteAll: false, labels: 'messy' };

const results: Record<string, RunResult> = {};
const file = (name: string) => join(work, name);
const out = (name: string) => join(work, `${name}-out`);

function badRows(): string {
  // Rejections, one per line, in one file: all must be reported (file:line, column, value, allowed).
  const header = requiredColumns('2021');
  const good = (nr: string) => header.map((c) => (c === 'kommunenummer' ? nr : base('2021', nr)[c] ?? '')).join(',');
  const lines = [header.join(',')];
  lines.push(good('301')); // line 2: leading zero lost
  lines.push(good('0301').replace(/^0301,Nei/, '0301,Kanskje')); // line 3: unknown gate answer
  lines.push(good('1101')); // line 4
  lines.push(good('1101')); // line 5: duplicate
  lines.push(good('9999')); // line 6: not in the register
  lines.push(good('1102') + ',Nei'); // line 7: ragged
  lines.push(good('1103').replace(',Ingen tjenester,', ',Mange tjenester,')); // line 8: unknown service answer
  return lines.join('\n') + '\n';
}

beforeAll(async () => {
  writeFileSync(file('edge.csv'), writeCsv(rows, ['kommunenummer', ...COLUMNS.filter((c) => c !== 'kommunenummer')], '2021', QUOTED_BOM));
  writeFileSync(file('edge-1252.csv'), writeCsv(rows, ['kommunenummer', ...COLUMNS.filter((c) => c !== 'kommunenummer')], '2021', CP1252, 3));
  writeFileSync(file('bad.csv'), badRows());
  const header = requiredColumns('2021');
  const drop = new Set(['sky', 'hinder_kompetanse', 'rekruttert']);
  writeFileSync(file('missing.csv'), [header.filter((c) => !drop.has(c)).join(';'), header.filter((c) => !drop.has(c)).map((c) => (c === 'kommunenummer' ? '0301' : 'Nei')).join(';')].join('\r\n'));
  writeFileSync(file('empty.csv'), '');
  // A user's own register: Windows-1252, `;`, CRLF, only number and name.
  writeFileSync(file('register-own.csv'), encodeCp1252(['Kommunenummer;Kommunenavn', ...readFileSync(REGISTER, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 2).join(';'))].join('\r\n') + '\r\n'));
  // An existing --out with earlier results: a rejected run must leave it exactly as it was.
  mkdirSync(out('existing'));
  writeFileSync(join(out('existing'), 'indicators.csv'), 'gammel tabell\n');
  writeFileSync(join(out('existing'), 'notat.txt'), 'behold\n');

  const runs: [string, string[]][] = [
    ['edge', ['--responses', file('edge.csv'), '--survey', '2021', '--register', REGISTER, '--out', out('edge')]],
    ['edge-1252', ['--responses', file('edge-1252.csv'), '--survey', join(ROOT, 'data/surveys/2021.json'), '--register', REGISTER, '--out', out('edge-1252')]],
    ['edge-ownreg', ['--responses', file('edge.csv'), '--survey', '2021', '--register', file('register-own.csv'), '--out', out('edge-ownreg')]],
    ['bad', ['--responses', file('bad.csv'), '--survey', '2021', '--register', REGISTER, '--out', out('bad')]],
    ['missing', ['--responses', file('missing.csv'), '--survey', '2021', '--out', out('existing')]],
    ['empty', ['--responses', file('empty.csv'), '--survey', '2021', '--out', out('empty')]],
    ['unknown-option', ['--responses', file('edge.csv'), '--survey', '2021', '--out', out('unknown-option'), '--fast']],
    ['unknown-survey', ['--responses', file('edge.csv'), '--survey', '2019', '--out', out('unknown-survey')]],
    ['help', ['--help']],
  ];
  const rel = ['--responses', 'edge.csv', '--survey', '2021', '--register', REGISTER, '--out'];
  const done = await pool([
    ...runs.map(([, args]) => () => indicators(args)),
    // Relative paths are the caller's: `npm --prefix <repo> run indicators` from another directory,
    // and tsx started directly in a directory while an outer `npm test` left INIT_CWD in the environment.
    () => npmIn(work, [...rel, 'rel-npm-out']),
    () => indicatorsIn(work, [...rel, 'rel-direct-out'], { INIT_CWD: ROOT, npm_lifecycle_event: 'test' }),
  ]);
  runs.forEach(([name], i) => (results[name] = done[i]));
  results['rel-npm'] = done[runs.length];
  results['rel-direct'] = done[runs.length + 1];
});

describe('edge cases, decided per spec', () => {
  it('the hand-computed rows: gates, 0 areas, tjenester Nei, bruk 3 vs 2 as aktivitet input, kompetanse, unknowns, non-respondents', () => {
    expect(results.edge.stderr).toBe('');
    expect(results.edge.code).toBe(0);
    expect(readFileSync(join(out('edge'), 'indicators.csv'), 'utf8')).toBe(EXPECTED.join('\n') + '\n');
  });

  it('the oracle agrees with the hand computation', () => {
    expect(oracleCsv(oracleTable(rows, '2021', ['0301', '0302', ...Array.from({ length: 10 }, (_, i) => `11${String(i + 1).padStart(2, '0')}`)]))).toBe(EXPECTED.join('\n') + '\n');
  });

  it('the same answers as a Windows-1252 `;` CRLF export with padded, mixed-case labels, --survey as a path', () => {
    expect(readFileSync(file('edge-1252.csv')).includes(0xe6)).toBe(true); // «æ» (svært) as one byte
    expect(results['edge-1252'].stderr).toBe('');
    expect(readFileSync(join(out('edge-1252'), 'indicators.csv'), 'utf8')).toBe(EXPECTED.join('\n') + '\n');
  });

  it('a Windows-1252 `;` register with only kommunenummer and kommunenavn gives the same table', () => {
    expect(readFileSync(file('register-own.csv')).includes(0xe5)).toBe(true); // «å» as one byte
    expect(results['edge-ownreg'].stderr).toBe('');
    expect(readFileSync(join(out('edge-ownreg'), 'indicators.csv'), 'utf8')).toBe(EXPECTED.join('\n') + '\n');
  });

  it('relative --responses/--out are resolved against the caller\'s directory', () => {
    for (const name of ['rel-npm', 'rel-direct']) {
      expect(results[name].stderr, name).toBe('');
      expect(readFileSync(join(work, `${name}-out`, 'indicators.csv'), 'utf8')).toBe(EXPECTED.join('\n') + '\n');
    }
  });

  it('free text with newlines never reaches any output', () => {
    for (const f of readdirSync(out('edge'))) {
      const text = readFileSync(join(out('edge'), f), 'utf8');
      expect(text.includes('HEMMELIG') || text.includes('linje 3') || text.includes('ukjent_kolonne'), f).toBe(false);
    }
  });
});

describe('rejections: non-zero, file:line + column + value + allowed, nothing written', () => {
  it('reports every bad line of a file, not just the first', () => {
    const r = results.bad;
    expect(r.code).not.toBe(0);
    const err = r.stderr;
    const at = (line: number) => err.split('\n').filter((l) => l.includes(`bad.csv:${line}:`)).join('\n');
    expect(at(2)).toMatch(/kommunenummer/);
    expect(at(2)).toMatch(/«301»/);
    expect(at(2)).toMatch(/0301/);
    expect(at(3)).toMatch(/strategi/);
    expect(at(3)).toMatch(/Kanskje/);
    expect(at(3)).toMatch(/«Ja», «Nei», «Vet ikke»/);
    expect(at(5)).toMatch(/1101/);
    expect(at(5)).toMatch(/4/);
    expect(at(6)).toMatch(/9999/);
    expect(at(6)).toMatch(/register/);
    expect(at(7)).toMatch(/felt|kolonner/);
    expect(at(8)).toMatch(/tjeneste_apen_innsyn/);
    expect(at(8)).toMatch(/Mange tjenester/);
    expect(at(8)).toMatch(/«Ingen tjenester»/);
    expect(at(4)).toBe(''); // the first of the duplicates is fine in itself
    expect(existsSync(out('bad'))).toBe(false);
    expect(readdirSync(work).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('missing required columns are all listed; an existing --out is left exactly as it was', () => {
    const r = results.missing;
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/missing\.csv:1/);
    for (const c of ['sky', 'hinder_kompetanse', 'rekruttert']) expect(r.stderr).toContain(c);
    expect(snapshotDir(out('existing'))).toEqual({
      'indicators.csv': Buffer.from('gammel tabell\n').toString('base64'),
      'notat.txt': Buffer.from('behold\n').toString('base64'),
    });
  });

  it('an empty file is rejected', () => {
    for (const name of ['empty']) {
      expect(results[name].code, name).not.toBe(0);
      expect(results[name].stderr).toContain(`${name}.csv`);
      expect(existsSync(out(name))).toBe(false);
    }
  });

  it('an unknown option and an unknown survey are errors that write nothing', () => {
    expect(results['unknown-option'].code).not.toBe(0);
    expect(results['unknown-option'].stderr).toContain('--fast');
    expect(existsSync(out('unknown-option'))).toBe(false);
    expect(results['unknown-survey'].code).not.toBe(0);
    expect(results['unknown-survey'].stderr).toContain('2019');
    expect(existsSync(out('unknown-survey'))).toBe(false);
  });

  it('--help explains every option and exits 0', () => {
    expect(results.help.code).toBe(0);
    for (const o of ['--responses', '--survey', '--register', '--out', '--help', '2018', '2021']) expect(results.help.stdout).toContain(o);
  });

  it('the Windows-1252 writer used here really writes single bytes', () => {
    expect([...encodeCp1252('æøåÆØÅ€–')]).toEqual([0xe6, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5, 0x80, 0x96]);
  });
});
