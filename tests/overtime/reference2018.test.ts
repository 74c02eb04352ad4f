// A 2018 year followed across both reforms (2018→2020 mergers, 2020→2024 renumbering and the
// Ålesund split) with the real registers and correspondences, read at run time through the
// resolver. Grades are derived from the kommunenummer so each predecessor's grade can be told apart.
import { describe, expect, it } from 'vitest';
import { loadCorrespondence, loadRegister, requireReferenceDir } from '../../scripts/lib/reference-files';
import { buildModel, kommuneHistory, longTable, redirects } from '../../src/lib/pipeline/overTime';
import type { Grade } from '../../src/lib/types';
import { k } from './fixtures';

const ref = requireReferenceDir();
const reg2018 = loadRegister(ref, 'registers/kommuner-2018.csv');
const reg2020 = loadRegister(ref, 'registers/kommuner-2020.csv');
const reg2024 = loadRegister(ref, 'registers/kommuner-2024.csv');
const links = [
  { from: '2018', to: '2020', rows: loadCorrespondence(ref, 'registers/endringer-2018-2020.csv') },
  { from: '2020', to: '2024', rows: loadCorrespondence(ref, 'registers/endringer-2020-2024.csv') },
];
const grade = (nr: string) => (Number(nr) % 5) as Grade;
const toYear = (year: number, structure: string, reg: typeof reg2018) => ({
  year, structure,
  indicators: reg.map((r) => ({
    ...k({ nr: r.kommunenummer, navn: r.kommunenavn, prio: grade(r.kommunenummer), akt: 2, innbyggere: r.innbyggere, svart: r.kommunenummer === '1141' ? 0 : 1 }),
    fylkesnummer: r.fylkesnummer,
  })),
});
const model = buildModel([toYear(2018, '2018', reg2018), toYear(2021, '2020', reg2020), toYear(2024, '2024', reg2024)], links);
const years2018 = (nr: string) => kommuneHistory(model, nr)!.entries.filter((e) => e.year === 2018);

describe('2018 followed to 2024 with the real correspondences', () => {
  it('1103 Stavanger shows 1103 Stavanger, 1141 Finnøy and 1142 Rennesøy for 2018, each with its own grade, none directly comparable', () => {
    const h = kommuneHistory(model, '1103')!;
    expect(years2018('1103').map((e) => [e.kommunenummer, e.kommunenavn, e.svart, e.prioritering, e.comparable])).toEqual([
      ['1103', 'Stavanger', 1, grade('1103'), false],
      ['1141', 'Finnøy', 0, null, false],
      ['1142', 'Rennesøy', 1, grade('1142'), false],
    ]);
    expect(h.entries.filter((e) => e.year !== 2018).map((e) => [e.year, e.kommunenummer, e.comparable])).toEqual([[2021, '1103', true], [2024, '1103', true]]);
    expect(h.sentences[0].text).toBe(
      `Digital prioritering: grad ${grade('1103')} (Stavanger), svarte ikke (Finnøy) og grad ${grade('1142')} (Rennesøy) i 2018 ` +
      `(før sammenslåingen, ikke direkte sammenlignbar) → grad ${grade('1103')} i 2021 → grad ${grade('1103')} i 2024`,
    );
    expect(h.notes).toEqual([
      'Tallene for 2018 gjelder de tidligere kommunene Stavanger (1103), Finnøy (1141) og Rennesøy (1142), som senere ble slått sammen til dagens Stavanger. ' +
      'Hver av dem har sin egen grad; tallene er ikke direkte sammenlignbare med tallene for dagens Stavanger.',
    ]);
    expect(h.hasIncomparable).toBe(true);
  });

  it('1508 Ålesund and 1580 Haram both show the five 2018 kommuner of 1507 Ålesund, and 1507 for 2021', () => {
    for (const nr of ['1508', '1580']) {
      const h = kommuneHistory(model, nr)!;
      expect(years2018(nr).map((e) => `${e.kommunenummer} ${e.kommunenavn}`), nr).toEqual(['1504 Ålesund', '1523 Ørskog', '1529 Skodje', '1534 Haram', '1546 Sandøy']);
      expect(h.entries.filter((e) => e.year === 2021).map((e) => [e.kommunenummer, e.endring, e.comparable])).toEqual([['1507', 'delt', false]]);
      expect(h.notes[0]).toContain('Den sammenslåtte kommunen ble senere delt igjen, mellom Ålesund (1508) og Haram (1580)');
      expect(h.notes[0]).toContain(nr === '1508' ? 'som i dag hører til Haram (1580)' : 'som i dag hører til Ålesund (1508)');
    }
  });

  it('an unchanged or only renumbered kommune compares directly across both reforms', () => {
    expect(years2018('0301').map((e) => [e.kommunenummer, e.endring, e.comparable])).toEqual([['0301', 'uendret', true]]);
    // 0101 Halden → 3001 (2020) → 3101 (2024)
    expect(years2018('3101').map((e) => [e.kommunenummer, e.endring, e.comparable])).toEqual([['0101', 'nytt_nummer', true]]);
    const notes = kommuneHistory(model, '3101')!.notes;
    expect(notes).toContain('Halden hadde kommunenummer 0101 i 2018; i dag er nummeret 3101. Kommunen har samme område, så tallene er direkte sammenlignbare.');
  });

  it('a split 2018 kommune (5012 Snillfjord) is named in each successor, with the split said', () => {
    for (const nr of ['5055', '5056', '5059']) {
      expect(years2018(nr).map((e) => e.kommunenummer), nr).toContain('5012');
      expect(kommuneHistory(model, nr)!.notes[0], nr).toContain('Snillfjord (5012) ble delt mellom Heim (5055), Hitra (5056) og Orkland (5059).');
    }
  });

  it('the long table gives every 2018 kommune a current number and all its successors', () => {
    const long = longTable(model).filter((r) => r.year === 2018);
    expect(long).toHaveLength(422);
    expect(long.filter((r) => r.kommunenummer_gjeldende === null)).toEqual([]);
    expect(long.find((r) => r.kommunenummer === '1141')).toMatchObject({ kommunenummer_gjeldende: '1103', endring: 'sammenslått', etterfolgere: '1103' });
    // Haram merged into 1507 Ålesund in 2020 and was split off again in 2024: it leads to 1580 Haram.
    expect(long.find((r) => r.kommunenummer === '1534')).toMatchObject({ kommunenummer_gjeldende: '1580', endring: 'sammenslått', etterfolgere: '1508 1580' });
    expect(long.find((r) => r.kommunenummer === '1523')).toMatchObject({ kommunenummer_gjeldende: '1508', etterfolgere: '1508 1580' });
    expect(long.find((r) => r.kommunenummer === '5012')).toMatchObject({ endring: 'delt', etterfolgere: '5055 5056 5059' });
  });

  it('old 2018 pages redirect to today’s kommune, never away from a current page', () => {
    const list = redirects(model);
    const to = (from: string) => list.find((r) => r.from === from)?.to;
    expect(to('/kommune/1141-finnoy/')).toBe('/kommune/1103-stavanger/');
    expect(to('/kommune/0101-halden/')).toBe('/kommune/3101-halden/');
    expect(to('/kommune/1523-orskog/')).toBe('/kommune/1508-alesund/');
    expect(to('/kommune/1534-haram/')).toBe('/kommune/1580-haram/');
    expect(list.find((r) => r.from === '/kommune/1534-haram/')!.note).toBe(
      'Haram (1534) ble slått sammen med andre kommuner, og den nye kommunen ble senere delt. Siden viser Haram (1580) (også Ålesund (1508)).',
    );
    expect(list.find((r) => r.from === '/kommune/1141-finnoy/')!.note).toBe('Finnøy (1141) er slått sammen med andre kommuner til Stavanger (1103).');
    const current = new Set(reg2024.map((r) => r.kommunenummer));
    for (const r of list) expect(current.has(r.kommunenummer_til), r.from).toBe(true);
    expect(list.some((r) => r.from === '/kommune/1103-stavanger/')).toBe(false);
  });
});
