import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReferenceDataError, ReferenceMissingError } from '../../src/lib/reference/errors';
import { loadStructure, referencePath, requireReferenceDir, resolveReferenceDir } from '../../scripts/lib/reference-files';
import { REFERENCE_FILES, resolveReference } from '../../src/lib/reference/resolve';

const ROOT = '/p/proj';
const CACHE = '/p/proj/data/reference';
const SHARED = '/p/shared';

/** A fake file system holding complete reference folders at the given directories. */
function fs(...completeDirs: string[]): (p: string) => boolean {
  const files = new Set<string>();
  for (const d of completeDirs) {
    files.add(d);
    for (const f of REFERENCE_FILES) files.add(path.join(d, f));
  }
  return (p) => files.has(p);
}

describe('resolveReference order', () => {
  it('takes --reference first, even over env, cache and shared', () => {
    expect(resolveReference({ option: '/x/ref', env: '/y/ref', projectRoot: ROOT, exists: fs(CACHE, SHARED) })).toEqual({ dir: '/x/ref', source: 'option' });
  });

  it('takes DIGIKOMMUNE_REFERENCE when there is no option', () => {
    expect(resolveReference({ option: null, env: '/y/ref', projectRoot: ROOT, exists: fs(CACHE, SHARED) })).toEqual({ dir: '/y/ref', source: 'env' });
  });

  it('then the cache data/reference/ when it holds every file', () => {
    expect(resolveReference({ env: '', projectRoot: ROOT, exists: fs(CACHE, SHARED) })).toEqual({ dir: CACHE, source: 'cache' });
  });

  it('then ../shared beside the project root', () => {
    expect(resolveReference({ projectRoot: ROOT, exists: fs(SHARED) })).toEqual({ dir: SHARED, source: 'shared' });
  });

  it('skips an incomplete cache', () => {
    const partial = new Set([CACHE, path.join(CACHE, REFERENCE_FILES[0])]);
    const shared = fs(SHARED);
    expect(resolveReference({ projectRoot: ROOT, exists: (p) => partial.has(p) || shared(p) })).toEqual({ dir: SHARED, source: 'shared' });
  });

  it('returns null when nothing is there', () => {
    expect(resolveReference({ projectRoot: ROOT, exists: () => false })).toBeNull();
  });

  it('resolves relative option and env paths against cwd, and ignores blank values', () => {
    expect(resolveReference({ option: 'ref', projectRoot: ROOT, cwd: '/work', exists: () => false })).toEqual({ dir: '/work/ref', source: 'option' });
    expect(resolveReference({ option: '  ', env: '../r', projectRoot: ROOT, exists: () => false })).toEqual({ dir: '/p/r', source: 'env' });
    expect(resolveReference({ option: '', env: '   ', projectRoot: ROOT, exists: fs(SHARED) })?.source).toBe('shared');
  });

  it('honours a custom list of required files', () => {
    const exists = (p: string) => p === CACHE || p === path.join(CACHE, 'a.csv');
    expect(resolveReference({ projectRoot: ROOT, exists, required: ['a.csv'] })?.source).toBe('cache');
    expect(resolveReference({ projectRoot: ROOT, exists, required: ['a.csv', 'b.csv'] })).toBeNull();
  });
});

describe('node binding', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'ref-resolve-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reads DIGIKOMMUNE_REFERENCE from the given environment', () => {
    expect(resolveReferenceDir({ env: { DIGIKOMMUNE_REFERENCE: tmp }, projectRoot: path.join(tmp, 'proj') })).toEqual({ dir: tmp, source: 'env' });
  });

  it('explains how to get the data when nothing resolves', () => {
    const projectRoot = path.join(tmp, 'lonely', 'proj');
    expect(() => requireReferenceDir({ env: {}, projectRoot })).toThrow(ReferenceMissingError);
    expect(() => requireReferenceDir({ env: {}, projectRoot })).toThrow(/npm run reference[\s\S]*--reference[\s\S]*DIGIKOMMUNE_REFERENCE/);
  });

  it('names the missing file and the command to get it', () => {
    const ref = { dir: tmp, source: 'option' as const };
    expect(() => referencePath(ref, 'geo/kommuner-2024.topojson')).toThrow(path.join(tmp, 'geo/kommuner-2024.topojson'));
    expect(() => referencePath(ref, 'geo/kommuner-2024.topojson')).toThrow(/npm run reference/);
  });
});

describe('loadStructure', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'ref-structure-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const refDir = path.join(tmp, 'ref');
  const dataDir = path.join(tmp, 'data');
  const write = (p: string, text: string) => {
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, text);
  };
  const H = 'kommunenummer,kommunenavn,fylkesnummer,fylkesnavn,innbyggere';
  write(path.join(refDir, 'registers/old.csv'), `${H}\n0301,Oslo,03,Oslo,10\n3025,Asker,30,Viken,5\n`);
  write(path.join(refDir, 'registers/new.csv'), `${H}\n0301,Oslo,03,Oslo,11\n3203,Asker,32,Akershus,6\n`);
  write(
    path.join(refDir, 'registers/old-new.csv'),
    'kommunenummer_2020,kommunenavn_2020,kommunenummer_2024,kommunenavn_2024,endring\n0301,Oslo,0301,Oslo,uendret\n3025,Asker,3203,Asker,nytt_nummer\n',
  );
  write(path.join(refDir, 'geo/k.topojson'), '{"type":"Topology","objects":{},"arcs":[]}');
  write(path.join(dataDir, 'structures/old.json'), JSON.stringify({ id: 'old', label: 'Gammel', register: 'registers/old.csv', kommuneBoundaries: null, fylkeBoundaries: null, populationNote: '' }));
  const kb = { file: 'geo/k.topojson', object: 'Kommuner', idProperty: 'kommunenummer', nameProperty: 'kommunenavn' };
  write(
    path.join(dataDir, 'structures/new.json'),
    JSON.stringify({ id: 'new', label: 'Ny', register: 'registers/new.csv', kommuneBoundaries: kb, fylkeBoundaries: null, populationNote: '', previous: { structure: 'old', correspondence: 'registers/old-new.csv' } }),
  );
  const resolved = { dir: refDir, source: 'option' as const };

  it('gives the register, boundary paths and the checked correspondence', () => {
    const s = loadStructure('new', { resolved, dataDir });
    expect(s.register.map((r) => r.kommunenummer)).toEqual(['0301', '3203']);
    expect(s.registerFile).toBe(path.join(refDir, 'registers/new.csv'));
    expect(s.kommuneBoundaries).toEqual({ ...kb, path: path.join(refDir, 'geo/k.topojson') });
    expect(s.fylkeBoundaries).toBeNull();
    expect(s.previous?.structure.id).toBe('old');
    expect(s.previous?.register.map((r) => r.innbyggere)).toEqual([10, 5]);
    expect(s.previous?.correspondence).toHaveLength(2);
  });

  it('gives no previous for a structure without one', () => {
    expect(loadStructure('old', { resolved, dataDir }).previous).toBeNull();
  });

  it('fails on a correspondence that misses a kommune of the registers', () => {
    write(path.join(dataDir, 'structures/bad.json'), JSON.stringify({ id: 'bad', label: 'x', register: 'registers/new.csv', kommuneBoundaries: null, fylkeBoundaries: null, populationNote: '', previous: { structure: 'old', correspondence: 'registers/short.csv' } }));
    write(path.join(refDir, 'registers/short.csv'), 'kommunenummer_2020,kommunenavn_2020,kommunenummer_2024,kommunenavn_2024,endring\n0301,Oslo,0301,Oslo,uendret\n');
    expect(() => loadStructure('bad', { resolved, dataDir })).toThrow(ReferenceDataError);
    expect(() => loadStructure('bad', { resolved, dataDir })).toThrow(/3025 Asker \(gammelt register\) mangler/);
  });

  it('fails naming the path when a boundary file is missing, or the structure does not exist', () => {
    write(path.join(dataDir, 'structures/nogeo.json'), JSON.stringify({ id: 'nogeo', label: 'x', register: 'registers/old.csv', kommuneBoundaries: { ...kb, file: 'geo/none.topojson' }, fylkeBoundaries: null, populationNote: '' }));
    expect(() => loadStructure('nogeo', { resolved, dataDir })).toThrow(path.join(refDir, 'geo/none.topojson'));
    expect(() => loadStructure('1999', { resolved, dataDir })).toThrow(path.join(dataDir, 'structures/1999.json'));
  });

  it('loads the project structures against the resolved reference data', () => {
    const s2024 = loadStructure('2024');
    expect(s2024.register).toHaveLength(357);
    expect(s2024.previous?.register).toHaveLength(356);
    expect(s2024.kommuneBoundaries?.path).toMatch(/geo\/kommuner-2024\.topojson$/);
    expect(loadStructure('2018').kommuneBoundaries).toBeNull();
  });
});
