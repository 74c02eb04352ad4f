// Built sites for the tests, built by the real CLI (`npm run build`'s `scripts/run-build.mjs`) and cached by a hash of
// every input (code, data, site, reference data, arguments) under tests/.tmp-sites/ (git-ignored
// via `.tmp*/`). The demo site is built once per run by the global setup of the `demo` project
// (tests/helpers/demo-setup.ts) and shared by the build, browser and link-check tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
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
    // What `npm run build` runs: the build compiled by esbuild, without tsx's loader thread (a
    // quarter of a build's CPU; scripts/run-build.mjs). `tsx scripts/build.ts` runs the same code.
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'run-build.mjs'), ...args], {
      cwd: ROOT,
      env: fullEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    running.add(child);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`build timed out after ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      running.delete(child);
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
/** Build processes started here and still running (the global setup stops them at teardown). */
const running = new Set<ChildProcess>();

/** Where the cached build of `name` with these inputs lives (nothing is built). */
export async function sitePath(name: string, args: string[] = [], extraDirs: string[] = []): Promise<string> {
  return join(CACHE, `${name}-${await inputHash(args, extraDirs)}`);
}

/**
 * A site built with `args` (besides --out), reused while no input changed: one build per input
 * hash, also across the processes of a run (the global setup and the test files), which take
 * turns through `<out>.lock` (holding the builder's pid). Throws with the build's output when the
 * build fails; `<out>.failed` keeps that output for the processes waiting on it.
 */
export async function cachedSite(name: string, args: string[] = [], extraDirs: string[] = []): Promise<string> {
  const out = await sitePath(name, args, extraDirs);
  let p = inFlight.get(out);
  if (!p) {
    p = buildOnce(name, out, args);
    inFlight.set(out, p);
  }
  return p;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

async function buildOnce(name: string, out: string, args: string[]): Promise<string> {
  const lock = `${out}.lock`;
  await mkdir(CACHE, { recursive: true });
  for (;;) {
    if (existsSync(join(out, 'index.html')) && existsSync(`${out}.log`) && !existsSync(lock)) return out;
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    // Another process is building it: wait for it, unless it died without cleaning up.
    const holder = Number(await readFile(lock, 'utf8').catch(() => ''));
    if (holder > 0 && !alive(holder)) await rm(lock, { force: true });
    else {
      await new Promise((r) => setTimeout(r, 250));
      if (!existsSync(lock) && existsSync(`${out}.failed`) && !existsSync(join(out, 'index.html'))) {
        throw new Error(await readFile(`${out}.failed`, 'utf8'));
      }
    }
  }
  try {
    await rm(`${out}.failed`, { force: true });
    if (existsSync(join(out, 'index.html')) && existsSync(`${out}.log`)) return out;
    // Drop stale builds of this site, but not recent ones another test run may still be reading.
    for (const old of await readdir(CACHE)) {
      if (!old.startsWith(`${name}-`) || old.startsWith('.tmp') || old.startsWith(basename(out))) continue;
      const age = Date.now() - (await stat(join(CACHE, old))).mtimeMs;
      if (age > 15 * 60_000) await rm(join(CACHE, old), { recursive: true, force: true });
    }
    // A hang guard only: a cold demo build on a loaded shared machine took over 8 minutes.
    const r = await runBuildCli(['--out', out, ...args], {}, 1_800_000);
    if (r.code !== 0) {
      const message = `build of ${name} failed (exit ${r.code})\n${r.stdout}\n${r.stderr}`;
      await writeFile(`${out}.failed`, message);
      throw new Error(message);
    }
    // What the build said, for the tests that read it (builtLog).
    await writeFile(`${out}.log`, `${r.stdout}\n${r.stderr}`);
    return out;
  } finally {
    await rm(lock, { force: true });
  }
}

/** Stops the builds this process started that are still running (a run cancelled mid-build). */
export function stopBuilds(): void {
  for (const child of running) child.kill('SIGKILL');
}

/**
 * The demo site (data/years/*), base '/': DIGIKOMMUNE_TEST_SITE names an already built demo site
 * (e.g. `npm run build -- --out .tmp-e/site`) so browser test files can be rerun against one build;
 * otherwise the cached build the global setup starts at the beginning of the run (waited for here).
 */
export async function demoSite(): Promise<string> {
  if (process.env.DIGIKOMMUNE_TEST_SITE) return resolve(process.env.DIGIKOMMUNE_TEST_SITE);
  return cachedSite('demo');
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

/** The output (stdout, then stderr) of the build that made a cachedSite. */
export function builtLog(site: string): Promise<string> {
  return readFile(`${site}.log`, 'utf8');
}

/**
 * The trust fixture (tests/helpers/fixture.ts, no options) built once per input hash, for the
 * files that read it or start from it as a previous output (a copy is what a build finds there).
 */
export async function trustFixtureSite(): Promise<string> {
  const { writeFixture } = await import('./fixture');
  const input = join(CACHE, 'inputs', 'trust');
  return cachedSite('trust', await writeFixture(input), [input]);
}
