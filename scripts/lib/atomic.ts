// Replace the output directory only after everything succeeded: the old output is renamed aside,
// the new one renamed into place, then the old one removed. Renames on one filesystem are atomic,
// so a reader (or a failed build) never sees a half-written site.
import { dirname, basename, join } from 'node:path';
import type { BuildEffects } from './effects';

/** A temp path beside `out` (same filesystem, so rename is atomic). Hidden, matches `.tmp*` in .gitignore. */
export function siblingTemp(out: string, tag: string, unique: string): string {
  return join(dirname(out), `.tmp-${basename(out)}-${tag}-${unique}`);
}

export async function swapIntoPlace(fx: BuildEffects, built: string, out: string, unique: string): Promise<void> {
  const old = siblingTemp(out, 'old', unique);
  const hadOld = await fx.exists(out);
  if (hadOld) await fx.rename(out, old);
  try {
    await fx.rename(built, out);
  } catch (error) {
    // Put the previous output back before reporting: it must survive a failed publish.
    if (hadOld) await fx.rename(old, out);
    throw error;
  }
  if (hadOld) await fx.rm(old);
}

/**
 * Removes temp dirs beside `out` left by builds that were killed (their process is gone), so an
 * interrupted build never leaves clutter that a later one trips over. Live builds are left alone.
 */
export async function removeStaleTemps(fx: BuildEffects, out: string, isAlive: (pid: number) => boolean = pidAlive): Promise<string[]> {
  const dir = dirname(out);
  if (!(await fx.exists(dir))) return [];
  const pattern = new RegExp(`^\\.tmp-${escape(basename(out))}-(new|old|artefacts|cache|out)-(\\d+)-[0-9a-f]+$`);
  const removed: string[] = [];
  for (const name of await fx.readdir(dir)) {
    const m = pattern.exec(name);
    if (m && !isAlive(Number(m[2]))) {
      await fx.rm(join(dir, name));
      removed.push(name);
    }
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
