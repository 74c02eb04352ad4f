// The one place that decides where reference data (registers, boundaries) is read from.
// Pure: the file system is reached only through the `exists` callback.
import path from 'node:path';

export const REFERENCE_ENV = 'DIGIKOMMUNE_REFERENCE';
/** Git-ignored download cache, relative to the project root. */
export const REFERENCE_CACHE = 'data/reference';
/** The shared reference folder beside the project, relative to the project root. */
export const REFERENCE_SHARED = '../shared';

/** Files a reference directory holds (paths relative to it), as the structures in data/structures name them. */
export const REFERENCE_FILES = [
  'registers/kommuner-2018.csv',
  'registers/kommuner-2020.csv',
  'registers/kommuner-2024.csv',
  'registers/endringer-2018-2020.csv',
  'registers/endringer-2020-2024.csv',
  'geo/kommuner-2020.topojson',
  'geo/fylker-2020.topojson',
  'geo/kommuner-2024.topojson',
  'geo/fylker-2024.topojson',
] as const;

export type ReferenceSource = 'option' | 'env' | 'cache' | 'shared';

export interface ResolvedReference {
  dir: string;
  source: ReferenceSource;
}

export interface ResolveInput {
  /** `--reference <dir>`; relative to `cwd`. */
  option?: string | null;
  /** Value of DIGIKOMMUNE_REFERENCE; relative to `cwd`. */
  env?: string | null;
  projectRoot: string;
  /** Directory relative paths of option/env are taken from; defaults to the project root. */
  cwd?: string;
  exists: (absolutePath: string) => boolean;
  /** Files the cache and the shared folder must hold to count; defaults to REFERENCE_FILES. */
  required?: readonly string[];
}

function complete(dir: string, required: readonly string[], exists: (p: string) => boolean): boolean {
  return exists(dir) && required.every((f) => exists(path.join(dir, f)));
}

/**
 * Order: explicit option → environment variable → cache (only when complete) → ../shared (only
 * when complete). An explicit choice is taken as given even if it is incomplete, so a typo in
 * `--reference` fails loudly on the missing file instead of silently reading other data.
 */
export function resolveReference(input: ResolveInput): ResolvedReference | null {
  const cwd = input.cwd ?? input.projectRoot;
  const required = input.required ?? REFERENCE_FILES;
  const option = input.option?.trim();
  if (option) return { dir: path.resolve(cwd, option), source: 'option' };
  const env = input.env?.trim();
  if (env) return { dir: path.resolve(cwd, env), source: 'env' };
  const cache = path.resolve(input.projectRoot, REFERENCE_CACHE);
  if (complete(cache, required, input.exists)) return { dir: cache, source: 'cache' };
  const shared = path.resolve(input.projectRoot, REFERENCE_SHARED);
  if (complete(shared, required, input.exists)) return { dir: shared, source: 'shared' };
  return null;
}

export const SOURCE_LABEL: Record<ReferenceSource, string> = {
  option: 'valget --reference',
  env: `miljøvariabelen ${REFERENCE_ENV}`,
  cache: `hurtiglageret ${REFERENCE_CACHE}/`,
  shared: `${REFERENCE_SHARED}/ ved siden av prosjektet`,
};

/** What to tell the user when nothing resolves or a file is missing. */
export function howToGetReference(): string {
  return [
    `Hent referansedata med \`npm run reference\` (lastes ned til ${REFERENCE_CACHE}/),`,
    `eller pek på en katalog med registers/ og geo/ med --reference <katalog> eller ${REFERENCE_ENV}=<katalog>.`,
  ].join(' ');
}
