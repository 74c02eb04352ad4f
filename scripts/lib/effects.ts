// The build's side effects in one object, so tests can build into temp dirs and inject failures.
import { listFiles } from './sitefiles';
import { cp, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';

export interface BuildEffects {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
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
  log(message: string): void;
}

export function nodeEffects(log: (message: string) => void = (m) => console.log(m)): BuildEffects {
  return {
    readFile: async (path) => new Uint8Array(await readFile(path)),
    writeFile: (path, data) => writeFile(path, data),
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
    log,
  };
}

export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
