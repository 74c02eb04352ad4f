import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DistributionRow, KommuneIndicators } from '../../src/lib/types';

// A hand-made artefact directory: two years, four kommuner, a few distribution rows.
const dir = mkdtempSync(join(tmpdir(), 'digikommune-site-'));
const blank = {
  strategi_antall: null, strategi_score: null, prosjekt_antall: null, prosjekt_score: null, prioritering: null,
  sky_antall: null, sky_score: null, innkjop_antall: null, innkjop_score: null, tjenester_poeng: null, tjenester_score: null,
  bruk: null, aktivitet: null, interne_antall: null, interne_score: null, kompetansehinder: null, rekruttert: null,
  kompetanse: null, rekrutteringsvansker: null, innbyggere: 1000, storrelse: 'u2000',
};
const k = (nr: string, navn: string, fnr: string, fnavn: string, prioritering: number | null): KommuneIndicators =>
  ({ ...blank, kommunenummer: nr, kommunenavn: navn, fylkesnummer: fnr, fylkesnavn: fnavn, svart: prioritering === null ? 0 : 1, prioritering }) as KommuneIndicators;
const d = (value: string, count: number, groupKey = 'norge'): DistributionRow => ({
  indicator: 'prioritering', group: groupKey === 'norge' ? 'nasjon' : 'fylke', groupKey, groupLabel: groupKey, value, count,
  denominator: 3, share: value === 'ukjent' ? null : count / 3, units: 4,
});

function write(rel: string, value: unknown) {
  const file = join(dir, rel);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, JSON.stringify(value));
}

write('site.json', {
  years: [
    { year: 2024, survey: '2021', structure: '2024', synthetic: false, dataDate: '2024-06-30', units: 4, respondents: 3 },
    { year: 2021, survey: '2021', structure: '2020', synthetic: true, dataDate: '2021-06-30', units: 3, respondents: 3 },
  ],
  latest: 2024, synthetic: true, generated: '2024-06-30', reference: {},
});
write('2024/indicators.json', [
  k('0301', 'Oslo', '03', 'Oslo', 4),
  k('4601', 'Bergen', '46', 'Vestland', 2),
  k('4602', 'Øygarden', '46', 'Vestland', 1),
  k('4603', 'Årdal', '46', 'Vestland', null),
  k('4604', 'Askøy', '46', 'Vestland', 3),
]);
write('2024/distributions.json', [d('ukjent', 1), d('4', 1), d('2', 1), d('0', 0), d('3', 0), d('1', 1), d('1', 2, '46')]);
write('2021/indicators.json', [k('0301', 'Oslo', '03', 'Oslo', 3)]);

let data: typeof import('../../src/site/data');

beforeEach(async () => {
  vi.resetModules();
  vi.stubEnv('DIGIKOMMUNE_ARTEFACTS', dir);
  data = await import('../../src/site/data');
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('site data loader', () => {
  it('reads the years ascending and the latest year', () => {
    expect(data.years()).toEqual([2021, 2024]);
    expect(data.latestYear()).toBe(2024);
    expect(data.yearSummary(2021).respondents).toBe(3);
    expect(() => data.yearSummary(1999)).toThrow(/1999/);
  });
  it('knows which years are synthetic', () => {
    expect(data.isSynthetic(2021)).toBe(true);
    expect(data.isSynthetic(2024)).toBe(false);
    expect(data.isSynthetic()).toBe(true);
  });
  it('looks kommuner up by number and year', () => {
    expect(data.kommune(2024, '4601')?.kommunenavn).toBe('Bergen');
    expect(data.kommune(2021, '0301')?.prioritering).toBe(3);
    expect(data.kommune(2021, '4601')).toBeUndefined();
    expect(data.kommuner(2024)).toHaveLength(5);
  });
  it('groups kommuner by fylke, names in Norwegian order (Ø before Å)', () => {
    const fylker = data.fylker(2024);
    expect(fylker.map((f) => f.fylkesnummer)).toEqual(['03', '46']);
    expect(fylker[1].fylkesnavn).toBe('Vestland');
    expect(fylker[1].kommuner.map((x) => x.kommunenavn)).toEqual(['Askøy', 'Bergen', 'Øygarden', 'Årdal']);
    expect(data.fylke(2024, '46')?.kommuner).toHaveLength(4);
  });
  it('returns one distribution in value order with «ukjent» last', () => {
    const rows = data.distribution(2024, 'prioritering', 'nasjon', 'norge');
    expect(rows.map((r) => r.value)).toEqual(['0', '1', '2', '3', '4', 'ukjent']);
    expect(data.distribution(2024, 'prioritering', 'fylke', '46').map((r) => r.count)).toEqual([2]);
    expect(data.distribution(2024, 'aktivitet', 'nasjon', 'norge')).toEqual([]);
  });
  it('treats optional artefacts as absent, not as errors', () => {
    expect(data.mapGeometry(2024)).toBeNull();
    expect(data.redirects()).toEqual([]);
    expect(data.downloads()).toEqual([]);
    expect(data.items(2024)).toEqual([]);
    expect(data.artefactText('2024/nothing.csv')).toBeNull();
  });
  it('names the missing file when a required artefact is absent', () => {
    expect(() => data.distributions(2021)).toThrow(/2021[\\/]distributions\.json/);
  });
});

describe('without an artefact directory', () => {
  it('says how to make one', async () => {
    vi.resetModules();
    vi.stubEnv('DIGIKOMMUNE_ARTEFACTS', join(dir, 'does-not-exist'));
    const fresh = await import('../../src/site/data');
    expect(() => fresh.latestYear()).toThrow(/site\.json.*npm run build/);
  });
});
