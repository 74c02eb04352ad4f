// Every input file the engine reads goes through here: the path is confined to its directory
// (data or reference), the bytes are hashed for the manifest, and the manifest names the file
// relative to that directory, never by a machine path.
import { relative, resolve, sep } from 'node:path';
import type { BuildEffects } from './effects';
import { decodeText } from './effects';
import { InputError } from './errors';
import { sha256 } from './hash';
import type { ManifestInput } from './manifest';

export interface InputReader {
  /** Bytes of `path`, recorded in the manifest under `role`; `label` names it in errors. */
  read(path: string, role: string, label: string): Promise<Uint8Array>;
  /** Parsed JSON (not yet checked against a schema). */
  readJson(path: string, role: string, label: string): Promise<unknown>;
  /** The name a path gets in the manifest and in messages. */
  display(path: string): string;
  /** What was read, in reading order. */
  readonly inputs: ManifestInput[];
}

/**
 * `dir/rel`, refusing anything that would leave `dir` (a schema already refused «..» and absolute
 * paths; this is the check on the resolved path itself).
 */
export function confinedPath(dir: string, rel: string, file: string, field: string): string {
  const base = resolve(dir);
  const full = resolve(base, rel);
  if (!full.startsWith(base + sep)) {
    throw new InputError(`${file}: felt «${field}»: stien «${rel}» går ut av katalogen ${base}; bare filer i katalogen kan brukes`);
  }
  return full;
}

export function inputReader(fx: BuildEffects, dataDir: string, referenceDir: () => string | null): InputReader {
  const inputs: ManifestInput[] = [];
  const under = (dir: string, path: string) => {
    const rel = relative(dir, path);
    return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) ? rel.split(sep).join('/') : null;
  };
  const display = (path: string) => {
    const ref = referenceDir();
    const inRef = ref ? under(ref, path) : null;
    if (inRef) return `reference:${inRef}`;
    const inData = under(dataDir, path);
    // The data directory is «data/» in the manifest wherever it lives (--data elsewhere included).
    if (inData) return `data/${inData}`;
    throw new Error(`Inndatafila ${path} ligger verken i datakatalogen eller referansekatalogen`);
  };
  const read = async (path: string, role: string, label: string) => {
    if (!(await fx.exists(path))) throw new InputError(`Fant ikke ${label}: ${display(path)}`);
    const bytes = await fx.readFile(path);
    inputs.push({ path: display(path), role, sha256: sha256(bytes), bytes: bytes.length });
    return bytes;
  };
  const readJson = async (path: string, role: string, label: string) => {
    const text = decodeText(await read(path, role, label)).replace(/^\uFEFF/, '');
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      throw new InputError(`${display(path)}: ugyldig JSON (${(e as Error).message})`);
    }
  };
  return { read, readJson, display, inputs };
}
