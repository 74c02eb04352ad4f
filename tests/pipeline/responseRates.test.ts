import { describe, expect, it } from 'vitest';
import { responseRates } from '../../src/lib/pipeline/responseRates';
import type { KommuneIndicators } from '../../src/lib/types';
import { sizeClass } from '../../src/lib/rules/sizeClass';

const k = (kommunenummer: string, fylkesnavn: string, innbyggere: number | null, svart: 0 | 1) =>
  ({ kommunenummer, kommunenavn: `K${kommunenummer}`, fylkesnummer: kommunenummer.slice(0, 2), fylkesnavn, innbyggere, storrelse: sizeClass(innbyggere), svart }) as unknown as KommuneIndicators;

describe('responseRates', () => {
  const rows = [
    k('0301', 'Oslo', 700000, 1),
    k('1101', 'Rogaland', 15000, 1), k('1103', 'Rogaland', 140000, 0), k('1106', 'Rogaland', 1500, 1),
    k('4601', 'Vestland', 290000, 0), k('4602', 'Vestland', 1800, 0), k('4603', 'Vestland', null, 1),
  ];
  const out = responseRates(rows);

  it('gives nation, each fylke and each size class with units, respondents and share', () => {
    expect(out[0]).toEqual({ group: 'nasjon', groupKey: 'norge', groupLabel: 'Norge', units: 7, respondents: 4, share: 0.571429 });
    // Oslo alone: counts, but no share below 3 kommuner (the spec's rule for every share).
    expect(out.filter((r) => r.group === 'fylke').map((r) => [r.groupKey, r.groupLabel, r.units, r.respondents, r.share])).toEqual([
      ['03', 'Oslo', 1, 1, null], ['11', 'Rogaland', 3, 2, 0.666667], ['46', 'Vestland', 3, 1, 0.333333],
    ]);
    // Size classes in their own order (small to large); a kommune without population has none.
    expect(out.filter((r) => r.group === 'storrelse').map((r) => [r.groupKey, r.units, r.respondents, r.share])).toEqual([
      ['u2000', 2, 1, null], ['10000-29999', 1, 1, null], ['50000+', 3, 1, 0.333333],
    ]);
  });

  it('is empty without kommuner', () => {
    expect(responseRates([])).toEqual([]);
  });
});
