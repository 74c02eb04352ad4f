// The one kommune search (public/js/kommunesok.js) that both the header's field (js/finn.js) and
// the overview's list filter (js/sok.js) rank with: exact before prefix before word before
// contains before a typing slip, the spelling as typed first, today's kommuner before former ones.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/site';

interface Entry { name: string; nr: string; former: boolean; note: string }
const { rank, searchEntry } = (await import(pathToFileURL(join(ROOT, 'public/js/kommunesok.js')).href)) as {
  rank: (items: Entry[], q: string) => { it: Entry; t: number }[];
  searchEntry: (fields: Partial<Entry> & { name: string; nr: string }) => Entry;
};

const KOMMUNER: [string, string][] = [
  ['Oslo', '0301'], ['Stavanger', '1103'], ['Stange', '3413'], ['Hå', '1119'], ['Haugesund', '1106'],
  ['Nes', '3228'], ['Nesna', '1828'], ['Nesodden', '3212'], ['Sandnes', '1108'], ['Bø', '1867'], ['Bodø', '1804'],
  ['Våler (Østfold)', '3114'], ['Våler (Innlandet)', '3419'], ['Kárášjohka - Karasjok', '5610'], ['Tromsø', '5501'],
  ['Herøy (Møre og Romsdal)', '1515'], ['Herøy (Nordland)', '1818'],
];
const items = [
  ...KOMMUNER.map(([name, nr]) => searchEntry({ name, nr })),
  searchEntry({ name: 'Finnøy', nr: '1141', former: true, note: 'slått sammen med Stavanger 1. januar 2020' }),
  searchEntry({ name: 'Halden', nr: '0101', former: true, note: 'nytt kommunenummer 3101 fra 1. januar 2020' }),
];
const names = (q: string) => rank(items, q).map((h) => h.it.name);

describe('kommunesok.js', () => {
  it('puts the exact name first, then names that start with the query, then names that contain it', () => {
    expect(names('Nes')).toEqual(['Nes', 'Nesna', 'Nesodden', 'Sandnes']);
    expect(names('Hå')[0]).toBe('Hå');
  });

  it('folds accents and Sami letters, and prefers the spelling as typed', () => {
    expect(names('tromso')).toEqual(['Tromsø']);
    expect(names('karasjok')).toEqual(['Kárášjohka - Karasjok']);
    expect(names('Bø')[0]).toBe('Bø');
    expect(names('Våler')).toEqual(['Våler (Innlandet)', 'Våler (Østfold)']);
  });

  it('finds a name one typing slip away, nearer slips first, and not for short queries', () => {
    const hits = rank(items, 'Stavnger');
    expect(hits[0].it.name).toBe('Stavanger');
    expect(hits[0].t).toBeGreaterThanOrEqual(4);
    expect(names('Stavnger').indexOf('Stavanger')).toBeLessThan(names('Stavnger').indexOf('Stange'));
    expect(names('Hx')).toEqual([]);
  });

  it('searches numbers by kommunenummer, and lists a former kommune after today\'s', () => {
    expect(names('0301')).toEqual(['Oslo']);
    expect(rank(items, '11').map((h) => h.it.nr)).toEqual(['1103', '1106', '1108', '1119', '1141']);
    expect(names('Finnøy')).toEqual(['Finnøy']);
    // A renumbered kommune under its old number is found by that number, not by a part of its name.
    expect(names('Hald')).toEqual([]);
    expect(names('Halden')).toEqual(['Halden']);
  });

  it('keeps two equally good matches tied, so the header search can ask which one', () => {
    const [a, b] = rank(items, 'Herøy');
    expect(a.t).toBe(b.t);
    expect([a.it.name, b.it.name]).toEqual(['Herøy (Møre og Romsdal)', 'Herøy (Nordland)']);
    expect(rank(items, '  ')).toEqual([]);
  });
});
