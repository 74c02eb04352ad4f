// Built sites for the tests, built by the real CLI (`tsx scripts/build.ts`) and cached by a hash of
// every input (code, data, site, reference data, arguments) under tests/.tmp-sites/ (git-ignored
// via `.tmp*/`). The demo site is built once per run by the global setup of the `demo` project
// (tests/helpers/demo-setup.ts) and shared by the build, browser and link-check tests.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, mkdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveReferenceDir } from '../../scripts/lib/reference-files';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CACHE = join(ROOT, 'tests', '.tmp-sites');
const INPUT_DIRS = ['src', 'scripts', 'data', 'public'];
const INPUT_FILES = ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

export interface RunResult {
  pid: number;
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the build CLI. `env` is added to (and may unset with undefined) the current environment. */
export function runBuildCli(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 480_000): Promise<RunResult> {
  const started = performance.now();
  const fullEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env })) if (v !== undefined) fullEnv[k] = v;
  // Tests must not inherit a vitest/vite mode that changes how Astro bundles.
  for (const k of Object.keys(fullEnv)) if (k.startsWith('VITEST') || k.startsWith('VITE_')) delete fullEnv[k];
  for (const k of ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST']) delete fullEnv[k];
  delete fullEnv.SOURCE_DATE_EPOCH;
  if (env.SOURCE_DATE_EPOCH) fullEnv.SOURCE_DATE_EPOCH = env.SOURCE_DATE_EPOCH;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'build.ts'), ...args], {
      cwd: ROOT,
      env: fullEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`build timed out after ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ pid: child.pid ?? -1, code: code ?? -1, stdout, stderr, ms: performance.now() - started });
    });
  });
}

async function walk(dir: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.name === 'node_modules' || e.name.startsWith('.tmp') || p === join(ROOT, 'data', 'reference')) continue;
    if (e.isDirectory()) await walk(p, out);
    else out.push(p);
  }
}

/** Hash of every file that can change a build's output, plus the arguments. */
export async function inputHash(args: string[], extraDirs: string[] = []): Promise<string> {
  const files: string[] = [];
  for (const d of [...INPUT_DIRS.map((d) => join(ROOT, d)), ...extraDirs]) await walk(d, files);
  for (const f of INPUT_FILES) if (existsSync(join(ROOT, f))) files.push(join(ROOT, f));
  const ref = resolveReferenceDir({ projectRoot: ROOT });
  if (ref) await walk(ref.dir, files);
  const h = createHash('sha256').update(JSON.stringify(args));
  for (const f of files) h.update(relative(ROOT, f)).update('\0').update(await readFile(f)).update('\0');
  return h.digest('hex').slice(0, 16);
}

const inFlight = new Map<string, Promise<string>>();

/**
 * A site built with `args` (besides --out), reused while no input changed (one build per input
 * hash, also within a run). Throws with the build's output when the build fails.
 */
export async function cachedSite(name: string, args: string[] = [], extraDirs: string[] = []): Promise<string> {
  const hash = await inputHash(args, extraDirs);
  const out = join(CACHE, `${name}-${hash}`);
  let p = inFlight.get(out);
  if (!p) {
    p = (async () => {
      if (existsSync(join(out, 'index.html'))) return out;
      await mkdir(CACHE, { recursive: true });
      // Drop stale builds of this site, but not recent ones another test run may still be reading.
      for (const old of await readdir(CACHE)) {
        if (!old.startsWith(`${name}-`) || old.startsWith('.tmp')) continue;
        const age = Date.now() - (await stat(join(CACHE, old))).mtimeMs;
        if (age > 15 * 60_000) await rm(join(CACHE, old), { recursive: true, force: true });
      }
      // A hang guard only: a cold demo build on a loaded shared machine took over 8 minutes.
      const r = await runBuildCli(['--out', out, ...args], {}, 1_800_000);
      if (r.code !== 0) throw new Error(`build of ${name} failed (exit ${r.code})\n${r.stdout}\n${r.stderr}`);
      return out;
    })();
    inFlight.set(out, p);
  }
  return p;
}

/**
 * The demo site (data/years/*), base '/': DIGIKOMMUNE_TEST_SITE names an already built demo site
 * (e.g. `npm run build -- --out .tmp-e/site`) so browser test files can be rerun against one build;
 * otherwise the one the global setup built for this run, or, in a file outside the `demo` project,
 * the same cached build made here.
 */
export async function demoSite(): Promise<string> {
  if (process.env.DIGIKOMMUNE_TEST_SITE) return resolve(process.env.DIGIKOMMUNE_TEST_SITE);
  const { inject } = await import('vitest');
  return inject('demoSite') ?? cachedSite('demo');
}
/** The sub-path the base-path tests build under. */
export const DEMO_BASE = '/digikommune/';

/**
 * A small site under DEMO_BASE: the trust fixture with an earlier year (RENUMBERED gives an
 * old-number redirect), for the base-path checks that need no full demo build. Cached like the demo.
 */
export async function fixtureSiteUnderBase(): Promise<string> {
  const { writeFixture } = await import('./fixture');
  const input = join(CACHE, 'inputs', 'history');
  const args = await writeFixture(input, { history: true });
  return cachedSite('fixture-base', ['--base', DEMO_BASE, ...args], [input]);
}
