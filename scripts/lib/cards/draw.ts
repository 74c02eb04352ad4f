// The share cards' PNGs: from the card cache when an identical card was drawn before, otherwise
// drawn on worker threads and added to the cache. The cache key is the card's SVG and everything
// else that decides its bytes (renderer, font and zlib versions, the encoder's revision), so a
// cached card is byte-for-byte the card that would be drawn now; most cards stay the same from
// one build to the next (a new year adds cards, it does not change the old ones).
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildEffects } from '../effects';
import { renderCardsInWorkers, type CardRendering } from './pool';
import { CARD_RENDER_REVISION, FIGURE_RENDER_REVISION, FIGURE_ZOOM } from './raster';
import type { PngKind } from './worker';

const require = createRequire(import.meta.url);
const version = (pkg: string) => (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;
const SALT = JSON.stringify({ resvg: version('@resvg/resvg-js'), font: version('source-sans'), zlib: process.versions.zlib, revision: CARD_RENDER_REVISION });
const FIGURE_SALT = JSON.stringify({ resvg: version('@resvg/resvg-js'), font: version('source-sans'), zlib: process.versions.zlib, revision: FIGURE_RENDER_REVISION, zoom: FIGURE_ZOOM, kind: 'figure' });

export function cardCacheKey(svg: string, kind: PngKind = 'card'): string {
  return createHash('sha256').update(kind === 'card' ? SALT : FIGURE_SALT).update('\0').update(svg).digest('hex');
}

export interface DrawnCards { pngs: Uint8Array[]; drawn: number; cached: number }

export interface CardDrawing {
  done: Promise<DrawnCards>;
  cancel(): void;
}

/** `cacheDir` null: draw every card. Figure files (`kind` 'figure') are drawn and cached the same way. */
export function drawCards(fx: BuildEffects, svgs: readonly string[], cacheDir: string | null, kind: PngKind = 'card'): CardDrawing {
  let workers: CardRendering | null = null;
  let cancelled = false;
  const done = (async (): Promise<DrawnCards> => {
    const keys = svgs.map((svg) => cardCacheKey(svg, kind));
    const pngs: (Uint8Array | null)[] = [];
    for (const key of keys) {
      const file = cacheDir ? join(cacheDir, `${key}.png`) : null;
      pngs.push(file && (await fx.exists(file)) ? await fx.readFile(file) : null);
    }
    const missing = pngs.flatMap((p, i) => (p ? [] : [i]));
    if (cancelled) throw new Error('Tegningen av delingskort ble avbrutt');
    workers = renderCardsInWorkers(missing.map((i) => svgs[i]), undefined, kind);
    const fresh = await workers.done;
    if (cacheDir && missing.length > 0) {
      await fx.mkdir(cacheDir);
      const unique = randomBytes(4).toString('hex');
      for (let j = 0; j < missing.length; j++) {
        // Written beside and renamed into place, so a parallel build never reads half a file.
        const file = join(cacheDir, `${keys[missing[j]]}.png`);
        await fx.writeFile(`${file}.${unique}.tmp`, fresh[j]);
        await fx.rename(`${file}.${unique}.tmp`, file);
      }
    }
    missing.forEach((i, j) => (pngs[i] = fresh[j]));
    return { pngs: pngs as Uint8Array[], drawn: missing.length, cached: svgs.length - missing.length };
  })();
  return {
    done,
    cancel: () => {
      cancelled = true;
      workers?.cancel();
    },
  };
}
