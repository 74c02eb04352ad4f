// Reference data for tests, found the way the build finds it: through the project's one resolver
// (DIGIKOMMUNE_REFERENCE, the cache data/reference/, then ../shared beside the checkout).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_ENV, howToGetReference, resolveReference } from '../../src/lib/reference/resolve';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Absolute path of a reference file (e.g. `registers/kommuner-2018.csv`); throws when none resolves. */
export function referenceFile(relativePath: string): string {
  const ref = resolveReference({ env: process.env[REFERENCE_ENV] ?? null, projectRoot: ROOT, exists: existsSync });
  if (!ref) throw new Error(`Fant ingen referansedata for ${relativePath}. ${howToGetReference()}`);
  return join(ref.dir, relativePath);
}
