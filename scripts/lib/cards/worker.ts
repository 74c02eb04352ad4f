// One rasteriser per worker thread: card SVGs in, PNG bytes out (transferred, not copied).
import { parentPort } from 'node:worker_threads';
import { makeRasteriser } from './raster';

export interface CardJob { id: number; svg: string }
export type CardReply = { id: number; png: Uint8Array } | { id: number; error: string };

const rasteriser = makeRasteriser();
parentPort!.on('message', (job: CardJob) => {
  try {
    const png = rasteriser.png(job.svg);
    parentPort!.postMessage({ id: job.id, png } satisfies CardReply, [png.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) } satisfies CardReply);
  }
});
