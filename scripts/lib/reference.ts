// Where the build reads reference data from; downloads it into the git-ignored cache when nothing
// is found (so `npm ci && npm run build` works on a clean clone with network).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REFERENCE_CACHE, SOURCE_LABEL, howToGetReference, resolveReference } from '../../src/lib/reference/resolve.ts';
import { downloadReference } from '../../src/lib/reference/download.ts';
import type { BuildEffects } from './effects.ts';
import { InputError } from './errors.ts';

export interface ReferenceChoice {
  option: string | null;
  env: string | null;
  root: string;
  download: boolean;
}

export async function ensureReferenceDir(c: ReferenceChoice, fx: BuildEffects): Promise<string> {
  const found = resolveReference({ option: c.option, env: c.env, projectRoot: c.root, cwd: process.cwd(), exists: existsSync });
  if (found) {
    if (!existsSync(found.dir)) {
      throw new InputError(`Referansekatalogen ${found.dir} (fra ${SOURCE_LABEL[found.source]}) finnes ikke. ${howToGetReference()}`);
    }
    return found.dir;
  }
  if (!c.download) throw new InputError(`Fant ingen referansedata (registre og kartgrenser). ${howToGetReference()}`);
  const target = resolve(c.root, REFERENCE_CACHE);
  fx.log(`Fant ingen referansedata; laster ned til ${REFERENCE_CACHE}/ (Kartverket via GitHub, SSB KLASS og statistikkbanken) …`);
  let result;
  try {
    result = await downloadReference(fetch as never, undefined, (line) => fx.log(`  ${line}`));
  } catch (e) {
    throw new InputError(`Nedlasting av referansedata feilet: ${(e as Error).message}\n${howToGetReference()}`);
  }
  // Write into a temp dir and rename, so an interrupted download never looks like a complete cache.
  const tmp = `${target}.tmp-${process.pid}`;
  await fx.rm(tmp);
  for (const [file, bytes] of [...result.files.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    await fx.mkdir(join(tmp, file, '..'));
    await fx.writeFile(join(tmp, file), bytes);
  }
  await fx.writeFile(join(tmp, 'kilder.json'), `${JSON.stringify(result.sources, null, 1)}\n`);
  await fx.rm(target);
  await fx.rename(tmp, target);
  return target;
}
