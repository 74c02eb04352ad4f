// Same inputs → byte-identical output: two builds of a small fixture (the first drawing every PNG
// and chart afresh, the second taking them all from its cache) hash the same file by file; the date comes from the data or SOURCE_DATE_EPOCH; the demo
// build names no machine and no clock. The same comparison on the whole demo site (a cold rebuild
// of ~5 000 PNGs) is tests/full/reproducible-demo.test.ts, run by `npm run test:full`; rendering
// twice in one process is tests/cards/render-twice.test.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSite, ROOT, runBuildCli } from '../helpers/site';
import { writeFixture } from '../helpers/fixture';
import { treeHashes } from '../helpers/tree';

const temps: string[] = [];
const BUILD_TIMEOUT = 600_000; // hang guard: these tests run whole builds
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

describe('reproducible build', () => {
  it('two builds of a fixture are byte-identical, one drawing every PNG and chart afresh, one from the cache; the date is SOURCE_DATE_EPOCH’s', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'digikommune-repro-'));
    temps.push(tmp);
    // Two years, a renumbered kommune: redirects, development pages and both years' figures.
    const args = await writeFixture(join(tmp, 'input'), { history: true });
    const epoch = { SOURCE_DATE_EPOCH: '1700000000' };
    // The first build starts with an empty cache and draws every share card and chart; the second
    // takes all of them from the cache it filled: drawn images are compared with cached ones.
    const cache = join(tmp, 'cache');
    const a = await runBuildCli(['--out', join(tmp, 'a'), '--artefacts', join(tmp, 'artefacts'), '--card-cache', cache, ...args], epoch);
    expect(a.code, a.stderr).toBe(0);
    const drawings = async () => (await readdir(join(cache, 'tegninger'), { recursive: true })).filter((f) => f.endsWith('.svg')).sort();
    const kept = await drawings();
    expect(kept.length).toBeGreaterThan(10);
    const b = await runBuildCli(['--out', join(tmp, 'b'), '--card-cache', cache, ...args], epoch);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/Delingskort: \d+, .*; 0 tegnet nå/);
    expect(await drawings(), 'every chart drawing came from the cache').toEqual(kept);
    const first = await treeHashes(join(tmp, 'a'));
    const second = await treeHashes(join(tmp, 'b'));
    // The PNGs are the share cards (figure files are made in the reader's browser): one per card
    // the pages name, so the comparison below covers every drawn image.
    const pngs = [...first.keys()].filter((f) => f.endsWith('.png'));
    const named = new Set<string>();
    for (const f of [...first.keys()].filter((f) => f.endsWith('.html'))) {
      for (const m of (await readFile(join(tmp, 'a', f), 'utf8')).matchAll(/<meta property="og:image" content="[^"]*?\/(kort\/[^"]+\.png)"/g)) named.add(m[1]);
    }
    expect(pngs.length).toBeGreaterThan(10);
    expect(pngs.filter((f) => !f.startsWith('kort/'))).toEqual([]);
    expect([...named].sort()).toEqual([...pngs].sort());
    expect([...second.keys()]).toEqual([...first.keys()]);
    expect([...first].filter(([f, h]) => second.get(f) !== h).map(([f]) => f)).toEqual([]);
    const manifest = JSON.parse(await readFile(join(tmp, 'a', 'data', 'manifest.json'), 'utf8'));
    expect(manifest.generated).toBe('2023-11-14');
    // --artefacts keeps what the pages were built from, with the same date.
    const siteJson = JSON.parse(await readFile(join(tmp, 'artefacts', 'site.json'), 'utf8'));
    expect(siteJson.generated).toBe('2023-11-14');
    expect(siteJson.years.map((y: { year: number }) => y.year)).toEqual([2021, 2024]);
  }, BUILD_TIMEOUT * 2);

  it('the generated date comes from the data, never the clock', async () => {
    const site = await demoSite();
    const manifest = JSON.parse(await readFile(join(site, 'data', 'manifest.json'), 'utf8'));
    const dates = manifest.years.map((y: { dataDate: string }) => y.dataDate).sort();
    expect(manifest.generated).toBe(dates[dates.length - 1]);
  }, BUILD_TIMEOUT);
});

describe('portable output', () => {
  it('no file of the site mentions the machine: no absolute build paths, temp dirs or user names', async () => {
    const site = await demoSite();
    const { listFiles } = await import('../../scripts/lib/sitefiles');
    const needles = [ROOT, tmpdir(), '.tmp-', '/home/', 'file://'];
    const hits: string[] = [];
    for (const f of await listFiles(site)) {
      const text = (await readFile(join(site, f))).toString('utf8');
      for (const n of needles) if (text.includes(n)) hits.push(`${f}: ${n}`);
    }
    expect(hits).toEqual([]);
  }, BUILD_TIMEOUT);

  it('the clock leaves no trace: today’s date appears in no file', async () => {
    const site = await demoSite();
    const { listFiles } = await import('../../scripts/lib/sitefiles');
    const now = new Date();
    const months = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
    const iso = now.toISOString().slice(0, 10);
    const norwegian = `${now.getUTCDate()}. ${months[now.getUTCMonth()]} ${now.getUTCFullYear()}`;
    const dotted = `${String(now.getUTCDate()).padStart(2, '0')}.${String(now.getUTCMonth() + 1).padStart(2, '0')}.${now.getUTCFullYear()}`;
    const dataYears = new Set(['2018', '2021', '2024']);
    if (dataYears.has(String(now.getUTCFullYear()))) return; // the data's own dates could coincide
    const hits: string[] = [];
    for (const f of await listFiles(site)) {
      const text = (await readFile(join(site, f))).toString('utf8');
      for (const n of [iso, norwegian, dotted]) if (text.includes(n)) hits.push(`${f}: ${n}`);
    }
    expect(hits).toEqual([]);
  }, BUILD_TIMEOUT);

  it('everything under _astro/ (long-cached as immutable) has a content hash in its name', async () => {
    const site = await demoSite();
    const { listFiles } = await import('../../scripts/lib/sitefiles');
    const assets = (await listFiles(site)).filter((f) => f.startsWith('_astro/'));
    expect(assets.length).toBeGreaterThan(0);
    expect(assets.filter((f) => !/\.[A-Za-z0-9_-]{8}\.(css|js|svg|png|woff2?)$/.test(f))).toEqual([]);
  }, BUILD_TIMEOUT);
});

describe('manifest', () => {
  it('lists every input with its SHA-256, the surveys, units per year and the package version', async () => {
    const site = await demoSite();
    const manifest = JSON.parse(await readFile(join(site, 'data', 'manifest.json'), 'utf8'));
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.version).toBe(pkg.version);
    const paths = manifest.inputs.map((i: { path: string }) => i.path);
    for (const p of ['data/years/2018.json', 'data/years/2021.json', 'data/years/2024.json', 'data/surveys/2018.json', 'data/surveys/2021.json', 'data/responses/2018.csv', 'data/responses/2021.csv', 'data/responses/2024.csv']) {
      expect(paths).toContain(p);
    }
    expect(paths.some((p: string) => /^reference:registers\/kommuner-\d{4}\.csv$/.test(p))).toBe(true);
    expect(paths.some((p: string) => /^reference:geo\/.+\.topojson$/.test(p))).toBe(true);
    // The hashes are of the real input bytes.
    const { createHash } = await import('node:crypto');
    const responses = manifest.inputs.find((i: { path: string }) => i.path === 'data/responses/2024.csv');
    const bytes = await readFile(join(ROOT, 'data', 'responses', '2024.csv'));
    expect(responses.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(responses.bytes).toBe(bytes.length);
    // The demo's 2018 year is on the 2018 form, 2021 and 2024 on the 2021 form.
    expect(manifest.surveys.map((s: { id: string }) => s.id)).toEqual(['2018', '2021']);
    for (const y of manifest.years) {
      expect(y.units).toBeGreaterThan(350);
      expect(y.respondents).toBeGreaterThan(0);
      expect(y.respondents).toBeLessThanOrEqual(y.units);
      expect(y.files).toContain(`data/${y.year}/indicators.csv`);
    }
  }, BUILD_TIMEOUT);
});
