// Renders share-card SVGs to PNG on worker threads, so they are drawn while Astro builds the pages
// on the main thread. Workers run the compiled worker `npm run build` names (DIGIKOMMUNE_CARD_WORKER),
// otherwise the TypeScript sources through tsx's loader (a dependency), e.g. under `tsx scripts/build.ts`.
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CardJob, CardReply, PngKind } from './worker';

// Node 20 loads a worker's entry before any --import hook applies, so the entry is a line of
// JavaScript that registers tsx's loader and then imports the TypeScript worker.
const TSX_API = (() => {
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  const exported = (JSON.parse(readFileSync(pkg, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api'].import.default;
  return new URL(exported, pathToFileURL(pkg)).href;
})();
const WORKER = new URL('./worker.ts', import.meta.url).href;
// `npm run build` (scripts/run-build.mjs) names a compiled copy of the worker: each thread then
// loads it without a tsx loader of its own (tens of MB per thread, and its CPU).
const COMPILED = process.env.DIGIKOMMUNE_CARD_WORKER;
const BOOT = COMPILED
  ? `import(${JSON.stringify(COMPILED)});`
  : `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER)}); });`;

export interface PngJob { svg: string; kind: PngKind }

export interface PngRendering {
  /** Settles when every job's PNG has been handed to `onPng`. */
  done: Promise<void>;
  /** Stops the workers (after a failure elsewhere); `done` then rejects. */
  cancel(): void;
}

/**
 * The cards are drawn while the main thread renders the pages, so one core is left to it: on two
 * cores one drawing thread (each thread costs its own heap, resvg and libvips: about 100 MB of the
 * build's peak). A cold build then waits for its cards after the pages (about 20 s for the demo);
 * a second thread once the pages are done cut that wait by a third but raised the peak by 70 MB.
 */
export const DRAWING_THREADS = Math.max(1, availableParallelism() - 1);

/**
 * Cards a thread is given at a time. A card is drawn by resvg on the thread, then encoded by sharp
 * on libuv's pool: with a second card waiting, the thread draws it while the first is encoded, so
 * the two halves overlap instead of taking turns (the cold build's cards took twice as long after
 * the pages were done). Costs one more card's pixels (under 1 MB) per thread.
 */
export const CARDS_IN_FLIGHT = 2;

/**
 * resvg's images and font databases live outside the JS heap and are freed only when the small JS
 * objects holding them are collected; with V8's default young generation (tens of MB) a thread
 * drew hundreds of cards between collections. Kept small, it collects every few cards: 400 cards
 * peaked 50–100 MB lower, at the same CPU time.
 */
const YOUNG_GENERATION_MB = 2;

const NOTHING_TO_DRAW: PngRendering = { done: Promise.resolve(), cancel: () => {} };

/**
 * Each job's PNG goes to `onPng` (with the job's index) as soon as it is drawn, so a caller that
 * stores it is not made to hold them all (11 MB for the demo, 37 MB for ten years).
 */
export function renderPngsInWorkers(jobs: readonly PngJob[], onPng: (id: number, png: Uint8Array) => void, threads = DRAWING_THREADS): PngRendering {
  // Nothing made here may keep `onPng` (and with it the caller's SVGs) alive: the build holds on
  // to `cancel` while the pages render.
  if (jobs.length === 0) return NOTHING_TO_DRAW;
  const what = (_id: number) => 'Delingskort';
  const workers: Worker[] = [];
  let next = 0;
  let finished = 0;
  let settled = false;
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const stop = () => {
    for (const w of workers) void w.terminate();
  };
  const fail = (error: Error) => {
    if (settled) return;
    settled = true;
    stop();
    reject(error);
  };
  const feed = (w: Worker) => {
    if (next < jobs.length) {
      const job: CardJob = { id: next, ...jobs[next] };
      next++;
      w.postMessage(job);
    }
  };
  for (let i = 0; i < Math.max(1, Math.min(threads, jobs.length)); i++) {
    const w = new Worker(BOOT, { eval: true, execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    workers.push(w);
    w.on('message', (reply: CardReply) => {
      if ('error' in reply) return fail(new Error(`${what(reply.id)} (bilde ${reply.id + 1} av ${jobs.length}) kunne ikke tegnes: ${reply.error}`));
      if (settled) return;
      try {
        onPng(reply.id, reply.png);
      } catch (e) {
        return fail(e instanceof Error ? e : new Error(String(e)));
      }
      finished++;
      if (finished === jobs.length) {
        settled = true;
        stop();
        resolve();
      } else feed(w);
    });
    w.on('error', (e) => fail(e));
    w.on('exit', (code) => {
      if (!settled) fail(new Error(`En tegnetråd for delingskort stoppet (kode ${code}) før alt var tegnet`));
    });
    for (let k = 0; k < CARDS_IN_FLIGHT; k++) feed(w);
  }
  return { done, cancel: () => fail(new Error('Tegningen av delingskort ble avbrutt')) };
}
