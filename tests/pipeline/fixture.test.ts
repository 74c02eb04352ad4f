// The hand-made fixture (tests/fixtures/pipeline/responses-2021.csv): 12 responding kommuner of a
// fictional 14-kommune register. Every expected value below was worked out by hand from the rows
// (counts of «Ja» etc. per block, then the spec's bins and composite rules), not from the code.
import { describe, expect, it } from 'vitest';
import { computeIndicators, computeYear, indicatorRows } from '../../src/lib/pipeline/index';
import { INDICATOR_COLUMNS } from '../../src/lib/types';
import { fixtureRegister, fixtureResponses, loadSurveyFile } from './helpers';

const survey = loadSurveyFile('2021');
const register = fixtureRegister();
const { rows, columns } = fixtureResponses(survey, register);

// kommunenummer → [strategi_antall, S, prosjekt_antall, P, prioritering, sky_antall, C, innkjop_antall, I,
//                  tjenester_poeng, T, bruk, aktivitet, interne_antall, interne_score, hinder, rekruttert, kompetanse]
type Expected = [number | null, number | null, number | null, number | null, number | null, number | null, number | null,
  number, number, number | null, number | null, number | null, number | null, number, number, string | null, number | null, string | null];
const BY_HAND: Record<string, Expected> = {
  // strategi Ja 13/14 → 4; prosjekter 9 → 4; prio 4. sky 12 → 4, innkjøp 8 → 4, bruk 4; tjenester 3+3+4+4 = 14 → 4; aktivitet 4.
  '9901': [13, 4, 9, 4, 4, 12, 4, 8, 4, 14, 4, 4, 4, 12, 4, 'liten', 1, 'A'],
  // every gate Nei (items filled with Ja anyway → ignored), innkjøp/interne 0.
  '9902': [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'stor', 0, 'D'],
  // strategi Vet ikke → 0; prosjekter 4 → 1; prio 1. sky 1 → 1, innkjøp 0 → bruk(1,0) = 0; tjenester Noen (enkel) = 1 → 1; aktivitet(0,1) = 0.
  '9903': [0, 0, 4, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 8, 3, 'middels', null, 'A'],
  // strategi blank → unknown, prio unknown; sky 7 → 3, innkjøp 3 → 1, bruk 2; tjenester 3+1+2+0 = 6 → 3; aktivitet(2,3) = 3; hinder Vet ikke.
  '9904': [null, null, 5, 2, null, 7, 3, 3, 1, 6, 3, 2, 3, 11, 4, null, 1, null],
  // strategi 10 → 3, prosjekter 6 → 2, prio 2; sky 4 → 2, innkjøp 6 → 3, bruk 3; tilbyr_tjenester blank → unknown → aktivitet unknown.
  '9905': [10, 3, 6, 2, 2, 4, 2, 6, 3, null, null, 3, null, 5, 2, 'stor', 0, 'D'],
  // strategi 5 → 1, prosjekter 7 → 3, prio 3; sky Vet ikke → 0, innkjøp 4 → 2, bruk(0,2) = 1; tjenester 0; aktivitet(1,0) = 0; hinder Ikke relevant.
  '9906': [5, 1, 7, 3, 3, 0, 0, 4, 2, 0, 0, 1, 0, 4, 1, null, 1, null],
  // strategi Ja with 0 areas → 0, prosjekter Nei → 0, prio 0; sky 10 → 4, innkjøp 8 → 4, bruk 4; tjenester 1+1+2+2 = 6 → 3; aktivitet 4.
  '9907': [0, 0, 0, 0, 0, 10, 4, 8, 4, 6, 3, 4, 4, 7, 2, 'liten', 0, 'C'],
  // strategi 9 → 2, prosjekter 9 → 4, prio 3; sky 3 → 1, innkjøp 1 → 1, bruk 1; tjenester 3 → 2; aktivitet(1,2) = 1.
  '9908': [9, 2, 9, 4, 3, 3, 1, 1, 1, 3, 2, 1, 1, 10, 3, 'stor', 1, 'B'],
  // strategi 12 → 3 (2021 bins), prosjekter 4 → 1, prio 2; sky Nei → 0, innkjøp 1 → 1, bruk(0,1) = 0; tjenester 1+1+4 = 6 → 3; aktivitet(0,3) = 3.
  '1009': [12, 3, 4, 1, 2, 0, 0, 1, 1, 6, 3, 0, 3, 0, 0, 'middels', 0, 'C'],
  // prosjekter blank → prio unknown; sky 15 → 4, innkjøp 5 → 2, bruk 2; tjenester 3+3+2+0 = 8 → 4; aktivitet(2,4) = 3; hinder blank.
  '1010': [14, 4, null, null, null, 15, 4, 5, 2, 8, 4, 2, 3, 12, 4, null, 1, null],
  // sky blank → bruk and aktivitet unknown; tjenester all Ikke relevant → 0.
  '1011': [6, 2, 1, 1, 1, null, null, 8, 4, 0, 0, null, null, 8, 3, 'stor', 1, 'B'],
  // strategi 13 → 4, prosjekter 8 → 3, prio 4; sky 6 → 2, innkjøp 7 → 3, bruk 3; tjenester 1+1 = 2 → 2; aktivitet(3,2) = 2.
  '1012': [13, 4, 8, 3, 4, 6, 2, 7, 3, 2, 2, 3, 2, 1, 1, 'liten', 0, 'C'],
};
const OUT = ['strategi_antall', 'strategi_score', 'prosjekt_antall', 'prosjekt_score', 'prioritering', 'sky_antall', 'sky_score',
  'innkjop_antall', 'innkjop_score', 'tjenester_poeng', 'tjenester_score', 'bruk', 'aktivitet', 'interne_antall', 'interne_score',
  'kompetansehinder', 'rekruttert', 'kompetanse'] as const;

describe('fixture dataset, with the register', () => {
  const result = computeYear({ survey, rows, register, columns });
  const table = indicatorRows(result.table);

  it('has one row per register kommune, sorted, with the contract columns', () => {
    expect(result.table.columnNames()).toEqual([...INDICATOR_COLUMNS]);
    expect(table.map((r) => r.kommunenummer)).toEqual(register.map((r) => r.kommunenummer).sort());
    expect(table).toHaveLength(14);
  });

  it('every respondent gets the values worked out by hand', () => {
    for (const [nr, want] of Object.entries(BY_HAND)) {
      const row = table.find((r) => r.kommunenummer === nr)!;
      expect(row.svart, nr).toBe(1);
      OUT.forEach((c, i) => expect(row[c], `${nr} ${c}`).toBe(want[i]));
    }
  });

  it('non-respondents (9909, 1013) are svart = 0 with every value unknown', () => {
    for (const nr of ['9909', '1013']) {
      const row = table.find((r) => r.kommunenummer === nr)!;
      expect(row.svart).toBe(0);
      for (const c of OUT) expect(row[c], `${nr} ${c}`).toBeNull();
    }
  });

  it('grade counts nationally (by hand: prioritering 2 each, bruk 3/2/2/2/2, aktivitet 3/1/1/3/2, kompetanse A2 B2 C3 D2)', () => {
    const nation = (ind: string) => Object.fromEntries(
      result.distributions.filter((d) => d.indicator === ind && d.group === 'nasjon').map((d) => [d.value, d.count]),
    );
    expect(nation('prioritering')).toEqual({ 0: 2, 1: 2, 2: 2, 3: 2, 4: 2, ukjent: 4 });
    expect(nation('bruk')).toEqual({ 0: 3, 1: 2, 2: 2, 3: 2, 4: 2, ukjent: 3 });
    expect(nation('aktivitet')).toEqual({ 0: 3, 1: 1, 2: 1, 3: 3, 4: 2, ukjent: 4 });
    expect(nation('kompetanse')).toEqual({ A: 2, B: 2, C: 3, D: 2, ukjent: 5 });
    expect(nation('kompetansehinder')).toEqual({ liten: 3, middels: 2, stor: 4, ukjent: 5 });
    expect(nation('rekruttert')).toEqual({ 1: 6, 0: 5, ukjent: 3 });
  });

  it('shares use the known values as denominator; ukjent has no share', () => {
    const p = result.distributions.filter((d) => d.indicator === 'prioritering' && d.group === 'nasjon');
    for (const d of p) {
      expect(d.units).toBe(14);
      expect(d.denominator).toBe(10);
      expect(d.share).toBe(d.value === 'ukjent' ? null : 0.2);
    }
  });

  it('fylke groups: first two digits; counts by hand', () => {
    const fylke = (key: string) => result.distributions.filter((d) => d.indicator === 'prioritering' && d.group === 'fylke' && d.groupKey === key);
    const f10 = fylke('10');
    expect(f10[0].groupLabel).toBe('Prøvefylke');
    expect(Object.fromEntries(f10.map((d) => [d.value, d.count]))).toEqual({ 0: 0, 1: 1, 2: 1, 3: 0, 4: 1, ukjent: 2 });
    expect(f10[0].denominator).toBe(3);
    expect(f10.find((d) => d.value === '1')!.share).toBeCloseTo(1 / 3, 5);
    const f99 = fylke('99');
    expect(Object.fromEntries(f99.map((d) => [d.value, d.count]))).toEqual({ 0: 2, 1: 1, 2: 1, 3: 2, 4: 1, ukjent: 2 });
    expect(f99[0].units).toBe(9);
  });

  it('size classes: groups under 3 known values show counts but no share', () => {
    const u2000 = result.distributions.filter((d) => d.indicator === 'prioritering' && d.group === 'storrelse' && d.groupKey === 'u2000');
    // 9902 (1 500, prio 0), 9907 (800, prio 0), 9909 (900, no answer)
    expect(Object.fromEntries(u2000.map((d) => [d.value, d.count]))).toEqual({ 0: 2, 1: 0, 2: 0, 3: 0, 4: 0, ukjent: 1 });
    expect(u2000.every((d) => d.share === null)).toBe(true);
    // 1013 has no population: in no size class, so the size classes hold 13 units.
    const sizes = result.distributions.filter((d) => d.indicator === 'prioritering' && d.group === 'storrelse' && d.value === 'ukjent');
    expect(sizes.reduce((a, d) => a + d.units, 0)).toBe(13);
    expect(sizes.map((d) => d.groupKey)).toEqual(['u2000', '2000-4999', '5000-9999', '10000-29999', '30000-49999', '50000+']);
  });

  it('KommuneIndicators join the register', () => {
    const oslo = result.indicators.find((k) => k.kommunenummer === '9901')!;
    expect(oslo).toMatchObject({ kommunenavn: 'Testby', fylkesnummer: '99', fylkesnavn: 'Testfylke', innbyggere: 52000, storrelse: '50000+' });
    expect(result.indicators.find((k) => k.kommunenummer === '1013')).toMatchObject({ svart: 0, storrelse: null, innbyggere: null });
    expect(result.summary).toMatchObject({ units: 14, respondents: 12 });
  });
});

describe('fixture dataset, without a register', () => {
  it('the rows are the 12 respondents, all svart = 1', () => {
    const { rows: r } = fixtureResponses(survey, null);
    const t = indicatorRows(computeIndicators(r, survey));
    expect(t.map((x) => x.kommunenummer)).toEqual(Object.keys(BY_HAND).sort());
    expect(t.every((x) => x.svart === 1)).toBe(true);
    expect(t.find((x) => x.kommunenummer === '1012')!.aktivitet).toBe(2);
  });
  it('distributions without a register: no size classes, units = respondents', () => {
    const { rows: r, columns: c } = fixtureResponses(survey, null);
    const y = computeYear({ survey, rows: r, columns: c });
    expect(y.distributions.some((d) => d.group === 'storrelse')).toBe(false);
    const p = y.distributions.filter((d) => d.indicator === 'prioritering' && d.group === 'nasjon');
    expect(Object.fromEntries(p.map((d) => [d.value, d.count]))).toEqual({ 0: 2, 1: 2, 2: 2, 3: 2, 4: 2, ukjent: 2 });
    expect(p[0].units).toBe(12);
  });
});
