// The committed lock (data/reference.lock.json) against the reference data: it matches ../shared,
// a changed file found by the build (the data/reference/ cache) stops it naming the file, the same
// file given explicitly is used with a warning.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/lib/reference/hash';
import { ReferenceLockError, compareWithLock, correspondenceChanges, parseLock, registerChanges } from '../../src/lib/reference/lock';
import { REFERENCE_FILES } from '../../src/lib/reference/resolve';
import { PROJECT_ROOT, requireReferenceDir } from '../../scripts/lib/reference-files';
import { checkReferenceLock, lockDifferences, readLock } from '../../scripts/lib/reference-lock';
import { ensureReferenceDir } from '../../scripts/lib/reference';
import { nodeEffects } from '../../scripts/lib/effects';
import type { CorrespondenceRow, RegisterRow } from '../../src/lib/types';

const lock = readLock(PROJECT_ROOT)!;

describe('the committed lock', () => {
  it('lists every reference file the structures use, and matches the resolved reference data', () => {
    expect(Object.keys(lock.files).sort()).toEqual([...REFERENCE_FILES].sort());
    const ref = requireReferenceDir({ projectRoot: PROJECT_ROOT, env: {} });
    expect(lockDifferences(lock, ref.dir)).toEqual([]);
    for (const f of REFERENCE_FILES) expect(lock.files[f], f).toBe(sha256(readFileSync(path.join(ref.dir, f))));
  });

  it('is read strictly', () => {
    expect(() => parseLock('{"files":{"a.csv":"abc"}}', 'l.json')).toThrow(/l\.json: «files\.a\.csv» er ikke en SHA-256/);
    expect(() => parseLock('{}', 'l.json')).toThrow(/mangler «files»/);
    expect(() => parseLock('{', 'l.json')).toThrow(/ugyldig JSON/);
  });
});

describe('comparing with the lock', () => {
  const a = 'a'.repeat(64);
  const b = 'b'.repeat(64);
  it('names files that differ, are missing, or are not locked', () => {
    expect(compareWithLock({ files: { 'x.csv': a, 'y.csv': a } }, { 'x.csv': a, 'y.csv': b, 'z.csv': b })).toEqual([
      { file: 'y.csv', expected: a, actual: b },
      { file: 'z.csv', expected: null, actual: b },
    ]);
    expect(compareWithLock({ files: { 'x.csv': a } }, { 'x.csv': null })).toEqual([{ file: 'x.csv', expected: a, actual: null }]);
  });

  it('summarises register and correspondence changes', () => {
    const r = (nr: string, navn: string, innbyggere: number | null): RegisterRow => ({ kommunenummer: nr, kommunenavn: navn, fylkesnummer: nr.slice(0, 2), fylkesnavn: 'F', innbyggere });
    expect(registerChanges([r('0301', 'Oslo', 1), r('1101', 'A', 2)], [r('0301', 'Oslo', 3), r('1102', 'B', 4)])).toEqual([
      '1 kommune(r) lagt til: 1102 B',
      '1 kommune(r) fjernet: 1101 A',
      '1 folketall endret: 0301 1 → 3',
    ]);
    const c = (o: string, n: string, endring: CorrespondenceRow['endring']): CorrespondenceRow => ({ kommunenummer_2020: o, kommunenavn_2020: o, kommunenummer_2024: n, kommunenavn_2024: n, endring });
    expect(correspondenceChanges([c('1', '2', 'nytt_nummer')], [c('1', '2', 'uendret'), c('3', '4', 'uendret')])).toEqual([
      '1 par lagt til: 3→4',
      '1 endringstype(r) endret: 1→2 nytt_nummer → uendret',
    ]);
  });
});

describe('the build checks the reference data against the lock', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'ref-lock-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const shared = requireReferenceDir({ projectRoot: PROJECT_ROOT, env: {} }).dir;

  /** A project root with the committed lock and a complete data/reference/ cache, one register changed. */
  function project(name: string): { root: string; cache: string } {
    const root = path.join(tmp, name);
    const cache = path.join(root, 'data', 'reference');
    mkdirSync(cache, { recursive: true });
    cpSync(path.join(PROJECT_ROOT, 'data', 'reference.lock.json'), path.join(root, 'data', 'reference.lock.json'));
    for (const d of ['registers', 'geo']) cpSync(path.join(shared, d), path.join(cache, d), { recursive: true });
    return { root, cache };
  }
  const tamper = (cache: string) => {
    const f = path.join(cache, 'registers', 'kommuner-2024.csv');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/^0301,Oslo,03,Oslo,(\d+)$/m, (_, n) => `0301,Oslo,03,Oslo,${Number(n) + 1}`));
  };
  const fx = (lines: string[]) => nodeEffects((l: string) => lines.push(l));

  it('a matching cache passes silently', async () => {
    const { root, cache } = project('same');
    const lines: string[] = [];
    expect(await ensureReferenceDir({ option: null, env: null, root, download: false }, fx(lines))).toBe(cache);
    expect(lines).toEqual([]);
  });

  it('a changed file in the data/reference/ cache stops the build, naming the file', async () => {
    const { root, cache } = project('cache');
    tamper(cache);
    const err = await ensureReferenceDir({ option: null, env: null, root, download: true }, fx([])).catch((e) => e);
    expect(err).toBeInstanceOf(ReferenceLockError);
    expect(err.message.split('\n')[0]).toBe(
      `Referansefilen ${path.join(cache, 'registers/kommuner-2024.csv')} (fra hurtiglageret data/reference/) stemmer ikke med data/reference.lock.json:`,
    );
    expect(err.message).toContain(`  - registers/kommuner-2024.csv: SHA-256 ${sha256(readFileSync(path.join(cache, 'registers/kommuner-2024.csv')))}, låst ${lock.files['registers/kommuner-2024.csv']}`);
    expect(err.differences).toHaveLength(1);
  });

  it('the same file given with --reference or DIGIKOMMUNE_REFERENCE is used, with a warning listing it', async () => {
    const { root, cache } = project('explicit');
    tamper(cache);
    for (const choice of [{ option: cache, env: null }, { option: null, env: cache }]) {
      const lines: string[] = [];
      expect(await ensureReferenceDir({ ...choice, root, download: false }, fx(lines))).toBe(cache);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Advarsel: referansedataene fra (valget --reference|miljøvariabelen DIGIKOMMUNE_REFERENCE) \(.*\) avviker fra data\/reference\.lock\.json i 1 fil\(er\):/);
      expect(lines[0]).toContain('  - registers/kommuner-2024.csv: SHA-256 ');
      expect(lines[0]).toContain('manifest.json viser SHA-256 for filene som ble lest');
    }
  });

  it('without a lock, found data is refused and explicit data warned about', () => {
    const { root, cache } = project('nolock');
    rmSync(path.join(root, 'data', 'reference.lock.json'));
    expect(() => checkReferenceLock({ dir: cache, source: 'cache' }, root, () => {})).toThrow(/reference\.lock\.json mangler/);
    const lines: string[] = [];
    expect(checkReferenceLock({ dir: cache, source: 'option' }, root, (l) => lines.push(l))).toEqual({ differences: [] });
    expect(lines[0]).toMatch(/^Advarsel: data\/reference\.lock\.json mangler/);
  });
});
