// Acceptance: distribution tables and item shares on a tiny hand-computed fixture (the spec's
// «Comparison groups»: nation = the register, fylke = first two digits, size classes; a group with
// fewer than 3 responding units shows counts but no share; every share has its denominator).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UTF8_BOM_COMMA, writeCsv } from './generate';
import { base, firstN, with_ } from './fixture';
import { PROSJEKT_ITEMS, requiredColumns, strategiItems, type Answers } from './oracle';
import { indicators, ROOT, type RunResult } from './run';

const REGISTER = join(ROOT, 'tests/fixtures/acceptance/register-edge.csv');
const work = mkdtempSync(join(tmpdir(), 'digikommune-tables-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const S = strategiItems('2021');

const rows: Answers[] = [
  with_(firstN(base('2021', '1101'), S, 14, 'Ja'), {}), // strategi Nei (items ignored), prosjekter Nei → prioritering 0
  with_(firstN(firstN(base('2021', '1102'), S, 14, 'Ja'), PROSJEKT_ITEMS, 10, 'Ja'), { strategi: 'Ja', prosjekter: 'Ja' }), // (4, 4) → 4
  with_(firstN(base('2021', '1103'), S, 3, 'Ja'), { strategi: 'Ja' }), // (1, 0) → 1
  with_(firstN(firstN(base('2021', '1105'), S, 5, 'Ja'), PROSJEKT_ITEMS, 4, 'Ja'), { strategi: 'Ja', prosjekter: 'Ja' }), // (1, 1) → 1
  with_(base('2021', '0301'), { strategi: null }), // prioritering unknown
];

interface Dist { indicator: string; group: string; groupKey: string; value: string; count: number; denominator: number; share: number | null; units: number }
interface Item { block: string; item: string; answer: string; count: number; denominator: number; share: number | null }
let result: RunResult;
let dist: Dist[] = [];
let items: Item[] = [];
const out = join(work, 'out');

beforeAll(async () => {
  const file = join(work, 'svar.csv');
  writeFileSync(file, writeCsv(rows, requiredColumns('2021'), '2021', UTF8_BOM_COMMA));
  result = await indicators(['--responses', file, '--survey', '2021', '--register', REGISTER, '--out', out]);
  dist = JSON.parse(readFileSync(join(out, 'distributions.json'), 'utf8'));
  items = JSON.parse(readFileSync(join(out, 'items.json'), 'utf8'));
});

/** Value → [count, share] of one indicator in one group, plus the group's denominator and units. */
function group(indicator: string, kind: string, pick: (d: Dist) => boolean) {
  const ds = dist.filter((d) => d.indicator === indicator && d.group === kind && pick(d));
  const byValue = Object.fromEntries(ds.map((d) => [d.value, [d.count, d.share]]));
  const known = ds.filter((d) => d.value !== 'ukjent');
  return { byValue, denominators: new Set(known.map((d) => d.denominator)), units: new Set(ds.map((d) => d.units)) };
}

describe('distribution tables, by hand', () => {
  it('the run succeeds', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('nation: all 12 register kommuner; 4 known prioritering grades; 8 unknown (7 non-respondents + 1 blank gate)', () => {
    const g = group('prioritering', 'nasjon', () => true);
    expect(g.units).toEqual(new Set([12]));
    expect(g.denominators).toEqual(new Set([4]));
    expect(g.byValue).toEqual({ 0: [1, 0.25], 1: [2, 0.5], 2: [0, 0], 3: [0, 0], 4: [1, 0.25], ukjent: [8, null] });
  });

  it('fylke = first two digits: 11 has 10 units and 4 known; 03 has 2 units, none known, no share', () => {
    const f11 = group('prioritering', 'fylke', (d) => d.groupKey === '11');
    expect(f11.units).toEqual(new Set([10]));
    expect(f11.byValue).toEqual({ 0: [1, 0.25], 1: [2, 0.5], 2: [0, 0], 3: [0, 0], 4: [1, 0.25], ukjent: [6, null] });
    const f03 = group('prioritering', 'fylke', (d) => d.groupKey === '03');
    expect(f03.units).toEqual(new Set([2]));
    expect(f03.denominators).toEqual(new Set([0]));
    expect(Object.values(f03.byValue).every(([, share]) => share === null)).toBe(true);
    expect(f03.byValue.ukjent).toEqual([2, null]);
  });

  it('size classes by population: under 2 000 has 3 units but only 1 respondent → counts, no share', () => {
    const rowsOf = (units: number, count0: number) => dist.filter((d) => d.indicator === 'prioritering' && d.group === 'storrelse' && d.units === units && d.value === '0' && d.count === count0);
    // under 2 000: 0302 (1 200), 1101 (1 500), 1109 (900); only 1101 answered, grade 0
    const u2000 = rowsOf(3, 1);
    expect(u2000).toHaveLength(1);
    expect(u2000[0].denominator).toBe(1);
    expect(u2000[0].share).toBeNull();
    const cls = new Map<string, number>();
    for (const d of dist) if (d.indicator === 'prioritering' && d.group === 'storrelse') cls.set(d.groupKey, d.units);
    // 2 000–4 999: 1102, 1108 · 5 000–9 999: 1105 · 10 000–29 999: 1106 · 30 000–49 999: 1103, 1110 · ≥ 50 000: 0301, 1104
    expect([...cls.values()].sort()).toEqual([1, 1, 2, 2, 2, 3]);
  });

  it('kompetanse and aktivitet: every respondent known → share 1 of 5', () => {
    expect(group('kompetanse', 'nasjon', () => true).byValue.C).toEqual([5, 1]);
    expect(group('aktivitet', 'nasjon', () => true).byValue[0]).toEqual([5, 1]);
  });
});

describe('item shares, by hand', () => {
  const item = (name: string, answer: string) => items.find((i) => i.item === name && i.answer === answer);

  it('the strategy gate among all 5 respondents', () => {
    expect(item('strategi', 'Ja')).toMatchObject({ count: 3, denominator: 5, share: 0.6 });
    expect(item('strategi', 'Nei')).toMatchObject({ count: 1, denominator: 5, share: 0.2 });
  });

  it('strategy areas among the 3 kommuner with a strategy (closed-gate answers not counted)', () => {
    expect(item(S[0], 'Ja')).toMatchObject({ count: 3, denominator: 3, share: 1 });
    expect(item(S[3], 'Ja')!.count).toBe(2);
    expect(item(S[3], 'Ja')!.denominator).toBe(3);
    expect(item(S[3], 'Ja')!.share).toBeCloseTo(2 / 3, 5);
    expect(item(S[3], 'Nei')).toMatchObject({ count: 1, denominator: 3 });
  });

  it('project areas among the 2 kommuner with projects: counts, no share', () => {
    expect(item(PROSJEKT_ITEMS[0], 'Ja')).toMatchObject({ count: 2, denominator: 2, share: null });
  });

  it('procurement (no gate) among all respondents', () => {
    expect(item('innkjop_planlegging', 'Nei')).toMatchObject({ count: 5, denominator: 5, share: 1 });
  });
});
