// npm run bench — the engine and the site benchmarks in one run (CI runs it after the tests).
// The engine benchmark runs as its own process (so its peak memory is its own); the site benchmark
// builds the demo site. Exits 1 on a clear CPU-time regression or a missed byte budget (see each).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { benchSite, report } from './bench-site';
import { benchHosts, hostReport, reportHostFailures } from './bench-hosts';
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
  try {
    // --no-vitals skips LCP/CLS on purpose (reported loudly); without it a missing Chromium fails.
    // Share cards drawn anew (no card cache): the baseline is what a fresh machine's build costs,
    // so CI's verdict does not depend on whether the tests happened to warm the cache first.
    const tmp = await mkdtemp(join(tmpdir(), 'digikommune-bench-all-'));
    try {
      // --keep-site <dir>: the cold 3-year build is left there (CI's tests read it instead of
      // building the same site again: DIGIKOMMUNE_TEST_SITE=<dir> npm test).
      const keep = process.argv.indexOf('--keep-site');
      const site3 = keep > 0 && process.argv[keep + 1] ? resolve(process.argv[keep + 1]) : join(tmp, 'site');
      const b = await benchSite({ noVitals: process.argv.includes('--no-vitals'), coldCards: true, out: site3 });
      console.log(report(b));
      const broken = b.checks.filter((c) => !c.ok);
      if (broken.length > 0) {
        console.error(`\n${broken.length} budsjett brutt: ${broken.map((c) => c.name).join(', ')}`);
        code = 1;
      }
      // Every host profile's headroom, on the same 3-year build and a 10-year fixture build.
      console.log('');
      const hosts = await benchHosts({ site3 });
      for (const h of hosts) console.log(`${hostReport(h.label, h.rows)}\n`);
      if (!reportHostFailures(hosts)) code = 1;
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  } catch (e) {
    console.error(`bench:site feilet: ${describeFailure(e)}`);
    code = 1;
  }
  // The build against Astro alone (issue 20 §3): each run its own process, after the rest, so no
  // other measurement shares its peak. The 10-year ratios take several minutes more: on request.
  try {
    console.log('');
    if (!(await runFloorBenches({ ten: process.env.DIGIKOMMUNE_BENCH_TEN === '1' }))) code = 1;
  } catch (e) {
    console.error(`bench:floor feilet: ${describeFailure(e)}`);
    code = 1;
  }
  return code;
}

process.exitCode = await main();
