// The build's folder of shared chart drawings (src/site/drawings.ts): named by a fingerprint of
// everything that draws, so a change to the code, a package or Node (whose ICU formats numbers)
// starts an empty folder rather than reusing drawings the new code would not make.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { BuildEffects } from './effects';
import { mkdir, utimes } from 'node:fs/promises';
import { pruneLeastRecent } from './compiled-build.mjs';

/** Code versions whose drawings are kept (the last used); each is a few MB. */
export const KEEP_DRAWINGS = 4;

/** Every file under the site's src/, the lockfile, and Node's and ICU's versions. */
export async function drawingFingerprint(fx: BuildEffects, siteRoot: string): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify({ node: process.version, icu: process.versions.icu ?? null })).update('\0');
  for (const file of await fx.listFiles(join(siteRoot, 'src'))) hash.update(file).update('\0').update(await fx.readFile(join(siteRoot, 'src', file))).update('\0');
  const lock = join(siteRoot, 'package-lock.json');
  if (await fx.exists(lock)) hash.update(await fx.readFile(lock));
  return hash.digest('hex').slice(0, 16);
}

/** `<cache>/tegninger/<fingerprint>`, made (or marked as used now), with older versions pruned. */
export async function drawingsFolder(fx: BuildEffects, siteRoot: string, cache: string): Promise<string> {
  const parent = join(cache, 'tegninger');
  const dir = join(parent, await drawingFingerprint(fx, siteRoot));
  await mkdir(dir, { recursive: true });
  const now = new Date();
  await utimes(dir, now, now); // used now: kept by the pruning
  await pruneLeastRecent(parent, (name: string) => /^[0-9a-f]{16}$/.test(name), KEEP_DRAWINGS);
  return dir;
}
