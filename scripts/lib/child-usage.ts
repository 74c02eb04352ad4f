// Runs one command as its own process and reports what it cost: wall time (measured here) and the
// peak RSS and CPU time the process measured of itself (rusage-preload.mjs). Each measured build
// gets a fresh process, so one run's peak never hides in another's (maxRSS only ever grows).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RUSAGE_PRELOAD = fileURLToPath(new URL('./rusage-preload.mjs', import.meta.url));

export interface ChildUsage {
  wallMs: number;
  cpuMs: number;
  peakRssMB: number;
  /** The last few KB of what the child printed. */
  output: string;
}

export interface ChildRun {
  /** Node's arguments after the preload (e.g. `--import tsx script.ts …`). */
  nodeArgs: string[];
  cwd: string;
  env?: Record<string, string>;
  /** Where the child's output goes when it fails (the last lines are quoted in the error). */
  label: string;
}

export async function runMeasured(run: ChildRun): Promise<ChildUsage> {
  const dir = await mkdtemp(join(tmpdir(), 'digikommune-rusage-'));
  const file = join(dir, 'usage.json');
  try {
    const t0 = performance.now();
    const { code, output } = await new Promise<{ code: number | null; output: string }>((res, rej) => {
      const child = spawn(process.execPath, ['--import', RUSAGE_PRELOAD, ...run.nodeArgs], {
        cwd: run.cwd,
        env: { ...process.env, ...run.env, DIGIKOMMUNE_RUSAGE_OUT: file },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const keep = (b: Buffer) => {
        output = (output + b.toString('utf8')).slice(-4000);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.on('error', rej);
      child.on('close', (c) => res({ code: c, output }));
    });
    const wallMs = performance.now() - t0;
    if (code !== 0) throw new Error(`${run.label} feilet (kode ${code}):\n${output.trim().split('\n').slice(-15).join('\n')}`);
    const u = JSON.parse(await readFile(file, 'utf8')) as { maxRssKB: number; userUs: number; systemUs: number };
    return { wallMs, cpuMs: (u.userUs + u.systemUs) / 1000, peakRssMB: u.maxRssKB / 1024, output };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
