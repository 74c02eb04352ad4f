// Shared chart drawings kept between builds (src/draw/plot.ts, renderSharedPlot): Plot and linkedom
// are most of a page's cost, and from one build to the next almost every chart's numbers are the
// same. The build names the folder (DIGIKOMMUNE_DRAWINGS, scripts/lib/drawings.ts) by a fingerprint
// of everything that draws (src/, the locked packages, Node and its ICU), so a drawing is reused
// only by the code that made it; within the folder a drawing is named by the hash of its inputs.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keepDrawingsIn, type DrawingStore } from '../draw/plot';

export const DRAWINGS_ENV = 'DIGIKOMMUNE_DRAWINGS';

export function fileDrawingStore(dir: string): DrawingStore {
  const unique = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const file = (key: string) => join(dir, `${createHash('sha256').update(key).digest('hex')}.svg`);
  const write = (target: string, svg: string) => {
    // Written beside and renamed into place: a build running at the same time never reads half a drawing.
    const tmp = `${target}.${unique}.tmp`;
    try {
      writeFileSync(tmp, svg);
      renameSync(tmp, target);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
  };
  return {
    get(key) {
      try {
        return readFileSync(file(key), 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw e;
      }
    },
    set(key, svg) {
      try {
        write(file(key), svg);
      } catch (e) {
        // The folder is made on the first write, and made again if a build of other code pruned it.
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        mkdirSync(dir, { recursive: true });
        write(file(key), svg);
      }
    },
  };
}

/** Keeps drawings in the folder the build named, if it named one. */
export function keepDrawingsFromEnv(): void {
  const dir = process.env[DRAWINGS_ENV];
  keepDrawingsIn(dir ? fileDrawingStore(dir) : null);
}
