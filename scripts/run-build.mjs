// `npm run build`: scripts/build.ts compiled by esbuild into one JavaScript file, then run by plain
// Node. Run through tsx instead, every module the build loads (Astro, Vite and Rollup included)
// passes through tsx's loader, which on Node 20 is a thread of its own that keeps each module's
// source and gives it back with a source map that Node then keeps too: about 200 MB of a warm
// build's peak RSS and a quarter of its CPU time (issue 20 §3). The pages are Vite's to compile,
// as before. The card workers run a compiled copy of theirs as well (scripts/lib/cards/pool.ts).
// `tsx scripts/build.ts` runs the same code (for development). The tests build through this file;
// tests/build/compiled.test.ts starts both.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stop } from 'esbuild';
import { compiled } from './lib/compiled-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

let entry;
try {
  const [main, worker] = await Promise.all([compiled('build'), compiled('lib/cards/worker')]);
  // The card threads run the compiled worker too (scripts/lib/cards/pool.ts), without a loader thread each.
  process.env.DIGIKOMMUNE_CARD_WORKER = worker;
  entry = main;
} catch (e) {
  // A checkout whose node_modules cannot be written to still builds, through tsx, as before.
  console.error(`Merk: bygger uten kompilert byggeskript (${e instanceof Error ? e.message : String(e)}); bruker tsx, som trenger mer minne`);
  (await import('tsx/esm/api')).register();
  entry = pathToFileURL(join(root, 'scripts', 'build.ts')).href;
} finally {
  await stop(); // esbuild's service process is not needed while the site builds
}
const { cli } = await import(entry);
await cli();
