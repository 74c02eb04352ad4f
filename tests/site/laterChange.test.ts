import { describe, expect, it } from 'vitest';
import { laterChangeShort, laterChangeText, structureStartDate } from '../../src/lib/format/laterChange';

describe('laterChange wording', () => {
  const stavanger = { kommunenummer: '1103', kommunenavn: 'Stavanger' };
  it('says what a merged, split or renumbered kommune became, with the date', () => {
    expect(laterChangeText({ kind: 'sammenslått', kommunenummer: '1141', kommunenavn: 'Finnøy', date: '1. januar 2020', partners: ['Stavanger', 'Rennesøy'], successors: [stavanger] }))
      .toBe('Finnøy (1141) ble slått sammen med Stavanger og Rennesøy 1. januar 2020; området hører i dag til Stavanger (1103).');
    expect(laterChangeText({ kind: 'delt', kommunenummer: '1507', kommunenavn: 'Ålesund', date: '1. januar 2024', partners: [], successors: [{ kommunenummer: '1508', kommunenavn: 'Ålesund' }, { kommunenummer: '1580', kommunenavn: 'Haram' }] }))
      .toBe('Ålesund (1507) ble delt 1. januar 2024; området hører i dag til Ålesund (1508) og Haram (1580).');
    expect(laterChangeText({ kind: 'nytt_nummer', kommunenummer: '3025', kommunenavn: 'Asker', date: null, partners: [], successors: [{ kommunenummer: '3203', kommunenavn: 'Asker' }] }))
      .toBe('Asker (3025) fikk nytt kommunenummer senere og er i dag Asker (3203).');
  });
  it('has a short form for search hits, and dates only for structures named by their year', () => {
    expect(laterChangeShort({ kind: 'sammenslått', kommunenummer: '1141', kommunenavn: 'Finnøy', date: '1. januar 2020', partners: [], successors: [stavanger] }))
      .toBe('slått sammen med Stavanger 1. januar 2020');
    expect(laterChangeShort({ kind: 'sammenslått', kommunenummer: '1504', kommunenavn: 'Ålesund', date: '1. januar 2020', partners: [], successors: [{ kommunenummer: '1508', kommunenavn: 'Ålesund' }, { kommunenummer: '1580', kommunenavn: 'Haram' }] }))
      .toBe('slått sammen 1. januar 2020, i dag Ålesund og Haram');
    expect(structureStartDate('2020')).toBe('1. januar 2020');
    expect(structureStartDate('reform-b')).toBeNull();
  });
});
