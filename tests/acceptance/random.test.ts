// Acceptance: seeded random datasets in several export dialects through the CLI, compared
// byte for byte with the independent oracle (tests/acceptance/oracle.ts, derived from the spec).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CODES_COMMA, CP1252_SEMICOLON, fileColumns, R_CSV2, otherUnit, randomAnswers, randomNumbers, registerCsv, rng, UTF8_BOM_COMMA,
  writeCsv, type Dialect,
} from './generate';
import {
  columnLabels, CONTRACT_COLUMNS, FUNKSJON_ITEMS, oracleCsv, oracleTable, PROSJEKT_ITEMS, rangesOf, SKY_ITEMS,
  strategiItems, INNKJOP_ITEMS, WAYS_COMPLEX, WAYS_SIMPLE, type Answers, type Form,
} from './oracle';
import { indicators, npmIndicators, pool, ROOT, type RunResult } from './run';
import { referenceFile } from '../helpers/reference';

const REGISTER_2018 = referenceFile('registers/kommuner-2018.csv');
const work = mkdtempSync(join(tmpdir(), 'digikommune-acceptance-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Case {
  name: string;
  form: Form;
  dialect: Dialect;
  rows: Answers[];
  register: string[] | null;
  registerPath?: string;
  survey: string;
  npm?: boolean;
  result?: RunResult;
  out: string;
}

/** Respondents (kommuner) plus a few rows of other unit types that must be left out. */
function dataset(form: Form, seed: number, numbers: string[]): Answers[] {
  const r = rng(seed);
  const rows = numbers.map((nr) => randomAnswers(form, r, nr));
  // Other unit types share the form: no kommunenummer, one outside any register, one equal to a kommune's.
  rows.splice(5, 0, otherUnit(form, r, '', 'fylkeskommune'));
  rows.splice(40, 0, otherUnit(form, r, '5099', 'Fylkeskommune'));
  rows.splice(77, 0, otherUnit(form, r, numbers[3], 'stat'));
  return rows;
}

const register2018 = readFileSync(REGISTER_2018, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
const cases: Case[] = [];
function addCase(c: Omit<Case, 'out'>): Case {
  const full = { ...c, out: join(work, c.name, 'out') };
  cases.push(full);
  return full;
}

// 2021 form, UTF-8 + BOM + `,` + LF, canonical labels, no register: the rows are the respondents.
const utf8 = addCase({
  name: 'utf8-2021', form: '2021', dialect: UTF8_BOM_COMMA, register: null, survey: '2021',
  rows: dataset('2021', 11, randomNumbers(rng(1), 220)),
});
// 2021 form, Windows-1252 + `;` + CRLF + every field quoted + mixed case / padded labels, with a
// synthetic register that also holds 40 non-respondents.
const cpNumbers = randomNumbers(rng(2), 260);
const cp = addCase({
  name: 'cp1252-2021', form: '2021', dialect: CP1252_SEMICOLON, register: cpNumbers, survey: '2021',
  rows: dataset('2021', 12, cpNumbers.slice(0, 220)),
});
// 2018 form, numeric codes, the real 2018 register by path (422 kommuner, ~120 non-respondents).
const codes2018 = addCase({
  name: 'codes-2018', form: '2018', dialect: CODES_COMMA, register: register2018, registerPath: REGISTER_2018, survey: '2018',
  rows: dataset('2018', 13, randomNumbers(rng(3), 300, register2018)),
});
// 2018 form, Windows-1252 `;` export, definition given as a path, run with the literal npm command.
const cp2018 = addCase({
  name: 'cp1252-2018', form: '2018', dialect: CP1252_SEMICOLON, register: null, survey: join(ROOT, 'data/surveys/2018.json'), npm: true,
  rows: dataset('2018', 14, randomNumbers(rng(4), 200)),
});
// 2021 form, numeric codes with the register (npm command too).
const codes2021Numbers = randomNumbers(rng(5), 180);
const codes2021 = addCase({
  name: 'codes-2021', form: '2021', dialect: CODES_COMMA, register: codes2021Numbers, survey: '2021',
  rows: dataset('2021', 15, codes2021Numbers.slice(30)),
});

// R's write.csv2 with fileEncoding cp1252: everything quoted, NA for blanks, a row-name column.
const rNumbers = randomNumbers(rng(6), 150);
addCase({
  name: 'r-csv2-2021', form: '2021', dialect: R_CSV2, register: rNumbers, survey: '2021',
  rows: dataset('2021', 16, rNumbers.slice(0, 130)),
});

beforeAll(async () => {
  await pool(cases.map((c) => async () => {
    const dir = join(work, c.name);
    rmSync(dir, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'svar.csv');
    writeFileSync(file, writeCsv(c.rows, fileColumns(c.form), c.form, c.dialect, c.name.length));
    const args = ['--responses', file, '--survey', c.survey, '--out', c.out];
    if (c.register) {
      const path = c.registerPath ?? join(dir, 'register.csv');
      if (!c.registerPath) writeFileSync(path, registerCsv(c.register.map((nr, i) => ({ nr, navn: `Kommune ${nr}`, innbyggere: 500 + i * 397 }))));
      args.push('--register', path);
    }
    c.result = await (c.npm ? npmIndicators(args) : indicators(args));
  }));
});

describe('the generated datasets cover what they should', () => {
  it('every answer label and blank occurs in every column, gates closed with filled items, all bins', () => {
    for (const c of [utf8, codes2018]) {
      const labels = columnLabels(c.form);
      for (const [col, set] of Object.entries(labels)) {
        const seen = new Set(c.rows.map((r) => r[col]));
        for (const l of [...set, null]) expect(seen.has(l), `${c.name} ${col} ${l}`).toBe(true);
      }
      for (const gate of ['strategi', 'prosjekter', 'sky']) {
        const item = { strategi: strategiItems(c.form)[0], prosjekter: PROSJEKT_ITEMS[0], sky: SKY_ITEMS[0] }[gate]!;
        for (const closed of ['Nei', 'Vet ikke', null]) {
          expect(c.rows.some((r) => r[gate] === closed && r[item] === 'Ja'), `${gate}=${closed} with a filled item`).toBe(true);
        }
      }
      expect(c.rows.some((r) => r.tilbyr_tjenester === 'Nei' && [...WAYS_SIMPLE, ...WAYS_COMPLEX].some((w) => /Noen|halvparten|fleste|Alle/.test(r[w] ?? '')))).toBe(true);
      const table = oracleTable(c.rows, c.form, null);
      for (const col of ['strategi_score', 'prosjekt_score', 'sky_score', 'innkjop_score', 'tjenester_score', 'interne_score', 'prioritering', 'bruk', 'aktivitet']) {
        const vals = new Set(table.map((r) => r[col as (typeof CONTRACT_COLUMNS)[number]]));
        for (const v of [0, 1, 2, 3, 4]) expect(vals.has(v), `${c.name} ${col}=${v}`).toBe(true);
      }
      const komp = new Set(table.map((r) => r.kompetanse));
      for (const v of ['A', 'B', 'C', 'D', null]) expect(komp.has(v), `kompetanse ${v}`).toBe(true);
    }
  });

  it('together the datasets hit every count 0…max of every block and all 25 cells of each two-axis rule', () => {
    const all = cases.flatMap((c) => oracleTable(c.rows, c.form, null));
    const max: Record<string, number> = { strategi_antall: 14, prosjekt_antall: 10, sky_antall: 15, innkjop_antall: 8, interne_antall: 12 };
    for (const [col, m] of Object.entries(max)) {
      const seen = new Set(all.map((r) => r[col as (typeof CONTRACT_COLUMNS)[number]]));
      for (let n = 0; n <= m; n++) expect(seen.has(n), `${col}=${n}`).toBe(true);
    }
    // Service points: every reachable sum (0–14 except 13).
    const poeng = new Set(all.map((r) => r.tjenester_poeng));
    for (let n = 0; n <= 14; n++) if (n !== 13) expect(poeng.has(n), `tjenester_poeng=${n}`).toBe(true);
    expect(poeng.has(13)).toBe(false);
    for (const [a, b] of [['strategi_score', 'prosjekt_score'], ['sky_score', 'innkjop_score'], ['bruk', 'tjenester_score']] as const) {
      const cells = new Set(all.filter((r) => r[a] !== null && r[b] !== null).map((r) => `${r[a]},${r[b]}`));
      for (let i = 0; i <= 4; i++) for (let j = 0; j <= 4; j++) expect(cells.has(`${i},${j}`), `${a}=${i}, ${b}=${j}`).toBe(true);
    }
  });

  it('the survey definitions agree with the spec on item lists and bins', () => {
    for (const form of ['2018', '2021'] as const) {
      const def = JSON.parse(readFileSync(join(ROOT, `data/surveys/${form}.json`), 'utf8'));
      const R = rangesOf(form);
      const lower = (k: keyof typeof R) => R[k].map(([lo]) => lo);
      expect(Object.keys(def.simple.strategi.items)).toEqual(strategiItems(form));
      expect(Object.keys(def.simple.prosjekter.items)).toEqual(PROSJEKT_ITEMS);
      expect(Object.keys(def.simple.sky.items)).toEqual(SKY_ITEMS);
      expect(Object.keys(def.simple.innkjop.items)).toEqual(INNKJOP_ITEMS);
      expect(Object.keys(def.simple.interne.items)).toEqual(FUNKSJON_ITEMS);
      expect(Object.keys(def.tjenester.ways)).toEqual([...WAYS_SIMPLE, ...WAYS_COMPLEX]);
      expect(def.simple.strategi.bins).toEqual(lower('strategi'));
      expect(def.simple.prosjekter.bins).toEqual(lower('prosjekter'));
      expect(def.simple.sky.bins).toEqual(lower('sky'));
      expect(def.simple.innkjop.bins).toEqual(lower('innkjop'));
      expect(def.simple.interne.bins).toEqual(lower('interne'));
      expect(def.tjenester.bins).toEqual(lower('tjenester'));
    }
  });
});

describe.each(cases.map((c) => [c.name, c] as const))('CLI vs oracle: %s', (_name, c) => {
  it('exits 0 with nothing on stderr', () => {
    expect(c.result!.stderr).toBe('');
    expect(c.result!.code).toBe(0);
  });

  it('indicators.csv equals the oracle byte for byte', () => {
    const got = readFileSync(join(c.out, 'indicators.csv'), 'utf8');
    const want = oracleCsv(oracleTable(c.rows, c.form, c.register));
    if (got !== want) {
      // Show the first differing row, cell by cell, before failing on the whole file.
      const g = got.split('\n');
      const w = want.split('\n');
      const i = w.findIndex((line, k) => line !== g[k]);
      const cells = CONTRACT_COLUMNS.map((col, k) => `${col}: got ${g[i]?.split(',')[k]} want ${w[i].split(',')[k]}`);
      const input = c.rows.find((r) => r.kommunenummer === w[i].split(',')[0]);
      expect({ line: i + 1, got: g[i], want: w[i], cells, input }).toBeUndefined();
    }
    expect(got).toBe(want);
  });

  it('row set: respondents only without a register, the whole register (svart 0, empty cells) with one', () => {
    const lines = readFileSync(join(c.out, 'indicators.csv'), 'utf8').split('\n').slice(1, -1);
    const kommuner = c.rows.filter((r) => !r.enhetstype || r.enhetstype.toLowerCase() === 'kommune').map((r) => r.kommunenummer);
    expect(lines.length).toBe(c.register ? c.register.length : kommuner.length);
    for (const line of lines) {
      const cells = line.split(',');
      expect(cells).toHaveLength(CONTRACT_COLUMNS.length);
      expect(cells[0]).toMatch(/^\d{4}$/);
      if (cells[1] === '0') expect(cells.slice(2).every((x) => x === '')).toBe(true);
      else expect(cells[1]).toBe('1');
    }
    const responded = new Set(lines.filter((l) => l.split(',')[1] === '1').map((l) => l.split(',')[0]));
    expect(responded).toEqual(new Set(kommuner));
  });

  it('no byte of free text, contact details or unknown columns reaches any output', () => {
    const all = ['indicators.csv', 'indicators.json', 'distributions.json', 'items.json'].map((f) => readFileSync(join(c.out, f), 'utf8')).join('\n');
    for (const secret of ['HEMMELIG', 'hemmelig', 'kari@', 'Nordmann', 'ekstra_ukjent', 'kommentar', 'kontakt_']) {
      expect(all.includes(secret), secret).toBe(false);
    }
    expect((c.result!.stdout + c.result!.stderr).includes('HEMMELIG')).toBe(false);
  });
});

describe.each([utf8, cp, codes2018].map((c) => [c.name, c] as const))('distributions and item shares vs the oracle: %s', (_name, c) => {
  interface Dist { indicator: string; group: string; groupKey: string; value: string; count: number; denominator: number; share: number | null; units: number }
  interface Item { item: string; answer: string; count: number; denominator: number; share: number | null }
  const SIZE = [0, 2000, 5000, 10000, 30000, 50000];

  it('count, denominator (known values), share (null under 3) and ukjent per grade: nation, fylke, size class', () => {
    const dist: Dist[] = JSON.parse(readFileSync(join(c.out, 'distributions.json'), 'utf8'));
    const table = oracleTable(c.rows, c.form, c.register);
    const pop = new Map<string, number | null>();
    if (c.register && !c.registerPath) c.register.forEach((nr, i) => pop.set(nr, 500 + i * 397));
    const groups: [string, (nr: string) => string | null][] = [['nasjon', () => 'norge'], ['fylke', (nr) => nr.slice(0, 2)]];
    if (pop.size) groups.push(['storrelse', (nr) => String(SIZE.filter((t) => pop.get(nr)! >= t).length - 1)]);
    let checked = 0;
    for (const [kind, keyOf] of groups) {
      const got = dist.filter((d) => d.group === kind);
      const keys = [...new Set(table.map((r) => keyOf(r.kommunenummer as string)))];
      const gotKeys = [...new Set(got.map((d) => d.groupKey))];
      expect(gotKeys.length, kind).toBe(keys.length);
      for (const ind of ['prioritering', 'bruk', 'aktivitet', 'kompetanse', 'strategi_score', 'tjenester_score'] as const) {
        for (const key of keys) {
          const members = table.filter((r) => keyOf(r.kommunenummer as string) === key);
          const known = members.filter((r) => r[ind] !== null);
          const values = ind === 'kompetanse' ? ['A', 'B', 'C', 'D'] : ['0', '1', '2', '3', '4'];
          // Size-class keys are the engine's own names: match the group by its members' count per value.
          const candidates = kind === 'storrelse' ? gotKeys : [key];
          const match = candidates.find((k) => values.every((v) => got.find((d) => d.indicator === ind && d.groupKey === k && d.value === v)?.count === known.filter((r) => String(r[ind]) === v).length)
            && got.find((d) => d.indicator === ind && d.groupKey === k && d.value === 'ukjent')?.count === members.length - known.length);
          expect(match, `${ind} ${kind} ${key}`).toBeDefined();
          for (const v of values) {
            const d = got.find((x) => x.indicator === ind && x.groupKey === match && x.value === v)!;
            const n = known.filter((r) => String(r[ind]) === v).length;
            expect(d.denominator).toBe(known.length);
            expect(d.units).toBe(members.length);
            if (known.length < 3) expect(d.share).toBeNull();
            else expect(d.share!).toBeCloseTo(n / known.length, 5);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('item shares among the units the report uses: gate populations for areas and ways, all respondents otherwise', () => {
    const items: Item[] = JSON.parse(readFileSync(join(c.out, 'items.json'), 'utf8'));
    const resp = c.rows.filter((r) => !r.enhetstype || r.enhetstype.toLowerCase() === 'kommune');
    const labels = columnLabels(c.form);
    const blocks: [string[], string | null][] = [
      [strategiItems(c.form), 'strategi'], [PROSJEKT_ITEMS, 'prosjekter'], [SKY_ITEMS, 'sky'],
      [[...WAYS_SIMPLE, ...WAYS_COMPLEX], 'tilbyr_tjenester'], [INNKJOP_ITEMS, null], [FUNKSJON_ITEMS, null],
      [['strategi', 'prosjekter', 'sky', 'tilbyr_tjenester', 'hinder_kompetanse', 'rekruttert'], null],
    ];
    for (const [cols, gate] of blocks) {
      const popn = gate ? resp.filter((r) => r[gate] === 'Ja') : resp;
      for (const col of cols) {
        for (const answer of labels[col]) {
          const got = items.find((i) => i.item === col && i.answer === answer);
          const n = popn.filter((r) => r[col] === answer).length;
          expect(got, `${col} ${answer}`).toBeDefined();
          expect([got!.count, got!.denominator], `${col} ${answer}`).toEqual([n, popn.length]);
          expect(got!.share!).toBeCloseTo(n / popn.length, 5);
        }
      }
    }
  });
});

describe('2018: rekrutteringsvansker beside the kompetanse category', () => {
  it('indicators.json carries the answer only for kommuner that tried to recruit; others and non-respondents have none', () => {
    const json: { kommunenummer: string; svart: number; rekruttert: number | null; rekrutteringsvansker: number | null }[] =
      JSON.parse(readFileSync(join(codes2018.out, 'indicators.json'), 'utf8'));
    const byNr = new Map(codes2018.rows.filter((r) => !r.enhetstype || r.enhetstype.toLowerCase() === 'kommune').map((r) => [r.kommunenummer, r]));
    let tried = 0;
    for (const k of json) {
      const a = byNr.get(k.kommunenummer);
      if (!a) {
        expect(k.svart).toBe(0);
        expect(k.rekrutteringsvansker).toBeNull();
        continue;
      }
      if (a.rekruttert !== 'Ja') {
        // a follow-up of a closed gate is ignored even if filled
        expect(k.rekrutteringsvansker, k.kommunenummer).toBeNull();
        continue;
      }
      tried++;
      expect(k.rekrutteringsvansker, k.kommunenummer).toBe(a.rekrutteringsvansker === 'Ja' ? 1 : a.rekrutteringsvansker === 'Nei' ? 0 : null);
    }
    expect(tried).toBeGreaterThan(50);
  });
});

void cp;
void cp2018;
void codes2021;
