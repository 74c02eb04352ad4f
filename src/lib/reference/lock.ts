// The reference lock (`data/reference.lock.json`, committed): the SHA-256 of every reference file
// the build uses, so one commit builds from the same registers, correspondences and boundaries on
// every machine, or says which file differs. Pure: hashing and reading files is the caller's job.
import type { CorrespondenceRow, RegisterRow } from '../types';

/** Relative to the project root. */
export const LOCK_FILE = 'data/reference.lock.json';

export interface ReferenceLock {
  /** Reference-directory path (`registers/kommuner-2024.csv`) → SHA-256 (hex). */
  files: Record<string, string>;
}

export class ReferenceLockError extends Error {
  readonly differences: LockDifference[];
  constructor(message: string, differences: LockDifference[] = []) {
    super(message);
    this.name = 'ReferenceLockError';
    this.differences = differences;
  }
}

export function parseLock(text: string, file: string): ReferenceLock {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ReferenceLockError(`${file}: ugyldig JSON (${(e as Error).message})`);
  }
  const files = (json as { files?: unknown } | null)?.files;
  if (typeof files !== 'object' || files === null || Array.isArray(files)) {
    throw new ReferenceLockError(`${file}: mangler «files» (filsti → SHA-256)`);
  }
  const out: Record<string, string> = {};
  for (const [name, hash] of Object.entries(files)) {
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) {
      throw new ReferenceLockError(`${file}: «files.${name}» er ikke en SHA-256 (64 heksadesimale tegn)`);
    }
    out[name] = hash;
  }
  return { files: out };
}

export function formatLock(hashes: Record<string, string>): string {
  const files = Object.fromEntries(Object.keys(hashes).sort().map((k) => [k, hashes[k]]));
  return JSON.stringify(
    {
      note: 'SHA-256 av referansedataene bygget bruker. Oppdateres med `npm run reference -- --update` (se README).',
      files,
    },
    null,
    2,
  ) + '\n';
}

export interface LockDifference {
  file: string;
  /** SHA-256 in the lock; null when the lock does not list the file. */
  expected: string | null;
  /** SHA-256 found; null when the file is missing. */
  actual: string | null;
}

/** Every file of the lock whose hash differs or that is missing, plus files found that the lock does not list. */
export function compareWithLock(lock: ReferenceLock, actual: Record<string, string | null>): LockDifference[] {
  const out: LockDifference[] = [];
  const names = new Set([...Object.keys(lock.files), ...Object.keys(actual).filter((k) => actual[k] !== null)]);
  for (const file of [...names].sort()) {
    const expected = lock.files[file] ?? null;
    const got = actual[file] ?? null;
    if (expected !== got) out.push({ file, expected, actual: got });
  }
  return out;
}

export function describeDifference(d: LockDifference): string {
  if (d.actual === null) return `${d.file}: mangler (låst SHA-256 ${d.expected})`;
  if (d.expected === null) return `${d.file}: står ikke i ${LOCK_FILE} (SHA-256 ${d.actual})`;
  return `${d.file}: SHA-256 ${d.actual}, låst ${d.expected}`;
}

function list(items: string[], max = 8): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} … (${items.length} i alt)`;
}

/** What changed between two versions of a register: kommuner added or removed, names, population. */
export function registerChanges(before: RegisterRow[], after: RegisterRow[]): string[] {
  const b = new Map(before.map((r) => [r.kommunenummer, r]));
  const a = new Map(after.map((r) => [r.kommunenummer, r]));
  const added = after.filter((r) => !b.has(r.kommunenummer)).map((r) => `${r.kommunenummer} ${r.kommunenavn}`);
  const removed = before.filter((r) => !a.has(r.kommunenummer)).map((r) => `${r.kommunenummer} ${r.kommunenavn}`);
  const renamed: string[] = [];
  const population: string[] = [];
  for (const r of after) {
    const o = b.get(r.kommunenummer);
    if (!o) continue;
    if (o.kommunenavn !== r.kommunenavn || o.fylkesnavn !== r.fylkesnavn) {
      renamed.push(`${r.kommunenummer} «${o.kommunenavn}» → «${r.kommunenavn}»${o.fylkesnavn !== r.fylkesnavn ? ` (fylke «${o.fylkesnavn}» → «${r.fylkesnavn}»)` : ''}`);
    }
    if (o.innbyggere !== r.innbyggere) population.push(`${r.kommunenummer} ${o.innbyggere ?? '–'} → ${r.innbyggere ?? '–'}`);
  }
  const out: string[] = [];
  if (added.length) out.push(`${added.length} kommune(r) lagt til: ${list(added)}`);
  if (removed.length) out.push(`${removed.length} kommune(r) fjernet: ${list(removed)}`);
  if (renamed.length) out.push(`${renamed.length} navn endret: ${list(renamed)}`);
  if (population.length) out.push(`${population.length} folketall endret: ${list(population)}`);
  return out;
}

/** What changed between two versions of a correspondence: pairs added or removed, kinds of change. */
export function correspondenceChanges(before: CorrespondenceRow[], after: CorrespondenceRow[]): string[] {
  const key = (r: CorrespondenceRow) => `${r.kommunenummer_2020}→${r.kommunenummer_2024}`;
  const b = new Map(before.map((r) => [key(r), r]));
  const a = new Map(after.map((r) => [key(r), r]));
  const added = [...a.keys()].filter((k) => !b.has(k));
  const removed = [...b.keys()].filter((k) => !a.has(k));
  const kind = [...a.entries()].filter(([k, r]) => b.has(k) && b.get(k)!.endring !== r.endring).map(([k, r]) => `${k} ${b.get(k)!.endring} → ${r.endring}`);
  const names: string[] = [];
  for (const [k, r] of a) {
    const o = b.get(k);
    if (!o) continue;
    if (o.kommunenavn_2020 !== r.kommunenavn_2020) names.push(`${k} «${o.kommunenavn_2020}» → «${r.kommunenavn_2020}»`);
    if (o.kommunenavn_2024 !== r.kommunenavn_2024) names.push(`${k} «${o.kommunenavn_2024}» → «${r.kommunenavn_2024}»`);
  }
  const out: string[] = [];
  if (added.length) out.push(`${added.length} par lagt til: ${list(added)}`);
  if (removed.length) out.push(`${removed.length} par fjernet: ${list(removed)}`);
  if (kind.length) out.push(`${kind.length} endringstype(r) endret: ${list(kind)}`);
  if (names.length) out.push(`${names.length} navn endret: ${list(names)}`);
  return out;
}
