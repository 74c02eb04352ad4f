// The output path and what the build says about it: a bad --out ends in one clear sentence (no
// hang under /proc, no bare ENOTDIR or ENOENT), files get the same modes whatever the umask, and
// failure messages blame the input only when the input is at fault.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFailureMessage, InputError } from '../../scripts/lib/errors';
import { ReferenceDataError, ReferenceOfflineError } from '../../src/lib/reference/errors';
import { writeFixture } from '../helpers/fixture';
import { listFiles } from '../helpers/linkcheck';
import { ROOT } from '../helpers/site';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'digikommune-output-'));
  await chmod(tmp, 0o755); // the unprivileged user below must reach its subdirectories
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

interface Run { code: number | null; stdout: string; stderr: string }

/** A command in its own process. */
function run(cmd: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000); // a hang shows as a kill, not a stuck suite
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
/**
 * The build CLI's main() in this process, with what it prints captured: for the refusals that
 * happen before any build starts. The cases below that need a process of their own (another
 * user, another umask) start the real CLI.
 */
async function buildCli(args: string[]): Promise<Run> {
  const { main } = await import('../../scripts/build');
  const stdout: string[] = [];
  const stderr: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void stdout.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void stderr.push(a.join(' ')));
  try {
    return { code: await main(args), stdout: stdout.join('\n'), stderr: stderr.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
/** The same CLI, as uid 65534 if started as root: it loads the code first, so the checkout may be anywhere. */
const buildCliUnprivileged = (args: string[]) => run(process.execPath, ['--import', 'tsx', join(ROOT, 'tests', 'build', 'fixtures', 'build-as-nobody.ts'), ...args]);

describe('--out', () => {
  it('under /proc: refused at once with a clear message', async () => {
    const r = await buildCli(['--out', '/proc/digikommune-test/site', '--no-download']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\/proc.*systemfilområde/);
    expect(r.stderr).toMatch(/ingenting er skrevet/);
    expect(r.stderr).not.toMatch(/urørt/);
  }, 120_000);

  it('naming a file, or under a file: says so instead of ENOTDIR', async () => {
    const file = join(tmp, 'fil.txt');
    await writeFile(file, 'x');
    for (const out of [file, join(file, 'site')]) {
      const r = await buildCli(['--out', out, '--no-download']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/er en fil, ikke en katalog/);
      expect(r.stderr).not.toMatch(/ENOTDIR|Uventet/);
    }
  }, 120_000);

  it('under a read-only parent: says there is no write access instead of ENOENT', async () => {
    const ro = join(tmp, 'skrivebeskyttet');
    await mkdir(ro);
    await chmod(ro, 0o555);
    const r = await buildCliUnprivileged(['--out', join(ro, 'ny', 'site'), '--no-download']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/har ikke skrivetilgang til .*skrivebeskyttet/);
    expect(r.stderr).not.toMatch(/ENOENT/);
  }, 120_000);
});

describe('file modes', () => {
  it('are 0644 for files and 0755 for directories under umask 077', async () => {
    await writeFixture(join(tmp, 'in'));
    const out = join(tmp, 'site');
    const driver = join(ROOT, 'tests', 'build', 'fixtures', 'crash-build.ts');
    const r = await run('/bin/sh', ['-c', `umask 077 && exec "${process.execPath}" --import tsx "${driver}" "${out}" "${join(tmp, 'in', 'data')}" "${join(tmp, 'in', 'reference')}" v1`]);
    expect(r.code, r.stderr).toBe(0);
    const files = await listFiles(out);
    expect(files.length).toBeGreaterThan(10);
    const modes = new Set<string>();
    for (const f of files) modes.add(((await stat(join(out, f))).mode & 0o777).toString(8));
    expect([...modes]).toEqual(['644']);
    for (const d of [out, join(out, 'data'), join(out, 'data', '2024')]) expect(((await stat(d)).mode & 0o777).toString(8)).toBe('755');
  }, 120_000);
});

describe('failure messages', () => {
  it('a reference download without network is not «feil i inndata»; bad input is', () => {
    const offline = buildFailureMessage(new ReferenceOfflineError('Fikk ikke kontakt med data.ssb.no'), false, 'dist');
    expect(offline).not.toMatch(/feil i inndata/);
    expect(offline).toMatch(/nedlasting av referansedata/);
    expect(buildFailureMessage(new ReferenceDataError([{ file: 'r.csv', message: 'feil' }]), true, 'dist')).toMatch(/feil i inndata.*forrige versjon av dist er urørt/);
    expect(buildFailureMessage(new InputError('x'), false, 'dist')).toMatch(/ingenting er skrevet til dist/);
  });
});
