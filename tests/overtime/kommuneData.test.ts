import { describe, expect, it } from 'vitest';
import { buildModel, kommuneData, kommuneDataArtefacts, kommuneDataCsv, KOMMUNE_DATA_COLUMNS } from '../../src/lib/pipeline/overTime';
import { link2020to2024, year2021, year2024 } from './fixtures';

const model = () => buildModel([year2024, year2021], [link2020to2024]);
const meta = {
  oppdatert: '2024-09-01',
  years: { 2021: { skjema: '2021', demodata: true, versjon: 1, publisert: '2021-06-30' }, 2024: { skjema: '2021', demodata: false, versjon: 2, publisert: '2024-09-01' } },
};

describe('each kommune’s own data file', () => {
  it('gives Asker every year under today’s number, with the number it had then, comparable', () => {
    const f = kommuneData(model(), '3203', meta)!;
    expect(f.kommunenavn).toBe('Asker');
    expect(f.rows.map((r) => [r.year, r.kommunenummer, r.kommunenummer_opprinnelig, r.endring, r.sammenlignbar, r.prioritering])).toEqual([
      [2021, '3203', '3025', 'nytt_nummer', 1, 1],
      [2024, '3203', '3203', 'uendret', 1, 4],
    ]);
    // Each year's row carries that year's version and its date; the file says when it was updated.
    expect(f.rows.map((r) => [r.skjema, r.demodata, r.versjon, r.publisert])).toEqual([['2021', 1, 1, '2021-06-30'], ['2021', 0, 2, '2024-09-01']]);
    expect([f.oppdatert, f.versjoner]).toEqual(['2024-09-01', { 2021: 1, 2024: 2 }]);
    expect(f.demodata).toBe(true);
  });

  it('marks the former Ålesund’s 2021 figures in Haram’s file as another area', () => {
    const f = kommuneData(model(), '1580', meta)!;
    expect(f.rows.map((r) => [r.year, r.kommunenavn_opprinnelig, r.endring, r.sammenlignbar])).toEqual([
      [2021, 'Ålesund', 'delt', 0],
      [2024, 'Haram', 'uendret', 1],
    ]);
  });

  it('writes the CSV in column order, with the kommunenummer as text and unknown as an empty cell', () => {
    const csv = kommuneDataCsv(kommuneData(model(), '5001', meta)!).trim().split('\n');
    expect(csv[0].split(',')).toEqual([...KOMMUNE_DATA_COLUMNS]);
    const y2021 = csv[1].split(',');
    expect(y2021.slice(0, 5)).toEqual(['2021', '5001', 'Trondheim - Tråante', '5001', 'Trondheim']);
    // Trondheim did not answer in 2021: svart 0, every figure empty.
    expect(y2021[KOMMUNE_DATA_COLUMNS.indexOf('svart')]).toBe('0');
    expect(y2021[KOMMUNE_DATA_COLUMNS.indexOf('prioritering')]).toBe('');
  });

  it('has one CSV and one JSON per current kommune, and none for a former number', () => {
    const files = kommuneDataArtefacts(model(), meta);
    expect(Object.keys(files).filter((f) => f.endsWith('.json')).length).toBe(year2024.indicators.length);
    expect(files['kommune/3025.json']).toBeUndefined();
    const json = JSON.parse(files['kommune/1508.json']);
    expect(Object.keys(json.rows[0])).toEqual([...KOMMUNE_DATA_COLUMNS]);
    expect(kommuneData(model(), '3025', meta)).toBeNull();
  });
});
