// The build checks its output against the chosen host's limits before the swap: over a limit it
// stops with the limit, the count and what to do, and the previous output stays as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuild } from '../../scripts/lib/build';
import { nodeEffects } from '../../scripts/lib/effects';
import { buildFailureMessage } from '../../scripts/lib/errors';
import { judgeLimits } from '../../scripts/lib/hosting';
import type { RenderSite } from '../../scripts/lib/astro';
import { checkLimits, limitFailureMessage, type OutputMeasure } from '../../src/lib/publish/checkLimits';
import { writeFixture } from '../helpers/fixture';
import { ROOT } from '../helpers/site';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'digikommune-limits-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const measure = (m: Partial<OutputMeasure>): OutputMeasure => ({
  files: 10, bytes: 1000, largest: { path: 'index.html', bytes: 100 }, staticRules: 0, dynamicRules: 0, headerRules: 5,
  redirectsFileBytes: 0, redirectLineChars: 0, configBytes: 0, functionBytes: 0, headerValueChars: 100, ...m,
});

describe('limits checked', () => {
  it('names the limit, the count, its source and what to do', () => {
    const failed = checkLimits('cloudflare', measure({ files: 20_001, dynamicRules: 101 })).filter((c) => !c.ok);
    expect(failed.map((c) => c.key)).toEqual(['files', 'dynamicRedirectRules']);
    const text = limitFailureMessage('cloudflare', failed);
    expect(text).toContain('filer i nettstedet: 20 001, grensen er 20 000 (https://developers.cloudflare.com/pages/platform/limits/). Gjør:');
    expect(text).toContain('dynamiske videresendingsregler');
    expect(checkLimits('gitlab', measure({ staticRules: 1000, dynamicRules: 1 })).find((c) => c.key === 'redirectRules')?.ok).toBe(false);
    expect(checkLimits('nginx', measure({ files: 1e6, bytes: 1e12 }))).toEqual([]);
  });

  it('the default profile only warns about the free plans\' size, naming the hosts; a named host stops', () => {
    const big = measure({ files: 25_000, bytes: 300 * 1024 * 1024 });
    const any = judgeLimits('any', big);
    expect(any.failed).toEqual([]);
    expect(any.warning).toMatch(/^Advarsel: bygget passer ikke lenger på Cloudflare Pages \(Free\), Azure Static Web Apps \(Free\) \(.*\)\. Bygg med --host/);
    expect(judgeLimits('cloudflare', big).failed.map((c) => c.key)).toEqual(['files']);
    expect(judgeLimits('any', measure({ staticRules: 1001 })).failed.map((c) => c.key)).toEqual(['redirectRules']);
  });

  it('the build refuses an output over a limit and leaves the previous one untouched', async () => {
    const args = await writeFixture(join(tmp, 'fx'));
    const data = args[args.indexOf('--data') + 1];
    const reference = args[args.indexOf('--reference') + 1];
    const out = join(tmp, 'site');
    const page = (body: string, big = false): RenderSite => async ({ outDir }) => {
      await writeFile(join(outDir, 'index.html'), `<!doctype html><html lang="nb"><title>t</title><p>${body}</p></html>`);
      if (big) await writeFile(join(outDir, 'stor.bin'), Buffer.alloc(26 * 1024 * 1024));
    };
    const options = { root: ROOT, out, dataDir: data, reference, download: false, cardCache: null };
    await runBuild({ ...options, host: 'nginx' }, nodeEffects(() => {}), { renderSite: page('første') });
    expect(await readdir(join(tmp, 'site-config'))).toContain('nginx.conf');

    const error = await runBuild({ ...options, host: 'cloudflare' }, nodeEffects(() => {}), { renderSite: page('andre', true) }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    const text = buildFailureMessage(error, true, 'site');
    expect(text).toContain('Bygget feilet (over vertens grense); forrige versjon av site er urørt.');
    expect(text).toContain('byte i den største fila: 27 262 976 (stor.bin), grensen er 26 214 400');
    expect(text).toContain('Gjør:');
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('første');
    expect(await readdir(join(tmp, 'site-config'))).toContain('nginx.conf');
    expect((await readdir(tmp)).filter((n) => n.startsWith('.tmp'))).toEqual([]);
  });
});
