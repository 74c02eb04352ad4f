// Checks `--out` before anything is built, so a bad output path ends in one clear sentence instead
// of a stack trace or a hang: Node's recursive mkdir loops forever under /proc, reports ENOTDIR
// when a parent is a file and ENOENT when it may not write.
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { dirname, sep } from 'node:path';
import { InputError } from './errors';

/** Kernel filesystems: never a place for a site, and where mkdir misbehaves. */
const VIRTUAL_ROOTS = ['/proc', '/sys', '/dev'];

async function kindOf(path: string): Promise<'dir' | 'other' | null> {
  try {
    return (await stat(path)).isDirectory() ? 'dir' : 'other';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR') return 'other';
    throw e;
  }
}

/**
 * Makes sure `out` can be written: not under a kernel filesystem, not a file, every missing
 * parent creatable. Creates the missing parents one level at a time (no recursive mkdir).
 */
export async function prepareOutputPath(out: string, option = '--out'): Promise<void> {
  for (const root of VIRTUAL_ROOTS) {
    if (out === root || out.startsWith(root + sep)) {
      throw new InputError(`${option} ${out} ligger under ${root}, et systemfilområde; velg en vanlig katalog (f.eks. dist)`);
    }
  }
  const kind = await kindOf(out);
  if (kind === 'other') throw new InputError(`${option} ${out} er en fil, ikke en katalog; velg en katalog for nettstedet`);
  // The nearest ancestor that exists decides whether the rest can be made.
  const missing: string[] = [];
  let dir = dirname(out);
  for (;;) {
    const k = await kindOf(dir);
    if (k === 'dir') break;
    if (k === 'other') throw new InputError(`${option} ${out}: ${dir} er en fil, ikke en katalog`);
    missing.unshift(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  try {
    await access(dir, constants.W_OK);
  } catch {
    throw new InputError(`${option} ${out}: har ikke skrivetilgang til ${dir}`);
  }
  for (const d of missing) {
    try {
      await mkdir(d);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      const why = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'har ikke skrivetilgang' : `kunne ikke opprettes (${code})`;
      throw new InputError(`${option} ${out}: ${d} ${why}`);
    }
  }
}
