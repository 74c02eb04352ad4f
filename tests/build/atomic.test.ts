// A failed build (bad data, a missing boundary file, a page that throws) exits non-zero with a
// clear message and leaves the previous output byte-identical, with no temp dirs left behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuildCli, ROOT, trustFixtureSite } from '../helpers/site';
import { writeFixture } from '../helpers/fixture';
import { treeHashes } from '../helpers/tree';

let tmp: string;
let out: string;
let goodArgs: string[];
let before: Map<string, string>;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'digikommune-atomic-'));
  out = join(tmp, 'site');
  goodArgs = await writeFixture(join(tmp, 'good'));
  // The previous output: a copy of the good fixture's build (the same CLI build of the same
  // input, made once per run and shared with tests/build/privacy.test.ts).
  await cp(await trustFixtureSite(), out, { recursive: true });
  before = await treeHashes(out);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** No temp dir of that build process is left in the project or the site root it rendered. */
async function expectNoLeftovers(pid: number, siteRoot = ROOT) {
  for (const dir of new Set([ROOT, siteRoot])) {
    expect((await readdir(dir)).filter((n) => n.startsWith('.tmp-') && n.includes(`-${pid}-`))).toEqual([]);
  }
}

async function expectUntouched() {
  const after = await treeHashes(out);
  expect([...after.keys()]).toEqual([...before.keys()]);
  expect([...after].filter(([f, h]) => before.get(f) !== h)).toEqual([]);
  // Nothing half-done beside the output either.
  expect((await readdir(tmp)).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
}

const BUILD_TIMEOUT = 180_000;
const noStack = (s: string) => expect(s).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('atomic build', () => {
  it('the good fixture build produced a site', () => {
    expect(before.has('index.html')).toBe(true);
    expect(before.has('data/manifest.json')).toBe(true);
    expect(before.size).toBeGreaterThan(5);
  });

  it('bad data: exits 1 naming file, line and column; previous output untouched', async () => {
    const args = await writeFixture(join(tmp, 'bad'), { badCell: { kommunenummer: '9103', column: 'strategi', value: 'Kanskje' } });
    const r = await runBuildCli(['--out', out, ...args]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/fx\.csv:\d+/);
    await expectNoLeftovers(r.pid);
    expect(r.stderr).toMatch(/strategi/);
    expect(r.stderr).toMatch(/Kanskje/);
    noStack(r.stderr);
    await expectUntouched();
  }, BUILD_TIMEOUT);

  it('a missing boundary file: exits 1 naming it; previous output untouched', async () => {
    const args = await writeFixture(join(tmp, 'noborder'), { missingBoundary: true });
    const r = await runBuildCli(['--out', out, ...args]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/finnes-ikke\.topojson/);
    noStack(r.stderr);
    await expectUntouched();
  }, BUILD_TIMEOUT);

  it('a page that throws: exits 1 with the page’s message; previous output untouched', async () => {
    const r = await runBuildCli(['--out', out, ...goodArgs, '--site-root', join(ROOT, 'tests', 'build', 'fixtures', 'throwing-site')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Siden kastet en feil med vilje/);
    expect(r.stderr).toMatch(/index\.astro/); // names the page
    await expectUntouched();
    await expectNoLeftovers(r.pid, join(ROOT, 'tests', 'build', 'fixtures', 'throwing-site'));
  }, BUILD_TIMEOUT);

  it('a missing reference directory: exits 1 saying how to get the data', async () => {
    const r = await runBuildCli(['--out', out, '--data', join(tmp, 'good', 'data'), '--reference', join(tmp, 'finnes-ikke'), '--no-download']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/finnes-ikke/);
    expect(r.stderr).toMatch(/npm run reference|--reference/);
    noStack(r.stderr);
    await expectUntouched();
  }, BUILD_TIMEOUT);

  it('never replaces a directory that is not an earlier build, nor the project itself', async () => {
    const { mkdir, writeFile, readFile } = await import('node:fs/promises');
    const foreign = join(tmp, 'mine');
    await mkdir(foreign, { recursive: true });
    await writeFile(join(foreign, 'notes.txt'), 'mine');
    const r = await runBuildCli(['--out', foreign, ...goodArgs]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ser ikke ut som et tidligere bygg/);
    expect(await readFile(join(foreign, 'notes.txt'), 'utf8')).toBe('mine');
    const self = await runBuildCli(['--out', ROOT, ...goodArgs]);
    expect(self.code).toBe(1);
    expect(self.stderr).toMatch(/ville erstatte/);
  }, BUILD_TIMEOUT);

  it('a good build after the failures replaces the output and leaves nothing behind', async () => {
    const r = await runBuildCli(['--out', out, ...goodArgs]);
    expect(r.code, r.stderr).toBe(0);
    const after = await treeHashes(out);
    expect(after.has('index.html')).toBe(true);
    expect(after.has('data/manifest.json')).toBe(true);
    expect((await readdir(tmp)).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
    await expectNoLeftovers(r.pid);
  }, BUILD_TIMEOUT);
});
