// npm run bench — the engine, the build against Astro's floor, the site and the hosts' headroom in
// one run (CI runs it before the tests). The engine and every build run as processes of their own,
// so each peak memory is its own. Exits 1 on a clear CPU-time or ratio regression, a missed byte
// budget or a host limit crossed (see each).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { benchSite, report } from './bench-site';
import { benchHosts, hostReport, reportHostFailures } from './bench-hosts';
import { measuredBuild, type MeasuredBuild } from './lib/measured-build';
import { describeFailure } from './lib/errors';
import { runFloorBenches } from './bench-floor';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<number> {
  let code = 0;
  const engine = join(ROOT, 'scripts', 'bench-engine.ts');
  if (existsSync(engine)) {
    console.log('Indikatormotoren:');
    const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [engine, '--strict'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) {
      console.error(`bench:engine avsluttet med kode ${r.status}`);
      code = 1;
    }
    console.log('');
  }
  // One cold 3-year build serves three benches: the floor's cold run (measured back to back with the
  // floor and a warm build), the site's pages and budgets, and the hosts' headroom; its share cards
  // then spare the 10-year fixture's build the three years they share.
  const tmp = await mkdtemp(join(tmpdir(), 'digikommune-bench-all-'));
  try {
    // --keep-site <dir>: the cold 3-year build is left there (CI's tests read it instead of
    // building the same site again: DIGIKOMMUNE_TEST_SITE=<dir> npm test).
    const keep = process.argv.indexOf('--keep-site');
    const site3 = keep > 0 && process.argv[keep + 1] ? resolve(process.argv[keep + 1]) : join(tmp, 'site');
    const cardCache = join(tmp, 'kort');
    let cold3: MeasuredBuild | undefined;
    try {
      // Share cards drawn anew (an empty cache): the baseline is what a fresh machine's build costs.
      cold3 = await measuredBuild({ out: site3, cardCache, label: 'Kaldt bygg (demodata)' });
      // The 10-year ratios take several minutes more: on request.
      if (!(await runFloorBenches({ ten: process.env.DIGIKOMMUNE_BENCH_TEN === '1', cold3 }))) code = 1;
    } catch (e) {
      console.error(`bench:floor feilet: ${describeFailure(e)}`);
      code = 1;
    }
    if (cold3) {
      try {
        console.log('');
        // --no-vitals skips LCP/CLS on purpose (reported loudly); without it a missing Chromium fails.
        const b = await benchSite({ noVitals: process.argv.includes('--no-vitals'), built: cold3 });
        console.log(report(b));
        const broken = b.checks.filter((c) => !c.ok);
        if (broken.length > 0) {
          console.error(`\n${broken.length} budsjett brutt: ${broken.map((c) => c.name).join(', ')}`);
          code = 1;
        }
      } catch (e) {
        console.error(`bench:site feilet: ${describeFailure(e)}`);
        code = 1;
      }
    }
    try {
      // Every host profile's headroom, on the same 3-year build and a 10-year fixture build.
      console.log('');
      const hosts = await benchHosts({ site3: cold3?.out, cardCache });
      for (const h of hosts) console.log(`${hostReport(h)}\n`);
      if (!reportHostFailures(hosts)) code = 1;
    } catch (e) {
      console.error(`bench:hosts feilet: ${describeFailure(e)}`);
      code = 1;
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return code;
}

process.exitCode = await main();
