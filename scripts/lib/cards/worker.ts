// One rasteriser per worker thread: card SVGs in, PNG bytes out (transferred, not copied).
import { parentPort } from 'node:worker_threads';
import { makeFigureRasteriser, makeRasteriser, type Rasteriser } from './raster';

/** What is drawn: a share card (1200×630, texts outlined) or a figure file (/figur/, at twice its size). */
export type PngKind = 'card' | 'figure';

export interface CardJob { id: number; svg: string; kind: PngKind }
export type CardReply = { id: number; png: Uint8Array } | { id: number; error: string };

const rasterisers: Partial<Record<PngKind, Rasteriser>> = {};
parentPort!.on('message', (job: CardJob) => {
  try {
    const rasteriser = (rasterisers[job.kind] ??= job.kind === 'card' ? makeRasteriser() : makeFigureRasteriser());
    const png = rasteriser.png(job.svg);
    parentPort!.postMessage({ id: job.id, png } satisfies CardReply, [png.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) } satisfies CardReply);
  }
});
