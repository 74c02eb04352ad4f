// The build's side effects in one object, so tests can build into temp dirs and inject failures.
import { listFiles } from './sitefiles';
import { forEachLimited } from './limited';
import { chmod, copyFile, cp, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface BuildEffects {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  /** `from`'s bytes to `to`, without passing through the build's memory (many small files). */
  copyFile(from: string, to: string): Promise<void>;
  /** Recursive; no error when the directory exists. */
  mkdir(path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Recursive and forceful: removing what is not there is not an error. */
  rm(path: string): Promise<void>;
  exists(path: string): Promise<boolean>;
  /** Names in the directory, sorted (stable order is part of reproducibility). */
  readdir(path: string): Promise<string[]>;
  /** Every file below `dir`, relative with '/' separators, sorted. */
  listFiles(dir: string): Promise<string[]>;
  /** Files 0644, directories 0755 below and including `dir`, whatever the umask was. */
  normaliseModes(dir: string): Promise<void>;
  log(message: string): void;
}

/**
 * Every upload of a build must be the same whatever umask the builder had (0600 files under
 * umask 077 would be unreadable for the web server).
 */
async function normaliseModes(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  await forEachLimited(await readdir(dir, { withFileTypes: true }), async (entry) => {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) await normaliseModes(p);
    else if (entry.isFile()) await chmod(p, 0o644);
  });
}

export function nodeEffects(log: (message: string) => void = (m) => console.log(m)): BuildEffects {
  return {
    readFile: async (path) => new Uint8Array(await readFile(path)),
    writeFile: (path, data) => writeFile(path, data),
    copyFile: (from, to) => copyFile(from, to),
    mkdir: async (path) => {
      await mkdir(path, { recursive: true });
    },
    rename: async (from, to) => {
      try {
        await rename(from, to);
      } catch (e) {
        // Across filesystems (a temp dir in the project, the output in /tmp): copy, then remove.
        if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
        await cp(from, to, { recursive: true, errorOnExist: true, force: false });
        await rm(from, { recursive: true, force: true });
      }
    },
    rm: (path) => rm(path, { recursive: true, force: true }),
    exists: async (path) => {
      try {
        await stat(path);
        return true;
      } catch {
        return false;
      }
    },
    readdir: async (path) => (await readdir(path)).sort(),
    listFiles: (dir) => listFiles(dir),
    normaliseModes,
    log,
  };
}

export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
