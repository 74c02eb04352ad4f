// The compiled build (scripts/run-build.mjs): `scripts/<entry>.ts` bundled by esbuild into one
// JavaScript file under node_modules/.cache/digikommune-build/, named by its content, and the
// copies earlier code left there pruned to the few used last.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

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

/**
 * Every change to the build's code compiles a new file (about 300 KB), and nothing else removes
 * them: only the few used last are kept. A running build's files are among them (just used), so
 * the card threads it starts later still find theirs, unless four other versions of the code are
 * compiled in the same checkout meanwhile.
 */
export const KEEP_COMPILED = 4;

/** `scripts/<entry>.ts` as one JavaScript file under node_modules/.cache; its URL. */
export async function compiled(entry) {
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
  const prefix = `${entry.replaceAll('/', '-')}-`;
  const file = join(dir, `${prefix}${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    await mkdir(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, code);
    await rename(tmp, file);
  } else {
    const now = new Date();
    await utimes(file, now, now); // used now: kept by the pruning below
  }
  await pruneCompiled(dir, prefix);
  return pathToFileURL(file).href;
}

/** Removes all but the `keep` last used (newest mtime) of `dir`'s files named `<prefix>….mjs`. */
export async function pruneCompiled(dir, prefix, keep = KEEP_COMPILED) {
  await pruneLeastRecent(dir, (f) => f.startsWith(prefix) && f.endsWith('.mjs'), keep);
}

/**
 * Removes all but the `keep` last used (newest mtime) of the entries of `dir` that `ours` accepts,
 * files or folders (the build's chart drawings are kept per version of the code: scripts/lib/drawings.ts).
 */
export async function pruneLeastRecent(dir, ours, keep) {
  const mine = (await readdir(dir)).filter(ours);
  if (mine.length <= keep) return;
  const used = await Promise.all(mine.map(async (f) => ({ f, at: (await stat(join(dir, f)).catch(() => null))?.mtimeMs ?? 0 })));
  used.sort((a, b) => b.at - a.at);
  // Another build may prune at the same moment: an entry already gone is no error.
  await Promise.all(used.slice(keep).map(({ f }) => rm(join(dir, f), { recursive: true, force: true })));
}
