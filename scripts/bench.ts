// npm run bench — the engine and the site benchmarks in one run (CI runs it after the tests).
// The engine benchmark runs as its own process (so its peak memory is its own); the site benchmark
// builds the demo site and the ten-year fixture (--no-ten-years skips it). Exits 1 on a clear CPU-time regression or a missed byte budget (see each).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { benchSite, report } from './bench-site';
import { makeBenchFixture } from './bench-fixture';
import { describePublication } from './lib/publicationSize';
import { describeFailure } from './lib/errors';

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
    const b = await benchSite({ noVitals: process.argv.includes('--no-vitals'), coldCards: true });
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
  if (!process.argv.includes('--no-ten-years')) {
    // Ten survey years (issue 17 §4): the demo years plus seven synthetic copies of the latest.
    // Only what a host counts is judged here; time and page weights are the demo's checks above.
    const dir = await mkdtemp(join(tmpdir(), 'digikommune-ti-aar-'));
    try {
      const fixture = await makeBenchFixture(join(dir, 'data'));
      const label = `ti år (${fixture.years[0]}–${fixture.years[fixture.years.length - 1]})`;
      console.log(`\nBygger ${label} fra scripts/bench-fixture.ts …`);
      const ten = await benchSite({ dataDir: fixture.dataDir, noVitals: true, label, out: join(dir, 'site') });
      console.log(describePublication(label, ten.publication));
      const checks = ten.checks.filter((c) => c.name.startsWith(label));
      for (const c of checks) console.log(`  ${c.ok ? 'OK     ' : 'BRUTT  '} ${c.name.padEnd(58)} ${c.value.toFixed(1)} ${c.unit} (grense ${c.limit} ${c.unit})`);
      const broken = checks.filter((c) => !c.ok);
      if (broken.length > 0) {
        console.error(`\n${broken.length} budsjett brutt for ti år: ${broken.map((c) => c.name).join(', ')}`);
        code = 1;
      }
    } catch (e) {
      console.error(`bench for ti år feilet: ${describeFailure(e)}`);
      code = 1;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return code;
}

process.exitCode = await main();
