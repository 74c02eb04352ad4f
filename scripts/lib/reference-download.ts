// Downloading the reference data to disk: everything is fetched and checked in memory
// (src/lib/reference/download.ts), compared with the lock, and only then written, all files at once.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseCorrespondence } from '../../src/lib/reference/correspondence';
import { downloadReference, type DownloadResult } from '../../src/lib/reference/download';
import { httpContext, type FetchLike } from '../../src/lib/reference/http';
import {
  LOCK_FILE,
  ReferenceLockError,
  compareWithLock,
  correspondenceChanges,
  describeDifference,
  registerChanges,
  type LockDifference,
} from '../../src/lib/reference/lock';
import type { ReferencePlan } from '../../src/lib/reference/plan';
import { parseRegister } from '../../src/lib/reference/register';
import { REFERENCE_CACHE } from '../../src/lib/reference/resolve';
import { PROJECT_ROOT, requireReferenceDir, resolveReferenceDir, type ReferenceOptions } from './reference-files';
import { readLock, writeLock } from './reference-lock';
import type { ResolvedReference } from '../../src/lib/reference/resolve';

/**
 * Writes downloaded files into `outDir`: first all into a temporary sibling directory, then each
 * renamed into place, so an interrupted run never leaves a half-written file. Other files already
 * in `outDir` are left alone.
 */
export function writeReferenceFiles(files: Map<string, Uint8Array>, outDir: string): string[] {
  const abs = path.resolve(outDir);
  const tmp = path.join(path.dirname(abs), `.tmp-${path.basename(abs)}-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const [rel, bytes] of files) {
      const p = path.join(tmp, rel);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, bytes);
    }
    const written: string[] = [];
    for (const rel of [...files.keys()].sort()) {
      const target = path.join(abs, rel);
      mkdirSync(path.dirname(target), { recursive: true });
      renameSync(path.join(tmp, rel), target);
      written.push(target);
    }
    return written;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export interface DownloadOptions {
  outDir?: string;
  fetch?: FetchLike;
  plan?: ReferencePlan;
  log?: (line: string) => void;
  /** Waits between retries; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Project root holding the lock (data/reference.lock.json). */
  projectRoot?: string;
  /** Write files that differ from the lock, and the new lock, for review. */
  update?: boolean;
  /** Where the current versions are, for the summary of what changed; defaults to outDir, then the resolved reference directory. */
  compareWith?: string | null;
}

export interface DownloadOutcome {
  written: string[];
  /** Files whose SHA-256 differs from the lock (written only with `update`). */
  differences: LockDifference[];
  /** The lock file, when `update` wrote it. */
  lockWritten: string | null;
}

function previousText(dirs: (string | null | undefined)[], file: string): string | null {
  for (const d of dirs) {
    if (d && existsSync(path.join(d, file))) return readFileSync(path.join(d, file), 'utf8');
  }
  return null;
}

/** Human summary of a download that differs from the lock: per file, what changed in content where the old version is at hand. */
export function differenceSummary(result: DownloadResult, differences: LockDifference[], oldDirs: (string | null | undefined)[]): string[] {
  const lines: string[] = [];
  const dec = new TextDecoder();
  for (const d of differences) {
    lines.push(`  - ${describeDifference(d)}`);
    const bytes = result.files.get(d.file);
    const before = previousText(oldDirs, d.file);
    if (!bytes || before === null) continue;
    try {
      if (d.file.startsWith('registers/kommuner-')) {
        for (const l of registerChanges(parseRegister(before, d.file), parseRegister(dec.decode(bytes), d.file))) lines.push(`      ${l}`);
      } else if (d.file.startsWith('registers/endringer-')) {
        for (const l of correspondenceChanges(parseCorrespondence(before, d.file), parseCorrespondence(dec.decode(bytes), d.file))) lines.push(`      ${l}`);
      }
    } catch {
      lines.push('      (den gamle versjonen kan ikke leses; ingen oppsummering)');
    }
  }
  return lines;
}

/**
 * Downloads everything (checked, in memory) and compares it with the lock. Equal: writes it to
 * `outDir` (default: the cache). Different: writes nothing and throws ReferenceLockError with a
 * summary of the difference, unless `update`, which writes the files and the new lock for review.
 */
export async function downloadReferenceTo(opts: DownloadOptions = {}): Promise<DownloadOutcome> {
  const projectRoot = opts.projectRoot ?? PROJECT_ROOT;
  const outDir = opts.outDir ?? path.join(projectRoot, REFERENCE_CACHE);
  const fetchImpl = opts.fetch ?? (globalThis.fetch as unknown as FetchLike);
  const log = opts.log ?? (() => {});
  const result = await downloadReference(httpContext(fetchImpl, { log, ...(opts.sleep ? { sleep: opts.sleep } : {}) }), opts.plan);
  const hashes = Object.fromEntries(result.sources.map((s) => [s.file, s.sha256]));
  const lock = readLock(projectRoot);
  const differences = compareWithLock(lock ?? { files: {} }, hashes);
  const oldDirs = [outDir, opts.compareWith === undefined ? resolveReferenceDir({ projectRoot, env: {} })?.dir : opts.compareWith];
  // Summarised before anything is written, while the old versions are still there to compare with.
  const summary = differences.length > 0 ? differenceSummary(result, differences, oldDirs) : [];
  if (differences.length > 0 && !opts.update) {
    throw new ReferenceLockError(
      [
        `Nedlastingen avviker fra ${LOCK_FILE} i ${differences.length} fil(er); ingenting er skrevet.`,
        ...summary,
        'Ser endringene riktige ut, skriv filene og den nye låsen med `npm run reference -- --update` og se over diffen før commit.',
      ].join('\n'),
      differences,
    );
  }
  const written = writeReferenceFiles(result.files, outDir);
  const lockWritten = opts.update ? writeLock(projectRoot, hashes) : null;
  if (opts.update && differences.length > 0) {
    log(`Oppdaterte ${LOCK_FILE} (${differences.length} fil(er) endret):`);
    for (const l of summary) log(l);
  }
  return { written, differences, lockWritten };
}

/**
 * For the build: the resolved reference directory, downloading into the cache first (with a
 * message saying so) when nothing resolves; a download that differs from the lock writes nothing
 * (the caller checks found data against the lock with checkReferenceLock). Offline, it throws
 * ReferenceOfflineError whose message says where to put the files by hand.
 */
export async function ensureReference(
  opts: ReferenceOptions & Omit<DownloadOptions, 'outDir' | 'update' | 'projectRoot'> = {},
): Promise<ResolvedReference> {
  const projectRoot = opts.projectRoot ?? PROJECT_ROOT;
  const log = opts.log ?? ((line: string) => console.error(line));
  let found = resolveReferenceDir(opts);
  if (!found) {
    const outDir = path.join(projectRoot, REFERENCE_CACHE);
    log(`Fant ingen referansedata; laster ned kommuneregistre (SSB) og kartgrenser (Kartverket) til ${outDir}/ …`);
    await downloadReferenceTo({ ...opts, projectRoot, outDir, log, compareWith: null });
    found = requireReferenceDir(opts);
  }
  return found;
}
