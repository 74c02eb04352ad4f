// The build's PNGs (share cards): from the cache when an identical image was
// drawn before, otherwise drawn on worker threads and added to the cache. The cache key is the SVG
// and everything else that decides the bytes (renderer, font and zlib versions, the encoder's
// revision, the kind of image), so a cached PNG is byte-for-byte the PNG that would be drawn now;
// most images stay the same from one build to the next (a new year adds images, it does not change
// the old ones).
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BuildEffects } from '../effects';
import { renderPngsInWorkers, type PngRendering } from './pool';
import { forEachLimited } from '../limited';
import { CARD_COLOURS, CARD_RENDER_REVISION } from './encoding';
import { CARD_SCALE } from '../../../src/draw/cards/frame';
import type { PngKind } from './worker';

const require = createRequire(import.meta.url);
const version = (pkg: string) => (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;
const RENDERER = { resvg: version('@resvg/resvg-js'), font: version('source-sans'), sharp: version('sharp') };
const SALT: Record<PngKind, string> = {
  card: JSON.stringify({ ...RENDERER, revision: CARD_RENDER_REVISION, scale: CARD_SCALE, colours: CARD_COLOURS }),
};

export function pngCacheKey(svg: string, kind: PngKind): string {
  return createHash('sha256').update(SALT[kind]).update('\0').update(svg).digest('hex');
}

/** One kind of image to draw, and where drawn ones of that kind are kept (null: draw them all). */
export interface PngBatch {
  svgs: readonly string[];
  kind: PngKind;
  cacheDir: string | null;
  /**
   * Leave the PNGs that are in the cache (or added to it) on disk, named by `files`, with an empty
   * `pngs` entry: the build reads each as it publishes it instead of holding them all while the
   * pages render (37 MB for the 10-year fixture).
   */
  onDisk?: boolean;
}

export interface DrawnPngs {
  pngs: Uint8Array[];
  drawn: number;
  cached: number;
  /** With `onDisk`: the cache file holding each PNG (null: the PNG is in `pngs`). */
  files?: (string | null)[];
}

const ON_DISK = new Uint8Array(0);

export interface PngDrawing {
  /** One result per batch, in the order given. */
  done: Promise<DrawnPngs[]>;
  cancel(): void;
}

export function drawPngs(fx: BuildEffects, input: readonly PngBatch[]): PngDrawing {
  let workers: PngRendering | null = null;
  let cancelled = false;
  // `cancel`, which the build keeps while the pages render, shares this scope: the batches (their
  // SVGs: 41 MB for the 10-year fixture) are the drawing's alone, let go when it ends.
  let given: readonly PngBatch[] | null = input;
  const done = (async (): Promise<DrawnPngs[]> => {
    const batches = given!;
    given = null;
    const keys = batches.map((b) => b.svgs.map((svg) => pngCacheKey(svg, b.kind)));
    const pngs: (Uint8Array | null)[][] = [];
    const files: (string | null)[][] = [];
    for (const [n, b] of batches.entries()) {
      const found: (Uint8Array | null)[] = new Array(keys[n].length).fill(null);
      const onDisk: (string | null)[] = new Array(keys[n].length).fill(null);
      await forEachLimited(keys[n], async (key, i) => {
        const file = b.cacheDir ? join(b.cacheDir, `${key}.png`) : null;
        if (file === null || !(await fx.exists(file))) return;
        found[i] = b.onDisk ? ON_DISK : await fx.readFile(file);
        if (b.onDisk) onDisk[i] = file;
      });
      pngs.push(found);
      files.push(onDisk);
    }
    // Everything missing goes to one pool: cards first, so they are ready with the pages.
    const missing = pngs.flatMap((found, n) => found.flatMap((p, i) => (p ? [] : [{ n, i }])));
    if (cancelled) throw new Error('Tegningen av bilder ble avbrutt');
    // Each drawn PNG goes into the cache as it comes, once (two cards with the same SVG are the same
    // PNG), written beside and renamed into place, so a parallel build never reads half a file. A
    // PNG kept on disk is then not held here; the writes run while the next cards are drawn.
    const unique = randomBytes(4).toString('hex');
    const dirs = new Map<string, Promise<void>>();
    const stored = new Set<string>();
    const writes: Promise<void>[] = [];
    let writeFailure: unknown = null;
    const store = async (file: string, png: Uint8Array) => {
      const dir = dirname(file);
      if (!dirs.has(dir)) dirs.set(dir, fx.mkdir(dir));
      await dirs.get(dir);
      const tmp = `${file}.${unique}.tmp`;
      try {
        await fx.writeFile(tmp, png);
        await fx.rename(tmp, file);
      } catch (e) {
        await fx.rm(tmp);
        throw e;
      }
    };
    workers = renderPngsInWorkers(
      missing.map(({ n, i }) => ({ svg: batches[n].svgs[i], kind: batches[n].kind })),
      (j, png) => {
        const { n, i } = missing[j];
        const dir = batches[n].cacheDir;
        pngs[n][i] = png;
        if (!dir) return;
        const file = join(dir, `${keys[n][i]}.png`);
        if (batches[n].onDisk) {
          pngs[n][i] = ON_DISK;
          files[n][i] = file;
        }
        if (stored.has(file)) return;
        stored.add(file);
        // A failed write stops the drawing at once, not after every card.
        writes.push(
          store(file, png).catch((e: unknown) => {
            writeFailure ??= e;
            workers?.cancel();
          }),
        );
      },
    );
    const drawFailure = await workers.done.then(
      () => null,
      (e: unknown) => e,
    );
    // The build keeps `cancel` to the end: through `workers` it would keep every card's SVG.
    workers = null;
    await Promise.all(writes);
    if (writeFailure !== null) throw writeFailure;
    if (drawFailure !== null) throw drawFailure;
    return pngs.map((found, n) => {
      const drawn = missing.filter((m) => m.n === n).length;
      return { pngs: found as Uint8Array[], drawn, cached: found.length - drawn, ...(batches[n].onDisk ? { files: files[n] } : {}) };
    });
  })();
  return {
    done,
    cancel: () => {
      cancelled = true;
      workers?.cancel();
    },
  };
}
