// Where the build reads reference data from (C's resolver), downloading into the git-ignored
// cache when nothing is found so `npm ci && npm run build` works on a clean clone with network,
// and checked against the committed lock (data/reference.lock.json).
import { existsSync } from 'node:fs';
import { SOURCE_LABEL, howToGetReference } from '../../src/lib/reference/resolve';
import { requireReferenceDir } from './reference-files';
import { ensureReference } from './reference-download';
import { checkReferenceLock } from './reference-lock';
import type { BuildEffects } from './effects';
import { InputError } from './errors';

export interface ReferenceChoice {
  option: string | null;
  env: string | null;
  root: string;
  download: boolean;
}

export async function ensureReferenceDir(c: ReferenceChoice, fx: BuildEffects): Promise<string> {
  const log = (l: string) => fx.log(l);
  const opts = { reference: c.option, env: { DIGIKOMMUNE_REFERENCE: c.env ?? undefined }, projectRoot: c.root, log };
  const found = c.download ? await ensureReference(opts) : requireReferenceDir(opts);
  if (!existsSync(found.dir)) {
    throw new InputError(`Referansekatalogen ${found.dir} (fra ${SOURCE_LABEL[found.source]}) finnes ikke. ${howToGetReference()}`);
  }
  checkReferenceLock(found, c.root, log);
  return found.dir;
}
