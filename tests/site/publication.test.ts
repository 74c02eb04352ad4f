import { describe, expect, it } from 'vitest';
import { changedKommuner, checkPublication, figureDigest, versionDate } from '../../src/lib/publication/versions';
import { changelog } from '../../src/lib/publication/changelog';

const SHA = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const entry = (extra: Record<string, unknown> = {}) => ({ year: 2024, version: 1, published: '2024-06-30', sha256: SHA, corrections: [], ...extra });

describe('checkPublication', () => {
  it('accepts an unchanged responses file', () => {
    expect(checkPublication(entry(), SHA, 'data/years/2024.json', 'data/responses/2024.csv').version).toBe(1);
  });
  it('stops on a changed file and says how to record a correction', () => {
    expect(() => checkPublication(entry(), OTHER, 'data/years/2024.json', 'data/responses/2024.csv')).toThrow(
      /data\/responses\/2024\.csv\) er endret[\s\S]*"version": 2[\s\S]*"sha256": "b{64}"[\s\S]*"what"[\s\S]*"why"[\s\S]*npm run digest/,
    );
  });
  it('accepts a corrected version whose correction note is complete', () => {
    const p = checkPublication(entry({ version: 2, sha256: OTHER, corrections: [{ version: 2, date: '2024-09-01', what: 'Svar fra 0301 lest inn på nytt', why: 'Feil i innsendt skjema' }] }), OTHER, 'f', 'r');
    expect(versionDate(p)).toBe('2024-09-01');
  });
  it('refuses a new version without its correction note, or a note without why', () => {
    expect(() => checkPublication(entry({ version: 2, sha256: OTHER }), OTHER, 'f', 'r')).toThrow(/krever 1 rettelse/);
    expect(() => checkPublication(entry({ version: 2, sha256: OTHER, corrections: [{ version: 2, date: '2024-09-01', what: 'x' }] }), OTHER, 'f', 'r')).toThrow(/why/);
    expect(() => checkPublication(entry({ version: 2, sha256: OTHER, corrections: [{ version: 2, date: '2024-01-01', what: 'x', why: 'y' }] }), OTHER, 'f', 'r')).toThrow(/før «published»/);
  });
  it('asks a year entry without version or SHA-256 to record them', () => {
    expect(() => checkPublication({ year: 2025 }, SHA, 'data/years/2025.json', 'r')).toThrow(/mangler versjon og SHA-256[\s\S]*"sha256": "a{64}"/);
  });
});

describe('figure digests', () => {
  const rows = [{ kommunenummer: '0301', kommunenavn: 'Oslo', prioritering: 3 }, { kommunenummer: '1101', kommunenavn: 'Eigersund', prioritering: 1 }];
  it('name the kommuner whose figures changed, not those renamed', () => {
    const before = figureDigest(rows);
    const after = figureDigest([{ ...rows[0], prioritering: 4 }, { ...rows[1], kommunenavn: 'Eigersund kommune' }]);
    expect(changedKommuner(before, after)).toEqual(['0301']);
    expect(changedKommuner(before, figureDigest(rows))).toEqual([]);
  });
});

describe('changelog', () => {
  it('lists publications and corrections newest first, with what, why and the changed kommuner', () => {
    const list = changelog([
      { year: 2021, surveyName: 'Bruk av IKT i offentlig sektor', synthetic: false, publication: { version: 1, published: '2021-06-30', sha256: SHA, corrections: [], versionDate: '2021-06-30', changes: [] } },
      {
        year: 2024, surveyName: 'Digitalisering og IKT i offentlig sektor', synthetic: false,
        publication: { version: 2, published: '2024-06-30', sha256: OTHER, versionDate: '2024-09-01', corrections: [{ version: 2, date: '2024-09-01', what: 'W', why: 'Y' }], changes: [{ version: 2, kommuner: ['0301'] }] },
      },
    ]);
    expect(list.map((e) => e.id)).toEqual(['rettet-2024-v2', 'publisert-2024', 'publisert-2021']);
    expect(list[0].text.join(' ')).toMatch(/Hva: W.*Hvorfor: Y.*1 kommune: 0301/);
  });
});
