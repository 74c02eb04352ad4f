// Runs the indicators CLI as the acceptance checks do: with npm, in other directories, as child
// processes; the many plain runs through the command's main() in the test's own process.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../scripts/indicators';

export const ROOT = new URL('../..', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules/.bin/tsx');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spawnRun(cmd: string, args: string[], cwd = ROOT, env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * What `npm run indicators -- …` runs (scripts/indicators.ts), through its main() in this process:
 * no tsx start per run. The npm and directory variants below stay real child processes.
 */
export async function indicators(args: string[]): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** tsx started directly in `cwd`, with extra environment (e.g. what an outer npm script leaves behind). */
export const indicatorsIn = (cwd: string, args: string[], env: Record<string, string> = {}): Promise<RunResult> =>
  spawnRun(TSX, [join(ROOT, 'scripts/indicators.ts'), ...args], cwd, env);

/** `npm --prefix <repo> run indicators -- …` from another directory. */
export const npmIn = (cwd: string, args: string[]): Promise<RunResult> =>
  spawnRun('npm', ['--prefix', ROOT, 'run', '--silent', 'indicators', '--', ...args], cwd);

/** The literal command of the acceptance checks. */
export const npmIndicators = (args: string[]): Promise<RunResult> => spawnRun('npm', ['run', '--silent', 'indicators', '--', ...args]);

/** Runs thunks with at most `limit` in flight (the machine has two cores). */
export async function pool<T>(thunks: (() => Promise<T>)[], limit = 3): Promise<T[]> {
  const out: T[] = new Array(thunks.length);
  let next = 0;
  const worker = async () => {
    while (next < thunks.length) {
      const i = next++;
      out[i] = await thunks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, thunks.length) }, worker));
  return out;
}

/** Every file of a directory with its bytes (for "nothing changed" checks). */
export function snapshotDir(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}
