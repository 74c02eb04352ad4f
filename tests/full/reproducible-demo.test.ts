// `npm run test:full` only (minutes: every PNG of the demo drawn afresh). Same inputs →
// byte-identical output on the whole demo site: a fresh clean build must hash the same, file by
// file, as the shared demo build (itself a clean build of the same inputs). `npm test` makes the
// same comparison on two fixture builds (tests/build/reproducible.test.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSite, inputHash, runBuildCli } from '../helpers/site';
import { treeHashes } from '../helpers/tree';

const temps: string[] = [];
const BUILD_TIMEOUT = 1_800_000; // hang guard: a whole build drawing every PNG afresh, on a possibly loaded machine
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

describe('reproducible build', () => {
  it('two clean builds of the demo site are byte-identical', async () => {
    // Others may edit the sources while this runs; a comparison is only meaningful when the
    // inputs were the same for both builds, so measure again when they changed in between.
    for (let attempt = 1; ; attempt++) {
      const inputsBefore = await inputHash([]);
      const first = await demoSite();
      const tmp = await mkdtemp(join(tmpdir(), 'digikommune-repro-'));
      temps.push(tmp);
      const second = join(tmp, 'site');
      // Every share card drawn afresh, so the PNGs are compared with drawn ones, not with the cache.
      const r = await runBuildCli(['--out', second, '--no-card-cache'], {}, BUILD_TIMEOUT);
      expect(r.code, r.stderr).toBe(0);
      if ((await inputHash([])) !== inputsBefore && attempt < 3) continue;
      const a = await treeHashes(first);
      const b = await treeHashes(second);
      expect(a.size).toBeGreaterThan(700);
      expect([...b.keys()]).toEqual([...a.keys()]);
      const differing = [...a].filter(([f, h]) => b.get(f) !== h).map(([f]) => f);
      expect(differing).toEqual([]);
      return;
    }
  }, BUILD_TIMEOUT * 2);
});
