// A build killed at any step (kill -9, power cut: no cleanup) never costs the published output:
// the next build, failing or not, first brings back the last complete output from the crash's
// leftovers, never deletes the only complete copy, and says truthfully what happened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build as bundle } from 'esbuild';
import { FAULT_STEPS, type FaultStep } from '../../scripts/lib/atomic';
import { writeFixture } from '../helpers/fixture';
import { ROOT } from '../helpers/site';

// The driver is bundled once into one JavaScript file, so each of the many builds below starts
// plain node (no tsx loader transforming and resolving every module again). It sits two levels
// below the project root like the sources it comes from (scripts/lib/*), so their paths relative
// to their own file still hold; its packages resolve from the project's node_modules.
const DRIVER_SOURCE = join(ROOT, 'tests', 'build', 'fixtures', 'crash-build.ts');
const DRIVER = join(ROOT, 'tests', '.tmp-driver', `crash-build-${process.pid}.mjs`);
// Generous: each case runs three or four builds in child processes, and a shared machine can be slow.
const TIMEOUT = 600_000;

let tmp: string;
let good: { data: string; reference: string };
let bad: { data: string; reference: string };

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** One build in its own process; `fault` kills it at that step. */
function build(out: string, mark: string, input = good, fault?: FaultStep, artefacts?: string): Promise<Run> {
  const env = { ...process.env };
  delete env.DIGIKOMMUNE_FAULT_AT;
  if (fault) env.DIGIKOMMUNE_FAULT_AT = fault;
  const args = [DRIVER, out, input.data, input.reference, mark, ...(artefacts ? [artefacts] : [])];
  return new Promise((resolve, reject) => {
    // node itself runs the build, so the SIGKILL hits the build.
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const markOf = async (out: string) => /<p>(v\d)<\/p>/.exec(await readFile(join(out, 'index.html'), 'utf8'))?.[1];
const leftovers = async (out: string) => (await readdir(dirname(out))).filter((n) => n.startsWith('.tmp-'));

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'digikommune-crash-'));
  await bundle({ entryPoints: [DRIVER_SOURCE], outfile: DRIVER, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  await writeFixture(join(tmp, 'good'));
  await writeFixture(join(tmp, 'bad'), { badCell: { kommunenummer: '9103', column: 'strategi', value: 'Kanskje' } });
  good = { data: join(tmp, 'good', 'data'), reference: join(tmp, 'good', 'reference') };
  bad = { data: join(tmp, 'bad', 'data'), reference: join(tmp, 'bad', 'reference') };
  // The complete output (v0) every case starts from: built once, copied per case (a copy of a
  // published site and its artefacts is what a build finds there; nothing in them names the path).
  const r = await build(join(tmp, 'v0', 'site'), 'v0', good, undefined, join(tmp, 'v0', 'artefacts'));
  expect(r.code, r.stderr).toBe(0);
}, TIMEOUT);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
  await rm(DRIVER, { force: true });
});

/** Which version a crash at each step leaves published: before `in` the old one, from `in` on the new one. */
const publishedAfterCrash = (step: FaultStep) => (FAULT_STEPS.indexOf(step) < FAULT_STEPS.indexOf('in') ? 'v0' : 'v1');

describe('a build killed at a named step', () => {
  for (const step of FAULT_STEPS) {
    it(`killed at «${step}»: a following failing build keeps a complete output and says so; a following good build replaces it`, async () => {
      const out = join(tmp, step, 'site');
      const artefacts = join(tmp, step, 'artefacts');
      await cp(join(tmp, 'v0'), join(tmp, step), { recursive: true });
      expect(await markOf(out)).toBe('v0');

      const crash = await build(out, 'v1', good, step, artefacts);
      expect(crash.signal).toBe('SIGKILL');
      // The window the recovery exists for: the output path is empty, the old output beside it.
      if (step === 'aside') expect(existsSync(out)).toBe(false);

      const failing = await build(out, 'v2', bad, undefined, artefacts);
      expect(failing.code, failing.stderr).toBe(1);
      expect(failing.stderr).toContain(`forrige versjon av ${out} er urørt`);
      expect(failing.stderr).toMatch(/Kanskje/);
      if (step === 'aside') expect(failing.stdout).toMatch(/Hentet tilbake forrige versjon/);
      expect(await markOf(out)).toBe(publishedAfterCrash(step));
      expect(existsSync(join(out, 'data', 'manifest.json'))).toBe(true);
      expect(existsSync(join(artefacts, 'site.json'))).toBe(true);
      expect(await leftovers(out)).toEqual([]);

      const next = await build(out, 'v3', good, undefined, artefacts);
      expect(next.code, next.stderr).toBe(0);
      expect(await markOf(out)).toBe('v3');
      expect(await leftovers(out)).toEqual([]);
    }, TIMEOUT);
  }

  it('killed while the old output is aside, then directly a good build: nothing lost, nothing left', async () => {
    const out = join(tmp, 'direct', 'site');
    await cp(join(tmp, 'v0', 'site'), out, { recursive: true });
    expect(await markOf(out)).toBe('v0');
    expect((await build(out, 'v1', good, 'aside')).signal).toBe('SIGKILL');
    expect(existsSync(out)).toBe(false);
    const next = await build(out, 'v2');
    expect(next.code, next.stderr).toBe(0);
    // Restored first, so the output path held a complete site for the whole of the new build.
    expect(next.stdout).toMatch(/Hentet tilbake forrige versjon/);
    expect(await markOf(out)).toBe('v2');
    expect(await leftovers(out)).toEqual([]);
  }, TIMEOUT);

  it('a first build killed before publishing leaves no output; the next failing one does not claim a previous version', async () => {
    const out = join(tmp, 'fresh', 'site');
    expect((await build(out, 'v0', good, 'guard')).signal).toBe('SIGKILL');
    expect(existsSync(out)).toBe(false);
    const failing = await build(out, 'v1', bad);
    expect(failing.code).toBe(1);
    expect(failing.stderr).not.toMatch(/urørt/);
    expect(failing.stderr).toContain(`ingenting er skrevet til ${out}`);
    expect(existsSync(out)).toBe(false);
    expect(await leftovers(out)).toEqual([]);
  }, TIMEOUT);
});
