// The real 2020→2024 correspondence (reference data, read at run time through the resolver; nothing
// derived from it is committed). Grades are dummies: this is about following numbers.
import { describe, expect, it } from 'vitest';
import { loadCorrespondence, loadRegister, requireReferenceDir } from '../../scripts/lib/reference-files';
import { kommuneSlug } from '../../src/lib/format/slug';
import { buildModel, kommuneHistory, longTable, redirects } from '../../src/lib/pipeline/overTime';
import { k } from './fixtures';

const ref = requireReferenceDir();
const reg2020 = loadRegister(ref, 'registers/kommuner-2020.csv');
const reg2024 = loadRegister(ref, 'registers/kommuner-2024.csv');
const rows = loadCorrespondence(ref, 'registers/endringer-2020-2024.csv');
const toYear = (year: number, structure: string, reg: typeof reg2020) => ({
  year, structure,
  indicators: reg.map((r) => ({ ...k({ nr: r.kommunenummer, navn: r.kommunenavn, prio: 2, akt: 2, innbyggere: r.innbyggere }), fylkesnummer: r.fylkesnummer })),
});
const model = buildModel([toYear(2021, '2020', reg2020), toYear(2024, '2024', reg2024)], [{ from: '2020', to: '2024', rows }]);

describe('over time with the real 2020→2024 correspondence', () => {
  it('redirects Asker and every renumbered kommune exactly once', () => {
    const list = redirects(model);
    const asker = list.filter((r) => r.kommunenummer_fra === '3025');
    expect(asker.map((r) => [r.from, r.to])).toEqual([['/kommune/3025-asker/', '/kommune/3203-asker/']]);
    const renumbered = rows.filter((r) => r.endring === 'nytt_nummer');
    expect(renumbered.length).toBeGreaterThan(100);
    for (const r of renumbered) {
      const hits = list.filter((x) => x.kommunenummer_fra === r.kommunenummer_2020);
      expect(hits.map((h) => h.to), r.kommunenummer_2020).toEqual([`/kommune/${kommuneSlug(r.kommunenummer_2024, r.kommunenavn_2024)}/`]);
    }
    const froms = list.map((r) => r.from);
    expect(new Set(froms).size).toBe(froms.length);
    // The split leads to the larger part; nothing redirects away from a page that exists today.
    expect(list.find((r) => r.kommunenummer_fra === '1507')!.to).toBe('/kommune/1508-alesund/');
    const current = new Set(reg2024.map((r) => `/kommune/${kommuneSlug(r.kommunenummer, r.kommunenavn)}/`));
    for (const r of list) {
      expect(current.has(r.from)).toBe(false);
      expect(current.has(r.to)).toBe(true);
    }
  });

  it('gives every current kommune a history with its 2021 figures', () => {
    for (const r of reg2024) {
      const h = kommuneHistory(model, r.kommunenummer)!;
      expect(h.entries.map((e) => e.year), r.kommunenummer).toEqual([2021, 2024]);
    }
    expect(kommuneHistory(model, '1580')!.entries[0]).toMatchObject({ kommunenummer: '1507', comparable: false });
    expect(kommuneHistory(model, '3203')!.entries[0]).toMatchObject({ kommunenummer: '3025', comparable: true });
  });

  it('gives every 2021 row of the long table a current number', () => {
    const long = longTable(model).filter((r) => r.year === 2021);
    expect(long).toHaveLength(reg2020.length);
    expect(long.filter((r) => r.kommunenummer_gjeldende === null)).toEqual([]);
  });
});
