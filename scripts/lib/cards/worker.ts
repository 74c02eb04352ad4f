// One rasteriser per worker thread: card SVGs in, PNG bytes out (transferred, not copied).
import { parentPort } from 'node:worker_threads';
import { makeRasteriser, type Rasteriser } from './raster';

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
