// The build's privacy guard: a never-published value that reaches any output file fails the build
// before anything is published — whatever escaping or formatting it went through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeScanner, normalise } from '../../scripts/lib/privacy';
import { runBuild, PrivacyLeakError } from '../../scripts/lib/build';
import { nodeEffects } from '../../scripts/lib/effects';
import type { RenderSite } from '../../scripts/lib/astro';
import { SECRETS, writeFixture } from '../helpers/fixture';
import { ROOT } from '../helpers/site';
import { treeHashes } from '../helpers/tree';

describe('scanner', () => {
  const scan = makeScanner([
    { value: 'Kari Hemmeligsen-Qx', column: 'kontakt_navn', file: 'f.csv', line: 2 },
    { value: '+47 912 34 567', column: 'kontakt_telefon', file: 'f.csv', line: 2 },
    { value: 'Ja', column: 'kommentar', file: 'f.csv', line: 3 },
  ]);

  it('finds a value however it was escaped or reformatted', () => {
    expect(scan('<p>KARI&#32;Hemmeligsen&ndash;qx</p>')?.column).toBe('kontakt_navn');
    expect(scan('"navn":"Kari Hemmeligsen\\u002DQx"')?.column).toBe('kontakt_navn');
    expect(scan('<a aria-label="tlf: +47 91 23 45 67">')?.column).toBe('kontakt_telefon');
  });

  it('ignores short values and text that merely resembles a value', () => {
    expect(scan('Ja, Ja, Ja. Ja!')).toBeNull();
    expect(scan('Kari Hemmelig og 912 34')).toBeNull();
    expect(normalise('Ås &amp; «Bø»')).toBe('åsbø');
  });
});

describe('guard in the build', () => {
  let tmp: string;
  let args: { data: string; reference: string };
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'digikommune-guard-'));
    await writeFixture(join(tmp, 'input'));
    args = { data: join(tmp, 'input', 'data'), reference: join(tmp, 'input', 'reference') };
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  const fakeSite = (body: string): RenderSite => async ({ outDir }) => {
    await writeFile(join(outDir, 'index.html'), `<!doctype html><html lang="nb"><title>t</title><p>${body}</p></html>`);
  };
  const build = (renderSite: RenderSite) =>
    runBuild(
      { root: ROOT, out: join(tmp, 'site'), dataDir: args.data, reference: args.reference, download: false },
      nodeEffects(() => {}),
      { renderSite },
    );

  it('a page that leaks a contact value fails the build and publishes nothing', async () => {
    await build(fakeSite('Alt i orden'));
    const before = await treeHashes(join(tmp, 'site'));
    expect(before.has('index.html')).toBe(true);
    const leak = `Kontakt: ${SECRETS.kontakt_epost.toUpperCase()}`;
    const error = await build(fakeSite(leak)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrivacyLeakError);
    expect((error as Error).message).toMatch(/kontakt_epost/);
    expect((error as Error).message).toMatch(/index\.html/);
    expect((error as Error).message).not.toContain(SECRETS.kontakt_epost);
    expect(await treeHashes(join(tmp, 'site'))).toEqual(before);
    expect(await readFile(join(tmp, 'site', 'index.html'), 'utf8')).toContain('Alt i orden');
  });

  it('a leak into a download (free text in a CSV) is caught too', async () => {
    const renderSite: RenderSite = async ({ outDir, artefactDir }) => {
      await writeFile(join(outDir, 'index.html'), '<p>ok</p>');
      // Simulate a pipeline bug: the free text lands in a table the build publishes.
      const csv = join(artefactDir, 'downloads', '2024', 'items.csv');
      await writeFile(csv, `${await readFile(csv, 'utf8').catch(() => '')}x,"${SECRETS.kommentar} mer tekst"\n`);
    };
    const error = await build(renderSite).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrivacyLeakError);
    expect((error as Error).message).toMatch(/«kommentar»/);
  });
});
