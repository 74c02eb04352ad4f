// The generator on small hand-made registers: determinism, shape, skip logic, carried maturity.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  baseMaturity,
  carriedMaturity,
  demoColumns,
  generateDemoCsv,
  generateDemoRows,
  mulberry32,
  normInv,
  planDemoWaves,
  type DemoWave,
} from '../../src/lib/demo/index';
import { parseCsv } from '../../src/lib/read/csv';
import { readResponses } from '../../src/lib/read/responses';
import type { CorrespondenceRow, RegisterRow, SurveyDefinition, YearEntry } from '../../src/lib/types';

const survey = JSON.parse(readFileSync(new URL('../../data/surveys/2021.json', import.meta.url), 'utf8')) as SurveyDefinition;

/** n invented kommuner, 9001…, populations spread log-uniformly from 300 to 300 000. */
function register(n: number, first = 9001): RegisterRow[] {
  return Array.from({ length: n }, (_, i) => ({
    kommunenummer: String(first + i),
    kommunenavn: `Testkommune ${i + 1}`,
    fylkesnummer: '90',
    fylkesnavn: 'Testfylke',
    innbyggere: Math.round(300 * Math.pow(1000, i / Math.max(n - 1, 1))),
  }));
}

const wave = (seed: number, reg = register(120)): DemoWave => ({ register: reg, survey, seed });

describe('determinism', () => {
  it('gives byte-identical CSV for the same seed and input', () => {
    expect(generateDemoCsv(wave(7))).toBe(generateDemoCsv(wave(7)));
  });

  it('gives different data for a different seed', () => {
    expect(generateDemoCsv(wave(7))).not.toBe(generateDemoCsv(wave(8)));
  });

  it('does not depend on the order of the register rows', () => {
    const reg = register(80);
    expect(generateDemoCsv(wave(3, [...reg].reverse()))).toBe(generateDemoCsv(wave(3, reg)));
  });

  it('keeps a kommune’s answers when another kommune leaves the register', () => {
    const reg = register(80);
    const all = generateDemoRows(wave(5, reg));
    const fewer = generateDemoRows(wave(5, reg.filter((r) => r.kommunenummer !== '9040')));
    const byNr = new Map(all.map((r) => [r.kommunenummer, r]));
    expect(fewer.length).toBeGreaterThan(0);
    for (const r of fewer) expect(r).toEqual(byNr.get(r.kommunenummer));
  });

  it('mulberry32 repeats per seed and stays inside (0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = a.next();
      expect(x).toBe(b.next());
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(1);
      sum += x;
    }
    expect(sum / 10_000).toBeGreaterThan(0.48);
    expect(sum / 10_000).toBeLessThan(0.52);
    expect(mulberry32(43).next()).not.toBe(mulberry32(42).next());
  });

  it('normInv inverts the normal CDF at known points', () => {
    expect(normInv(0.5)).toBeCloseTo(0, 8);
    expect(normInv(0.975)).toBeCloseTo(1.959964, 5);
    expect(normInv(0.01)).toBeCloseTo(-2.326348, 5);
    expect(normInv(0.1)).toBeCloseTo(-1.281552, 5);
  });

  it('rejects a register with the same kommunenummer twice', () => {
    const reg = register(5);
    expect(() => generateDemoRows(wave(1, [...reg, reg[2]]))).toThrow(/to ganger/);
  });
});

describe('file shape', () => {
  const csv = generateDemoCsv(wave(11, register(200)));
  const parsed = parseCsv(csv);

  it('is comma-separated with LF line ends, a header and a final newline', () => {
    expect(csv).not.toContain('\r');
    expect(csv.endsWith('\n')).toBe(true);
    expect(parsed.delimiter).toBe(',');
    expect(parsed.header).toEqual(demoColumns(survey));
  });

  it('has kommunenummer and enhetstype first, no names, free text or contact columns', () => {
    expect(parsed.header.slice(0, 2)).toEqual(['kommunenummer', 'enhetstype']);
    for (const c of parsed.header) {
      expect(c).not.toMatch(/^(kommentar|kontakt_|tidsbruk)|navn|orgnr/);
    }
    for (const r of parsed.records) expect(r.fields[1]).toBe('kommune');
  });

  it('holds every required column and every item of every indicator', () => {
    const need = [
      ...Object.keys(survey.gates),
      ...Object.values(survey.simple).flatMap((s) => Object.keys(s.items)),
      ...Object.keys(survey.tjenester.ways),
      ...survey.required,
    ];
    for (const c of need) expect(parsed.header).toContain(c);
  });

  it('lists each register kommune at most once, sorted, as a 4-character string', () => {
    const nrs = parsed.records.map((r) => r.fields[0]);
    expect(new Set(nrs).size).toBe(nrs.length);
    expect([...nrs].sort()).toEqual(nrs);
    const known = new Set(register(200).map((r) => r.kommunenummer));
    for (const k of nrs) {
      expect(k).toMatch(/^\d{4}$/);
      expect(known.has(k)).toBe(true);
    }
  });

  it('is accepted by the reader with the register (every label canonical)', () => {
    const result = readResponses(new TextEncoder().encode(csv), { file: 'demo.csv', survey, register: register(200) });
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
    expect(result.rows.length).toBe(parsed.records.length);
  });

  it('leaves some kommuner out (non-response) but not most', () => {
    const share = parsed.records.length / 200;
    expect(share).toBeGreaterThan(0.8);
    expect(share).toBeLessThan(0.98);
  });
});

describe('skip logic and missing answers', () => {
  const rows = generateDemoRows(wave(21, register(1500)));
  const items = (gate: string): string[] => {
    const block = Object.values(survey.simple).find((s) => s.gate === gate);
    return Object.keys(block ? block.items : survey.tjenester.ways);
  };

  it('leaves the items of a blank gate blank', () => {
    let blankGates = 0;
    for (const gate of Object.keys(survey.gates)) {
      for (const r of rows.filter((x) => x[gate] === null)) {
        blankGates++;
        for (const c of items(gate)) expect(r[c]).toBeNull();
      }
    }
    expect(blankGates).toBeGreaterThan(0);
  });

  it('mostly leaves the items of a closed gate blank, but not always (the rules must ignore them)', () => {
    for (const gate of ['strategi', 'prosjekter', 'sky']) {
      const closed = rows.filter((x) => x[gate] === 'Nei' || x[gate] === 'Vet ikke');
      const filled = closed.filter((r) => items(gate).some((c) => r[c] !== null));
      expect(closed.length).toBeGreaterThan(20);
      expect(filled.length / closed.length).toBeLessThan(0.1);
    }
    const anyFilled = rows.some((r) => ['strategi', 'prosjekter', 'sky'].some((g) => (r[g] === 'Nei' || r[g] === 'Vet ikke') && items(g).some((c) => r[c] !== null)));
    expect(anyFilled).toBe(true);
  });

  it('uses «Vet ikke», «Ikke relevant» and blanks now and then', () => {
    const cells = rows.flatMap((r) => Object.values(r));
    const count = (v: string | null) => cells.filter((c) => c === v).length;
    expect(count('Vet ikke')).toBeGreaterThan(50);
    expect(count('Ikke relevant')).toBeGreaterThan(50);
    // Blank answers to open questions (not the skip-logic blanks).
    const strategyBlank = rows.filter((r) => r.strategi === 'Ja').flatMap((r) => Object.keys(survey.simple.strategi.items).map((c) => r[c])).filter((v) => v === null);
    expect(strategyBlank.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.hinder_kompetanse === null).length).toBeGreaterThan(0);
  });

  it('fills the strategy extras only where there is a strategy, and recruitment difficulties only after recruiting', () => {
    for (const r of rows) {
      if (r.strategi !== 'Ja') expect(r.strategi_oppdatert).toBeNull();
      if (r.rekruttert !== 'Ja') expect(r.rekrutteringsvansker).toBeNull();
    }
    expect(rows.filter((r) => r.strategi === 'Ja' && r.strategi_oppdatert === 'Ja').length).toBeGreaterThan(100);
  });
});

describe('size and maturity', () => {
  const reg = register(2000);
  const rows = generateDemoRows(wave(31, reg));
  const pop = new Map(reg.map((r) => [r.kommunenummer, r.innbyggere!]));
  const small = rows.filter((r) => pop.get(r.kommunenummer)! < 2000);
  const big = rows.filter((r) => pop.get(r.kommunenummer)! > 30000);
  const share = (rs: typeof rows, f: (r: (typeof rows)[number]) => boolean) => rs.filter(f).length / rs.length;
  const yes = (r: (typeof rows)[number], items: Record<string, string>) => Object.keys(items).filter((c) => r[c] === 'Ja').length;

  it('big kommuner answer more often', () => {
    const asked = (f: (p: number) => boolean) => reg.filter((r) => f(r.innbyggere!));
    const rate = (f: (p: number) => boolean) => {
      const nrs = new Set(rows.map((r) => r.kommunenummer));
      const a = asked(f);
      return a.filter((r) => nrs.has(r.kommunenummer)).length / a.length;
    };
    expect(rate((p) => p > 30000)).toBeGreaterThan(rate((p) => p < 2000));
  });

  it('big kommuner do more: strategy, projects, cloud, procurement, in-house functions, recruitment', () => {
    expect(share(big, (r) => r.strategi === 'Ja')).toBeGreaterThan(share(small, (r) => r.strategi === 'Ja') + 0.15);
    expect(share(big, (r) => r.prosjekter === 'Ja')).toBeGreaterThan(0.95);
    expect(share(small, (r) => r.prosjekter === 'Ja')).toBeLessThan(0.85);
    expect(share(big, (r) => r.sky === 'Ja')).toBeGreaterThan(share(small, (r) => r.sky === 'Ja'));
    const mean = (rs: typeof rows, f: (r: (typeof rows)[number]) => number) => rs.reduce((s, r) => s + f(r), 0) / rs.length;
    expect(mean(big, (r) => yes(r, survey.simple.strategi.items))).toBeGreaterThan(mean(small, (r) => yes(r, survey.simple.strategi.items)) + 2);
    const innkjop = (r: (typeof rows)[number]) => Object.keys(survey.simple.innkjop.items).filter((c) => r[c]?.startsWith('Ja')).length;
    expect(mean(big, innkjop)).toBeGreaterThan(mean(small, innkjop) + 1);
    const interne = (r: (typeof rows)[number]) => Object.keys(survey.simple.interne.items).filter((c) => survey.simple.interne.counts.includes(r[c] ?? '')).length;
    expect(mean(big, interne)).toBeGreaterThan(mean(small, interne) + 1);
    expect(share(big, (r) => r.rekruttert === 'Ja')).toBeGreaterThan(0.6);
    expect(share(small, (r) => r.rekruttert === 'Ja')).toBeLessThan(0.2);
  });

  it('big kommuner see competence as a large obstacle less often', () => {
    const stor = (r: (typeof rows)[number]) => survey.kompetanse.hinderGroups.stor.includes(r.hinder_kompetanse ?? '');
    expect(share(big, stor)).toBeLessThan(share(small, stor) - 0.1);
  });
});

describe('waves over a changed structure', () => {
  const before = register(300, 1001);
  // 1001…1298 keep their number, 1299 is renumbered to 2299, 1300 is split into 2300 and 2301.
  const corr: CorrespondenceRow[] = before.map((r) => {
    const n = Number(r.kommunenummer);
    const to = n === 1299 ? '2299' : n === 1300 ? '2300' : r.kommunenummer;
    return { kommunenummer_2020: r.kommunenummer, kommunenavn_2020: r.kommunenavn, kommunenummer_2024: to, kommunenavn_2024: r.kommunenavn, endring: n === 1299 ? 'nytt_nummer' : n === 1300 ? 'delt' : 'uendret' };
  });
  corr.push({ ...corr[299], kommunenummer_2024: '2301' });
  const after: RegisterRow[] = [
    ...before.slice(0, 298),
    { ...before[298], kommunenummer: '2299' },
    { ...before[299], kommunenummer: '2300', innbyggere: Math.round(before[299].innbyggere! * 0.8) },
    { ...before[299], kommunenummer: '2301', innbyggere: Math.round(before[299].innbyggere! * 0.2) },
  ];
  const base = { register: before, seed: 2021, correspondence: corr, years: 3 };
  const m0 = baseMaturity(before, 2021);
  const m1 = carriedMaturity(after, 2024, base);

  it('carries each kommune’s maturity forward with progress and a little noise', () => {
    const diffs = before.slice(0, 298).map((r) => m1.get(r.kommunenummer)! - m0.get(r.kommunenummer)!);
    const mean = diffs.reduce((s, d) => s + d, 0) / diffs.length;
    const sd = Math.sqrt(diffs.reduce((s, d) => s + (d - mean) ** 2, 0) / diffs.length);
    expect(mean).toBeGreaterThan(0.25);
    expect(mean).toBeLessThan(0.7);
    expect(sd).toBeLessThan(0.4);
  });

  it('a renumbered kommune keeps its maturity; both parts of a split inherit the whole’s', () => {
    expect(Math.abs(m1.get('2299')! - m0.get('1299')! - 0.45)).toBeLessThan(1.2);
    for (const part of ['2300', '2301']) expect(Math.abs(m1.get(part)! - m0.get('1300')! - 0.45)).toBeLessThan(1.5);
    expect(m1.get('2300')).not.toBe(m1.get('2301'));
  });

  it('planDemoWaves chains a later year to the earlier one through the structure’s predecessor', () => {
    const entry = (year: number, structure: string): YearEntry => ({ year, survey: '2021', structure, responses: `responses/${year}.csv`, synthetic: true, dataDate: `${year}-06-30` });
    const plan = planDemoWaves([
      { entry: entry(2024, 'ny'), survey, register: after, previous: { structure: 'gammel', register: before, correspondence: corr } },
      { entry: entry(2021, 'gammel'), survey, register: before, previous: null },
      { entry: { ...entry(2019, 'gammel'), synthetic: false }, survey, register: before, previous: null },
    ]);
    expect(plan.map((p) => p.year)).toEqual([2021, 2024]);
    expect(plan[0].wave.follows).toBeUndefined();
    expect(plan[1].wave.follows).toMatchObject({ seed: 2021, years: 3 });
    expect(plan[1].wave.seed).toBe(2024);
    expect(plan[1].responses).toBe('responses/2024.csv');
  });

  it('the later wave shows progress for the same kommuner', () => {
    const w21 = generateDemoRows({ register: before, survey, seed: 2021 });
    const w24 = generateDemoRows({ register: after, survey, seed: 2024, follows: base });
    const share = (rs: typeof w21) => rs.filter((r) => r.strategi === 'Ja').length / rs.length;
    expect(share(w24)).toBeGreaterThan(share(w21));
  });
});
