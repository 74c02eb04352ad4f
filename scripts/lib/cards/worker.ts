// One rasteriser per worker thread: card SVGs in, PNG bytes out (transferred, not copied).
import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import { makeRasteriser, type Rasteriser } from './raster';

// One card at a time per thread: libvips needs no thread pool of its own here, and its operation
// cache (50 MB by default) never hits, since no two cards are the same image.
sharp.concurrency(1);
sharp.cache(false);

/** What is drawn: a share card (texts outlined, published at CARD_SCALE). */
export type PngKind = 'card';

export interface CardJob { id: number; svg: string; kind: PngKind }
export type CardReply = { id: number; png: Uint8Array } | { id: number; error: string };

let rasteriser: Rasteriser | undefined;
parentPort!.on('message', (job: CardJob) => {
  rasteriser ??= makeRasteriser();
  rasteriser.png(job.svg).then(
    (png) => parentPort!.postMessage({ id: job.id, png } satisfies CardReply, [png.buffer as ArrayBuffer]),
    (e: unknown) => parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) } satisfies CardReply),
  );
});
