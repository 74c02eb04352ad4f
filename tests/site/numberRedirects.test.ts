import { describe, expect, it } from 'vitest';
import { numberRedirects } from '../../src/lib/publication/numberRedirects';

describe('numberRedirects', () => {
  const list = numberRedirects({
    latest: 2024,
    years: [
      { year: 2021, kommuner: [{ kommunenummer: '3025', kommunenavn: 'Asker' }, { kommunenummer: '0301', kommunenavn: 'Oslo' }] },
      { year: 2024, kommuner: [{ kommunenummer: '3203', kommunenavn: 'Asker' }, { kommunenummer: '0301', kommunenavn: 'Oslo' }] },
    ],
    moved: [{ kommunenummer_fra: '3025', to: '/kommune/3203-asker/', kommunenavn_til: 'Asker' }],
  });
  const to = (from: string) => list.find((r) => r.from === from)?.to;
  it('leads the number alone to the latest page, and /<year>/kommune/<nr>/ to that year', () => {
    expect(to('/kommune/0301/')).toBe('/kommune/0301-oslo/');
    expect(to('/2024/kommune/0301/')).toBe('/2024/kommune/0301-oslo/');
    expect(to('/2021/kommune/3025/')).toBe('/2021/kommune/3025-asker/');
  });
  it('leads an old number to the current kommune', () => {
    expect(to('/kommune/3025/')).toBe('/kommune/3203-asker/');
    expect(to('/kommune/3203/')).toBe('/kommune/3203-asker/');
  });
  it('leads an old number under a year it did not exist in to the current kommune, and keeps that year\'s own page', () => {
    expect(to('/2024/kommune/3025/')).toBe('/kommune/3203-asker/');
    expect(to('/2021/kommune/3025/')).toBe('/2021/kommune/3025-asker/');
  });
  it('has one redirect per address, sorted', () => {
    expect(new Set(list.map((r) => r.from)).size).toBe(list.length);
    expect(list.map((r) => r.from)).toEqual([...list.map((r) => r.from)].sort());
  });
});
