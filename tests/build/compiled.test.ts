// The build's two ways in: `npm run build` (scripts/run-build.mjs: the build compiled by esbuild,
// run by plain Node; what every other test spawns) and `tsx scripts/build.ts` (the same code through
// tsx's loader, for development). Both must start; the compiled copies must not pile up.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEEP_COMPILED, pruneCompiled } from '../../scripts/lib/compiled-build.mjs';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the compiled build cache', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps the copies of an entry used last and leaves other entries and half-written files alone', async () => {
    dir = await mkdtemp(join(tmpdir(), 'digikommune-compiled-'));
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    const builds = Array.from({ length: KEEP_COMPILED + 3 }, (_, i) => `build-${String(i).padStart(16, '0')}.mjs`);
    // Used in shuffled order: the newest are the first, third, fifth … file, not the last written.
    for (const [i, f] of builds.entries()) {
      await writeFile(join(dir, f), '');
      const minutes = i % 2 === 0 ? i : 100 + i;
      await utimes(join(dir, f), at(minutes), at(minutes));
    }
    await writeFile(join(dir, 'lib-cards-worker-aaaaaaaaaaaaaaaa.mjs'), '');
    await utimes(join(dir, 'lib-cards-worker-aaaaaaaaaaaaaaaa.mjs'), at(1000), at(1000));
    await writeFile(join(dir, 'build-ffffffffffffffff.mjs.123.tmp'), '');

    await pruneCompiled(dir, 'build-');

    const left = (await readdir(dir)).sort();
    const kept = builds.filter((_, i) => i % 2 === 0).slice(0, KEEP_COMPILED);
    expect(left).toEqual([...kept, 'build-ffffffffffffffff.mjs.123.tmp', 'lib-cards-worker-aaaaaaaaaaaaaaaa.mjs'].sort());
  });

  it('removes nothing while an entry has no more copies than it keeps', async () => {
    dir = await mkdtemp(join(tmpdir(), 'digikommune-compiled-'));
    for (let i = 0; i < KEEP_COMPILED; i++) await writeFile(join(dir, `build-${i}.mjs`), '');
    await pruneCompiled(dir, 'build-');
    expect(await readdir(dir)).toHaveLength(KEEP_COMPILED);
  });
});

describe('the ways in', () => {
  const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });

  it('npm run build (the compiled build) starts and answers --help', () => {
    const r = run([join(ROOT, 'scripts', 'run-build.mjs'), '--help']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--out/);
  });

  it('tsx scripts/build.ts loads every module of the build through tsx and answers --help the same way', () => {
    const compiledHelp = run([join(ROOT, 'scripts', 'run-build.mjs'), '--help']).stdout;
    const r = run(['--import', 'tsx', join(ROOT, 'scripts', 'build.ts'), '--help']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(compiledHelp);
  });
});
