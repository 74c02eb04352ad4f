// Replace the output directory only after everything succeeded: the old output is renamed aside,
// the new one renamed into place, then the old one removed. Renames on one filesystem are atomic,
// so a reader (or a failed build) never sees a half-written site.
//
// Between the two renames the output path is briefly empty. A crash exactly there (kill -9, power
// cut) leaves the previous output as `.tmp-<out>-old-<pid>-…`; the next build brings it back
// before it does anything else (recoverOutput), and no leftover is ever deleted while it is the
// only complete copy. Only `old` leftovers are restored: a `new` one never passed the privacy
// guard, so it must never be published.
import { dirname, basename, join } from 'node:path';
import type { BuildEffects } from './effects';
import { InputError } from './errors';

/** A temp path beside `out` (same filesystem, so rename is atomic). Hidden, matches `.tmp*` in .gitignore. */
export function siblingTemp(out: string, tag: string, unique: string): string {
  return join(dirname(out), `.tmp-${basename(out)}-${tag}-${unique}`);
}

/**
 * Named points of the build where a test can make it die (DIGIKOMMUNE_FAULT_AT), in build order.
 * `aside` is the dangerous one: the old output has been moved aside, the new one is not yet in.
 */
export const FAULT_STEPS = ['engine', 'pages', 'guard', 'aside', 'in', 'artefacts'] as const;
export type FaultStep = (typeof FAULT_STEPS)[number];
export type Fault = (step: FaultStep) => void;
export const noFault: Fault = () => {};

/**
 * Fault injection for the atomicity tests: DIGIKOMMUNE_FAULT_AT=<step> kills the build at that
 * step with SIGKILL, like a power cut: no finally block runs, nothing is cleaned up.
 */
export function faultFromEnv(at: string | undefined): Fault {
  if (!at) return noFault;
  if (!(FAULT_STEPS as readonly string[]).includes(at)) {
    throw new InputError(`DIGIKOMMUNE_FAULT_AT=${at} er ikke et steg; kjente steg: ${FAULT_STEPS.join(', ')}`);
  }
  return (step) => {
    if (step !== at) return;
    process.kill(process.pid, 'SIGKILL');
    // SIGKILL to oneself is delivered at once; block so not one more statement runs meanwhile.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
  };
}

export async function swapIntoPlace(fx: BuildEffects, built: string, out: string, unique: string, fault: Fault = noFault): Promise<void> {
  const old = siblingTemp(out, 'old', unique);
  const hadOld = await fx.exists(out);
  if (hadOld) await fx.rename(out, old);
  fault('aside');
  try {
    await fx.rename(built, out);
  } catch (error) {
    // Put the previous output back before reporting: it must survive a failed publish.
    if (hadOld) await fx.rename(old, out);
    throw error;
  }
  fault('in');
  if (hadOld) await fx.rm(old);
}

const tempPattern = (out: string) => new RegExp(`^\\.tmp-${escape(basename(out))}-(new|old|artefacts|cache|out)-(\\d+)-[0-9a-f]+$`);

/**
 * When a build died between moving the old output aside and moving the new one in, the output
 * path is empty and the old output waits beside it: move it back. Returns the leftover's name, or
 * null when there was nothing to restore. Leftovers of live builds are left alone.
 */
export async function recoverOutput(
  fx: BuildEffects,
  out: string,
  isComplete: (dir: string) => Promise<boolean>,
  isAlive: (pid: number) => boolean = pidAlive,
): Promise<string | null> {
  if (await fx.exists(out)) return null;
  const dir = dirname(out);
  if (!(await fx.exists(dir))) return null;
  const pattern = tempPattern(out);
  for (const name of await fx.readdir(dir)) {
    const m = pattern.exec(name);
    if (!m || m[1] !== 'old' || isAlive(Number(m[2]))) continue;
    if (!(await isComplete(join(dir, name)))) continue;
    await fx.rename(join(dir, name), out);
    return name;
  }
  return null;
}

/**
 * Removes temp dirs beside `out` left by builds that were killed (their process is gone), so an
 * interrupted build never leaves clutter that a later one trips over. Live builds are left alone.
 * An `old` leftover (a previous output) is only removed while `out` itself holds an output, so
 * the only complete copy is never deleted; call recoverOutput first.
 */
export async function removeStaleTemps(fx: BuildEffects, out: string, isAlive: (pid: number) => boolean = pidAlive): Promise<string[]> {
  const dir = dirname(out);
  if (!(await fx.exists(dir))) return [];
  const pattern = tempPattern(out);
  const outputInPlace = await fx.exists(out);
  const removed: string[] = [];
  for (const name of await fx.readdir(dir)) {
    const m = pattern.exec(name);
    if (!m || isAlive(Number(m[2]))) continue;
    if (m[1] === 'old' && !outputInPlace) continue;
    await fx.rm(join(dir, name));
    removed.push(name);
  }
  return removed;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
