import { describe, expect, it } from 'vitest';
import { absoluteUrl, makePaths, normaliseBase } from '../../src/site/paths';

const oslo = { kommunenummer: '0301', kommunenavn: 'Oslo' };
const karasjok = { kommunenummer: '5437', kommunenavn: 'Kárášjohka - Karasjok' };

describe('normaliseBase', () => {
  it('always has leading and trailing slashes', () => {
    expect(normaliseBase(undefined)).toBe('/');
    expect(normaliseBase('/')).toBe('/');
    expect(normaliseBase('sub')).toBe('/sub/');
    expect(normaliseBase('/a/b')).toBe('/a/b/');
    expect(normaliseBase('//a//')).toBe('/a/');
  });
});

describe('makePaths at the root', () => {
  const p = makePaths('/', 2024);
  it('puts the latest year at the root and earlier years under /<year>/', () => {
    expect(p.kommunePath(oslo)).toBe('/kommune/0301-oslo/');
    expect(p.kommunePath(oslo, 2024)).toBe('/kommune/0301-oslo/');
    expect(p.kommunePath(oslo, 2021)).toBe('/2021/kommune/0301-oslo/');
    expect(p.fylkePath({ fylkesnummer: '03', fylkesnavn: 'Oslo' })).toBe('/fylke/03-oslo/');
    expect(p.fylkePath({ fylkesnummer: '50', fylkesnavn: 'Trøndelag - Trööndelage' }, 2021)).toBe('/2021/fylke/50-trondelag-troondelage/');
  });
  it('makes ASCII slugs of Sami names', () => {
    expect(p.kommunePath(karasjok)).toBe('/kommune/5437-karasjohka-karasjok/');
  });
  it('builds the other site paths', () => {
    expect(p.home()).toBe('/');
    expect(p.yearPath(2021)).toBe('/2021/');
    expect(p.metodePath()).toBe('/metode/');
    expect(p.omraderPath()).toBe('/sporsmal/');
    expect(p.omraderPath(2021)).toBe('/2021/sporsmal/');
    expect(p.dataPath()).toBe('/data/');
    expect(p.downloadPath(2021, 'indicators.csv')).toBe('/data/2021/indicators.csv');
    expect(p.assetPath('js/sok.js')).toBe('/js/sok.js');
    expect(p.tabellPath()).toBe('/tabell/');
    expect(p.tabellPath(2024)).toBe('/tabell/');
    expect(p.tabellPath(2021)).toBe('/2021/tabell/');
    expect(p.sammenlignPath()).toBe('/sammenlign/');
    expect(p.sammenlignPath(['0301', '4601'])).toBe('/sammenlign/?k=0301,4601');
    expect(p.kommuneDataPath('0301', 'csv')).toBe('/data/kommune/0301.csv');
  });
});

describe('makePaths under a base path', () => {
  const p = makePaths('/digikommune', 2024);
  it('prefixes every path with the base', () => {
    expect(p.home()).toBe('/digikommune/');
    expect(p.kommunePath(oslo)).toBe('/digikommune/kommune/0301-oslo/');
    expect(p.kommunePath(oslo, 2021)).toBe('/digikommune/2021/kommune/0301-oslo/');
    expect(p.withBase('/metode/')).toBe('/digikommune/metode/');
    expect(p.withBase('metode/')).toBe('/digikommune/metode/');
    expect(p.assetPath('/favicon.svg')).toBe('/digikommune/favicon.svg');
    expect(p.tabellPath(2021)).toBe('/digikommune/2021/tabell/');
    expect(p.sammenlignPath(['5001'])).toBe('/digikommune/sammenlign/?k=5001');
    expect(p.kommuneDataPath('5001', 'json')).toBe('/digikommune/data/kommune/5001.json');
  });
});

describe('absoluteUrl', () => {
  it('joins the site origin and a based path', () => {
    expect(absoluteUrl('https://example.no', '/sub/kommune/0301-oslo/')).toBe('https://example.no/sub/kommune/0301-oslo/');
    expect(absoluteUrl('https://example.no/', '/')).toBe('https://example.no/');
  });
});
