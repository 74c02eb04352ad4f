// `npm run build`: scripts/build.ts compiled by esbuild into one JavaScript file, then run by plain
// Node. Run through tsx instead, every module the build loads (Astro, Vite and Rollup included)
// passes through tsx's loader, which on Node 20 is a thread of its own that keeps each module's
// source and gives it back with a source map that Node then keeps too: about 200 MB of a warm
// build's peak RSS and a quarter of its CPU time (issue 20 §3). The pages are Vite's to compile,
// as before. The card workers run a compiled copy of theirs as well (scripts/lib/cards/pool.ts).
// `tsx scripts/build.ts` runs the same code (for development; the tests run this file).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, stop } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// A module finds files beside its own source (the project root, the card worker, packages), so
// each keeps the import.meta.url of the file it was compiled from.
const ownUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

/** `scripts/<entry>.ts` as one JavaScript file under node_modules/.cache; its URL. */
async function compiled(entry) {
  const { outputFiles } = await build({
    entryPoints: [join(root, 'scripts', `${entry}.ts`)],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'warning',
    plugins: [ownUrl],
  });
  const code = outputFiles[0].contents;
  // Named by its content, inside the project so that packages resolve from it; written beside and
  // renamed into place, so builds started at once never run half a file.
  const dir = join(root, 'node_modules', '.cache', 'digikommune-build');
  const file = join(dir, `${entry.replaceAll('/', '-')}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    await mkdir(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, code);
    await rename(tmp, file);
  }
  return pathToFileURL(file).href;
}

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
